import { useId, useState } from 'react';
import type { TraceAnalysis } from '../../trace/job.ts';
import { fittingTimeScale, replayDurationMs, replayScenario, type TraceShape } from '../../trace/replay.ts';
import { useController } from '../../runtime/controller.ts';
import { useAppStoreApi } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';
import { holdsRequests, takeRequests } from './traceStore.ts';

/** The shape of the analysed trace, from its card's figures (the worker sends the exact one with the requests). */
function shapeOf(a: TraceAnalysis): TraceShape {
  const s = a.stats;
  return {
    format: a.format,
    length: s.kept,
    uniqueKeys: s.uniqueKeys,
    firstMs: s.startMs,
    lastMs: s.startMs + s.durationMs,
  };
}

/**
 * "Replay this trace": the trace's requests become the stage's workload on the current scenario's
 * settings (every mechanism applies), at a time scale, so a day can play in a minute. The requests go
 * from the trace worker to the engine's worker, transferred; a share link never carries them.
 */
export function ReplayPanel({ analysis, onReplayed }: { analysis: TraceAnalysis; onReplayed: () => void }) {
  const id = useId();
  const controller = useController();
  const store = useAppStoreApi();
  const shape = shapeOf(analysis);
  const [scale, setScale] = useState(() => fittingTimeScale(shape));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = analysis.fileName;
  const held = controller.heldTrace() === name && !holdsRequests();
  const valid = Number.isFinite(scale) && scale >= 1;
  const replay = async () => {
    setError(null);
    try {
      const base = store.getState().applied;
      // Checked before the requests leave the trace worker, so a trace that cannot replay stays there.
      replayScenario(base, shape, { name, timeScale: scale });
      if (held) {
        controller.replayTrace(replayScenario(base, shape, { name, timeScale: scale }), null);
      } else {
        setBusy(true);
        const taken = await takeRequests();
        controller.replayTrace(replayScenario(base, taken.shape, { name, timeScale: scale }), taken.workload);
      }
      onReplayed();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const spanMs = replayDurationMs(shape, 1);
  return (
    <section className="trace-replay" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Replay on the stage</h3>
      <p>
        The trace&apos;s requests drive the simulation, on the current scenario&apos;s caches, database,
        strategy, stampede protection, failures and live changes. Its requests stay in this browser: a share
        link of the scenario names the trace but never carries it.
      </p>
      <div className="trace-replay-row">
        <label>
          Time scale{' '}
          <input
            type="number"
            min={1}
            step={1}
            value={Number.isFinite(scale) ? scale : ''}
            aria-describedby={`${id}-d`}
            onChange={(e) => setScale(Number(e.currentTarget.value))}
          />
        </label>
        <button type="button" className="btn primary" disabled={!valid || busy} onClick={() => void replay()}>
          Replay this trace
        </button>
      </div>
      <p id={`${id}-d`} className="trace-replay-hint">
        {valid
          ? `The trace's ${formatDuration(spanMs)} play in ${formatDuration(spanMs / scale)} of simulated time (1440 plays a day in a minute).`
          : 'The time scale is a number, 1 or more.'}
      </p>
      {error && (
        <p className="trace-error" role="alert">
          Could not replay {name}: {error}
        </p>
      )}
    </section>
  );
}

import { useAppStore } from '../../store/useAppStore.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { AppState } from '../../store/types.ts';

type Trace = NonNullable<Scenario['workload']['trace']>;

const count = (n: number) => n.toLocaleString('en-US');

/** Seconds (or minutes, hours) of a duration in ms, as the explanation words it. */
function span(ms: number): string {
  const s = ms / 1000;
  if (s < 120) return `${Number(s.toFixed(s < 10 ? 1 : 0))} s`;
  if (s < 7200) return `${Number((s / 60).toFixed(1))} min`;
  return `${Number((s / 3600).toFixed(1))} h`;
}

/**
 * What a replay is, in place of the generated workload's description (which no longer says what runs):
 * the trace, its requests (when the engine holds them, which a replay always does), how long the trace
 * lasts on its own clock and in the run, and the time scale. The header names the trace too.
 */
export function replayText(trace: Trace, held: AppState['heldTrace'], durationMs: number): string {
  const requests = held && held.name === trace.name ? `${count(held.requests)} requests` : 'its requests';
  const scaled =
    trace.timeScale === 1
      ? `at the trace's own pace, over ${span(durationMs)}`
      : `${span(durationMs * trace.timeScale)} of the trace played in ${span(durationMs)} (time ×${trace.timeScale})`;
  return (
    `Replaying the trace ${trace.name}: ${requests}, ${scaled}. Arrivals, keys, writes, deletes ` +
    'and sizes come from the trace, not from the generated workload; the caches, Redis and every ' +
    "mechanism are the scenario's. Watch the hit ratios and database reads this traffic gives."
  );
}

/**
 * The scenario's description: what to predict before pressing Play, and which number proves it. In an
 * embed there is no Configure tab to point to, so a scenario without a description says less. During a
 * trace replay it says that the trace is replaying instead (`replayText`).
 */
export function ScenarioAbout({ embed = false }: { embed?: boolean }) {
  const description = useAppStore((s) => s.applied.description);
  const trace = useAppStore((s) => s.applied.workload.trace);
  const durationMs = useAppStore((s) => s.applied.durationMs);
  const held = useAppStore((s) => s.heldTrace);
  return (
    <section className="about">
      <h2>What to look for</h2>
      <p>
        {trace
          ? replayText(trace, held, durationMs)
          : description ||
            (embed
              ? 'A custom scenario. Open it in Cachescope to see and change every setting.'
              : 'A custom scenario. Use the Configure tab to see and change every setting.')}
      </p>
      <p className="hint">
        Press <kbd>Space</kbd> to play, <kbd>→</kbd> to step one event, <kbd>?</kbd> for all shortcuts.
      </p>
    </section>
  );
}

import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Dialog } from '../app/Dialog.tsx';
import { cancelTrace, openTrace, useTraceStatus } from './traceStore.ts';
import { TraceProgress } from './TraceProgress.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';

// The charts (and d3) load with the first result: imported directly, they drew d3 into the first load.
const TraceResults = lazy(() => import('./TraceResults.tsx').then((m) => ({ default: m.TraceResults })));
import type { ScenarioSizes } from '../../trace/marks.ts';
import type { TraceFormat } from '../../trace/types.ts';
import './trace.css';

const FORMATS: { value: TraceFormat | ''; label: string }[] = [
  { value: '', label: 'Detect from the file' },
  { value: 'twitter', label: 'Twitter cache trace (CSV)' },
  { value: 'oracle', label: 'libCacheSim oracleGeneral (.bin, .zst)' },
  { value: 'csv', label: 'Plain CSV (time_ms,key,…)' },
];

/**
 * "Open a cache trace": pick or drop a file; a worker reads it as a stream (progress and Cancel), then
 * the workload card and the miss-ratio curves show. The file never leaves the browser.
 */
export function TraceDialog({
  dropped,
  sizes,
  onClose,
}: {
  dropped: File | null;
  /** The scenario's cache sizes when the trace is opened, for the chart's marks. */
  sizes: () => ScenarioSizes;
  onClose: () => void;
}) {
  const titleId = useId();
  const status = useTraceStatus();
  const [format, setFormat] = useState<TraceFormat | ''>('');
  const open = (file: File) => openTrace(file, format || null, sizes());
  useEffect(() => {
    if (dropped) openTrace(dropped, null, sizes());
    // Only a new drop starts a read; the scenario at that moment gives the marks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);
  const working = status.kind === 'working';
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="trace-dialog">
      <h2 id={titleId}>Open a cache trace</h2>
      <p className="trace-privacy">
        The file is read here, in this browser, by a background worker: it is never uploaded, and a trace is
        never put into a share link.
      </p>
      <div className="trace-pick">
        <label className="trace-drop">
          <span>Choose a file, or drop one anywhere on the page</span>
          <input
            type="file"
            data-autofocus
            disabled={working}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) open(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className="trace-format">
          Format{' '}
          <select
            value={format}
            disabled={working}
            onChange={(e) => setFormat(e.currentTarget.value as TraceFormat | '')}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status.kind === 'idle' && status.note && <p role="status">{status.note}</p>}
      {working && <TraceProgress status={status} onCancel={() => cancelTrace()} />}
      {status.kind === 'error' && (
        <p className="trace-error" role="alert">
          Could not read {status.fileName}: {status.message}
        </p>
      )}
      {status.kind === 'done' && <ReplayPanel analysis={status.analysis} onReplayed={onClose} />}
      {status.kind === 'done' && (
        <Suspense fallback={<p role="status">Drawing…</p>}>
          <TraceResults analysis={status.analysis} />
        </Suspense>
      )}
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

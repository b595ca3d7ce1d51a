import type { TraceStatus } from './traceStore.ts';

const PHASES = {
  read: 'Reading',
  analyse: 'Counting keys and reuse',
  curves: 'Computing the miss-ratio curves',
};

/** The bar while a trace is read and analysed, with Cancel (which ends the worker). */
export function TraceProgress({
  status,
  onCancel,
}: {
  status: Extract<TraceStatus, { kind: 'working' }>;
  onCancel: () => void;
}) {
  const percent = Math.round(status.done * 100);
  const label = `${PHASES[status.phase]} ${status.fileName}`;
  return (
    <div className="trace-progress" role="status">
      <span>
        {label}: {percent} %
      </span>
      <progress max={100} value={percent} aria-label={label} />
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

import type { TraceHop, TraceRequest } from '../../engine/types.ts';
import { hopLabel, OUTCOME_LABELS } from '../../labels/options.ts';
import { nodeLabel, shortNodeLabel } from '../../labels/names.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { formatDuration } from '../format.ts';
import './inspector.css';

export interface RequestWaterfallProps {
  request: TraceRequest;
  /** The request's hops; hops of other requests are ignored, so a whole drained batch may be passed. */
  hops: readonly TraceHop[];
}

/** One request's trace: each hop as a bar placed on the request's own timeline, with its duration. */
export function RequestWaterfall({ request, hops }: RequestWaterfallProps) {
  const own = hops.filter((h) => h.requestId === request.requestId).sort((a, b) => a.startMs - b.startMs);
  const start = request.startMs;
  const end = Math.max(request.endMs, ...own.map((h) => h.endMs));
  const span = Math.max(end - start, 1e-9);
  const total = request.endMs - request.startMs;
  const color = OUTCOME_COLORS[request.outcome];

  return (
    <section className="insp waterfall" aria-label={`Request ${request.requestId}`}>
      <h3 className="insp-title">
        Request {request.requestId}: {request.isWrite ? 'write' : 'read'} of key {request.key}{' '}
        {request.instance < 0 ? 'answered at the CDN edge' : `via ${nodeLabel(`app-${request.instance}`)}`}
      </h3>
      <p className="wf-outcome">
        <span className="wf-swatch" style={{ background: color }} aria-hidden="true" />
        <strong>{OUTCOME_LABELS[request.outcome]}</strong> in {formatDuration(total)}
        {request.outcome === 'stale' &&
          ` — served version ${request.version} while the database had ${request.dbVersion}`}
      </p>
      <table className="insp-table wf-table">
        <thead>
          <tr>
            <th scope="col">Hop</th>
            <th scope="col">Starts</th>
            <th scope="col">Takes</th>
            <th scope="col" className="wf-bar-col">
              <span className="visually-hidden">Timeline</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {own.map((h, i) => {
            const left = (100 * (h.startMs - start)) / span;
            const width = Math.max((100 * (h.endMs - h.startMs)) / span, 0.5);
            return (
              <tr key={i}>
                <th scope="row">
                  {shortNodeLabel(h.from)} → {shortNodeLabel(h.to)}
                  <span className="wf-op">{hopLabel(h.op)}</span>
                </th>
                <td>+{formatDuration(h.startMs - start)}</td>
                <td>{formatDuration(h.endMs - h.startMs)}</td>
                <td className="wf-bar-col" aria-hidden="true">
                  <div className="wf-track">
                    <span
                      className="wf-bar"
                      style={{
                        left: `${left}%`,
                        width: `${width}%`,
                        // Muted: a hop sent before the outcome was known.
                        background: h.outcome ? OUTCOME_COLORS[h.outcome] : 'var(--c-muted)',
                      }}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {own.length === 0 && <p className="insp-sub">No hops recorded for this request.</p>}
    </section>
  );
}

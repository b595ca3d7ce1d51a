import { OUTCOME_LABELS } from '../../labels/options.ts';
import { OUTCOME_COLORS } from '../../render/palette.ts';
import { selectRecent } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';

/** The last few requests the canvas followed (the worker sends them with each update), each opening its waterfall. */
export function RecentRequests() {
  const store = useAppStoreApi();
  const recent = useAppStore(selectRecent).slice(0, 6);
  if (recent.length === 0) return null;
  return (
    <div className="recent">
      <h3>Recent requests</h3>
      <ul>
        {recent.map((r) => (
          <li key={r.requestId}>
            <button
              type="button"
              className="btn recent-btn"
              onClick={() => store.getState().select({ kind: 'request', requestId: r.requestId })}
            >
              <span
                className="metric-dot"
                style={{ background: OUTCOME_COLORS[r.outcome] }}
                aria-hidden="true"
              />
              #{r.requestId} {r.isWrite ? 'write' : 'read'} key {r.key}: {OUTCOME_LABELS[r.outcome]},{' '}
              {formatDuration(r.endMs - r.startMs)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { formatDuration } from '../format.ts';
import type { ChangeGroup } from './liveChanges.ts';

/** Rows shown at most; older changes are summed up in one line (a link may carry thousands). */
const MAX_ROWS = 40;

export interface ChangesListProps {
  groups: readonly ChangeGroup[];
  /** How many changes are in force at the playhead; the rest are ahead of it. */
  inForce: number;
  onUndo(): void;
}

/**
 * What was changed live, and when: one row per change (a slider drag is one change, however many
 * frames it took), the field as the panel names it, old and new value. Changes later than the
 * playhead (after a seek back) are listed dimmed: they happen again when the run gets there.
 */
export function ChangesList({ groups, inForce, onUndo }: ChangesListProps) {
  if (groups.length === 0) {
    return (
      <p className="cfg-hint">
        Fields without ↻ change the running simulation at once, at the current time. Each change is listed
        here and marked on the charts; a link copied from the address bar carries them.
      </p>
    );
  }
  const hidden = Math.max(0, groups.length - MAX_ROWS);
  return (
    <section className="cfg-changes" aria-label="Live changes">
      <h3>Changes made during the run</h3>
      {hidden > 0 && <p className="cfg-hint">{hidden} earlier changes not listed</p>}
      <ol>
        {groups.slice(hidden).map((g) => (
          <li key={g.index} className={g.index >= inForce ? 'cfg-change-ahead' : undefined}>
            <span className="cfg-change-time">{formatDuration(g.fromMs)}</span>
            <span>
              {g.label}: {g.before} → <strong>{g.after}</strong>
              {g.count > 1 && ` (dragged until ${formatDuration(g.toMs)})`}
              {g.index >= inForce && ' (ahead)'}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onUndo}>
        Undo last change
      </button>
    </section>
  );
}

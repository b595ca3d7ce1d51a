import { useController } from '../../runtime/controller.ts';
import { selectNotable } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** Jumps to the next failure, alert or expiry of the hottest key, and says what it found. */
export function NotableButton() {
  const c = useController();
  const notable = useAppStore(selectNotable);
  return (
    <div className="notable">
      <button
        type="button"
        className="btn"
        onClick={c.nextNotable}
        aria-label="Next notable event"
        title="Jump to the next failure, alert or hot-key expiry (N)"
      >
        Next notable event <span aria-hidden="true">⇥</span>
      </button>
      {notable && (
        <span className="notable-text" role="status">
          {notable}
        </span>
      )}
    </div>
  );
}

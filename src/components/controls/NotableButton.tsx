import { useController } from '../../runtime/controller.ts';

/** Jumps to the next failure, alert or expiry of the hottest key (the stage says what it found). */
export function NotableButton() {
  const c = useController();
  return (
    <div className="notable">
      <button
        type="button"
        className="btn"
        onClick={c.nextNotable}
        aria-label="Next notable event"
        title="Jump to the next failure, alert or hot-key expiry (N)"
      >
        <span className="btn-word">Next notable event </span>
        <span aria-hidden="true">⇥</span>
      </button>
    </div>
  );
}

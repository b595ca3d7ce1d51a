import { useController } from '../../runtime/controller.ts';
import { selectPlaying } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** Play/Pause, Step (one engine event) and Restart. The keyboard hints match useKeyboard. */
export function PlaybackButtons() {
  const c = useController();
  const playing = useAppStore(selectPlaying);
  return (
    <div className="btn-group">
      <button
        type="button"
        className="btn primary"
        onClick={c.toggle}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={c.step}
        aria-label="Step"
        title="Step: process one simulation event (→)"
      >
        <span aria-hidden="true">▶|</span> Step
      </button>
      <button
        type="button"
        className="btn"
        onClick={c.restart}
        aria-label="Restart"
        title="Restart from time zero"
      >
        <span aria-hidden="true">↺</span> Restart
      </button>
    </div>
  );
}

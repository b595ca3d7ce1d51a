import { useController } from '../../runtime/controller.ts';
import { selectPlaying } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/**
 * Play or Pause, whichever applies. `wordClassName` lets a narrow layout (the embed) hide the word and
 * keep the symbol; the accessible name stays the word.
 */
export function PlayButton({ wordClassName }: { wordClassName?: string }) {
  const c = useController();
  const playing = useAppStore(selectPlaying);
  const word = playing ? 'Pause' : 'Play';
  return (
    <button
      type="button"
      className="btn primary"
      onClick={c.toggle}
      aria-label={word}
      title={`${word} (Space)`}
    >
      <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      <span className={wordClassName}> {word}</span>
    </button>
  );
}

/**
 * Play/Pause, Step (one engine event) and Restart. The keyboard hints match useKeyboard. On a phone
 * the words hide (`.btn-word`) and the symbols stay; the accessible names are the words.
 */
export function PlaybackButtons() {
  const c = useController();
  return (
    <div className="btn-group">
      <PlayButton wordClassName="btn-word" />
      <button
        type="button"
        className="btn"
        onClick={c.step}
        aria-label="Step"
        title="Step: process one simulation event (→)"
      >
        <span aria-hidden="true">▶|</span>
        <span className="btn-word"> Step</span>
      </button>
      <button
        type="button"
        className="btn"
        onClick={c.restart}
        aria-label="Restart"
        title="Restart from time zero"
      >
        <span aria-hidden="true">↺</span>
        <span className="btn-word"> Restart</span>
      </button>
    </div>
  );
}

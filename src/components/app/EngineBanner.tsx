import { useController } from '../../runtime/controller.ts';
import { SILENT_MS } from '../../runtime/engineWatch.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/**
 * What the page says when the engine's worker stops answering or keeps failing, with the one way out:
 * a new engine, brought back to the same run (scenario, live changes, time), so no work is lost.
 */
export function EngineBanner() {
  const health = useAppStore((s) => s.engineHealth);
  const controller = useController();
  if (health === 'ok') return null;
  if (health === 'restarting') {
    return (
      <section className="notice engine-notice" aria-label="Engine problem">
        <p role="status">Starting a new engine and bringing your run back to where it was…</p>
      </section>
    );
  }
  const what =
    health === 'silent'
      ? `The simulation engine has not answered for ${SILENT_MS / 1000} seconds: it has stopped or is stuck.`
      : 'The simulation engine fails on everything it is asked to do.';
  return (
    <section className="notice engine-notice" aria-label="Engine problem">
      <p role="alert">
        {what} Restart it to carry on: your scenario, its live changes and the time come back as they were.
      </p>
      <button type="button" className="btn primary" onClick={() => controller.restartEngine()}>
        Restart the engine
      </button>
    </section>
  );
}

import type { AppStore } from '../store/types.ts';
import type { EngineHealth } from './engineWatch.ts';

/**
 * What the page shows of the engine's health (the store's `engineHealth`, which the engine's banner
 * reads) and of the problems it reports (a notice). Only the session that can start a new engine speaks
 * for the page's health (run B of a comparison shares the store with the app's run): `speaks`.
 */
export class HealthReport {
  /** The last problem the engine reported, as the notice shows it. */
  private notice: string | null = null;

  constructor(
    private readonly store: AppStore,
    private readonly speaks: boolean,
  ) {}

  /** Shows a change of the engine's health; a stopped engine stops playing, as the clock has. */
  health(health: EngineHealth): void {
    if (!this.speaks) return;
    const s = this.store.getState();
    // A new engine is on its way back to the run: it is well once it is there, not at its first frame.
    if (health === s.engineHealth || (health === 'ok' && s.engineHealth === 'restarting')) return;
    // The engine's banner says it all: the last problem it reported goes.
    if (health !== 'ok' && s.notice !== null && s.notice === this.notice) s.setNotice(null);
    this.store.setState(
      health === 'ok' ? { engineHealth: health } : { engineHealth: health, playing: false },
    );
  }

  /** Shows a problem the engine reported, as a notice. */
  problem(message: string): void {
    this.notice = `The simulation reported a problem: ${message}`;
    this.store.getState().setNotice(this.notice);
  }
}

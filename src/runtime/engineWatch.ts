/**
 * The page's watch on the engine's worker. A worker that closed itself fires no event, and one that
 * spins in a loop answers nothing, so both are seen the same way: a reply awaited for longer than a
 * deadline. A worker that throws on every message answers each with an error: seen as errors in a row
 * with no frame or update between them. The watch only says what it sees; the session shows it and
 * offers to start a new worker (`EngineSession.restartEngine`).
 *
 * Deadlines are generous, so that a slow machine never trips them: a frame does at most a frame
 * budget's work (a few ms), so SILENT_MS of silence while one is awaited is far beyond any honest
 * reply; a seek or a load may re-simulate a whole costly run (about a minute at most on a 2-core
 * machine, by the cost budget), so they get BUSY_SILENT_MS until the first frame asked for after them
is back (frames queue behind them in the worker). Silence is not final either: a worker that
 * answers after all is well again, and the message goes away by itself.
 */

/** How the engine is doing, as the page shows it ('restarting': a new one is going back to the run). */
export type EngineHealth = 'ok' | 'silent' | 'failing' | 'restarting';

/** Silence allowed while a frame or a quick command is awaited. */
export const SILENT_MS = 10_000;
/** Silence allowed while a seek or a load (which may re-simulate a whole run) is under way. */
export const BUSY_SILENT_MS = 120_000;
/** Errors in a row, with no frame or update between them, after which the engine is failing. */
export const FAILURES_IN_A_ROW = 5;

export class EngineWatch {
  private lastHeard: number;
  private errorsInARow = 0;
  health: EngineHealth = 'ok';

  constructor(now: number) {
    this.lastHeard = now;
  }

  /** A message came from the worker at `now`; `ok` when it is a frame or an update. */
  heard(now: number, ok: boolean): EngineHealth {
    this.lastHeard = now;
    if (ok) this.errorsInARow = 0;
    else this.errorsInARow++;
    if (this.errorsInARow >= FAILURES_IN_A_ROW) this.health = 'failing';
    else if (ok || this.health === 'silent') this.health = 'ok';
    return this.health;
  }

  /**
   * Looks at the clock: `awaiting` whether a reply is due (a frame or a command in flight), `busy`
   * whether that may be a long seek or load. Silence counts from the later of the last message heard
   * and `since`, when the oldest reply still awaited was asked for.
   */
  check(now: number, awaiting: boolean, busy: boolean, since: number): EngineHealth {
    if (this.health !== 'ok' || !awaiting) return this.health;
    const quiet = now - Math.max(this.lastHeard, since);
    if (quiet > (busy ? BUSY_SILENT_MS : SILENT_MS)) this.health = 'silent';
    return this.health;
  }

  /** A new worker: nothing awaited, nothing failed. */
  reset(now: number): void {
    this.lastHeard = now;
    this.errorsInARow = 0;
    this.health = 'ok';
  }
}

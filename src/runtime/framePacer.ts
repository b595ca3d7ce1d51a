import type { SimMs } from '../engine/types.ts';
import type { Command, PlaybackState } from '../worker/protocol.ts';

/** Longest the canvas runs ahead of the last frame received (a slow reply must not run off). */
const MAX_EXTRAPOLATE_WALL_MS = 100;
/** How often a paused, untouched session still asks for a frame (see `idle`). */
export const IDLE_FRAME_MS = 1000;

/**
 * The session's frames: at most one asked of the worker at a time (never two in flight, so nothing
 * piles up), when it was asked for, and whether a command that may re-simulate a whole run is still
 * ahead of it. The session decides when to ask; this keeps the times and ids it decides by.
 */
export class FramePacer {
  /** Id of the frame in flight, or null. */
  id: number | null = null;
  /** When the frame in flight was asked for, on the session's clock. */
  askedAt = 0;
  /**
   * A load, seek or change of the run's changes was sent, and the first frame asked for after it has
   * not come back: the worker may be re-simulating a whole run (`heavyFrame`: that frame's id).
   */
  heavy = false;
  private heavyFrame: number | null = null;
  /** Wall time the last frame was asked at, and the one the last frame received was asked at. */
  private requestWall = 0;
  private frameWall = 0;
  /** `client.commandsSent` when the last frame was asked for (-1: none asked of this client yet). */
  private askedAfter = -1;

  /** Commands that may re-simulate a whole run: the watch gives them the longer deadline. */
  markHeavy(cmd: Command): void {
    if (cmd.type !== 'load' && cmd.type !== 'seek' && cmd.type !== 'setChanges') return;
    this.heavy = true;
    this.heavyFrame = null;
  }

  /** The worker answered command `id` (a frame or an error): the first frame after a heavy one ends it. */
  answered(id: number | undefined): void {
    if (id !== undefined && id === this.heavyFrame) this.heavy = false;
  }

  /**
   * Paused, and nothing sent to the worker since the last frame was asked for: the next frame would
   * be the same again, so it is asked for once every IDLE_FRAME_MS (which keeps the watch on the
   * worker) rather than on every animation frame. A paused stage then costs next to no CPU.
   */
  idle(playing: boolean, busy: boolean, commandsSent: number, wallNow: number): boolean {
    return (
      !playing && !busy && commandsSent === this.askedAfter && wallNow - this.requestWall < IDLE_FRAME_MS
    );
  }

  /** Asks for a frame at `wallNow` (`now` on the session's clock): `send` sends it and gives its id. */
  ask(wallNow: number, now: number, commandsSent: number, send: () => number): void {
    this.requestWall = wallNow;
    this.askedAt = now;
    this.askedAfter = commandsSent;
    this.id = send();
    if (this.heavy && this.heavyFrame === null) this.heavyFrame = this.id;
  }

  /** A frame came back: when it is the one in flight, the next may be asked for. */
  received(id: number | undefined): void {
    if (id !== this.id) return;
    this.id = null;
    this.frameWall = this.requestWall;
  }

  /** True when `id` is the frame in flight. */
  inFlight(id: number | undefined): boolean {
    return id !== undefined && id === this.id;
  }

  /** The frame in flight is over without a reply (it failed, or its worker did). */
  drop(): void {
    this.id = null;
  }

  /** A new client: no frame in flight, none asked of it yet. */
  restart(): void {
    this.askedAfter = -1;
    this.id = null;
  }

  /**
   * The simulated time to paint at `wallNow`: the last frame's time moved on by the wall time since
   * that frame was asked for, so particles glide at 60 fps even when a reply is a little late.
   */
  paintTime(s: PlaybackState, wallNow: number): SimMs {
    if (!s.playing || s.behind) return s.nowMs;
    const ahead = Math.min(MAX_EXTRAPOLATE_WALL_MS, Math.max(0, wallNow - this.frameWall));
    return Math.min(s.durationMs, s.nowMs + ahead * s.speed);
  }
}

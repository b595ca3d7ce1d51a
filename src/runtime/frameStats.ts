/** Per-frame figures, exposed on `window.__cachescope` for the render benchmark and browser tests. */
export interface FrameStats {
  fps: number;
  particlesDrawn: number;
  /** Of those, invalidations (client tracking's messages from Redis to an instance). */
  invalidationsDrawn: number;
  inFlight: number;
  sampleEvery: number;
  nowMs: number;
  speed: number;
  behind: boolean;
  /** Wall ms this thread spent taking in the last frame's particles, and painting. */
  frameInMs: number;
  paintMs: number;
  /** Whether a paint worker paints the canvas (render/offThreadPainter.ts); else this thread does. */
  paintWorker: boolean;
  /** Frames painted so far, and the wall ms between the last two (what the screen shows). */
  paints: number;
  paintIntervalMs: number;
  /** Wall ms the paint worker spent on its last paint (0 when this thread paints). */
  paintWorkerMs: number;
  /** Wall ms the engine's worker spent on the last frame (simulating, collecting particles). */
  workerMs: number;
  /** Most particles asked of the worker (the draw setting, or what "automatic" chose). */
  drawLimit: number;
}

declare global {
  interface Window {
    __cachescope?: FrameStats;
  }
}

export function publishFrameStats(stats: FrameStats): void {
  if (typeof window !== 'undefined') window.__cachescope = stats;
}

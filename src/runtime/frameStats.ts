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

/** Per-frame figures, exposed on `window.__cachescope` for the render benchmark and browser tests. */
export interface FrameStats {
  fps: number;
  particlesDrawn: number;
  inFlight: number;
  sampleEvery: number;
  nowMs: number;
  speed: number;
  behind: boolean;
  /** Wall ms spent advancing the simulation and painting in the last frame. */
  tickMs: number;
  paintMs: number;
}

declare global {
  interface Window {
    __cachescope?: FrameStats;
  }
}

export function publishFrameStats(stats: FrameStats): void {
  if (typeof window !== 'undefined') window.__cachescope = stats;
}

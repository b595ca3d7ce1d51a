import { createContext, useContext } from 'react';
import type { StageParticles, StageSource } from '../../export/stageImage.ts';
import type { StageRecording } from '../../export/stageRecorder.ts';

/**
 * The stage as exports see it (a picture or a recording of the stage): its element and its requests in
 * flight, which the stage sets while it is on the page, and the recording under way. One per app,
 * made with the store and the controller; the export code reads it only when asked to export.
 */
export class StageHandle {
  private area: HTMLElement | null = null;
  private particles: StageParticles | null = null;
  private recording: StageRecording | null = null;

  setArea(area: HTMLElement | null): void {
    this.area = area;
  }

  setParticles(particles: StageParticles | null): void {
    this.particles = particles;
  }

  /** The stage as an export source, or null while it is not on the page. */
  source(): StageSource | null {
    return this.area && this.particles ? { area: this.area, particles: this.particles } : null;
  }

  /** The recording under way, if any. */
  currentRecording(): StageRecording | null {
    return this.recording;
  }

  setRecording(recording: StageRecording | null): void {
    this.recording = recording;
  }
}

export const StageHandleContext = createContext<StageHandle | null>(null);

/** The app's stage handle; null outside a provider (a stage in a test renders without one). */
export const useStageHandle = (): StageHandle | null => useContext(StageHandleContext);

import fixWebmDuration from 'fix-webm-duration';
import { StageCompositor, type StageSource } from './stageImage.ts';

/** The longest recording: a minute of WebM is a few megabytes, enough for any one point in a talk. */
export const RECORD_LIMIT_MS = 60_000;
/** Frames per second of the video. */
const FPS = 30;

/** WebM types in order of preference: VP9 is smaller, VP8 is everywhere WebM is. */
const TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

export type RecordingSupport = { ok: true; mimeType: string } | { ok: false; reason: string };

/** Whether this browser can record the stage, and if not, why, in words a person can act on. */
export function recordingSupport(): RecordingSupport {
  if (typeof MediaRecorder === 'undefined') {
    return { ok: false, reason: 'This browser has no MediaRecorder, so it cannot record video.' };
  }
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') {
    return { ok: false, reason: 'This browser cannot capture a canvas as video (no canvas.captureStream).' };
  }
  const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
  if (!mimeType) {
    return {
      ok: false,
      reason: 'This browser cannot encode WebM video (no VP8 or VP9 codec for MediaRecorder).',
    };
  }
  return { ok: true, mimeType };
}

/**
 * A recording of the stage as WebM: a canvas composes the cards and the requests in flight every
 * animation frame, `canvas.captureStream` turns it into a video track and MediaRecorder encodes it.
 * It stops by itself at `limitMs`. Browsers write WebM without its duration, so players cannot seek
 * it; fix-webm-duration adds the duration measured here before the file is handed over.
 */
export class StageRecording {
  private readonly compositor: StageCompositor;
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private readonly startedAt = performance.now();
  private raf = 0;
  private limitTimer = 0;
  private stopped: Promise<Blob> | null = null;

  /**
   * Starts recording at once. `onEnd` is called when the recording reaches `limitMs` or the
   * browser's encoder fails: the caller then collects the file with `stop()`, as for a stop by hand.
   */
  constructor(
    source: StageSource,
    mimeType: string,
    readonly limitMs: number,
    onEnd: () => void,
  ) {
    // The screen's density, at most twice: sharp text without a video too large to encode live.
    this.compositor = new StageCompositor(
      source,
      Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
      true,
    );
    const loop = () => {
      this.compositor.paint();
      this.raf = requestAnimationFrame(loop);
    };
    loop();
    const stream = this.compositor.canvas.captureStream(FPS);
    this.recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
    this.recorder.onerror = onEnd;
    this.recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.chunks.push(e.data);
    };
    // Chunks every second, so a long recording is not one buffer inside the encoder.
    this.recorder.start(1000);
    this.limitTimer = window.setTimeout(onEnd, limitMs);
  }

  /** Wall milliseconds recorded so far. */
  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /** The video size in pixels. */
  get size(): { width: number; height: number } {
    return { width: this.compositor.canvas.width, height: this.compositor.canvas.height };
  }

  /** Stops (once; later calls get the same file) and resolves to the WebM file, its duration set. */
  stop(): Promise<Blob> {
    this.stopped ??= new Promise<Blob>((resolve, reject) => {
      const durationMs = this.elapsedMs();
      cancelAnimationFrame(this.raf);
      clearTimeout(this.limitTimer);
      const finish = () => {
        for (const track of this.recorder.stream.getTracks()) track.stop();
        if (this.chunks.length === 0) return reject(new Error('the browser recorded no video'));
        const raw = new Blob(this.chunks, { type: 'video/webm' });
        // Without the fix the file still plays, only without a duration: better than nothing.
        fixWebmDuration(raw, durationMs, { logger: false }).then(resolve, () => resolve(raw));
      };
      this.recorder.onerror = () => reject(new Error('the browser stopped the recording with an error'));
      this.recorder.onstop = finish;
      if (this.recorder.state === 'inactive') finish();
      else this.recorder.stop();
    });
    return this.stopped;
  }
}

import { useEffect, useRef, type RefObject } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import type { StageLayout } from '../../render/layout.ts';
import { createScratch, paintParticles, pickParticle } from '../../render/paintParticles.ts';
import { INVALIDATION_CODE } from '../../render/palette.ts';
import { publishFrameStats } from '../../runtime/frameStats.ts';
import { useStageHandle } from './stageHandle.ts';
import { useAppStoreApi } from '../../store/useAppStore.ts';
import { DEFAULT_DRAWN } from '../../render/drawCounts.ts';
import type { AutoDrawLimit } from '../../render/drawLimit.ts';

/** Finds the request drawn nearest to a point on the stage (CSS pixels), or null. */
export type PickRequest = (x: number, y: number) => number | null;

interface Props {
  session: EngineSession;
  layout: StageLayout;
  /** How much larger than its layout the stage is drawn (stageScale): the canvas keeps its pixels sharp. */
  scale: number;
  /** Receives the hit test for clicks on the stage. */
  pickRef: RefObject<PickRequest | null>;
}

/**
 * The one canvas the requests are drawn on, under the node cards and captions (it lets clicks through). One
 * animation-frame loop asks the engine's worker for the next frame and paints what it has; nothing
 * here goes through React state.
 */
export function ParticleCanvas({ session, layout, scale, pickRef }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef(layout);
  const paintedRef = useRef({ version: -1, t: -1, layout: null as StageLayout | null });
  const handle = useStageHandle();
  const store = useAppStoreApi();

  useEffect(() => {
    layoutRef.current = layout;
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = (window.devicePixelRatio || 1) * scale;
    canvas.width = Math.max(1, Math.round(layout.width * dpr));
    canvas.height = Math.max(1, Math.round(layout.height * dpr));
  }, [layout, scale]);

  useEffect(() => {
    const canvas = canvasRef.current;
    // jsdom (component tests) has no canvas: the loop still drives the simulation.
    const ctx = canvas?.getContext('2d') ?? null;
    const scratch = createScratch(session.particles.capacity);
    pickRef.current = (x, y) => pickParticle(session.particles, scratch, x, y);
    let raf = 0;
    let frames = 0;
    let fpsStart = performance.now();
    let fps = 0;
    let drawn = 0;
    // "Automatic" follows the frame times; a fixed setting is sent as it is. Read through the store's
    // API each frame (a plain field read), never through React state. Its first judgement comes after a
    // second of playing frames, so its code loads then, outside the first visit (issue 21).
    let auto: AutoDrawLimit | null = null;
    let playedFrames = 0;
    let autoAsked = false;
    let lastNow = -1;
    let shownAt = -Infinity;
    // The outline and error colours come from the theme; reading a computed style forces a style pass,
    // so they are read once a second (a theme switch shows within a second), not every frame.
    const readVar = (name: string, fallback: string) =>
      (canvas && getComputedStyle(canvas).getPropertyValue(name).trim()) || fallback;
    const readTheme = () => ({
      outline: readVar('--particle-outline', '#000'),
      error: readVar('--outcome-error', '#000'),
    });
    let theme = readTheme();
    // Exports paint the same requests at the same time onto their own canvas, at their own scale.
    let exportScratch: ReturnType<typeof createScratch> | null = null;
    handle?.setPainter((target, scale) => {
      exportScratch ??= createScratch(session.particles.capacity);
      const frame = { t: session.paintTime(performance.now()), particles: session.particles, dpr: scale };
      paintParticles(target, { ...frame, ...theme }, layoutRef.current, exportScratch);
    });
    let stopped = false;
    const loop = (now: number) => {
      if (session.suspended) {
        // Out of view or in a hidden tab: no drawing at all until the session resumes.
        session.whenResumed(() => stopped || (raf = requestAnimationFrame(loop)));
        return;
      }
      session.requestFrame(now);
      const t1 = performance.now();
      const l = layoutRef.current;
      const painted = paintedRef.current;
      const t = session.paintTime(now);
      if (ctx && canvas && (painted.version !== session.version || painted.t !== t || painted.layout !== l)) {
        const frame = {
          t,
          particles: session.particles,
          dpr: canvas.width / Math.max(1, l.width),
          ...theme,
        };
        drawn = paintParticles(ctx, frame, l, scratch);
        paintedRef.current = { version: session.version, t, layout: l };
      }
      const t2 = performance.now();
      const setting = store.getState().drawSetting;
      if (session.state.playing) playedFrames++;
      if (playedFrames >= 60 && setting === 'auto' && !autoAsked) {
        autoAsked = true;
        void import('../../render/drawLimit.ts').then(
          (m) => (auto = new m.AutoDrawLimit()),
          () => {},
        );
      }
      const limit =
        auto?.observe(
          lastNow < 0 ? 0 : now - lastNow,
          drawn,
          session.state.playing && session.state.sampleEvery > 1,
          now,
        ) ?? DEFAULT_DRAWN;
      lastNow = now;
      session.drawLimit = setting === 'auto' ? limit : setting;
      // What is drawn, for browser checks and anyone inspecting the page (a few times a second).
      if (canvas && now - shownAt >= 250) {
        shownAt = now;
        canvas.dataset.drawn = String(drawn);
        canvas.dataset.drawLimit = String(session.drawLimit);
      }
      frames++;
      if (now - fpsStart >= 1000) {
        fps = (frames * 1000) / (now - fpsStart);
        frames = 0;
        fpsStart = now;
        theme = readTheme();
      }
      const s = session.state;
      publishFrameStats({
        fps,
        particlesDrawn: drawn,
        invalidationsDrawn: scratch.byCode[INVALIDATION_CODE] ?? 0,
        inFlight: session.particles.count,
        sampleEvery: s.sampleEvery,
        nowMs: s.nowMs,
        speed: s.speed,
        behind: s.behind,
        frameInMs: session.applyMs,
        workerMs: session.workMs,
        paintMs: t2 - t1,
        drawLimit: session.drawLimit,
      });
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => {
      stopped = true;
      cancelAnimationFrame(raf);
      pickRef.current = null;
      handle?.setPainter(null);
    };
  }, [session, pickRef, handle, store]);

  return (
    <canvas
      ref={canvasRef}
      className="particles"
      style={{ width: layout.width, height: layout.height }}
      aria-hidden="true"
    />
  );
}

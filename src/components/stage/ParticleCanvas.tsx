import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import type { StageLayout } from '../../render/layout.ts';
import { pickParticle } from '../../render/particlePick.ts';
import { placeParticles } from '../../render/particlePlaces.ts';
import { INVALIDATION_CODE } from '../../render/palette.ts';
import { snapshotBatch } from '../../render/particles.ts';
import type { OffThreadPainter } from '../../render/offThreadPainter.ts';
import { createScratch, paintParticles } from '../../render/paintParticles.ts';
import { paintOffThread } from '../../render/paintSwitch.ts';
import { publishFrameStats } from '../../runtime/frameStats.ts';
import { useStageHandle } from './stageHandle.ts';
import { useDevicePixelRatio } from './useDevicePixelRatio.ts';
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
 * animation-frame loop asks the engine's worker for the next frame and has what it holds painted: here,
 * or, where the browser allows (unless `?paint=main`), by a paint worker the canvas is handed to
 * (render/paintSwitch.ts, render/offThreadPainter.ts).
 * Nothing here goes through React state.
 */
export function ParticleCanvas({ session, layout, scale, pickRef }: Props) {
  // A paint worker that cannot paint hands back to this thread, on a new canvas (a canvas handed to a
  // worker stays the worker's).
  const [offThread, setOffThread] = useState(paintOffThread);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dpr = useDevicePixelRatio() * scale;
  const sizeRef = useRef({ layout, width: 1, height: 1 });
  const paintedRef = useRef({ version: -1, t: -1, layout: null as StageLayout | null });
  const handle = useStageHandle();
  const store = useAppStoreApi();

  useEffect(() => {
    const width = Math.max(1, Math.round(layout.width * dpr));
    const height = Math.max(1, Math.round(layout.height * dpr));
    sizeRef.current = { layout, width, height };
    const canvas = canvasRef.current;
    if (!canvas || offThread) return;
    canvas.width = width;
    canvas.height = height;
    // Resizing cleared the canvas: the next frame paints it again.
    paintedRef.current = { version: -1, t: -1, layout: null };
  }, [layout, dpr, offThread]);

  useEffect(() => {
    const canvas = canvasRef.current;
    let stopped = false;
    let painter: OffThreadPainter | null = null;
    let release = () => {};
    if (offThread && canvas) {
      // The paint worker's page side loads only where it is used (it is not the default: see paintSwitch.ts).
      void import('../../render/offThreadPainter.ts').then(
        (m) => {
          if (stopped) return;
          const to = m.acquirePainter(canvas, session.particles.capacity);
          to.onFailed = () => setOffThread(false);
          // The worker starts from what is in flight now, then takes every batch as the page does.
          to.forward(snapshotBatch(session.particles, session.ring), -Infinity);
          const unlisten = session.listenBatches((batch, retireAtMs) => to.forward(batch, retireAtMs));
          painter = to;
          release = () => {
            unlisten();
            to.onFailed = null;
            m.releasePainter(canvas);
          };
        },
        () => setOffThread(false),
      );
    }
    // jsdom (component tests) has no canvas: the loop still drives the simulation.
    const ctx = offThread ? null : (canvas?.getContext('2d') ?? null);
    const scratch = createScratch(session.particles.capacity);
    // A click picks from the positions at the time shown, worked out when it comes.
    const pickX = new Float32Array(session.particles.capacity);
    const pickY = new Float32Array(session.particles.capacity);
    pickRef.current = (x, y) => {
      const t = session.paintTime(performance.now());
      placeParticles(t, session.particles, sizeRef.current.layout, pickX, pickY);
      return pickParticle(session.particles, pickX, pickY, x, y);
    };
    paintedRef.current = { version: -1, t: -1, layout: null };
    let raf = 0;
    let frames = 0;
    let pagePaints = 0;
    let paintsAt = 0;
    let fpsStart = performance.now();
    let fps = 0;
    let drawn = 0;
    // "Automatic" follows the frame times (of painted frames); a fixed setting is sent as it is. Read
    // through the store's API each frame (a plain field read), never through React state. Its first
    // judgement comes after a second of playing frames, so its code loads then, outside the first
    // visit (issue 21).
    let auto: AutoDrawLimit | null = null;
    let limit = DEFAULT_DRAWN;
    let playedFrames = 0;
    let autoAsked = false;
    let lastNow = -1;
    let lastPaints = 0;
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
    handle?.setParticles((scale) => ({
      frame: { t: session.paintTime(performance.now()), particles: session.particles, dpr: scale, ...theme },
      layout: sizeRef.current.layout,
    }));
    const loop = (now: number) => {
      if (session.suspended) {
        // Out of view or in a hidden tab: no drawing at all until the session resumes.
        session.whenResumed(() => stopped || (raf = requestAnimationFrame(loop)));
        return;
      }
      session.requestFrame(now);
      const frameMs = lastNow < 0 ? 0 : now - lastNow;
      lastNow = now;
      const t1 = performance.now();
      const size = sizeRef.current;
      const l = size.layout;
      const t = session.paintTime(now);
      if (painter) {
        // Device pixels per layout pixel as the page's painter takes them (the rounded width's).
        const k = size.width / Math.max(1, l.width);
        painter.view({ width: size.width, height: size.height, dpr: k, layout: l, ...theme });
        painter.paint(t);
        drawn = painter.last?.drawn ?? 0;
      } else if (ctx && canvas) {
        const painted = paintedRef.current;
        if (painted.version !== session.version || painted.t !== t || painted.layout !== l) {
          const frame = {
            t,
            particles: session.particles,
            dpr: canvas.width / Math.max(1, l.width),
            ...theme,
          };
          drawn = paintParticles(ctx, frame, l, scratch);
          pagePaints++;
          paintedRef.current = { version: session.version, t, layout: l };
        }
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
      const sampling = session.state.playing && session.state.sampleEvery > 1;
      if (!painter) {
        // Painted here: a frame's interval is the time between two animation frames.
        limit = auto?.observe(frameMs, drawn, sampling, now) ?? DEFAULT_DRAWN;
      } else if (painter.paints !== lastPaints && painter.last) {
        // Painted by the worker, one paint asked at a time: the interval between two paints is what
        // the screen shows; this thread's animation frames keep time whatever the worker does.
        lastPaints = painter.paints;
        limit = auto?.observe(painter.last.intervalMs, drawn, sampling, now) ?? DEFAULT_DRAWN;
      }
      session.drawLimit = setting === 'auto' ? limit : setting;
      // What is drawn, for browser checks and anyone inspecting the page (a few times a second).
      if (canvas && now - shownAt >= 250) {
        shownAt = now;
        canvas.dataset.drawn = String(drawn);
        canvas.dataset.drawLimit = String(session.drawLimit);
      }
      frames++;
      if (now - fpsStart >= 1000) {
        // The frame rate on screen: paints by the worker, or this thread's animation frames.
        fps = ((painter ? painter.paints - paintsAt : frames) * 1000) / (now - fpsStart);
        paintsAt = painter?.paints ?? 0;
        frames = 0;
        fpsStart = now;
        theme = readTheme();
      }
      const s = session.state;
      publishFrameStats({
        fps,
        particlesDrawn: drawn,
        invalidationsDrawn: painter
          ? (painter.last?.invalidations ?? 0)
          : (scratch.byCode[INVALIDATION_CODE] ?? 0),
        inFlight: session.particles.count,
        sampleEvery: s.sampleEvery,
        nowMs: s.nowMs,
        speed: s.speed,
        behind: s.behind,
        frameInMs: session.applyMs,
        workerMs: session.workMs,
        paintMs: t2 - t1,
        paintWorker: painter !== null,
        paints: painter ? painter.paints : pagePaints,
        paintWorkerMs: painter?.last?.ms ?? 0,
        paintIntervalMs: painter ? (painter.last?.intervalMs ?? 0) : frameMs,
        drawLimit: session.drawLimit,
      });
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => {
      stopped = true;
      cancelAnimationFrame(raf);
      pickRef.current = null;
      handle?.setParticles(null);
      release();
    };
  }, [session, pickRef, handle, store, offThread]);

  return (
    <canvas
      key={offThread ? 'worker' : 'page'}
      ref={canvasRef}
      className="particles"
      data-painter={offThread ? 'worker' : 'page'}
      style={{ width: layout.width, height: layout.height }}
      aria-hidden="true"
    />
  );
}

import { useEffect, useRef, type RefObject } from 'react';
import type { Driver } from '../../runtime/driver.ts';
import type { StageLayout } from '../../render/layout.ts';
import { createScratch, paintParticles, pickParticle } from '../../render/paintParticles.ts';
import { publishFrameStats } from '../../runtime/frameStats.ts';

/** Finds the request drawn nearest to a point on the stage (CSS pixels), or null. */
export type PickRequest = (x: number, y: number) => number | null;

interface Props {
  driver: Driver;
  layout: StageLayout;
  /** Receives the hit test for clicks on the stage. */
  pickRef: RefObject<PickRequest | null>;
}

/**
 * The one canvas the requests are drawn on, above the node cards (it lets clicks through). One
 * animation-frame loop advances the driver and paints; nothing here goes through React state.
 */
export function ParticleCanvas({ driver, layout, pickRef }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef(layout);
  const paintedRef = useRef({ version: -1, layout: null as StageLayout | null });

  useEffect(() => {
    layoutRef.current = layout;
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(layout.width * dpr));
    canvas.height = Math.max(1, Math.round(layout.height * dpr));
    driver.feed.setNodeIndex(layout.indexOf);
  }, [driver, layout]);

  useEffect(() => {
    const canvas = canvasRef.current;
    // jsdom (component tests) has no canvas: the loop still drives the simulation.
    const ctx = canvas?.getContext('2d') ?? null;
    const scratch = createScratch(driver.feed.particles.capacity);
    pickRef.current = (x, y) => pickParticle(driver.feed.particles, scratch, x, y);
    let raf = 0;
    let frames = 0;
    let fpsStart = performance.now();
    let fps = 0;
    let drawn = 0;
    // The outline and error colours come from the theme; reading a computed style forces a style pass,
    // so they are read once a second (a theme switch shows within a second), not every frame.
    const readVar = (name: string, fallback: string) =>
      (canvas && getComputedStyle(canvas).getPropertyValue(name).trim()) || fallback;
    const readTheme = () => ({
      outline: readVar('--particle-outline', '#000'),
      error: readVar('--outcome-error', '#000'),
    });
    let theme = readTheme();
    const loop = (now: number) => {
      const t0 = performance.now();
      driver.tick(now);
      const t1 = performance.now();
      const l = layoutRef.current;
      const painted = paintedRef.current;
      if (ctx && canvas && (painted.version !== driver.version || painted.layout !== l)) {
        const frame = {
          t: driver.sim.now(),
          particles: driver.feed.particles,
          dpr: canvas.width / Math.max(1, l.width),
          ...theme,
        };
        drawn = paintParticles(ctx, frame, l, scratch);
        paintedRef.current = { version: driver.version, layout: l };
      }
      const t2 = performance.now();
      frames++;
      if (now - fpsStart >= 1000) {
        fps = (frames * 1000) / (now - fpsStart);
        frames = 0;
        fpsStart = now;
        theme = readTheme();
      }
      publishFrameStats({
        fps,
        particlesDrawn: drawn,
        inFlight: driver.feed.particles.count,
        sampleEvery: driver.feed.sampleEvery,
        nowMs: driver.sim.now(),
        speed: driver.speed,
        behind: driver.behind,
        tickMs: t1 - t0,
        paintMs: t2 - t1,
      });
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(raf);
      pickRef.current = null;
    };
  }, [driver, pickRef]);

  return (
    <canvas
      ref={canvasRef}
      className="particles"
      style={{ width: layout.width, height: layout.height }}
      aria-hidden="true"
    />
  );
}

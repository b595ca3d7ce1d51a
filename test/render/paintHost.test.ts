import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPaintHost, type PaintTarget } from '../../src/render/paintHost.ts';
import type { PaintEvent, PaintView } from '../../src/render/paintProtocol.ts';
import { computeLayout } from '../../src/render/layout.ts';
import { placeParticles } from '../../src/render/particlePlaces.ts';
import { pickParticle } from '../../src/render/particlePick.ts';
import {
  applyParticleBatch,
  createOutcomeRing,
  createParticleBuffer,
  snapshotBatch,
  type ParticleBatch,
} from '../../src/render/particles.ts';

const layout = computeLayout({ instances: 2, shards: 1, cdn: false, cdc: false, width: 800, height: 400 });

/** A batch of `n` hops from node 0 to node 1, leaving at 0..n-1 ms and arriving 100 ms later. */
function batch(n: number, reset = false, firstId = 0): ParticleBatch {
  const ids = Float64Array.from({ length: n }, (_, i) => firstId + i);
  return {
    reset,
    count: n,
    from: new Uint16Array(n),
    to: new Uint16Array(n).fill(1),
    start: Float64Array.from(ids, (_, i) => i),
    end: Float64Array.from(ids, (_, i) => i + 100),
    requestId: ids,
    outcome: new Uint8Array(n).fill(1),
    doneIds: new Float64Array(0),
    doneCodes: new Uint8Array(0),
  };
}

/** A canvas stand-in: a 2D context that counts what it is asked (the sprites need a real rasteriser). */
function fakeCanvas(width: number, height: number, withContext = true) {
  const puts: number[] = [];
  const ctx: Record<string, unknown> = {
    createImageData: (w: number, h: number) => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(w * h * 4),
    }),
    putImageData: () => puts.push(1),
    getImageData: (_x: number, _y: number, w: number, h: number) => ({
      data: new Uint8ClampedArray(w * h * 4),
    }),
    clearRect: () => {},
  };
  const target: PaintTarget = { width, height, getContext: () => (withContext ? ctx : null) };
  ctx.canvas = target;
  return { target, puts };
}

const view = (width: number, height: number): PaintView => ({
  width,
  height,
  dpr: width / layout.width,
  layout,
  outline: '#000',
  error: '#000',
});

describe('the paint worker', () => {
  beforeEach(() => {
    // The sprites' own canvas has no rasteriser here: particles are placed and counted, not stamped.
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return null;
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('holds the particles the page holds, from the same batches, and paints only what changed', () => {
    const events: PaintEvent[] = [];
    const host = createPaintHost((e) => events.push(e));
    const { target, puts } = fakeCanvas(1, 1);
    host.handle({ type: 'init', canvas: target as unknown as OffscreenCanvas, capacity: 1000 });
    host.handle({ type: 'view', view: view(800, 400) });
    expect([target.width, target.height]).toEqual([800, 400]);

    // The page's side: the same batches applied to its own buffer.
    const page = createParticleBuffer(1000);
    const ring = createOutcomeRing();
    const frames = [
      { batch: batch(50, true), retireAtMs: 0 },
      { batch: batch(30, false, 50), retireAtMs: 20 },
    ];
    for (const f of frames) applyParticleBatch(page, ring, f.batch, f.retireAtMs);
    host.handle({ type: 'paint', t: 40, batches: structuredClone(frames) });
    const x = new Float32Array(1000);
    const y = new Float32Array(1000);
    const placed = placeParticles(40, page, layout, x, y);
    expect(placed).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'painted', painted: true, drawn: placed });
    expect(puts.length).toBe(1);

    // Nothing new and the same time: no paint. A new time: a paint.
    host.handle({ type: 'paint', t: 40, batches: [] });
    expect(events.at(-1)).toMatchObject({ type: 'painted', painted: false });
    host.handle({ type: 'paint', t: 60, batches: [] });
    expect(events.at(-1)).toMatchObject({
      type: 'painted',
      painted: true,
      drawn: placeParticles(60, page, layout, x, y),
    });
  });

  it('says so when the transferred canvas gives no 2D context', () => {
    const events: PaintEvent[] = [];
    const host = createPaintHost((e) => events.push(e));
    host.handle({
      type: 'init',
      canvas: fakeCanvas(10, 10, false).target as unknown as OffscreenCanvas,
      capacity: 10,
    });
    expect(events).toEqual([{ type: 'failed', message: 'no 2D context for the transferred canvas' }]);
  });

  it('answers reads and clears by id', () => {
    const events: PaintEvent[] = [];
    const host = createPaintHost((e) => events.push(e));
    host.handle({
      type: 'init',
      canvas: fakeCanvas(4, 3).target as unknown as OffscreenCanvas,
      capacity: 10,
    });
    host.handle({ type: 'read', id: 7 });
    host.handle({ type: 'clear', id: 8 });
    expect(events[0]).toMatchObject({ type: 'pixels', id: 7, width: 4, height: 3 });
    expect((events[0] as { data: Uint8ClampedArray }).data.length).toBe(4 * 3 * 4);
    expect(events[1]).toEqual({ type: 'cleared', id: 8 });
  });
});

describe('a snapshot of the particles in flight', () => {
  it('gives a new holder the same particles and known outcomes', () => {
    const a = createParticleBuffer(100);
    const ringA = createOutcomeRing();
    const first = batch(20, true);
    first.doneIds = Float64Array.of(3, 5);
    first.doneCodes = Uint8Array.of(4, 6);
    first.outcome.fill(0);
    applyParticleBatch(a, ringA, first, 5);
    const b = createParticleBuffer(100);
    const ringB = createOutcomeRing();
    applyParticleBatch(b, ringB, batch(7), 0);
    applyParticleBatch(b, ringB, snapshotBatch(a, ringA), -Infinity);
    expect(b.count).toBe(a.count);
    expect([...b.requestId.subarray(0, b.count)]).toEqual([...a.requestId.subarray(0, a.count)]);
    expect([...b.outcome.subarray(0, b.count)]).toEqual([...a.outcome.subarray(0, a.count)]);
    expect(ringB.codes[5]).toBe(6);
  });
});

describe('picking a request on the stage', () => {
  it('picks the nearest drawn request within the radius, and none beyond it', () => {
    const p = createParticleBuffer(10);
    applyParticleBatch(p, createOutcomeRing(), batch(3), 0);
    const x = Float32Array.of(10, 50, NaN);
    const y = Float32Array.of(10, 50, 0);
    expect(pickParticle(p, x, y, 12, 12)).toBe(0);
    expect(pickParticle(p, x, y, 48, 53)).toBe(1);
    expect(pickParticle(p, x, y, 30, 30)).toBeNull();
  });
});

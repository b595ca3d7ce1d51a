import { describe, expect, it } from 'vitest';
import type { Simulation, TraceHop } from '../../src/engine/types.ts';
import { ParticleFeed } from '../../src/runtime/particleFeed.ts';
import { isSampled } from '../../src/render/particles.ts';

/** A simulation that hands out `perMs` hops per simulated ms, each `hopMs` long, between two nodes. */
function fakeSim(perMs: number, hopMs: number) {
  let now = 0;
  let next = 0;
  return {
    advance(ms: number) {
      now += ms;
    },
    sim: {
      drainHops: (): TraceHop[] => {
        const hops: TraceHop[] = [];
        while (next < now * perMs) {
          const t = next / perMs;
          hops.push({
            requestId: next++,
            key: 0,
            from: 'a',
            to: 'b',
            startMs: t,
            endMs: t + hopMs,
            outcome: null,
            op: 'get',
          } as TraceHop);
        }
        return hops;
      },
      drainRequests: () => [],
    } as unknown as Simulation,
  };
}

/** Particles in flight at the end of a run of `ms`, after feeding it in 16 ms frames. */
function inFlightAfter(feed: ParticleFeed, perMs: number, hopMs: number, ms: number) {
  const f = fakeSim(perMs, hopMs);
  const ends: number[] = [];
  for (let t = 0; t < ms; t += 16) {
    f.advance(16);
    feed.drain(f.sim, hopMs, 16);
    const b = feed.take();
    for (let i = 0; i < b.count; i++) ends.push(b.end[i]!);
  }
  return ends.filter((e) => e >= ms).length;
}

describe('ParticleFeed', () => {
  it('draws every request while they fit under the limit', () => {
    const feed = new ParticleFeed();
    feed.setNodes(['a', 'b']);
    feed.target = 10_000;
    // 20 hops per ms, each 300 ms on screen: 6,000 in flight (Little's law).
    const n = inFlightAfter(feed, 20, 300, 1200);
    expect(feed.sampleEvery).toBe(1);
    expect(n).toBeGreaterThan(5500);
  });

  it('samples down to the limit it is given, and comes near it (steps of a quarter)', () => {
    for (const target of [2000, 5000]) {
      const feed = new ParticleFeed();
      feed.setNodes(['a', 'b']);
      feed.target = target;
      // 40 per ms for 300 ms: 12,000 would be in flight.
      const n = inFlightAfter(feed, 40, 300, 1200);
      expect(n).toBeLessThanOrEqual(target * 1.1);
      expect(n).toBeGreaterThanOrEqual(target * 0.8);
    }
  });

  it('samples by request id, the same requests on every run', () => {
    const ids = (every: number) => [...Array(200).keys()].filter((id) => isSampled(id, every));
    expect(ids(3)).toEqual(ids(3));
    expect(ids(1)).toHaveLength(200);
  });
});

/**
 * Redis's coarse clocks (evict.c, server.h): the 24-bit LRU clock in seconds and the LFU's 16-bit clock in
 * minutes, their resolution, and how idle time is measured across their wrap. Expected values are computed
 * here from Redis's definitions, not copied from the engine.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/core/rng.ts';
import {
  estimateIdleMs,
  lfuMinutes,
  lfuMinutesElapsed,
  lruClock,
  lruIdleMs,
} from '../../src/engine/redis/clocks.ts';
import { lfuDecayed } from '../../src/engine/redis/lfu.ts';
import {
  createShardStore,
  storeGet,
  storePeek,
  storeSet,
  type EvictionPolicy,
} from '../../src/engine/redis/shardStore.ts';

const LRU_BITS = 24;
const LRU_MAX = 2 ** LRU_BITS - 1;
const LFU_MAX_MIN = 2 ** 16 - 1;

/** Redis's estimateObjectIdleTime, written from its definition: ticks apart, one short across a wrap. */
function redisIdleMs(nowMs: number, thenMs: number, originMs: number): number {
  const now = Math.floor((nowMs + originMs) / 1000) & LRU_MAX;
  const then = Math.floor((thenMs + originMs) / 1000) & LRU_MAX;
  return (now >= then ? now - then : now + (LRU_MAX - then)) * 1000;
}

describe('LRU clock', () => {
  it('counts whole seconds in 24 bits', () => {
    expect(lruClock(0)).toBe(0);
    expect(lruClock(999)).toBe(0);
    expect(lruClock(1000)).toBe(1);
    expect(lruClock(0, LRU_MAX * 1000)).toBe(LRU_MAX);
    expect(lruClock(1000, LRU_MAX * 1000)).toBe(0); // wrapped
  });

  it('measures idle time in whole ticks, one tick short across the wrap (as Redis does)', () => {
    const origins = [0, 123_456_789, (LRU_MAX - 3) * 1000 + 250];
    for (const origin of origins) {
      for (const [then, now] of [
        [0, 0],
        [100, 999],
        [999, 1000],
        [0, 7_500],
        [2_000, 6_100],
        [0, 86_400_000],
      ] as const) {
        expect(estimateIdleMs(now, then, origin)).toBe(redisIdleMs(now, then, origin));
      }
    }
    // Spelled out: two readings across the wrap, true distance 3 ticks, estimated 2.
    expect(lruIdleMs(1, LRU_MAX - 1)).toBe(2000);
  });

  it('cannot order two accesses within one second: eviction picks between them at random', () => {
    // Key 1 touched at 0.1 s, key 2 at 0.9 s; at 1.5 s a third key needs room. With millisecond idle
    // times key 1 would always go; Redis sees both idle for one tick and evicts whichever it sampled first.
    const trials = 2000;
    let firstEvicted = 0;
    const rng = createRng(5);
    for (let t = 0; t < trials; t++) {
      const s = createShardStore(2, 'allkeys-lru');
      s.samples = 64;
      storeSet(s, 1, 1, Infinity, 100, rng);
      storeSet(s, 2, 1, Infinity, 900, rng);
      storeSet(s, 3, 1, Infinity, 1500, rng);
      if (storePeek(s, 1, 1500) === null) firstEvicted++;
    }
    const sd = Math.sqrt(trials * 0.25);
    expect(Math.abs(firstEvicted - trials / 2)).toBeLessThan(3 * sd);
  });

  it.each<EvictionPolicy>(['allkeys-lru', 'volatile-lru'])(
    '%s keeps evicting the idlest key across the wrap of the clock',
    (policy) => {
      // The clock wraps 2.5 s after t = 0. Keys are touched two seconds apart on both sides of the wrap
      // (one second apart, the tick Redis loses across the wrap would make two of them tie).
      const origin = (LRU_MAX + 1) * 1000 - 2_500;
      const s = createShardStore(6, policy, { clockOriginMs: origin });
      s.samples = 64;
      const rng = createRng(8);
      for (let k = 0; k < 6; k++) storeSet(s, k, 1, 1e12, k * 2000, rng);
      storeGet(s, 0, 12_000, rng, null); // key 0 is now the most recent; key 1 the idlest
      for (let k = 1; k <= 3; k++) {
        const now = 12_000 + k * 2000;
        storeSet(s, 100 + k, 1, 1e12, now, rng);
        expect(storePeek(s, k, now)).toBeNull();
      }
      expect(storePeek(s, 0, 18_000)).not.toBeNull();
    },
  );
});

describe('LFU decay clock', () => {
  /** Redis's LFUDecrAndReturn from its definition: minutes on a 16-bit clock, one short across a wrap. */
  function redisDecayed(counter: number, thenMs: number, nowMs: number, decayMin: number, origin: number) {
    const now = Math.floor((nowMs + origin) / 60_000) & LFU_MAX_MIN;
    const ldt = Math.floor((thenMs + origin) / 60_000) & LFU_MAX_MIN;
    const elapsed = now >= ldt ? now - ldt : LFU_MAX_MIN - ldt + now;
    const periods = decayMin > 0 ? Math.floor(elapsed / decayMin) : 0;
    return periods > counter ? 0 : counter - periods;
  }

  it('decays per whole minute on a 16-bit clock, across its wrap as Redis does', () => {
    const origins = [0, 7_777_777, (LFU_MAX_MIN - 2) * 60_000 + 30_000];
    for (const origin of origins) {
      for (const [then, now] of [
        [0, 59_999],
        [59_000, 60_000],
        [0, 180_000],
        [30_000, 600_000],
        [0, 3_600_000],
      ] as const) {
        for (const decay of [0, 1, 2, 5]) {
          for (const counter of [3, 20, 255]) {
            expect(lfuDecayed(counter, then, now, decay, origin)).toBe(
              redisDecayed(counter, then, now, decay, origin),
            );
          }
        }
      }
    }
    expect(lfuMinutes(60_000, LFU_MAX_MIN * 60_000)).toBe(0);
    expect(lfuMinutesElapsed(0, LFU_MAX_MIN)).toBe(0); // a minute apart across the wrap, seen as none
  });

  it('an allkeys-lfu store decays idle counters across the wrap', () => {
    const origin = LFU_MAX_MIN * 60_000; // the minute clock wraps one minute after t = 0
    const s = createShardStore(null, 'allkeys-lfu', { clockOriginMs: origin, lfuLogFactor: 0 });
    const rng = createRng(2);
    storeSet(s, 1, 1, Infinity, 0, rng);
    for (let i = 0; i < 20; i++) storeGet(s, 1, 10, rng, null); // factor 0: every access counts
    const counter = s.lfu[0]!;
    expect(counter).toBe(5 + 20);
    // Ten minutes later (the wrap in between costs one), an access decays it before incrementing.
    storeGet(s, 1, 600_010, rng, null);
    expect(s.lfu[0]).toBe(redisDecayed(counter, 10, 600_010, 1, origin) + 1);
  });
});

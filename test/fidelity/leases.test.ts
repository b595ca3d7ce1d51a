import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * Leases as memcache has them (Nishtala et al., NSDI 2013, 3.2.1), checked on the two effects the paper
 * gives them: one database read per expiry of a hot key however many clients miss it (the herd), and no
 * stale value left in the cache by a fill that raced a delete (the stale set).
 */
const lambda = 100; // reads per second of the one key
const net = { clientMs: 1, redisMs: 0.25, dbMs: 0.5, jitterMs: 0 };
const serviceMs = 0.02;
const waitMs = 10;

function herd(leases: boolean, readMs: number): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 7,
    durationMs: 60_000,
    workload: { rps: lambda, readRatio: 1, keys: 1, zipf: 0 },
    topology: { instances: 4, redisShards: 3 },
    network: net,
    cache: { strategy: 'cache-aside', l2: { ttlMs: 1000, serviceMs }, leases: { enabled: leases, waitMs } },
    database: { connections: 100, readMs, serviceTime: 'constant' },
  };
  return runScenario(scenarioSchema.parse(input));
}

const expiries = (r: Summary) => r.shards.reduce((a, s) => a + s.expired, 0);

describe('leases and the herd', () => {
  const readMs = 100;
  // From the lease handed out at the shard to the value stored: reply hop, query hop, the read, reply
  // hop, SET hop and its service.
  const w = net.redisMs + net.dbMs + readMs + net.dbMs + net.redisMs + serviceMs;
  // A client told to wait reads again every waitMs plus a Redis round trip.
  const period = waitMs + 2 * net.redisMs + serviceMs;

  it('one database read per expiry, however many clients miss', () => {
    const r = herd(true, readMs);
    const l = r.leases!;
    expect(expiries(r)).toBeGreaterThan(40);
    expect(l.granted).toBe(expiries(r) + 1); // + 1: the cold start
    // The last holder's query may still be in flight when the run ends.
    expect(l.granted - r.db.reads).toBeGreaterThanOrEqual(0);
    expect(l.granted - r.db.reads).toBeLessThanOrEqual(1);
    expect(l.refusedFills).toBe(0); // nothing writes: no token is voided
  });

  it('the others wait: about λ·w readers per expiry, each waiting w/2 on average', () => {
    const r = herd(true, readMs);
    // A reader arriving t after the lease waits ceil((w - t) / period) times: integrated over t in [0, w),
    // λ·w·(w / (2·period) + 1/2) waits per expiry.
    const perExpiry = (lambda / 1000) * w * (w / (2 * period) + 0.5);
    const measured = r.leases!.waits / r.leases!.granted;
    expect(measured).toBeGreaterThan(perExpiry * 0.85);
    expect(measured).toBeLessThan(perExpiry * 1.15);
  });

  it('without leases the same expiry costs about 1 + λ·w reads', () => {
    const r = herd(false, readMs);
    const perExpiry = r.db.reads / (expiries(r) + 1);
    expect(perExpiry).toBeGreaterThan((1 + (lambda * w) / 1000) * 0.9);
    expect(r.leases).toBeUndefined();
  });
});

describe('leases and the stale set', () => {
  // A stale value a fill left in the cache lasts until the next write of its key: seconds here. A read
  // that merely crossed a write in flight is stale for the hops of one invalidation: milliseconds.
  const olderThanASecond = (r: Summary) => {
    const i = r.staleAges.edgesMs.indexOf(1000);
    return r.staleAges.counts.slice(i + 1).reduce((a, b) => a + b, 0);
  };

  it('cache-aside leaves stale values for seconds; with leases none is older than a second', () => {
    const without = runScenario(getPreset('stale-set')!);
    const withLeases = runScenario(getPreset('stale-set-leases')!);
    expect(olderThanASecond(without)).toBeGreaterThan(0);
    expect(olderThanASecond(withLeases)).toBe(0);
    expect(withLeases.maxStaleAgeMs).toBeLessThan(1000);
    const l = withLeases.leases!;
    expect(l.refusedFills).toBeGreaterThan(0);
    // A fill is refused only because a DEL voided its token (a lease lives 10 s, far beyond any fill).
    expect(l.refusedFills).toBeLessThanOrEqual(l.voided);
    expect(l.fills + l.refusedFills).toBeLessThanOrEqual(l.granted);
  });
});

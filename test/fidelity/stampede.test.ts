/**
 * fidelity.md section 3: stampede arithmetic. One key read at lambda = 100/s whose recompute (the
 * database read) takes d = 100 ms, Redis TTL 1 s from insertion, L1 off, no network delays.
 *
 * How expiries are counted: with no network delay the first miss after an expiry (the herd's leader)
 * reaches the database at its arrival time t0 and the value is back in Redis at t0 + d. Every read
 * arriving in between also misses (that is the herd); every read after it hits until the next expiry,
 * which is at least T later. So, walking the traced requests served by the database in arrival order,
 * a request that starts at or after the current leader's end (t0 + d) opens a new herd. Each herd is one
 * refill of the cache, i.e. one expiry (the very first herd is the cold start). The count is checked
 * against the shard's own `expired` counter, which Redis increments once per expiry (the leader's GET
 * finds the key expired and deletes it; the rest of the herd finds no key).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { Summary, TraceRequest } from '../../src/engine/types.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const LAMBDA = 100; // reads per second
const D_MS = 100; // recompute time
const TTL_MS = 1000;
const DURATION_MS = 600_000; // about 540 expiries

function stampedeScenario(mode: 'none' | 'single-flight') {
  return scenarioSchema.parse({
    version: 1,
    seed: 3,
    durationMs: DURATION_MS,
    workload: { rps: LAMBDA, keys: 1, zipf: 0, readRatio: 1 },
    topology: { instances: 1, redisShards: 1 },
    network: { clientMs: 0, redisMs: 0, dbMs: 0, jitterMs: 0 },
    cache: {
      strategy: 'cache-aside',
      l1: { enabled: false },
      l2: { ttlMs: TTL_MS, ttlReset: false, serviceMs: 0 },
      stampede: { mode },
    },
    database: { connections: 100, readMs: D_MS, serviceTime: 'constant' },
  });
}

interface Herd {
  leader: TraceRequest;
  members: TraceRequest[];
}

/** Runs with tracing, draining as it goes, and groups the database-served reads into herds. */
function runHerds(mode: 'none' | 'single-flight'): { summary: Summary; herds: Herd[] } {
  const sim = createSimulation(stampedeScenario(mode), { trace: true });
  const served: TraceRequest[] = [];
  for (let t = 10_000; t <= DURATION_MS; t += 10_000) {
    sim.runUntil(t);
    for (const r of sim.drainRequests()) if (r.outcome === 'db') served.push(r);
    sim.drainHops();
  }
  served.sort((a, b) => a.startMs - b.startMs);
  const herds: Herd[] = [];
  let current: Herd | null = null;
  for (const r of served) {
    if (current === null || r.startMs >= current.leader.endMs) {
      current = { leader: r, members: [] };
      herds.push(current);
    }
    current.members.push(r);
  }
  return { summary: sim.summary(), herds };
}

describe('stampede, no mitigation', () => {
  let summary: Summary;
  let herds: Herd[];
  let expiries: Herd[];
  beforeAll(() => {
    ({ summary, herds } = runHerds('none'));
    // The first herd is the cold start, the last may be cut off by the end of the run.
    expiries = herds.slice(1, -1);
  });

  it('counts one herd per expiry', () => {
    expect(expiries.length).toBeGreaterThanOrEqual(300);
    const expired = summary.shards[0]!.expired;
    expect(expired).toBeGreaterThanOrEqual(herds.length - 1);
    expect(expired).toBeLessThanOrEqual(herds.length);
    // Every database read belongs to exactly one herd.
    expect(herds.reduce((n, h) => n + h.members.length, 0)).toBe(summary.db.reads);
  });

  it('sends 1 + lambda d queries to the database per expiry (within 5 %)', () => {
    const expected = 1 + LAMBDA * (D_MS / 1000);
    const mean = expiries.reduce((n, h) => n + h.members.length, 0) / expiries.length;
    expect(Math.abs(mean / expected - 1)).toBeLessThanOrEqual(0.05);
  });
});

describe('stampede, single-flight on one instance', () => {
  let summary: Summary;
  let herds: Herd[];
  let expiries: Herd[];
  beforeAll(() => {
    ({ summary, herds } = runHerds('single-flight'));
    expiries = herds.slice(1, -1);
  });

  it('sends exactly one query per expiry', () => {
    expect(expiries.length).toBeGreaterThanOrEqual(300);
    expect(summary.db.reads).toBe(herds.length);
    const expired = summary.shards[0]!.expired;
    expect(expired).toBeGreaterThanOrEqual(herds.length - 1);
    expect(expired).toBeLessThanOrEqual(herds.length);
  });

  it('delays the waiters by d/2 on average (within 10 %)', () => {
    let sum = 0;
    let n = 0;
    for (const h of expiries) {
      expect(h.leader.endMs - h.leader.startMs).toBeCloseTo(D_MS, 9);
      for (const w of h.members) {
        if (w === h.leader) continue;
        // A waiter is answered when the leader's value comes back.
        expect(w.endMs).toBeCloseTo(h.leader.endMs, 9);
        sum += w.endMs - w.startMs;
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
    expect(Math.abs(sum / n / (D_MS / 2) - 1)).toBeLessThanOrEqual(0.1);
  });
});

/**
 * The same arithmetic over a real network: one-way delays to Redis and the database with exponential
 * jitter on every hop (the defaults), 400 reads a second and a 200 ms recompute. The flight covers the
 * refill SET, so a read that misses before the SET lands joins it; one connection per instance and shard
 * keeps replies in order, so a miss sent before the SET is answered before the SET's acknowledgement.
 * Each expiry then costs exactly one query per instance that reads the key during the refill (every
 * instance here: each gets dozens of reads in 200 ms), plus one per instance for the cold start, and a
 * refill the end of the run cuts short is not counted.
 */
describe('single-flight with network delay and jitter', () => {
  function run(instances: number) {
    const summary = runScenario(
      scenarioSchema.parse({
        version: 1,
        seed: 5,
        durationMs: 300_000,
        workload: { rps: 400, keys: 1, zipf: 0, readRatio: 1 },
        topology: { instances, redisShards: 1 },
        network: { clientMs: 1, redisMs: 0.25, dbMs: 0.5, jitterMs: 0.05 },
        cache: {
          strategy: 'cache-aside',
          l1: { enabled: false },
          l2: { ttlMs: TTL_MS, ttlReset: false },
          stampede: { mode: 'single-flight' },
        },
        database: { connections: 100, readMs: 200, serviceTime: 'constant' },
      }),
    );
    return { queries: summary.db.reads, expiries: summary.shards[0]!.expired };
  }

  it.each([1, 4])('%i instance(s): one query per instance per expiry', (instances) => {
    const { queries, expiries } = run(instances);
    expect(expiries).toBeGreaterThan(200);
    const expected = instances * (expiries + 1); // every expiry, and the cold start
    expect(queries).toBeLessThanOrEqual(expected);
    expect(queries).toBeGreaterThanOrEqual(expected - instances); // the last refill may be cut short
  });
});

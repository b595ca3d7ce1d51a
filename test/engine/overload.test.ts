import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import type { TraceRequest } from '../../src/engine/types.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/** Every request goes to a database that answers in exactly 100 ms; no network delay but the client's. */
const slowDb = (extra: Partial<ScenarioInput> & { client?: object; database?: object } = {}) => {
  const { client, database, ...rest } = extra;
  return scenarioSchema.parse({
    version: 1,
    durationMs: 20_000,
    workload: { rps: 20, keys: 1_000_000, zipf: 0, readRatio: 1, client: client ?? {} },
    topology: { instances: 2, redisShards: 1 },
    network: { clientMs: 1, redisMs: 0, dbMs: 0, jitterMs: 0 },
    cache: { strategy: 'none' },
    database: { connections: 50, readMs: 100, serviceTime: 'constant', ...database },
    monitoring: { enabled: false },
    ...rest,
  });
};

describe('overload: defaults', () => {
  it('change nothing in a healthy run: every figure 0', () => {
    const r = runScenario(scenarioSchema.parse({ version: 1, durationMs: 5000 }));
    expect(r.overload).toEqual({
      timeouts: 0,
      retries: 0,
      acquireTimeouts: 0,
      dbQueueRejections: 0,
      redisQueueRejections: 0,
    });
    expect(r.series.points.every((p) => p.timeouts === 0 && p.retries === 0)).toBe(true);
  });

  it('bound the pool queue of a saturated database by the arrival rate times the acquire timeout', () => {
    const s = getPreset('baseline')!;
    s.workload.rps = 20_000;
    s.durationMs = 45_000;
    const r = runScenario(s);
    expect(r.db.utilisation).toBeGreaterThan(0.99);
    expect(r.overload.acquireTimeouts).toBeGreaterThan(0);
    expect(r.db.peakQueue).toBeLessThanOrEqual((s.workload.rps * s.database.acquireTimeoutMs) / 1000);
    // The queue stops growing once the first waiters time out (30 s): it is flat over the last 10 s.
    const last = r.series.points.slice(-10).map((p) => p.dbQueue);
    expect(Math.max(...last) / Math.min(...last)).toBeLessThan(1.25);
  });
});

describe('overload: the default Redis queue bound', () => {
  it('keeps a saturated shard from queueing without end', () => {
    const s = scenarioSchema.parse({
      version: 1,
      durationMs: 40_000,
      workload: { rps: 5000, readRatio: 1, keys: 100 },
      topology: { redisShards: 1 },
      // 1000 commands a second for 5000 requests a second: the backlog grows by 4000 commands a second.
      cache: { l2: { serviceMs: 1 } },
      monitoring: { enabled: false },
    });
    const r = runScenario(s);
    expect(s.cache.l2.maxQueue).toBe(100_000);
    expect(r.overload.redisQueueRejections).toBeGreaterThan(0);
    expect(r.shards[0]!.peakQueue).toBeLessThanOrEqual(100_001);
  });
});

describe('overload: client timeout', () => {
  it('counts a request the client gave up on once, as an error with the timeout as its latency', () => {
    const r = runScenario(slowDb({ client: { timeoutMs: 50 } }));
    expect(r.overload.timeouts).toBeGreaterThan(300);
    expect(r.errors).toBe(r.overload.timeouts);
    expect(r.requests).toBe(r.reads + r.writes);
    expect(r.latencyMs.max).toBeLessThanOrEqual(50 + 1e-9);
    expect(r.latencyMs.p50).toBeCloseTo(50, 0);
    expect(r.series.points.reduce((n, p) => n + p.timeouts, 0)).toBe(r.overload.timeouts);
  });

  it('keeps the first attempt working: the database answers every query the clients gave up on', () => {
    const r = runScenario(slowDb({ client: { timeoutMs: 50 } }));
    // 100 ms queries, so at most the last 100 ms of queries are still running at the end.
    expect(r.db.reads).toBeGreaterThanOrEqual(r.overload.timeouts - 10);
    expect(r.db.reads).toBeLessThanOrEqual(r.overload.timeouts);
  });

  it('a response that would arrive after the deadline is a timeout, one that arrives before is not', () => {
    // 100 ms query + 2 x 1 ms client hop = 102 ms.
    expect(runScenario(slowDb({ client: { timeoutMs: 101.9 } })).errors).toBeGreaterThan(0);
    expect(runScenario(slowDb({ client: { timeoutMs: 102.1 } })).errors).toBe(0);
  });
});

describe('overload: retries', () => {
  it('each retry is a new request; every attempt times out, so there are 1 + retries per arrival', () => {
    const r = runScenario(slowDb({ client: { timeoutMs: 50, retries: 2, backoffMs: 10 } }));
    const first = r.requests - r.overload.retries;
    expect(r.overload.retries).toBeGreaterThan(500);
    // Up to a few sequences cut by the end of the run.
    expect(Math.abs(r.overload.retries - 2 * first)).toBeLessThanOrEqual(6);
    expect(r.errors).toBe(r.requests);
  });

  it('waits an exponential backoff with full jitter: retry k starts within backoffMs * 2^(k-1)', () => {
    const backoffMs = 40;
    const sim = createSimulation(slowDb({ client: { timeoutMs: 50, retries: 2, backoffMs } }), {
      trace: true,
      traceCapacity: 1_000_000,
    });
    sim.runUntil(Infinity);
    // A million uniform keys: a key's requests are one client's attempts.
    const byKey = new Map<number, TraceRequest[]>();
    for (const r of sim.drainRequests()) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    const gaps: number[][] = [[], []];
    for (const attempts of byKey.values()) {
      if (attempts.length !== 3) continue;
      attempts.sort((a, b) => a.startMs - b.startMs);
      for (let k = 1; k < 3; k++) gaps[k - 1]!.push(attempts[k]!.startMs - attempts[k - 1]!.endMs);
    }
    expect(gaps[0]!.length).toBeGreaterThan(300);
    for (const [k, list] of gaps.entries()) {
      const cap = backoffMs * 2 ** k;
      expect(Math.min(...list)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...list)).toBeLessThanOrEqual(cap);
      // Uniform on [0, cap]: mean cap / 2 (standard error cap / sqrt(12 n)).
      const mean = list.reduce((x, y) => x + y, 0) / list.length;
      expect(Math.abs(mean - cap / 2)).toBeLessThan((4 * cap) / Math.sqrt(12 * list.length));
    }
  });

  it('retries errors too: a pool that times queries out gets their retries', () => {
    const r = runScenario(
      slowDb({ client: { retries: 1 }, database: { connections: 1, acquireTimeoutMs: 30 } }),
    );
    expect(r.overload.acquireTimeouts).toBeGreaterThan(0);
    expect(r.overload.retries).toBeGreaterThan(0);
    expect(r.overload.timeouts).toBe(0);
  });
});

describe('overload: queue bounds', () => {
  it('database.maxQueue 0: a query that finds every connection busy fails at once', () => {
    const r = runScenario(slowDb({ database: { connections: 1, maxQueue: 0 } }));
    expect(r.db.peakQueue).toBe(0);
    expect(r.overload.dbQueueRejections).toBeGreaterThan(0);
    expect(r.errors).toBe(r.overload.dbQueueRejections);
  });

  it('cache.l2.maxQueue: a shard with that many commands waiting refuses the next', () => {
    const r = runScenario(
      scenarioSchema.parse({
        version: 1,
        durationMs: 5000,
        workload: { rps: 5000, readRatio: 1 },
        topology: { redisShards: 1 },
        cache: { l2: { serviceMs: 0.5, maxQueue: 20 }, redisDownPolicy: 'fail' },
      }),
    );
    expect(r.overload.redisQueueRejections).toBeGreaterThan(0);
    expect(r.redisErrors).toBeGreaterThanOrEqual(r.overload.redisQueueRejections);
    expect(r.shards[0]!.peakQueue).toBeLessThanOrEqual(21);
    expect(r.errors).toBeGreaterThan(0);
  });
});

describe('the retry-storm preset', () => {
  it('outlives its trigger with retries, and drains without them', () => {
    const storm = getPreset('retry-storm')!;
    const calm = structuredClone(storm);
    calm.workload.client.retries = 0;
    const lastErrors = (s: typeof storm) => {
      const r = runScenario(s);
      const tail = r.series.points.filter((p) => p.tMs > s.durationMs - 20_000);
      return { errors: tail.reduce((n, p) => n + p.errors, 0), queue: tail[tail.length - 1]!.dbQueue, r };
    };
    const withRetries = lastErrors(storm);
    const without = lastErrors(calm);
    // Before the restart at 30 s both are healthy.
    expect(withRetries.r.series.points.slice(0, 29).every((p) => p.errors === 0)).toBe(true);
    // The last 20 s (40 s after a 1 s outage): still failing with retries, recovered without.
    expect(without.errors).toBe(0);
    expect(without.queue).toBe(0);
    expect(withRetries.errors).toBeGreaterThan(20_000);
    expect(withRetries.queue).toBeGreaterThan(10_000);
    expect(withRetries.r.overload.retries).toBeGreaterThan(withRetries.r.overload.timeouts / 2);
  });
});

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * Redis's tracking in BCAST mode (src/tracking.c): every change of a key under a subscribed prefix is
 * sent to every subscribed client (but the one that made it, under NOLOOP), and a key that expires or
 * is evicted counts as changed. Checked with write-only traffic under write-through, where every write
 * is one SET: the messages each instance receives follow from the writes and the share of key names
 * under the prefix, counted here from the names themselves.
 */
const keys = 1000;
const instances = 4;
const rps = 2000;
const durationMs = 10_000;

function run(tracking: object, l2: object = {}): Summary {
  const input: ScenarioInput = {
    version: 1,
    seed: 11,
    durationMs,
    workload: { rps, readRatio: 0, keys, zipf: 0 },
    topology: { instances, redisShards: 2 },
    cache: {
      strategy: 'write-through',
      l1: { enabled: true },
      l2: { ttlMs: null, ...l2 },
      tracking: { enabled: true, mode: 'bcast', ...tracking },
    },
  };
  return runScenario(scenarioSchema.parse(input));
}

/** The share of the keys whose name (`key:<n>`) starts with `prefix`. */
function shareUnder(prefix: string): number {
  let n = 0;
  for (let k = 0; k < keys; k++) if (`key:${k}`.startsWith(prefix)) n++;
  return n / keys;
}

/** Messages the last writes may still have on the wire when the run ends. */
const inFlight = (rps * 5) / 1000;

describe('tracking, BCAST mode', () => {
  it('every write under the prefix reaches every instance', () => {
    const f = shareUnder('key:1');
    const r = run({ prefixes: ['key:1'] });
    const t = r.tracking!;
    const writes = r.writes;
    // Writes pick their key uniformly: the matching ones are Binomial(writes, f).
    const sd = Math.sqrt(writes * f * (1 - f));
    for (const got of t.receivedPerInstance) {
      expect(Math.abs(got - writes * f)).toBeLessThan(4 * sd + inFlight);
    }
    // One message per matching SET per instance, sent: all instances alike.
    expect(t.sent % instances).toBe(0);
    expect(t.byExpiryOrEviction).toBe(0);
  });

  it('NOLOOP spares the writer: (n - 1) / n of the matching writes reach each instance', () => {
    const f = shareUnder('key:2');
    const r = run({ prefixes: ['key:2'], noloop: true });
    const t = r.tracking!;
    const expected = (r.writes * f * (instances - 1)) / instances;
    const sd = Math.sqrt(r.writes * f * (1 - f));
    for (const got of t.receivedPerInstance) {
      expect(Math.abs(got - expected)).toBeLessThan(4 * sd + inFlight);
    }
    expect(t.sent).toBeLessThan(r.writes * f * instances);
  });

  it('a key that expires is a change: one message per instance per expired key', () => {
    const r = run({ noloop: true }, { ttlMs: 50, hz: 200 });
    const t = r.tracking!;
    const expired = r.shards.reduce((a, s) => a + s.expired + s.evictions, 0);
    expect(expired).toBeGreaterThan(1000);
    // No prefix: every key. Expiries have no writer, so NOLOOP spares no one. The active expiry runs
    // 200 times a second so that few keys are still there, expired, when their next SET comes: that
    // expiry and the SET are one change (as Redis's BCAST batching merges them), sent as a write.
    expect(t.byExpiryOrEviction).toBeLessThanOrEqual(expired * instances);
    expect(t.byExpiryOrEviction).toBeGreaterThan(expired * instances * 0.99);
    expect(t.byExpiryOrEviction % instances).toBe(0);
  });
});

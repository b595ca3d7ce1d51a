import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { getPreset, presetIds, presets } from '../../src/scenario/presets/index.ts';
import { parseScenario } from '../../src/scenario/validate.ts';
import { decodeScenario, encodeScenario } from '../../src/scenario/url.ts';

const required = [
  'baseline',
  'stampede',
  'stampede-single-flight',
  'hot-key',
  'hot-key-many-shards',
  'update-race',
  'no-cache',
  'l1-hot-key',
  'l1-inconsistency',
  'ttl-too-short',
  'write-behind-crash',
  'write-behind-unordered',
  'cdc',
  'cdc-outage',
  'families',
  'partial-caching',
  'whole-object',
  'cdn',
  'cdn-leak',
  'cdn-hot-key',
  'cdn-hot-key-swr',
  'cdn-db-outage',
  'cdn-db-outage-stale-if-error',
  'l1-hot-key-expiry',
  'l1-hot-key-swr',
  'db-outage-behind-redis',
  'db-outage-redis-stale-if-error',
  'query-cache',
  'db-latency-spike',
  'stampede-lock',
  'stampede-xfetch',
  'background-refresh',
  'hot-key-replicas',
  'warming',
  'redis-restart-cold',
  'redis-restart-aof',
  'shard-crash',
  'redis-down-fail',
  'deploy',
  'memory-pressure',
  'lfu-vs-lru',
  'retry-storm',
  'stale-set',
  'stale-set-leases',
  'stampede-leases',
  'cache-penetration',
  'cache-penetration-bloom',
  'l1-inconsistency-tracking',
  'l1-inconsistency-tracking-fix',
  'tracking-bcast-flood',
];

describe('presets', () => {
  it('has every required id, once each', () => {
    expect([...presetIds].sort()).toEqual([...required].sort());
    expect(new Set(presetIds).size).toBe(presets.length);
  });

  it.each(presets.map((p) => [p.id, p] as const))('%s is valid, titled and described', (_id, preset) => {
    const r = parseScenario(preset.input);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(preset.title.length).toBeGreaterThan(5);
    expect(preset.description.length).toBeGreaterThan(100);
    expect(r.scenario.title).toBe(preset.title);
    expect(r.scenario.description).toBe(preset.description);
    // Keeps `npm run sim -- <id>` to a few seconds at the engine's speed.
    expect((r.scenario.durationMs / 1000) * r.scenario.workload.rps).toBeLessThanOrEqual(1_000_000);
    expect(decodeScenario(encodeScenario(preset.input))).toEqual(r);
  });

  it('getPreset returns a fresh full scenario, or undefined for an unknown id', () => {
    const a = getPreset('baseline');
    expect(a).toEqual(scenarioSchema.parse(presets[0]?.input));
    if (a) a.seed = 99;
    expect(getPreset('baseline')?.seed).toBe(42);
    expect(getPreset('nope')).toBeUndefined();
  });

  it('baseline matches its specification', () => {
    const s = getPreset('baseline');
    expect(s?.topology).toMatchObject({ instances: 4, redisShards: 3 });
    expect(s?.workload).toMatchObject({ keys: 100_000, zipf: 0.99, readRatio: 0.95 });
    expect(s?.cache).toMatchObject({
      strategy: 'cache-aside',
      l1: { enabled: true, ttlMs: 1000, maxKeys: 1000 },
      l2: { ttlMs: 60_000 },
    });
  });

  it('stampede and its single-flight twin differ only in the mitigation (and the words)', () => {
    const a = getPreset('stampede');
    const b = getPreset('stampede-single-flight');
    expect(a?.cache.stampede.mode).toBe('none');
    expect(b?.cache.stampede.mode).toBe('single-flight');
    expect(a?.cache.l1.enabled).toBe(false);
    expect(a?.database).toMatchObject({ readMs: 100, connections: 10, serviceTime: 'constant' });
    expect(a?.workload.hotKey?.share).toBeGreaterThanOrEqual(0.8);
    const strip = (s: typeof a) => ({
      ...s,
      title: '',
      description: '',
      cache: { ...s?.cache, stampede: null },
    });
    expect(strip(a)).toEqual(strip(b));
  });

  it('the scenario-specific presets set what their lesson needs', () => {
    expect(getPreset('hot-key')).toMatchObject({
      topology: { redisShards: 16 },
      workload: { hotKey: { share: 0.5 } },
      cache: { l1: { enabled: false } },
    });
    expect(getPreset('update-race')?.cache.strategy).toBe('cache-aside-update');
    expect(getPreset('no-cache')?.cache.strategy).toBe('none');
    expect(getPreset('l1-hot-key')).toMatchObject({
      topology: { instances: 20 },
      cache: { l1: { ttlMs: 1000 } },
    });
    expect(getPreset('l1-inconsistency')).toMatchObject({
      topology: { instances: 10 },
      cache: { l1: { enabled: true, ttlMs: 300_000 } },
    });
    expect(getPreset('ttl-too-short')?.cache.l2.ttlMs).toBe(5000);
  });
});

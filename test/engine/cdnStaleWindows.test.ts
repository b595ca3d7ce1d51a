/**
 * The CDN edge's RFC 5861 windows on the presets that show them: stale-if-error turns each error of the
 * outage it covers into an answer (and changes nothing else of the run), stale-while-revalidate bounds
 * the age of what it serves by max-age plus the window, and both replay exactly through a snapshot.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

describe('the CDN edge serving stale (RFC 5861)', () => {
  it('stale-if-error answers errors with the copy: every error avoided is one served stale', () => {
    const plain = runScenario(getPreset('cdn-db-outage')!);
    const sie = runScenario(getPreset('cdn-db-outage-stale-if-error')!);
    const w = sie.cdnStale!;
    expect(plain.cdnStale).toBeUndefined();
    expect(w.servedIfError).toBeGreaterThan(1000);
    // The window consumes no random number and no event: the two runs differ only in those answers.
    expect(plain.errors - sie.errors).toBe(w.servedIfError);
    expect(sie.requests).toBe(plain.requests);
    expect(sie.db.reads).toBe(plain.db.reads);
    expect(w.servedWhileRevalidating).toBe(0);
    expect(w.revalidations).toBe(0);
    // A copy served past its max-age (10 s) is less than max-age + stale-if-error (600 s) old.
    expect(w.maxServedAgeMs).toBeGreaterThan(10_000);
    expect(w.maxServedAgeMs).toBeLessThan(610_000);
    expect(w.servedByRoute).toEqual({ api: w.servedIfError });
  });

  it('stale-while-revalidate serves nothing older than max-age + the window, one revalidation at a time', () => {
    const swr = runScenario(getPreset('cdn-hot-key-swr')!);
    const w = swr.cdnStale!;
    expect(w.servedWhileRevalidating).toBeGreaterThan(0);
    expect(w.maxServedAgeMs).toBeLessThan(1000 + 10_000);
    expect(w.maxServedAgeMs).toBeGreaterThan(1000);
    // Without writes nothing is stale against the database: past max-age is not wrong.
    expect(swr.staleReads).toBe(0);
    // One revalidation per page per expiry at most: at most one per page per max-age of run time.
    expect(w.revalidations).toBeLessThanOrEqual(20 * 60);
    expect(w.revalidationErrors).toBe(0);
  });

  it.each(['cdn-hot-key-swr', 'cdn-db-outage-stale-if-error'])(
    '%s replays exactly through a snapshot and restore',
    (id) => {
      const scenario = getPreset(id)!;
      const sim = createSimulation(scenario);
      sim.runUntil(21_234);
      const snap = sim.snapshot();
      sim.runUntil(scenario.durationMs);
      const whole = sim.summary();
      sim.restore(snap);
      sim.runUntil(scenario.durationMs);
      expect(sim.summary()).toEqual(whole);
    },
    60_000,
  );
});

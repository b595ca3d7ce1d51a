import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../../src/engine/index.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/**
 * Mechanisms that reschedule themselves must always move the clock forward; `scheduleTick` throws when
 * one does not, so a run that would hang fails here instead. The background refresher froze the clock
 * for 24 of 84 TTL x refreshAt x seed combinations (floating-point rounding put its next look at now).
 */

const refreshScenario = (ttlMs: number, refreshAt: number, seed: number, jitter: number) =>
  scenarioSchema.parse({
    version: 1,
    seed,
    // Long enough for hundreds of refresh cycles of the shortest TTLs, and far into the run for the
    // long ones (rounding bites at large clock values).
    durationMs: Math.min(86_400_000, Math.max(2000, ttlMs * 3)),
    workload: { rps: 2, keys: 50 },
    cache: {
      l2: { ttlMs, ttlJitter: jitter, hz: 0 },
      stampede: { mode: 'background-refresh', refreshAt, refreshTopKeys: 5 },
    },
    database: { readMs: 0.5 },
    monitoring: { enabled: false },
  });

describe('periodic mechanisms never schedule at or before now', () => {
  it('the scenario from the audit ends (1 s TTL, refresh at 0.9)', () => {
    const s = scenarioSchema.parse({
      version: 1,
      cache: { l2: { ttlMs: 1000 }, stampede: { mode: 'background-refresh', refreshAt: 0.9 } },
    });
    const r = runScenario(s);
    expect(r.durationMs).toBe(s.durationMs);
    expect(r.mitigations.refreshReads).toBeGreaterThan(0);
  });

  it('background refresh, over TTLs and fractions of them', () => {
    fc.assert(
      fc.property(
        // TTLs from 1 ms to a day, spread evenly over the decades.
        fc.double({ min: 0, max: Math.log10(86_400_000), noNaN: true }).map((e) => Math.round(10 ** e)),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(0, 0.1, 0.5),
        (ttlMs, refreshAt, seed, jitter) => {
          const scenario = refreshScenario(Math.max(1, ttlMs), refreshAt, seed, jitter);
          // Hourly samples: the refresher's own events are what is under test.
          const r = runScenario(scenario, { sampleIntervalMs: 3_600_000 });
          expect(r.mitigations.refreshReads).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  });

  it('the TTLs and fractions the audit found hanging', () => {
    // The audit's grid: TTLs around powers of ten and refreshAt near the ends of its range.
    for (const ttlMs of [1000, 3000, 7000, 60_000, 86_400_000]) {
      for (const refreshAt of [0.01, 0.3, 0.75, 0.9, 0.99]) {
        const r = runScenario(refreshScenario(ttlMs, refreshAt, 7, 0), { durationMs: 20_000 });
        expect(r.durationMs).toBe(20_000);
      }
    }
  });

  it('a tick at now is refused with a message naming the event', () => {
    const sim = createSimulation(scenarioSchema.parse({ version: 1 }), { sampleIntervalMs: 0 });
    expect(() => sim.runUntil(10)).toThrow(/engine bug: event type 7 rescheduled itself at 0 ms/);
  });
});

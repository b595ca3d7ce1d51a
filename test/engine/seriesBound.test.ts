/**
 * A long run's time series is bounded: past MAX_SERIES_POINTS items it is coarsened (pairs merged,
 * buckets twice as long), so a day-long run does not keep 86 400 points. The totals stay exact, a
 * snapshot taken before a coarsening restores the finer series, and the page, fed only what it lacks,
 * holds the very series the engine has.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/index.ts';
import type { Summary } from '../../src/engine/types.ts';
import { MAX_SERIES_POINTS } from '../../src/engine/flow/series.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { NO_SAMPLES, SeriesReceiver, SeriesSender } from '../../src/worker/seriesDelta.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** A preset slowed to `rps` for `durationMs`: many samples, few requests, a quick run. */
function slow(id: string, rps: number, durationMs: number): Scenario {
  const s = getPreset(id)!;
  return { ...s, durationMs, changes: [], workload: { ...s.workload, rps, phases: [] } };
}
const SAMPLE_MS = 100;
const sum = (s: Summary, f: 'requests' | 'dbReads' | 'dbWrites' | 'staleReads' | 'errors' | 'l2Hits') =>
  s.series.points.reduce((n, p) => n + p[f], 0);

describe('the time series of a long run', () => {
  it('stays under its bound, and its counts add up to the Summary', () => {
    // 7 200 samples: coarsened twice (buckets of 4 samples).
    const sim = createSimulation(slow('baseline', 20, 720_000), { sampleIntervalMs: SAMPLE_MS });
    for (let t = 0; t <= 720_000; t += 37_000) {
      sim.runUntil(t);
      const s = sim.summary();
      expect(s.series.points.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
      expect(sum(s, 'requests')).toBe(s.requests);
      expect(sum(s, 'dbReads')).toBe(s.db.reads);
      expect(sum(s, 'dbWrites')).toBe(s.db.writes);
      expect(sum(s, 'staleReads')).toBe(s.staleReads);
      expect(sum(s, 'errors')).toBe(s.errors);
      expect(sum(s, 'l2Hits')).toBe(s.l2.hits);
    }
    sim.runUntil(Infinity);
    const end = sim.summary();
    expect(end.series.intervalMs).toBe(4 * SAMPLE_MS);
    expect(end.series.points).toHaveLength(7200 / 4);
    // Buckets end on multiples of the interval, in order.
    end.series.points.forEach((p, i) => expect(p.tMs).toBe((i + 1) * end.series.intervalMs));
  });

  it('bounds the logs mechanisms keep too, their peaks kept', () => {
    const sim = createSimulation(slow('cdc', 20, 720_000), { sampleIntervalMs: SAMPLE_MS });
    sim.runUntil(Infinity);
    const cdc = sim.summary().cdc!;
    expect(cdc.series.length).toBeGreaterThan(MAX_SERIES_POINTS / 2);
    expect(cdc.series.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    const fine = createSimulation(slow('cdc', 20, 720_000), { sampleIntervalMs: SAMPLE_MS });
    let peak = 0;
    for (let t = SAMPLE_MS; t <= 720_000; t += SAMPLE_MS) {
      fine.runUntil(t);
      peak = Math.max(peak, fine.summary().cdc!.series.at(-1)!.backlog);
    }
    expect(Math.max(...cdc.series.map((x) => x.backlog))).toBe(peak);
  });

  it('restores the finer series a snapshot saw, and goes on to the same end', () => {
    const scenario = slow('baseline', 20, 480_000);
    const whole = createSimulation(scenario, { sampleIntervalMs: SAMPLE_MS });
    whole.runUntil(Infinity);
    const sim = createSimulation(scenario, { sampleIntervalMs: SAMPLE_MS });
    sim.runUntil(150_000); // 1 500 samples, not coarsened yet
    const before = sim.summary();
    const snap = sim.snapshot();
    sim.runUntil(330_001); // coarsened once, a bucket filling
    const mid = sim.summary();
    const midSnap = sim.snapshot();
    expect(mid.series.intervalMs).toBe(2 * SAMPLE_MS);
    sim.runUntil(Infinity);
    sim.restore(snap);
    expect(sim.summary()).toEqual(before);
    sim.restore(midSnap);
    expect(sim.summary()).toEqual(mid);
    sim.restore(snap);
    sim.runUntil(Infinity);
    expect(sim.summary()).toEqual(whole.summary());
    // Into another simulation as well.
    const other = createSimulation(scenario, { sampleIntervalMs: SAMPLE_MS });
    other.restore(midSnap);
    other.runUntil(Infinity);
    expect(other.summary()).toEqual(whole.summary());
  });

  it('reaches the page whole: only what it lacks is sent, across coarsenings and seeks back', () => {
    const sim = createSimulation(slow('baseline', 20, 480_000), { sampleIntervalMs: SAMPLE_MS });
    const sender = new SeriesSender();
    const receiver = new SeriesReceiver();
    const snaps = new Map<number, ReturnType<typeof sim.snapshot>>();
    let sent = 0;
    const check = () => {
      const s = sim.summary();
      const { summary, from } = sender.cut(s);
      sent += summary.series.points.length;
      expect(receiver.join(summary, from).series.points).toEqual(s.series.points);
    };
    for (let t = 0; t <= 480_000; t += 4_321) {
      sim.runUntil(t);
      if (t % 5 === 0) snaps.set(t, sim.snapshot());
      check();
    }
    // Far fewer points sent than a whole series per update.
    expect(sent).toBeLessThan(2 * 4 * MAX_SERIES_POINTS);
    for (const t of [432_100, 95_062, 350_000 - (350_000 % 4_321)]) {
      const at = [...snaps.keys()].filter((k) => k <= t).at(-1)!;
      sim.restore(snaps.get(at)!);
      sender.keepAtMost(NO_SAMPLES);
      check();
      sim.runUntil(at + 50_000);
      check();
    }
  });

  it('sends the tracking log in parts too, and the page holds it whole', () => {
    const sim = createSimulation(slow('tracking-bcast-flood', 50, 120_000), { sampleIntervalMs: SAMPLE_MS });
    const sender = new SeriesSender();
    const receiver = new SeriesReceiver();
    let sent = 0;
    let updates = 0;
    for (let t = 0; t <= 120_000; t += 1_234) {
      sim.runUntil(t);
      const whole = sim.summary();
      const { summary, from } = sender.cut(whole);
      sent += summary.tracking!.series.length;
      updates++;
      expect(receiver.join(summary, from).tracking!.series).toEqual(whole.tracking!.series);
    }
    const all = sim.summary().tracking!.series.length;
    expect(all).toBeGreaterThan(1000);
    // Each sample once, plus the last (still filling) item again with every update.
    expect(sent).toBeLessThanOrEqual(all + updates);
  });
});

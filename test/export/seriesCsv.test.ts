import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import type { SeriesPoint, Summary } from '../../src/engine/types.ts';
import { seriesCsv } from '../../src/export/seriesCsv.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';

/** Parses CSV text back into rows of strings (papaparse's reader, the writer's own counterpart). */
const parse = (csv: string): string[][] => {
  const r = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
};

/** The columns a Summary's series should give: every field of a sample, per-shard lists numbered from 1. */
function expectedHeader(point: SeriesPoint): string[] {
  return Object.entries(point).flatMap(([name, value]) =>
    Array.isArray(value) && name !== 'alerts' ? value.map((_, i) => `${name}.${i + 1}`) : [name],
  );
}

const summary = runScenario(getPreset('stampede')!, { durationMs: 6000, seed: 3 });

describe('seriesCsv', () => {
  it('has a header row with the Summary series fields, then one row per sample', () => {
    const rows = parse(seriesCsv(summary));
    const points = summary.series.points;
    expect(points.length).toBe(6);
    expect([...rows[0]!].sort()).toEqual(expectedHeader(points[0]!).sort());
    expect(rows).toHaveLength(1 + points.length);
    // Every cell reads back as the sample's value: numbers unformatted, per-shard columns in order.
    const header = rows[0]!;
    rows.slice(1).forEach((row, i) => {
      const p = points[i]!;
      header.forEach((name, c) => {
        const [field, shard] = name.split('.') as [keyof SeriesPoint, string | undefined];
        const value = p[field];
        const expected = Array.isArray(value)
          ? shard === undefined
            ? value.join(';')
            : String(value[Number(shard) - 1])
          : String(value);
        expect(row[c], `${name} at row ${i + 1}`).toBe(expected);
      });
    });
  });

  it('quotes every field and ends every line with CRLF', () => {
    const csv = seriesCsv(summary);
    const lines = csv.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + summary.series.points.length);
    for (const line of lines) expect(line).toMatch(/^"[^"]*"(,"[^"]*")*$/);
    expect(csv).not.toMatch(/[^\r]\n/);
  });

  it('neutralises text that a spreadsheet would run as a formula, and escapes quotes', () => {
    const point = { ...summary.series.points[0]!, alerts: ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'] };
    const hostile = { ...summary, series: { ...summary.series, points: [point] } };
    const rows = parse(seriesCsv(hostile));
    const alerts = rows[1]![rows[0]!.indexOf('alerts')]!;
    // One cell, starting with a quote mark: the spreadsheet shows it as text.
    expect(alerts).toBe(`'=HYPERLINK("x");+1;-2;@SUM(A1)`);
    for (const lead of ['=', '+', '-', '@']) {
      const one = { ...hostile, series: { ...hostile.series, points: [{ ...point, alerts: [`${lead}x`] }] } };
      const cell = parse(seriesCsv(one))[1]!.at(-1);
      expect(cell).toBe(`'${lead}x`);
    }
    // The raw text has the quote doubled inside a quoted field, as RFC 4180 says.
    expect(seriesCsv(hostile)).toContain(`"'=HYPERLINK(""x"");+1;-2;@SUM(A1)"`);
  });

  it('leaves numbers alone (a negative number is not a formula) and writes non-finite ones empty', () => {
    const point: SeriesPoint = {
      ...summary.series.points[0]!,
      p50: -1.5,
      p99: Number.NaN,
      redisP99: Infinity,
    };
    const one: Pick<Summary, 'series' | 'shards'> = {
      shards: summary.shards,
      series: { intervalMs: 1000, points: [point] },
    };
    const [header, row] = parse(seriesCsv(one)) as [string[], string[]];
    expect(row[header.indexOf('p50')]).toBe('-1.5');
    expect(row[header.indexOf('p99')]).toBe('');
    expect(row[header.indexOf('redisP99')]).toBe('');
  });

  it('gives the header alone for a run with no samples yet', () => {
    const empty = { ...summary, series: { intervalMs: 1000, points: [] } };
    const rows = parse(seriesCsv(empty));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('shardOps.3');
  });
});

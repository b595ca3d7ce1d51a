import fc from 'fast-check';
import { numberBars } from '../../src/server/reveal.ts';

describe('the histogram of guesses', () => {
  it('counts every guess once, marks one bar holding the measured value, and keeps bars ordered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 300 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (guesses, measured) => {
          const bars = numberBars(guesses, measured);
          expect(bars.reduce((n, b) => n + b.count, 0)).toBe(guesses.length);
          const marked = bars.filter((b) => b.measured);
          expect(marked).toHaveLength(1);
          const m = marked[0]!;
          // The measured value lies in its bar (the first and last reach out to what they hold).
          const first = bars[0]!;
          const last = bars.at(-1)!;
          const slack = 1e-9 * (m.to! - m.from!);
          expect(measured >= m.from! - slack || m === first).toBe(true);
          expect(measured <= m.to! + slack || m === last).toBe(true);
          for (let i = 1; i < bars.length; i++) expect(bars[i]!.from!).toBeGreaterThan(bars[i - 1]!.from!);
          expect(bars.length).toBeLessThanOrEqual(21);
        },
      ),
    );
  });

  it('puts outliers in the end bars instead of stretching the range', () => {
    const guesses = [...Array.from({ length: 40 }, (_, i) => 10 + (i % 10)), 1e9, -5e8];
    const bars = numberBars(guesses, 15);
    expect(bars[0]!.label.startsWith('<')).toBe(true);
    expect(bars.at(-1)!.label.startsWith('≥')).toBe(true);
    expect(bars.at(-1)!.to!).toBeLessThan(100);
  });

  it('gives one bar when every guess is the answer', () => {
    const bars = numberBars([7, 7, 7], 7);
    expect(bars).toHaveLength(1);
    expect(bars[0]).toMatchObject({ count: 3, measured: true });
  });

  it('labels bars at the precision of their width', () => {
    expect(numberBars([0.1, 0.25, 0.3], 0.2).map((b) => b.label)).toEqual([
      '0.10–0.12',
      '0.12–0.14',
      '0.14–0.16',
      '0.16–0.18',
      '0.18–0.20',
      '0.20–0.22',
      '0.22–0.24',
      '0.24–0.26',
      '0.26–0.28',
      '0.28–0.30',
    ]);
    expect(numberBars([1000, 52000], 9000)[0]!.label).toBe('0–5,000');
  });
});

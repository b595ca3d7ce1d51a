import { describe, expect, it } from 'vitest';
import { catchingUp, clockTolerance } from '../../src/components/compare/catchUp.ts';
import { catchUpText } from '../../src/components/compare/DifferenceTable.tsx';

const at = (nowMs: number, seekTargetMs: number | null = null) => ({ nowMs, seekTargetMs });

describe('A and B at one time', () => {
  it('counts two clocks within the tolerance as one time', () => {
    const tol = clockTolerance(false, 1);
    expect(catchingUp(at(12_000), at(12_000), tol)).toBeNull();
    expect(catchingUp(at(12_000), at(12_000 + tol), tol)).toBeNull();
    // A seek shorter than the tolerance (B moved to A's time after a pause) is no catching up.
    expect(catchingUp(at(12_000), at(12_000 - tol / 2, 12_000), tol)).toBeNull();
  });

  it('scales the tolerance with the speed, wider while playing', () => {
    expect(clockTolerance(true, 4)).toBe(4 * clockTolerance(true, 1));
    expect(clockTolerance(true, 1)).toBeGreaterThan(clockTolerance(false, 1));
  });

  it("names B when a link's t= has A there and B still on its way", () => {
    const tol = clockTolerance(false, 1);
    expect(catchingUp(at(30_000), at(4_000, 30_000), tol)).toEqual({
      runs: 'B',
      targetMs: 30_000,
      aMs: 30_000,
      bMs: 4_000,
    });
    // B never asked to move (a seek lost) is still behind A, and said so.
    expect(catchingUp(at(30_000), at(0), tol)).toEqual({ runs: 'B', targetMs: 30_000, aMs: 30_000, bMs: 0 });
  });

  it('names both while both re-simulate, and A when A is the one behind', () => {
    const tol = clockTolerance(false, 1);
    expect(catchingUp(at(0, 30_000), at(2_000, 30_000), tol)?.runs).toBe('A and B');
    expect(catchingUp(at(5_000, 30_000), at(30_000), tol)?.runs).toBe('A');
    expect(catchingUp(at(10_000), at(25_000), tol)).toEqual({
      runs: 'A',
      targetMs: 25_000,
      aMs: 10_000,
      bMs: 25_000,
    });
  });

  it('says where each run is, and that nothing is compared yet', () => {
    expect(catchUpText({ runs: 'B', targetMs: 30_000, aMs: 30_000, bMs: 4_000 })).toBe(
      'B is catching up to 30 s (B is at 4 s). The figures are compared once both runs are there.',
    );
    expect(catchUpText({ runs: 'A and B', targetMs: 30_000, aMs: 12_000, bMs: 2_500 })).toMatch(
      /^A and B are catching up to 30 s \(A is at 12 s, B at 2\.5 s\)/,
    );
  });
});

import { expect } from 'vitest';
import { fingerprint, firstDifference, type RunSpec } from './fingerprint.ts';
import type { GoldenRun } from './runs.ts';

/**
 * Runs `spec` and compares its fingerprint with the recorded one, byte for byte; a difference fails with
 * the run's id and the first field that differs.
 */
export function checkRun(spec: RunSpec, golden: GoldenRun | undefined): void {
  if (golden === undefined) throw new Error(`${spec.id}: no golden run recorded (npm run golden:record)`);
  expect(golden.id).toBe(spec.id);
  const diff = firstDifference(golden.fingerprint, fingerprint(spec));
  expect(diff === null ? null : `${spec.id}: ${diff}`).toBeNull();
}

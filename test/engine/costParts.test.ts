import { describe, expect, it } from 'vitest';
import { COST_PARTS } from '../../src/engine/costParts.ts';
import { MECHANISMS } from '../../src/engine/registry.ts';

describe("the mechanisms' terms of the cost estimate", () => {
  it("belong each to one mechanism of the registry, once, in the registry's order", () => {
    const order = MECHANISMS.map((m) => m.name as string);
    const positions = COST_PARTS.map((p) => order.indexOf(p.name));
    for (const [i, at] of positions.entries()) expect(at, COST_PARTS[i]!.name).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
  });
});

import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../../src/engine/registry.ts';
import { MECHANISM_FIGURES } from '../../src/report/mechanismSections.ts';

describe("the mechanisms' parts of the run figures", () => {
  it('belong each to one mechanism of the registry, once, and end with the alerts', () => {
    const registered = new Set(MECHANISMS.map((m) => m.name));
    const names = MECHANISM_FIGURES.map((f) => f.name);
    for (const name of names) expect(registered.has(name), name).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe('alerts');
  });
});

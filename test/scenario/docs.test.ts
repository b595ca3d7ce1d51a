import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE_PATHS } from '../../src/scenario/changes.ts';
import { leafFields, parsePath } from '../../src/scenario/fields.ts';
import { describeAllowed } from '../../src/scenario/messages.ts';
import { parseScenarioJson } from '../../src/scenario/validate.ts';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');

/** The table row of a field: `| \`path\` | type | unit | default | allowed | meaning |`. */
function rowOf(path: string): string[] | undefined {
  const line = doc.split('\n').find((l) => l.startsWith(`| \`${path}\` `));
  return line
    ?.split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('docs/scenario-format.md', () => {
  const fields = leafFields();

  it('walks a non-trivial schema', () => {
    expect(fields.map((f) => f.path)).toContain('cache.l2.ttlMs');
    expect(fields.map((f) => f.path)).toContain('workload.phases[].atMs');
    expect(fields.length).toBeGreaterThan(30);
  });

  it.each(fields.map((f) => [f.path, f] as const))(
    'documents %s with its default and range',
    (path, field) => {
      const row = rowOf(path);
      expect(row, `no table row for ${path}`).toBeDefined();
      const [, , , def, allowed, meaning] = row ?? [];
      expect(def).toBe(field.hasDefault ? `\`${JSON.stringify(field.defaultValue)}\`` : 'required');
      expect(allowed).toBe(describeAllowed(parsePath(path.replace(/\[\]/g, '[0]'))));
      expect(meaning?.length).toBeGreaterThan(10);
    },
  );

  it('documents no field the schema lacks', () => {
    const known = new Set(fields.map((f) => f.path));
    const documented = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((p) => p !== undefined && !known.has(p))).toEqual([]);
  });

  it('lists every live path, and only those, with what a change does', () => {
    const section = doc.split('### Live paths')[1]?.split('\n## ')[0] ?? '';
    // Each bullet starts with the paths it covers, in backticks, before a colon.
    const listed = section
      .split('\n')
      .filter((line) => line.startsWith('- `'))
      .flatMap((line) => [...(line.split(':')[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(listed.length).toBeGreaterThan(40);
    expect([...listed].sort()).toEqual([...LIVE_PATHS].sort());
  });

  it('has a valid example', () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const r = parseScenarioJson(example ?? '');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  });
});

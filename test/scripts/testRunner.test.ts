import { describe, expect, it } from 'vitest';
import { PARTS, runParts } from '../../scripts/test.mjs';

/** A fake part runner: each part ends when the test says so, with the code it is given. */
function fakeRun() {
  const started: string[] = [];
  const stopped: string[] = [];
  const finish = new Map<string, (r: { code: number; output: string }) => void>();
  const run = (part: { name: string }) => {
    started.push(part.name);
    const done = new Promise<{ code: number; output: string }>((r) => finish.set(part.name, r));
    return {
      done,
      // A stopped process ends a moment later, with what it printed until then.
      stop: () => {
        stopped.push(part.name);
        setTimeout(() => finish.get(part.name)?.({ code: 143, output: 'cut short\n' }), 5);
      },
    };
  };
  const end = async (name: string, code = 0) => {
    finish.get(name)?.({ code, output: `${name} output\n` });
    // Let the runner see the end and start what waited for it.
    await new Promise((r) => setTimeout(r, 0));
  };
  return { run, started, stopped, end };
}

const parts = [
  { name: 'a', script: 'a', after: [] },
  { name: 'b', script: 'b', after: [] },
  { name: 'c', script: 'c', after: ['a'] },
  { name: 'd', script: 'd', after: ['a', 'b'] },
];

describe('npm test runner (scripts/test.mjs)', () => {
  it('starts a part once all it waits for have passed, and prints in the parts order', async () => {
    const f = fakeRun();
    const printed: string[] = [];
    const result = runParts(parts, f.run, (p: { name: string }) => printed.push(p.name));
    expect(f.started).toEqual(['a', 'b']);
    await f.end('b');
    expect(f.started).toEqual(['a', 'b']);
    // b finished first but is printed after a.
    expect(printed).toEqual([]);
    await f.end('a');
    expect(f.started).toEqual(['a', 'b', 'c', 'd']);
    expect(printed).toEqual(['a', 'b']);
    await f.end('d');
    await f.end('c');
    const { ok, state } = await result;
    expect(ok).toBe(true);
    expect(printed).toEqual(['a', 'b', 'c', 'd']);
    expect([...state.values()].map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
  });

  it('after a failure starts nothing more, stops what runs, and fails', async () => {
    const f = fakeRun();
    const printed: string[] = [];
    const result = runParts(parts, f.run, (p: { name: string }, s: { output: string }) =>
      printed.push(`${p.name}: ${s.output}`),
    );
    await f.end('a', 2);
    const { ok, state } = await result;
    expect(ok).toBe(false);
    expect(f.started).toEqual(['a', 'b']);
    expect(f.stopped).toEqual(['b']);
    expect(Object.fromEntries([...state].map(([k, s]) => [k, s.status]))).toEqual({
      a: 'failed',
      b: 'stopped',
      c: 'not run',
      d: 'not run',
    });
    // The stopped part is printed once it has ended, with its output.
    expect(printed).toEqual(['a: a output\n', 'b: cut short\n', 'c: ', 'd: ']);
  });

  it('runs every part npm test ran before, each waiting only on parts that exist', () => {
    const scripts = PARTS.map((p: { script: string }) => p.script).sort();
    expect(scripts).toEqual(
      ['deps', 'format:check', 'lint', 'test:browser', 'test:calibrate', 'test:unit', 'typecheck'].sort(),
    );
    const names = new Set(PARTS.map((p: { name: string }) => p.name));
    for (const p of PARTS) for (const a of p.after) expect(names.has(a)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/lessons/curriculum/index.ts';

const doc = readFileSync(new URL('../../docs/workshop.md', import.meta.url), 'utf8');

/** The rows of the lessons table: `| # | Title (\`id\`) | minutes | takeaway |`. */
const rows = doc
  .split('\n')
  .filter((l) => /^\| \d+ /.test(l))
  .map((l) => l.split('|').map((c) => c.trim()));

describe('docs/workshop.md', () => {
  it('lists every lesson in order, with its title, id and minutes', () => {
    expect(rows.map((r) => r[2])).toEqual(lessons.map((l) => `${l.title} (\`${l.id}\`)`));
    expect(rows.map((r) => Number(r[3]))).toEqual(lessons.map((l) => l.minutes));
    expect(rows.map((r) => Number(r[1]))).toEqual(lessons.map((_, i) => i + 1));
  });

  it('has a prompt for the room for each lesson, numbered as in the table', () => {
    lessons.forEach((l, i) => expect(doc).toContain(`${i + 1}. **${l.title}.**`));
  });

  it('says how long the whole curriculum takes', () => {
    const total = lessons.reduce((a, l) => a + l.minutes, 0);
    expect(total).toBeGreaterThan(120);
    expect(total).toBeLessThan(150);
    expect(doc).toContain('a little over two hours');
  });

  it('tells how to run it offline', () => {
    for (const cmd of ['npm ci', 'npm run build', 'npm run preview', 'npm start']) expect(doc).toContain(cmd);
  });
});

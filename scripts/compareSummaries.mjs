// `node scripts/compareSummaries.mjs before.jsonl after.jsonl`: compares two dumps of
// test/golden/dumpSummaries.ts run by run, field by field (series points included). Integers, strings
// and booleans must be equal; floats may differ by at most 1e-9 of their size (their last digits). Prints
// the counters that moved (none expected when only rounding changed), how many floats moved and the
// largest relative move; exits 1 if a counter moved.
import { readFileSync } from 'node:fs';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: compareSummaries.mjs before.jsonl after.jsonl');
const read = (f) =>
  new Map(
    readFileSync(f, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((r) => [r.id, r.summary]),
  );
const before = read(beforeFile);
const after = read(afterFile);
const counters = [];
let floats = 0;
let floatsMoved = 0;
let worst = 0;

function walk(a, b, path) {
  if (typeof a === 'number' && typeof b === 'number') {
    const integral = Number.isInteger(a) && Number.isInteger(b);
    if (!integral) floats++;
    if (Object.is(a, b)) return;
    const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    if (integral || !(rel <= 1e-9)) counters.push(`${path}: ${a} -> ${b}`);
    else {
      floatsMoved++;
      worst = Math.max(worst, rel);
    }
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) walk(a[k], b[k], `${path}.${k}`);
  } else if (a !== b) counters.push(`${path}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
}

for (const [id, s] of before) {
  if (!after.has(id)) counters.push(`${id}: missing after`);
  else walk(s, after.get(id), id);
}
for (const id of after.keys()) if (!before.has(id)) counters.push(`${id}: new run`);
console.log(
  `${before.size} runs; ${floatsMoved} of ${floats} float fields moved, at most ${worst.toExponential(2)} relative`,
);
console.log(
  counters.length === 0
    ? 'no counter moved'
    : `${counters.length} moved beyond rounding:\n${counters.slice(0, 40).join('\n')}`,
);
process.exit(counters.length === 0 ? 0 : 1);

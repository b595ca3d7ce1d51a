// `npm run fuzz [-- --runs N] [--seed S]`: the property tests of test/fuzz/ (Summary invariants, snapshot
// and restore, validation, link decoding) with N cases each instead of npm test's few hundred in all, for
// before a release. A new seed each time unless given; it is printed, so a failure can be replayed.
import { spawnSync } from 'node:child_process';

const argv = process.argv.slice(2);
let runs = 10_000;
let seed = Math.floor(Math.random() * 2 ** 31);
for (let i = 0; i < argv.length; i++) {
  const value = Number(argv[i + 1]);
  if ((argv[i] === '--runs' || argv[i] === '--seed') && Number.isInteger(value) && value >= 0) {
    if (argv[i] === '--runs') runs = Math.max(1, value);
    else seed = value;
    i++;
  } else {
    process.stderr.write(
      `fuzz: unexpected argument ${argv[i].slice(0, 80)}\nusage: npm run fuzz -- [--runs N] [--seed S]\n`,
    );
    process.exit(2);
  }
}

console.log(`fuzz: ${runs} cases per property, seed ${seed} (replay with --seed ${seed})`);
const t0 = Date.now();
const r = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--reporter=verbose'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
console.log(
  `fuzz: ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - t0) / 1000)} s wall`,
);
process.exit(r.status ?? 1);

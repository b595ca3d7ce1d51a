/**
 * How many cases each property test of `test/fuzz/` tries: a few hundred in `npm test` in all, and as
 * many as `npm run fuzz -- --runs N` asks for before a release (it sets FUZZ_RUNS). The seed is fixed in
 * `npm test` so a failure reproduces; the long mode draws a new one each time and prints it.
 */
export function fuzzRuns(defaultRuns: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : defaultRuns;
}

const asked = Number(process.env.FUZZ_SEED);
/** The seed of every property: fixed for `npm test`, given by `npm run fuzz`. */
export const fuzzSeed = Number.isInteger(asked) ? asked : 20_261_129;

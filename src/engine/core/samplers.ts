import { detExp, detLog } from './detMath.ts';
import { random, type RngState } from './rng.ts';
import { standardExponential } from './ziggurat.ts';

/**
 * Exponential with the given mean (0 gives 0, drawing nothing). By the ziggurat (see ziggurat.ts):
 * arrivals and network jitter draw one per request and hop, so no logarithm on the common path.
 *
 * @example
 * const gapMs = exponential(rng, 1000 / rps);
 */
export function exponential(rng: RngState, mean: number): number {
  if (mean <= 0) return 0;
  return mean * standardExponential(rng);
}

export function uniform(rng: RngState, min: number, max: number): number {
  return min + (max - min) * random(rng);
}

/**
 * A standard normal draw (Marsaglia's polar method: a logarithm and a square root, no cosine, so
 * `detLog` makes it the same on every JavaScript engine; one of the pair is discarded to keep the state a
 * plain array).
 */
export function normal(rng: RngState): number {
  for (;;) {
    const u = 2 * random(rng) - 1;
    const v = 2 * random(rng) - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
  }
}

/** Log-normal whose logarithm has mean `mu` and standard deviation `sigma`. */
export function logNormal(rng: RngState, mu: number, sigma: number): number {
  return detExp(mu + sigma * normal(rng));
}

export type ServiceTime = 'exponential' | 'constant';

/** A service time with the given mean, exponential or constant. */
export function serviceTime(rng: RngState, kind: ServiceTime, mean: number): number {
  return kind === 'constant' ? mean : exponential(rng, mean);
}

/** A Zipf exponent fitted to a popularity curve. */
export interface ZipfFit {
  alpha: number;
  /** How well a straight line on log-log axes fits (1 = exactly). */
  r2: number;
  /** The ranks fitted: 1 to this (the keys requested at least twice). */
  ranks: number;
}

/**
 * Fits requests ∝ rank^-alpha by least squares on log-log axes, over the keys requested at least
 * twice (the flat tail of keys seen once says nothing about the slope), at ranks spread evenly on the
 * log scale so the long tail does not outweigh the head. `counts` must be sorted, largest first.
 * Null when fewer than 10 keys were requested twice.
 */
export function fitZipf(counts: ArrayLike<number>): ZipfFit | null {
  let ranks = 0;
  while (ranks < counts.length && (counts[ranks] as number) >= 2) ranks++;
  if (ranks < 10) return null;
  const xs: number[] = [];
  const ys: number[] = [];
  let previous = 0;
  for (let i = 0; i <= 100; i++) {
    const rank = Math.round(Math.pow(ranks, i / 100));
    if (rank === previous) continue;
    previous = rank;
    xs.push(Math.log(rank));
    ys.push(Math.log(counts[rank - 1] as number));
  }
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  return { alpha: -slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), ranks };
}

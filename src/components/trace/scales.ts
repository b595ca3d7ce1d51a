import { ticks } from 'd3-array';
import type { AxisScale } from '../charts/frame.ts';

/**
 * The two scales the trace charts need, written here rather than taken from d3-scale: a chunk loaded
 * later that imports d3-scale makes the bundler move d3-scale into the page's first load.
 */
export function linearScale(domain: [number, number], range: [number, number]): AxisScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
  return Object.assign(scale, { ticks: (count = 5) => ticks(d0, d1, count) });
}

/** A log scale; its ticks are the powers of ten inside the domain (every other one when many). */
export function logScale(domain: [number, number], range: [number, number], maxTicks = 6): AxisScale {
  const l0 = Math.log10(Math.max(1e-12, domain[0]));
  const l1 = Math.log10(Math.max(domain[0] * 10 ** -12, domain[1]));
  const [r0, r1] = range;
  const span = l1 - l0 || 1;
  const scale = (v: number) => r0 + ((Math.log10(Math.max(1e-12, v)) - l0) / span) * (r1 - r0);
  const tickList = () => {
    const out: number[] = [];
    for (let e = Math.ceil(l0); e <= Math.floor(l1); e++) out.push(10 ** e);
    const step = Math.ceil(out.length / maxTicks);
    return out.filter((_, i) => i % step === 0);
  };
  return Object.assign(scale, { ticks: tickList });
}

/** The top of a linear axis: the data's maximum rounded up to a tick, so the grid ends on a line. */
export function niceMax(max: number): number {
  const t = ticks(0, Math.max(max, 1e-9), 4);
  const step = (t[1] ?? max) - (t[0] ?? 0) || max;
  return Math.ceil(max / step) * step || 1;
}

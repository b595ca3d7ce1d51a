import { format } from 'd3-format';

const si = format('.3~s');
const plain = format('.3~r');

/**
 * An axis number a workshop can read: SI prefixes only from a thousand up ("1.5k", "2M", "3B"), plain
 * decimals below ("0.25", "12.5"). d3's `~s` would write 0.5 as "500m" and 2e-10 as "200p", which on a
 * connection count or a rate reads as nonsense.
 *
 * @example
 * formatTick(0.5); // "0.5"
 * formatTick(2500); // "2.5k"
 */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  // d3 writes giga as "G"; for counts of requests people expect "B".
  return Math.abs(v) >= 1000 ? si(v).replace('G', 'B') : plain(v);
}

/** Bytes with the same rule: "512 B", "1.5 kB", "2 MB"; never "500 mB". */
export function formatBytesTick(b: number): string {
  if (Math.abs(b) < 1000) return `${plain(b)} B`;
  const [, digits = '', prefix = ''] = /^(-?[\d.]+)(.*)$/.exec(si(b)) ?? [];
  return `${digits} ${prefix}B`;
}

/** Ticks of a count (connections, keys, queries): whole numbers only. */
export function integerTicks(ticks: readonly number[]): number[] {
  return ticks.filter((t) => Number.isInteger(t));
}

import { rng } from './traces.ts';

/**
 * `n` oracleGeneral records (24 bytes, little-endian) made from a seed: times rising by 0-2 s, ids
 * over 64 bits (some above 2^32, so both halves matter), sizes fixed per id, next access -1. The
 * zstd fixture in fixtures/ is these bytes for n = 3000, seed 5, compressed by the zstd tool.
 */
export function oracleBytes(n: number, seed: number): Uint8Array {
  const random = rng(seed);
  const out = new Uint8Array(n * 24);
  const view = new DataView(out.buffer);
  let time = 1_000;
  for (let i = 0; i < n; i++) {
    time += Math.floor(random() * 3);
    const id = Math.floor(Math.pow(random(), 3) * 500);
    view.setUint32(i * 24, time, true);
    view.setUint32(i * 24 + 4, (id * 2654435761) >>> 0, true);
    view.setUint32(i * 24 + 8, id % 3, true);
    view.setUint32(i * 24 + 12, 512 * (1 + (id % 17)), true);
    view.setBigInt64(i * 24 + 16, -1n, true);
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { over, stamp, type Sprite } from '../../src/render/particleSprites.ts';

const rgba = (r: number, g: number, b: number, a: number) => (a << 24) | (b << 16) | (g << 8) | r;
const channels = (c: number) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];

/** A 3x3 sprite: an opaque centre and eight half-transparent pixels around it. */
function square(width: number, inner: number, edge: number): Sprite {
  const dx: number[] = [0];
  const dy: number[] = [0];
  for (let y = -1; y <= 1; y++) {
    for (let x = -1; x <= 1; x++) {
      if (x === 0 && y === 0) continue;
      dx.push(x);
      dy.push(y);
    }
  }
  const n = dx.length;
  return {
    dx: Int16Array.from(dx),
    dy: Int16Array.from(dy),
    color: Int32Array.from({ length: n }, (_, j) => (j === 0 ? inner : edge)),
    opaque: 1,
    offset: Int32Array.from(dx.map((x, j) => dy[j]! * width + x)),
    reach: 1,
  };
}

describe('particle sprites', () => {
  it('blends source-over in straight alpha, as the canvas would', () => {
    const red = rgba(255, 0, 0, 255);
    expect(over(red, 0)).toBe(red);
    expect(over(rgba(0, 0, 255, 128), 0)).toBe(rgba(0, 0, 255, 128));
    // Half blue over opaque red: half of each, opaque.
    expect(channels(over(rgba(0, 0, 255, 128), red))).toEqual([127, 0, 128, 255]);
    // Half over half: alpha 0.5 + 0.5 * 0.5.
    const [, , , a] = channels(over(rgba(0, 0, 255, 128), rgba(255, 0, 0, 128)));
    expect(a).toBe(192);
  });

  it('stamps opaque pixels as they are and blends the edge over what is there', () => {
    const w = 5;
    const buf = new Int32Array(w * 4);
    const red = rgba(255, 0, 0, 255);
    const edge = rgba(0, 0, 255, 128);
    stamp(buf, w, 4, square(w, red, edge), 2, 1);
    expect(buf[1 * w + 2]).toBe(red);
    expect(buf[0 * w + 1]).toBe(edge);
    stamp(buf, w, 4, square(w, red, edge), 3, 1);
    // The second's edge over the first's centre.
    expect(channels(buf[1 * w + 2]!)).toEqual([127, 0, 128, 255]);
    expect(buf[1 * w + 3]).toBe(red);
  });

  it('clips a sprite at the frame edge without wrapping onto the next row', () => {
    const w = 4;
    const buf = new Int32Array(w * 3);
    stamp(buf, w, 3, square(w, rgba(1, 2, 3, 255), rgba(9, 9, 9, 255)), 0, 0);
    expect(buf[0]).toBe(rgba(1, 2, 3, 255));
    expect(buf[w - 1]).toBe(0);
    expect(buf[2 * w - 1]).toBe(0);
    expect(buf[w]).toBe(rgba(9, 9, 9, 255));
  });
});

import { codeColor, codeShape, OUTCOME_CODES } from './palette.ts';
import { drawShape, SHAPE_REACH } from './particleShapes.ts';

/**
 * One particle's look as device pixels around its centre, drawn once by the canvas's own path
 * rasteriser (so every outcome keeps the exact colour, shape, outline and antialiasing it always
 * had) and then copied into the frame's pixels for every particle of its kind. Pixels are 32-bit
 * RGBA words as an ImageData's bytes read on a little-endian machine (every browser's), held signed
 * (Int32Array) so that V8 keeps them small integers rather than boxing words above 2^31.
 */
export interface Sprite {
  /** The pixels' columns and rows from the centre; the first `opaque` are fully opaque. */
  dx: Int16Array;
  dy: Int16Array;
  color: Int32Array;
  opaque: number;
  /** `dy * width + dx` for the frame width the set was made for. */
  offset: Int32Array;
  /** The farthest pixel from the centre, in device pixels. */
  reach: number;
}

/** Per outcome code, the flat and the outlined sprite, for one scale, theme and frame width. */
export interface SpriteSet {
  key: string;
  flat: Sprite[];
  outlined: Sprite[];
}

export interface SpriteTheme {
  dpr: number;
  outline: string;
  error: string;
}

type Canvas2D = { getContext(id: '2d'): unknown; width: number; height: number };

function makeCanvas(w: number, h: number): Canvas2D {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

export const spriteKey = (theme: SpriteTheme, width: number): string =>
  `${theme.dpr}|${theme.outline}|${theme.error}|${width}`;

/** Draws the 2 x 9 sprites side by side on one small canvas and reads their pixels back once. */
export function makeSprites(theme: SpriteTheme, width: number): SpriteSet | null {
  const codes = OUTCOME_CODES.length;
  const half = Math.ceil(SHAPE_REACH * theme.dpr) + 1;
  const cell = 2 * half;
  const canvas = makeCanvas(cell * codes * 2, cell);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
  if (!ctx) return null;
  for (let k = 0; k < codes * 2; k++) {
    const code = k % codes;
    ctx.setTransform(theme.dpr, 0, 0, theme.dpr, k * cell + half, half);
    drawShape(ctx, codeShape(code), codeColor(code, theme.error), k >= codes ? theme.outline : null);
  }
  const pixels = new Int32Array(ctx.getImageData(0, 0, canvas.width, cell).data.buffer);
  const read = (k: number) => readSprite(pixels, canvas.width, k * cell, cell, half, width);
  return {
    key: spriteKey(theme, width),
    flat: Array.from({ length: codes }, (_, k) => read(k)),
    outlined: Array.from({ length: codes }, (_, k) => read(codes + k)),
  };
}

function readSprite(
  pixels: Int32Array,
  stride: number,
  x0: number,
  cell: number,
  half: number,
  width: number,
) {
  const opaque: number[] = [];
  const edge: number[] = [];
  for (let y = 0; y < cell; y++) {
    for (let x = 0; x < cell; x++) {
      const c = pixels[y * stride + x0 + x]!;
      const a = c >>> 24;
      if (a === 0) continue;
      (a === 255 ? opaque : edge).push(x - half, y - half, c);
    }
  }
  const all = [...opaque, ...edge];
  const n = all.length / 3;
  const s: Sprite = {
    dx: new Int16Array(n),
    dy: new Int16Array(n),
    color: new Int32Array(n),
    opaque: opaque.length / 3,
    offset: new Int32Array(n),
    reach: 0,
  };
  for (let j = 0; j < n; j++) {
    s.dx[j] = all[j * 3]!;
    s.dy[j] = all[j * 3 + 1]!;
    s.color[j] = all[j * 3 + 2]!;
    s.offset[j] = s.dy[j]! * width + s.dx[j]!;
    s.reach = Math.max(s.reach, Math.abs(s.dx[j]!), Math.abs(s.dy[j]!));
  }
  return s;
}

/** `s` drawn over `d` (source-over, straight alpha, as ImageData holds it). */
export function over(s: number, d: number): number {
  if (d === 0) return s;
  const sa = s >>> 24;
  if (d >>> 24 === 255) {
    // Over an opaque pixel (the common case in a crowd): integer arithmetic, x * 257 >> 16 for x / 255.
    const ia = 255 - sa;
    const r = (((s & 255) * sa + (d & 255) * ia + 128) * 257) >> 16;
    const g = ((((s >>> 8) & 255) * sa + ((d >>> 8) & 255) * ia + 128) * 257) >> 16;
    const b = ((((s >>> 16) & 255) * sa + ((d >>> 16) & 255) * ia + 128) * 257) >> 16;
    return (255 << 24) | (b << 16) | (g << 8) | r;
  }
  const ia = ((d >>> 24) * (255 - sa)) / 255;
  const oa = sa + ia;
  if (oa <= 0) return 0;
  const r = ((s & 255) * sa + (d & 255) * ia) / oa;
  const g = (((s >>> 8) & 255) * sa + ((d >>> 8) & 255) * ia) / oa;
  const b = (((s >>> 16) & 255) * sa + ((d >>> 16) & 255) * ia) / oa;
  return (Math.round(oa) << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r);
}

/** Copies a sprite into `buf` (a frame `width` x `height`) centred on pixel (x, y). */
export function stamp(buf: Int32Array, width: number, height: number, s: Sprite, x: number, y: number): void {
  const r = s.reach;
  const n = s.color.length;
  if (x >= r && y >= r && x + r < width && y + r < height) {
    const base = y * width + x;
    const off = s.offset;
    const col = s.color;
    for (let j = 0; j < s.opaque; j++) buf[base + off[j]!] = col[j]!;
    for (let j = s.opaque; j < n; j++) {
      const o = base + off[j]!;
      buf[o] = over(col[j]!, buf[o]!);
    }
    return;
  }
  // At the frame's edge (a burst flying out): pixel by pixel, inside the frame only.
  for (let j = 0; j < n; j++) {
    const px = x + s.dx[j]!;
    const py = y + s.dy[j]!;
    if (px < 0 || py < 0 || px >= width || py >= height) continue;
    const o = py * width + px;
    buf[o] = j < s.opaque ? s.color[j]! : over(s.color[j]!, buf[o]!);
  }
}

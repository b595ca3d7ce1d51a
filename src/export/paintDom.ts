/**
 * Paints the stage's cards and captions (plain HTML boxes and text) onto a canvas, from the layout
 * and computed styles the browser already has: backgrounds (the striped "down" card too), borders
 * with their radius and dash, a selection ring, clipping, opacity, and each word of text where the
 * page put it. It draws what the stage's CSS uses, not all of CSS, and takes a few milliseconds, so a
 * recording can repaint the cards every frame. (Rendering the DOM through an SVG image, as screenshot
 * libraries do, took 150 ms and more a time here: it stalled the page four times a second.)
 */

/** Elements left out: screen-reader-only text (clipped to nothing) and whatever `skip` says. */
function hidden(el: Element, cs: CSSStyleDeclaration): boolean {
  if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return true;
  return cs.position === 'absolute' && cs.clip === 'rect(0px, 0px, 0px, 0px)' && el.clientWidth <= 1;
}

const px = (v: string): number => Number.parseFloat(v) || 0;

type Box = { x: number; y: number; w: number; h: number };

/**
 * A `repeating-linear-gradient(<angle>, c0 a b, c1 c d, ...)` with hard stops, as stripes; the first
 * colour alone for any other gradient.
 */
function paintGradient(ctx: CanvasRenderingContext2D, image: string, r: Box): void {
  const stops = [...image.matchAll(/(rgba?\([^)]*\))\s+(-?[\d.]+)px(?:\s+(-?[\d.]+)px)?/g)].map((m) => ({
    color: m[1]!,
    from: Number(m[2]),
    to: Number(m[3] ?? m[2]),
  }));
  const first = stops[0];
  if (!first) return;
  const period = Math.max(...stops.map((s) => s.to));
  ctx.fillStyle = first.color;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  if (!image.startsWith('repeating-linear-gradient') || !(period > 0)) return;
  const angle = Number(/(-?[\d.]+)deg/.exec(image)?.[1] ?? 180);
  const reach = Math.hypot(r.w, r.h);
  ctx.save();
  ctx.translate(r.x + r.w / 2, r.y + r.h / 2);
  // CSS angles run clockwise from "to top"; the stripes cross the gradient's direction.
  ctx.rotate(((angle - 90) * Math.PI) / 180);
  for (let k = -Math.ceil(reach / period); k * period < reach; k++) {
    for (const s of stops) {
      ctx.fillStyle = s.color;
      ctx.fillRect(k * period + s.from, -reach, s.to - s.from, 2 * reach);
    }
  }
  ctx.restore();
}

/** Background, border and a `0 0 0 Npx` ring (the selected card), inside the clip already set. */
function paintBox(ctx: CanvasRenderingContext2D, cs: CSSStyleDeclaration, r: Box): void {
  const radius = px(cs.borderTopLeftRadius);
  const shape = (inset: number) => {
    ctx.beginPath();
    ctx.roundRect(r.x + inset, r.y + inset, r.w - 2 * inset, r.h - 2 * inset, Math.max(0, radius - inset));
  };
  const image = cs.backgroundImage;
  if (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' || image.includes('gradient')) {
    ctx.save();
    shape(0);
    ctx.clip();
    ctx.fillStyle = cs.backgroundColor;
    ctx.fillRect(r.x, r.y, r.w, r.h);
    if (image.includes('gradient')) paintGradient(ctx, image, r);
    ctx.restore();
  }
  const ring = /^(rgba?\([^)]*\)) 0px 0px 0px ([\d.]+)px$/.exec(cs.boxShadow);
  if (ring) {
    const w = Number(ring[2]);
    ctx.strokeStyle = ring[1]!;
    ctx.lineWidth = w;
    ctx.setLineDash([]);
    shape(-w / 2);
    ctx.stroke();
  }
  const bw = px(cs.borderTopWidth);
  if (bw > 0 && cs.borderTopStyle !== 'none') {
    ctx.strokeStyle = cs.borderTopColor;
    ctx.lineWidth = bw;
    ctx.setLineDash(cs.borderTopStyle === 'dashed' ? [3 * bw, 3 * bw] : []);
    shape(bw / 2);
    ctx.stroke();
  }
}

/** Each word of a text node where the page laid it out, in its element's font and colour. */
function paintText(ctx: CanvasRenderingContext2D, node: Text, cs: CSSStyleDeclaration, origin: Origin): void {
  const words = [...node.data.matchAll(/\S+/g)];
  if (words.length === 0) return;
  ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  ctx.fillStyle = cs.color;
  ctx.textBaseline = 'alphabetic';
  const range = document.createRange();
  for (const m of words) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0) continue;
    // A text range's box is the font's ascent plus descent, so the baseline sits one ascent down.
    const ascent = ctx.measureText(m[0]).fontBoundingBoxAscent;
    ctx.fillText(
      m[0],
      (rect.left - origin.left) / origin.zoom,
      (rect.top - origin.top) / origin.zoom + ascent,
    );
  }
}

/** The root's top left on screen, and how much larger than laid out it is drawn there. */
interface Origin {
  left: number;
  top: number;
  zoom: number;
}

function paintElement(
  ctx: CanvasRenderingContext2D,
  el: Element,
  origin: Origin,
  skip: (el: Element) => boolean,
): void {
  const cs = getComputedStyle(el);
  if (skip(el) || hidden(el, cs)) return;
  const b = el.getBoundingClientRect();
  const z = origin.zoom;
  const r = { x: (b.left - origin.left) / z, y: (b.top - origin.top) / z, w: b.width / z, h: b.height / z };
  ctx.save();
  ctx.globalAlpha *= Number(cs.opacity);
  paintBox(ctx, cs, r);
  if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
    ctx.beginPath();
    ctx.roundRect(r.x, r.y, r.w, r.h, px(cs.borderTopLeftRadius));
    ctx.clip();
  }
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) paintText(ctx, child as Text, cs, origin);
    else if (child instanceof Element) paintElement(ctx, child, origin, skip);
  }
  ctx.restore();
}

/**
 * Paints what `root` holds (not `root`'s own box) onto `ctx` at `scale` device pixels per CSS pixel,
 * leaving out the elements `skip` names (the particle canvas) and those only screen readers get.
 *
 * @example
 * paintDom(ctx, stageArea, 2, (el) => el instanceof HTMLCanvasElement);
 */
export function paintDom(
  ctx: CanvasRenderingContext2D,
  root: HTMLElement,
  scale: number,
  skip: (el: Element) => boolean,
): void {
  const box = root.getBoundingClientRect();
  // A root drawn scaled (the stage on a large screen) is painted at its layout size, as its fonts are.
  const origin: Origin = {
    left: box.left,
    top: box.top,
    zoom: box.width / parseFloat(getComputedStyle(root).width) || 1,
  };
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  for (const child of root.children) paintElement(ctx, child, origin, skip);
  ctx.restore();
}

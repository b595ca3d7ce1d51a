/**
 * A chart on the page as a self-contained SVG file: the title, the legend and a caption saying where
 * the figures came from are drawn into the picture (on screen they are HTML around it), and every
 * style the theme's stylesheet gives is written onto the elements as SVG presentation attributes, so
 * the file looks the same in a browser, an editor or a documentation page that has none of the app's
 * CSS. Presentation attributes rather than `style` also keep the app's CSP (no inline styles) happy.
 */

import { canvasToPng } from './download.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The properties the charts' stylesheet sets, copied as attributes. All but `opacity` are inherited in
 * SVG, so an element gets one only where it differs from its parent's; `opacity` where it is not 1.
 */
const PROPS: readonly string[] = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
];

/** Layout of the picture's head and foot, in the chart's own units (its viewBox is 400 wide). */
const PAD = 10;
/** Room on the right for the last tick's label, which the page lets stick out of the plot's box. */
const RIGHT = 14;
const TITLE_SIZE = 15;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 17;
const SWATCH = 22;
const CAPTION_SIZE = 10;
const CAPTION_ROW = 13;

/** How large the file says it is drawn by default: one and a half times its units. */
export const SVG_SCALE = 1.5;

export interface ChartPicture {
  svg: string;
  /** The picture's default size in CSS pixels. */
  width: number;
  height: number;
}

type Measure = (text: string, size: number, weight: string) => number;

const el = (name: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * Writes the computed styles of `from` and its descendants onto `to`, a deep clone of it, where they
 * differ from what `to` inherits (`inherited`: the parent's computed style, or null to write them all).
 */
function inlineStyles(from: Element, to: Element, inherited: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(from);
  for (const name of PROPS) {
    const value = cs.getPropertyValue(name).trim();
    if (value && value !== inherited?.getPropertyValue(name).trim()) to.setAttribute(name, value);
  }
  if (cs.opacity !== '1') to.setAttribute('opacity', cs.opacity);
  to.removeAttribute('style');
  for (let i = 0; i < from.children.length; i++) inlineStyles(from.children[i]!, to.children[i]!, cs);
}

/** Copies a few computed properties of `from` onto `to` as attributes (a legend's swatch). */
function copyProps(from: Element, to: Element, names: readonly string[]): void {
  const cs = getComputedStyle(from);
  for (const name of names) {
    const value = cs.getPropertyValue(name).trim();
    if (value && value !== 'none') to.setAttribute(name, value);
  }
}

/** Text widths in chart units: the canvas measures with the real font; a rough guess where it cannot. */
function textMeasure(family: string): Measure {
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = document.createElement('canvas').getContext('2d');
  } catch {
    // jsdom has no canvas.
  }
  return (text, size, weight) => {
    if (!ctx) return text.length * size * 0.6;
    ctx.font = `${weight} ${size}px ${family}`;
    return ctx.measureText(text).width;
  };
}

/** The legend's entries in rows that wrap as the page's flex row does; returns where the rows end. */
function drawLegend(figure: HTMLElement, into: SVGElement, width: number, top: number, measure: Measure) {
  let x = PAD;
  let y = top + LEGEND_ROW / 2;
  for (const item of figure.querySelectorAll('.chart-legend li')) {
    const label = item.textContent?.trim() ?? '';
    const w = SWATCH + 5 + measure(label, LEGEND_SIZE, '400');
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += LEGEND_ROW;
    }
    const swatch = el('line', { x1: x, x2: x + SWATCH - 2, y1: y, y2: y });
    const line = item.querySelector('line');
    if (line) copyProps(line, swatch, ['stroke', 'stroke-width', 'stroke-dasharray']);
    into.append(swatch, el('text', { x: x + SWATCH + 3, y, 'dominant-baseline': 'central' }, label));
    x += w + 14;
  }
  return y + LEGEND_ROW / 2;
}

/** The caption's parts (split at " · ") in as many lines as the width needs. */
function captionLines(caption: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const part of caption.split(' · ')) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? part : `${last} · ${part}`;
    if (last !== undefined && measure(joined, CAPTION_SIZE, '400') <= width - 2 * PAD) {
      lines[lines.length - 1] = joined;
    } else lines.push(part);
  }
  return lines;
}

/** A copy of the plot's marks with the theme's styles written on them, as a group placed at `top`. */
function plotCopy(plot: SVGSVGElement, inherited: CSSStyleDeclaration, top: number): SVGElement {
  const body = el('g', { class: 'plot', transform: `translate(0,${top})` });
  const copy = plot.cloneNode(true) as SVGSVGElement;
  inlineStyles(plot, copy, inherited);
  // The plot's own svg element is left out: its children and the styles they inherit go in `body`.
  for (const name of [...PROPS, 'opacity']) {
    const value = copy.getAttribute(name);
    if (value !== null) body.setAttribute(name, value);
  }
  body.append(...Array.from(copy.childNodes));
  return body;
}

/**
 * The chart in `figure` (a `.chart` from ChartFrame) as SVG text, with `caption` under the plot.
 *
 * @example
 * const { svg } = chartSvg(figureElement, 'Cachescope · stampede · seed 42 · 30 s of 30 s simulated');
 */
export function chartSvg(figure: HTMLElement, caption: string): ChartPicture {
  const plot = figure.querySelector<SVGSVGElement>('svg.chart-svg');
  if (!plot) throw new Error('no chart to export here');
  const [, , plotW = 400, plotH = 175] = (plot.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const width = plotW + RIGHT;
  const style = getComputedStyle(figure);
  const family = style.fontFamily || 'sans-serif';
  const fg = style.color || '#000';
  const muted = style.getPropertyValue('--c-muted').trim() || fg;
  const measure = textMeasure(family);
  const title = figure.querySelector('.chart-title')?.textContent?.trim() ?? 'Chart';

  const root = el('svg', { 'font-family': family });
  const ground = el('rect', { width, fill: style.backgroundColor || '#fff' });
  const legend = el('g', { class: 'legend', 'font-size': LEGEND_SIZE, fill: fg });
  const legendEnd = drawLegend(figure, legend, width, PAD + TITLE_SIZE + 8, measure);
  const plotTop = legendEnd + 4;
  const foot = el('g', { class: 'caption', 'font-size': CAPTION_SIZE, fill: muted });
  const lines = captionLines(caption, width, measure);
  lines.forEach((line, i) =>
    foot.append(el('text', { x: PAD, y: plotTop + plotH + (i + 1) * CAPTION_ROW }, line)),
  );
  // Even, so that the default size (1.5 times) is whole pixels.
  const height = 2 * Math.ceil((plotTop + plotH + lines.length * CAPTION_ROW + PAD) / 2);
  ground.setAttribute('height', String(height));
  root.append(
    el('title', {}, title),
    el('desc', {}, plot.getAttribute('aria-label') ?? title),
    ground,
    el('text', { x: PAD, y: PAD + TITLE_SIZE, fill: fg, 'font-size': TITLE_SIZE, 'font-weight': 700 }, title),
    legend,
    plotCopy(plot, style, plotTop),
    foot,
  );
  const size = { width: width * SVG_SCALE, height: height * SVG_SCALE };
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('width', String(size.width));
  root.setAttribute('height', String(size.height));
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { svg, ...size };
}

/**
 * An SVG picture drawn to PNG at `scale` times its size, by the browser's own SVG renderer (an image
 * from a blob: URL, which the CSP allows).
 */
export async function svgToPng(picture: ChartPicture, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

import { scaleLinear, scaleLog } from 'd3-scale';
import type { FieldDef } from './fields.ts';

/**
 * Maps a field's value to a slider position and back. Sliders run over fixed integer positions so a
 * logarithmic field (a TTL from 1 ms to 24 h) gives each decade the same travel as any other.
 */

export const SLIDER_STEPS = 1000;

function scaleFor(def: FieldDef) {
  const lo = def.sliderMin ?? def.min ?? 0;
  const hi = def.max ?? lo + 1;
  const range: [number, number] = [0, SLIDER_STEPS];
  return def.log && lo > 0
    ? scaleLog().domain([lo, hi]).range(range).clamp(true)
    : scaleLinear().domain([lo, hi]).range(range).clamp(true);
}

export function valueToSlider(def: FieldDef, value: number): number {
  return Math.round(scaleFor(def)(value));
}

/** Slider positions give round numbers (3 significant digits), never 4173.0291 ms. */
export function sliderToValue(def: FieldDef, position: number): number {
  const raw = scaleFor(def).invert(position);
  const rounded = def.integer ? Math.round(raw) : Number(raw.toPrecision(3));
  return Math.min(def.max ?? Infinity, Math.max(def.min ?? -Infinity, rounded));
}

/** Typed text to a number; null when it is not one. Accepts "1e3" and surrounding spaces. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

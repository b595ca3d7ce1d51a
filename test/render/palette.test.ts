/**
 * The outcome palette for colour-blind viewers, computed rather than eyeballed: every colour is run
 * through protanopia and deuteranopia simulations (Machado, Oliveira and Fernandes 2009, severity 1)
 * on both the light and the dark stage, and compared with CIEDE2000. Outcomes that share a shape must
 * differ by >= 20; every other pair, and each colour against the stage background, by >= 10.
 */
import { readFileSync } from 'node:fs';
import {
  converter,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../../src/engine/types.ts';
import {
  ERROR_COLORS,
  INVALIDATION_COLOR,
  INVALIDATION_SHAPE,
  OUTCOME_COLORS,
  OUTCOME_SHAPES,
  PENDING_COLOR,
  type ParticleShape,
} from '../../src/render/palette.ts';

const deltaE = differenceCiede2000();

describe('CIEDE2000 (culori) against Sharma, Wu and Dalal’s published test pairs', () => {
  // [L1, a1, b1, L2, a2, b2, ΔE00] from Sharma et al., Color Res. Appl. 30 (2005), table 1.
  const pairs = [
    [50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425],
    [50, 3.1571, -77.2803, 50, 0, -82.7485, 2.8615],
    [50, 2.8361, -74.02, 50, 0, -82.7485, 3.4412],
    [50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0],
    [50, 0, 0, 50, -1, 2, 2.3669],
    [50, 2.49, -0.001, 50, -2.49, 0.0009, 7.1792],
    [50, 2.49, -0.001, 50, -2.49, 0.0011, 7.2195],
    [50, 2.5, 0, 73, 25, -18, 27.1492],
    [50, 2.5, 0, 61, -5, 29, 22.8977],
    [50, 2.5, 0, 56, -27, -3, 31.903],
    [50, 2.5, 0, 58, 24, 15, 19.4535],
    [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
    [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
    [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  ] as const;
  it.each(pairs)('(%s, %s, %s) vs (%s, %s, %s) = %s', (l1, a1, b1, l2, a2, b2, expected) => {
    // culori computes it in CIELAB D65 (sRGB's white), so the pairs are given in that space: no conversion.
    const lab = (l: number, a: number, b: number): Color => ({ mode: 'lab65', l, a, b });
    expect(deltaE(lab(l1, a1, b1), lab(l2, a2, b2))).toBeCloseTo(expected, 4);
  });
});

/** Machado 2009, severity 1.0 (the published precomputed matrices), applied in linear RGB. */
const MACHADO = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
} as const;
const toLinear = converter('lrgb');
const toRgb = converter('rgb');
const clamp = (x: number) => Math.min(1, Math.max(0, x));
const machado =
  (m: readonly number[]) =>
  (c: string): Color => {
    const { r, g, b } = toLinear(c)!;
    return {
      mode: 'lrgb',
      r: clamp(m[0]! * r + m[1]! * g + m[2]! * b),
      g: clamp(m[3]! * r + m[4]! * g + m[5]! * b),
      b: clamp(m[6]! * r + m[7]! * g + m[8]! * b),
    };
  };

/**
 * Each vision: normal, and both deficiencies simulated two ways, on linear RGB as the model is
 * defined and on gamma-encoded RGB as culori (and several published tools) apply the same matrices.
 */
const VISIONS: Record<string, (c: string) => Color | string> = {
  normal: (c) => c,
  'protanopia (linear)': machado(MACHADO.protanopia),
  'deuteranopia (linear)': machado(MACHADO.deuteranopia),
  'protanopia (culori)': (c) => filterDeficiencyProt(1)(toRgb(c)!)!,
  'deuteranopia (culori)': (c) => filterDeficiencyDeuter(1)(toRgb(c)!)!,
};

/** The stage background and error colour of each theme, read from the stylesheet the app ships. */
function theme(name: 'light' | 'dark'): { surface: string; error: string } {
  const css = readFileSync(new URL('../../src/styles/theme.css', import.meta.url), 'utf8');
  const block =
    name === 'light' ? css.slice(0, css.indexOf('@media')) : css.slice(css.indexOf("[data-theme='dark']"));
  const value = (v: string) => new RegExp(`--${v}:\\s*(#[0-9a-fA-F]{6})`).exec(block)?.[1] ?? '';
  return { surface: value('surface'), error: value('outcome-error') };
}

describe.each(['light', 'dark'] as const)('the outcome palette on the %s stage', (name) => {
  const { surface, error } = theme(name);
  const colors: [string, string, ParticleShape][] = [
    ...OUTCOMES.map((o: Outcome): [string, string, ParticleShape] => [
      o,
      o === 'error' ? error : OUTCOME_COLORS[o],
      OUTCOME_SHAPES[o],
    ]),
    ['pending', PENDING_COLOR, 'ring'],
    ['invalidation', INVALIDATION_COLOR, INVALIDATION_SHAPE],
  ];

  it('reads the theme the canvas uses', () => {
    expect(surface).toMatch(/^#/);
    expect(error).toBe(ERROR_COLORS[name]);
  });

  it.each(Object.entries(VISIONS))('keeps every pair apart with %s', (_vision, see) => {
    const problems: string[] = [];
    colors.forEach(([a, ca, sa], i) => {
      const bg = deltaE(see(ca), see(surface));
      if (bg < 10) problems.push(`${a} on the stage: ${bg.toFixed(1)}`);
      for (const [b, cb, sb] of colors.slice(i + 1)) {
        const need = sa === sb ? 20 : 10;
        const d = deltaE(see(ca), see(cb));
        if (d < need) problems.push(`${a} vs ${b}: ${d.toFixed(1)} < ${need}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('draws writes and L2 hits in different shapes', () => {
    expect(OUTCOME_SHAPES.write).not.toBe(OUTCOME_SHAPES['l2-hit']);
  });
});

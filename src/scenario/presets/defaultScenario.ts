import { scenarioSchema, type Scenario } from '../schema.ts';
import { baseline } from './baseline.ts';

/** The preset a page opens when its link names none (and falls back to when a link cannot be read). */
export const DEFAULT_PRESET = 'baseline';

/**
 * The default preset with every default filled in (a fresh copy each call), available at once: the first
 * paint plays it without waiting for the other presets (`load.ts`).
 */
export const defaultScenario = (): Scenario => scenarioSchema.parse(baseline.input);

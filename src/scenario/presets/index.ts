import { scenarioSchema, type Scenario } from '../schema.ts';
import type { Preset } from './preset.ts';
import { baseline } from './baseline.ts';
import { stampede } from './stampede.ts';
import { stampedeSingleFlight } from './stampedeSingleFlight.ts';
import { hotKey } from './hotKey.ts';
import { updateRace } from './updateRace.ts';
import { noCache } from './noCache.ts';
import { l1HotKey } from './l1HotKey.ts';
import { l1Inconsistency } from './l1Inconsistency.ts';
import { ttlTooShort } from './ttlTooShort.ts';
import { writeBehindCrash } from './writeBehindCrash.ts';
import { writeBehindUnordered } from './writeBehindUnordered.ts';
import { cdc } from './cdc.ts';
import { cdcOutage } from './cdcOutage.ts';

export type { Preset };

/** In the order a workshop meets them: the healthy system first, then one failure at a time. */
export const presets: readonly Preset[] = [
  baseline,
  noCache,
  stampede,
  stampedeSingleFlight,
  hotKey,
  l1HotKey,
  updateRace,
  l1Inconsistency,
  ttlTooShort,
  writeBehindCrash,
  writeBehindUnordered,
  cdc,
  cdcOutage,
];

export const presetIds: readonly string[] = presets.map((p) => p.id);

/** The preset with every default filled in (a fresh copy each call), or undefined for an unknown id. */
export function getPreset(id: string): Scenario | undefined {
  const preset = presets.find((p) => p.id === id);
  // parse, not safeParse: a preset that fails the schema is a bug that the presets test catches.
  return preset ? scenarioSchema.parse(preset.input) : undefined;
}

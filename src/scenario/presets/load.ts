import type * as Book from './index.ts';

/** The presets module (scenarios and texts), fetched on first use: a first visit does without it. */
export type PresetBook = Pick<typeof Book, 'getPreset' | 'presetIds' | 'presets'>;

let loaded: PresetBook | undefined;
let pending: Promise<PresetBook> | undefined;

/** Fetches the presets once (a failed fetch may be tried again); resolves with the module. */
export function loadPresets(): Promise<PresetBook> {
  pending ??= import('./index.ts').then(
    (m) => (loaded = m),
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** The presets if they have been fetched already, for code that cannot wait. */
export const loadedPresets = (): PresetBook | undefined => loaded;

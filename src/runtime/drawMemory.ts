import { DRAW_CHOICES } from '../render/drawCounts.ts';
import type { DrawSetting } from '../render/drawLimit.ts';

/**
 * The "Requests drawn" setting, remembered between visits in localStorage. Whatever is stored may be
 * old, edited by hand or from another version: a value that is not "auto" or one of the choices offered
 * is ignored (automatic holds), and storage that cannot be used (private windows, sandboxed frames) only
 * means the setting is not remembered.
 */

export const DRAW_SETTING_KEY = 'cachescope.drawSetting.v1';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The setting stored, or null when nothing readable is. */
export function readDrawSetting(storage: Store | null): DrawSetting | null {
  try {
    const raw = storage?.getItem(DRAW_SETTING_KEY);
    if (raw === 'auto') return 'auto';
    if (raw == null || !/^\d{1,6}$/.test(raw)) return null;
    const n = Number(raw);
    return DRAW_CHOICES.includes(n) ? n : null;
  } catch {
    return null;
  }
}

/** Stores the setting; a storage that refuses is no error. */
export function saveDrawSetting(storage: Store | null, setting: DrawSetting): void {
  try {
    storage?.setItem(DRAW_SETTING_KEY, String(setting));
  } catch {
    // Full or blocked storage: the setting holds until the page is closed.
  }
}

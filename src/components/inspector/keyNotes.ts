import type { KeyView } from '../../engine/flow/types.ts';
import type { KeyNote, MechanismInspect } from '../../engine/inspectPart.ts';
import { hotKeysInspect } from '../../engine/mechanisms/hotKeys/inspect.ts';
import { staleWindowsInspect } from '../../engine/mechanisms/staleWindows/inspect.ts';
import { trackingInspect } from '../../engine/mechanisms/tracking/inspect.ts';
import { writeBehindInspect } from '../../engine/mechanisms/writeBehind/inspect.ts';

/**
 * Each mechanism's part of the key inspector (its folder's `inspect.ts`), in the registry's order:
 * test/components/keyNotes.test.ts checks the names against the registry.
 */
export const MECHANISM_INSPECT: readonly MechanismInspect[] = [
  writeBehindInspect,
  hotKeysInspect,
  trackingInspect,
  staleWindowsInspect,
];

/** The mechanisms' notes on one key, in the list's order. */
export function keyNotes(view: KeyView): KeyNote[] {
  return MECHANISM_INSPECT.flatMap((m) => m.keyNotes(view));
}

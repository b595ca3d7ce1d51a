import { nodeLabel } from '../../../labels/names.ts';
import type { KeyView } from '../../flow/types.ts';
import type { KeyNote, MechanismInspect } from '../../inspectPart.ts';

type Copy = NonNullable<KeyView['staleWindows']>[number];

/** A duration for a sentence: "850 ms", "1.20 s", "45 s". */
export function staleDuration(ms: number): string {
  const a = Math.abs(ms);
  if (a < 1000) return `${Math.round(a)} ms`;
  return `${(a / 1000).toFixed(a >= 10_000 ? 0 : 2)} s`;
}

const where = (c: Copy): string =>
  c.node === 'cdn'
    ? `CDN (route ${c.route ?? 'default'})`
    : c.node.startsWith('app-')
      ? `${nodeLabel(c.node)} L1`
      : nodeLabel(c.node);

/** What the window the copy is in does with the next read of it. */
function what(c: Copy): string {
  switch (c.window) {
    case 'fresh':
      return `fresh for ${staleDuration(-c.pastTtlMs)} yet`;
    case 'while-revalidate':
      return `${staleDuration(c.pastTtlMs)} past its TTL, within stale-while-revalidate (${staleDuration(c.whileRevalidateMs)}): served at once${c.refreshing ? '' : ', the next read sends a refresh'}`;
    case 'if-error':
      return `${staleDuration(c.pastTtlMs)} past its TTL, within stale-if-error (${staleDuration(c.ifErrorMs)}): served only if the next tier fails`;
    default:
      return `${staleDuration(c.pastTtlMs)} past its TTL and both windows: the next read fetches it`;
  }
}

/** One line per copy: where, its version, its window, and a refresh in flight. */
export function staleCopyLine(c: Copy): string {
  return `${where(c)}: v${c.version}, ${what(c)}${c.refreshing ? '; refresh in flight' : ''}`;
}

/**
 * stale-while-revalidate and stale-if-error (the L1's and Redis's, `cache.staleWindows`, and the CDN's
 * routes): for each copy of the key, how long past its TTL it is and which window it is in.
 */
export const staleWindowsInspect: MechanismInspect = {
  name: 'staleWindows',
  keyNotes: (view) => {
    const copies = view.staleWindows;
    if (copies === undefined) return [];
    const kept = copies.filter((c) => c.window === 'while-revalidate' || c.window === 'if-error').length;
    const notes: KeyNote[] = [];
    if (kept > 0)
      notes.push({
        place: 'above',
        diverged: true,
        text: `${kept === 1 ? 'One copy is' : `${kept} copies are`} past ${kept === 1 ? 'its' : 'their'} TTL and kept on purpose (stale windows).`,
      });
    notes.push({
      place: 'below',
      text:
        copies.length === 0
          ? 'Stale windows: no copy of the key is held'
          : `Stale windows: ${copies.length === 1 ? 'one copy, kept past its TTL' : `${copies.length} copies, kept past their TTL`} for the longer window (the expiry above includes it)`,
      listClass: 'key-stale-windows',
      items: copies.map(staleCopyLine),
    });
    return notes;
  },
};

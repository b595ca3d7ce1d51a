import type { Change } from '../engine/types.ts';

/**
 * A slider dragged while the run plays makes one change per frame; people think of the drag as one
 * change. A group is a run of consecutive changes of the same field: one row in the changes list, one
 * marker on the charts, one step of Undo.
 */
export function changeGroups(changes: readonly Change[]): Change[][] {
  const groups: Change[][] = [];
  for (const c of changes) {
    const open = groups[groups.length - 1];
    if (open && open[0]!.path === c.path) open.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** The list without its last group: what Undo leaves. */
export function withoutLastGroup(changes: readonly Change[]): Change[] {
  const groups = changeGroups(changes);
  return groups.slice(0, -1).flat();
}

import { nodeLabel } from '../../../labels/names.ts';
import type { MechanismInspect } from '../../inspectPart.ts';

const names = (xs: readonly number[]): string => xs.map((i) => nodeLabel(`app-${i}`)).join(', ');

/** Redis tracking: which instances Redis would tell of a change of the key, and what each received. */
export const trackingInspect: MechanismInspect = {
  name: 'tracking',
  keyNotes: (view) => {
    const t = view.tracking;
    if (t === undefined) return [];
    const shard = nodeLabel(`redis-${t.shard}`);
    const who =
      t.mode === 'bcast'
        ? t.trackedBy.length > 0
          ? 'Under a BCAST prefix: every change of it is pushed to every instance.'
          : 'Under no BCAST prefix: no instance is told of its changes, and none keeps it in its L1.'
        : t.trackedBy.length > 0
          ? `Tracked by ${names(t.trackedBy)}: a change of it is pushed to ${t.trackedBy.length === 1 ? 'it' : 'them'} as an invalidation.`
          : 'Tracked by no instance: none read it since its last change, so none is told of the next.';
    const table =
      t.mode === 'bcast'
        ? 'BCAST: no table'
        : `${shard}'s table: ${t.tableKeys} keys${t.tableMaxKeys === null ? '' : ` of ${t.tableMaxKeys}`}`;
    return [
      { place: 'above', text: who },
      {
        place: 'below',
        text: `Invalidations received (${table})`,
        listClass: 'key-tracking',
        items: t.received.map((n, i) => `${nodeLabel(`app-${i}`)}: ${n}`),
      },
    ];
  },
};

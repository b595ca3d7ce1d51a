import { nodeLabel } from '../../../labels/names.ts';
import type { MechanismInspect } from '../../inspectPart.ts';

/** The copies of a replicated hot key, each on its own slot and shard. */
export const hotKeysInspect: MechanismInspect = {
  name: 'hotKeys',
  keyNotes: (view) =>
    view.replicas === undefined || view.replicas.length === 0
      ? []
      : [
          {
            place: 'below',
            text: `Copies (${view.replicas.length}): a read picks one, a write sets them all`,
            listClass: 'key-replicas',
            items: view.replicas.map((r) => `${r.name}: slot ${r.slot}, ${nodeLabel(`redis-${r.shard}`)}`),
          },
        ],
};

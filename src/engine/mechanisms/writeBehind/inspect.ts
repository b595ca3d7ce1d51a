import type { MechanismInspect } from '../../inspectPart.ts';

/** A key whose acknowledged write has not reached the database yet. */
export const writeBehindInspect: MechanismInspect = {
  name: 'writeBehind',
  keyNotes: (view) =>
    view.ackedVersion === undefined
      ? []
      : [
          {
            place: 'above',
            diverged: true,
            text:
              `Clients were told v${view.ackedVersion}; the database has only v${view.dbVersion} so far ` +
              '(write-behind: the write waits in a queue, and is lost if its holder crashes).',
          },
        ],
};

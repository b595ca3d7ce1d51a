import { useCallback, useMemo, useState } from 'react';
import { setPath } from '../config/draftPath.ts';
import { ChangesList } from '../config/ChangesList.tsx';
import { ConfigPanel } from '../config/ConfigPanel.tsx';
import { groupChanges, withChanges } from '../config/liveChanges.ts';
import { useController } from '../../runtime/controller.ts';
import { isLivePath } from '../../scenario/changes.ts';
import { parseScenario } from '../../scenario/validate.ts';
import { selectApplied, selectChangesInForce, selectDraft, selectDraftDirty } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

/**
 * Connects the config panel to the run. A field that may change mid-run changes the running
 * simulation at once (a live change at the current time); the others edit the draft, which "Apply &
 * restart" runs only if the whole scenario validates (cross-field rules included). The panel shows the
 * settings in force at the playhead: the draft, the changes made up to now, and edits on their way.
 */
export function ConfigSection() {
  const store = useAppStoreApi();
  const c = useController();
  const draft = useAppStore(selectDraft);
  const dirty = useAppStore(selectDraftDirty);
  const applied = useAppStore(selectApplied);
  const changes = applied.changes;
  const inForce = useAppStore(selectChangesInForce);
  const overlay = useAppStore((s) => s.liveOverlay);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = useMemo(() => {
    const edits = Object.entries(overlay).map(([path, value]) => ({ path, value }));
    return withChanges(withChanges(draft, changes.slice(0, inForce)), edits);
  }, [draft, changes, inForce, overlay]);
  const groups = useMemo(() => groupChanges(applied, changes), [applied, changes]);
  const onChange = useCallback(
    (path: string, value: unknown) => {
      setErrors({});
      if (isLivePath(path)) return c.setLiveField(path, value);
      const s = store.getState();
      s.setDraft(setPath(s.draft, path, value));
    },
    [store, c],
  );
  const onApply = useCallback(() => {
    const parsed = parseScenario(store.getState().draft);
    if (!parsed.ok) {
      setErrors(Object.fromEntries(parsed.errors.map((e) => [e.path, e.message])));
      return;
    }
    store.getState().setDraft(parsed.scenario);
    c.applyDraft();
  }, [store, c]);
  const onReset = useCallback(() => {
    setErrors({});
    c.resetToPreset();
  }, [c]);
  return (
    <>
      <h2 className="visually-hidden">Configure</h2>
      <ChangesList groups={groups} inForce={inForce} onUndo={c.undoChange} />
      <ConfigPanel
        draft={shown}
        onChange={onChange}
        errors={errors}
        dirty={dirty}
        onApply={onApply}
        onReset={onReset}
        onInjectFailure={(kind) => c.injectFailure(kind, 2000)}
      />
    </>
  );
}

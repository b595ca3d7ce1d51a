import { useCallback, useState } from 'react';
import { setPath } from '../config/draftPath.ts';
import { ConfigPanel } from '../config/ConfigPanel.tsx';
import { useController } from '../../runtime/controller.ts';
import { parseScenario } from '../../scenario/validate.ts';
import { selectDraft, selectDraftDirty } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

/**
 * Connects the config panel to the draft. Edits stay in the draft; "Apply & restart" runs it only if
 * the whole scenario validates (cross-field rules included), so nothing invalid reaches the engine.
 */
export function ConfigSection() {
  const store = useAppStoreApi();
  const c = useController();
  const draft = useAppStore(selectDraft);
  const dirty = useAppStore(selectDraftDirty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onChange = useCallback(
    (path: string, value: unknown) => {
      const s = store.getState();
      s.setDraft(setPath(s.draft, path, value));
      setErrors({});
    },
    [store],
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
    store.getState().setDraft(store.getState().applied);
  }, [store]);
  return (
    <>
      <h2 className="visually-hidden">Configure</h2>
      <ConfigPanel
        draft={draft}
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

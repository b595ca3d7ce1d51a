import { useCallback } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

/** Whether node `id` is the inspector's selection, and a callback selecting it (again: deselect). */
export function useSelectNode(id: string): [boolean, () => void] {
  const store = useAppStoreApi();
  const selected = useAppStore((s) => s.selection?.kind === 'node' && s.selection.id === id);
  const select = useCallback(() => {
    const cur = store.getState().selection;
    store.getState().select(cur?.kind === 'node' && cur.id === id ? null : { kind: 'node', id });
  }, [store, id]);
  return [selected, select];
}

import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStoreApi } from '../../store/useAppStore.ts';
import type { ScenarioSizes } from '../../trace/marks.ts';

// The dialog, its worker and charts load on first use, not with the page.
const TraceDialog = lazy(() => import('./TraceDialog.tsx').then((m) => ({ default: m.TraceDialog })));

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * "Open trace": opens the dialog that reads a cache trace in the browser. A file dropped anywhere on
 * the page opens it too.
 */
export function OpenTraceButton() {
  const store = useAppStoreApi();
  // The cache sizes of the scenario in force when a trace is opened, for the marks on its chart.
  const sizes = (): ScenarioSizes => {
    const { cache, topology } = store.getState().applied;
    return {
      l1Keys: cache.l1.enabled ? cache.l1.maxKeys : null,
      l2Keys: cache.l2.maxKeys,
      l2Bytes: cache.l2.maxMemoryBytes,
      shards: topology.redisShards,
    };
  };
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<File | null>(null);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!hasFiles(e) || !file) return;
      e.preventDefault();
      setDropped(file);
      setOpen(true);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Open trace
      </button>
      {open && (
        <Suspense fallback={null}>
          <TraceDialog
            dropped={dropped}
            sizes={sizes}
            onClose={() => {
              setOpen(false);
              setDropped(null);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

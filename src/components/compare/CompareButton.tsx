import { useController } from '../../runtime/controller.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

/** "Compare" opens the dialog that picks run B; while B runs beside A, "Stop comparing" ends it. */
export function CompareButton() {
  const store = useAppStoreApi();
  const controller = useController();
  const comparing = useAppStore((s) => s.compare !== null);
  return comparing ? (
    <button type="button" className="btn" onClick={() => controller.stopCompare()}>
      Stop comparing
    </button>
  ) : (
    <button type="button" className="btn" onClick={() => store.getState().setCompareDialogOpen(true)}>
      Compare
    </button>
  );
}

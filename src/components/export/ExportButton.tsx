import { lazy, Suspense, useState } from 'react';

// The dialog and what it uses (the CSV writer, the picture code) load on first use, not with the page.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));

/** "Export": opens the dialog that saves the run's data, a chart or the stage. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

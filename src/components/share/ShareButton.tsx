import { lazy, Suspense, useState } from 'react';

// The dialog (and the link code it needs) loads when first opened.
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));

/** "Share": opens the dialog with a link to this exact state, an iframe snippet and a Markdown link. */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        title="A link to this exact state, and the code to embed it in a page"
        onClick={() => setOpen(true)}
      >
        Share
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

import { useEffect, useRef } from 'react';

/**
 * A modal dialog's focus: while `open`, the returned element (its Close button) has focus, and the
 * element that had it before gets it back on close.
 */
export function useDialogFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => previous?.focus?.();
  }, [open]);
  return ref;
}

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  /** The id of what it says, for a dialog that asks something (`alertdialog`). */
  describedBy?: string;
  /** `alertdialog` for a question that must be answered (it then closes only by its buttons or Esc). */
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog, rendered while open: focus moves into it (the element marked `data-autofocus`, else
 * its first control), Tab and Shift+Tab stay
 * inside, Esc or a click outside closes it, and focus returns to where it was (the button that opened it).
 */
export function Dialog({ labelledBy, describedBy, role = 'dialog', onClose, className, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first =
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Not also a shortcut of the page under it.
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="overlay" onClick={role === 'dialog' ? onClose : undefined}>
      <div
        ref={ref}
        className={`dialog${className ? ` ${className}` : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}

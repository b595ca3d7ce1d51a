import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Whether an element is drawn (the Menu button is hidden by CSS from 480 px wide). */
const shown = (el: HTMLElement | null) => el !== null && el.getClientRects().length > 0;

/**
 * The header's tools behind one "Menu" button on a phone (a disclosure: the button says whether the
 * tools are shown). Opening moves focus to the first tool; Escape inside the tools folds them and
 * gives focus back to the button. From 480 px the button is hidden and the tools always show.
 */
export function useHeaderMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toolsRef = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);

  const toggle = useCallback(() => {
    setOpen((was) => {
      focusFirst.current = !was;
      return !was;
    });
  }, []);

  useEffect(() => {
    if (!open || !focusFirst.current) return;
    focusFirst.current = false;
    toolsRef.current?.querySelector<HTMLElement>('button, select, input, [tabindex]')?.focus();
  }, [open]);

  const onToolsKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Escape' || !open || !shown(buttonRef.current)) return;
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    },
    [open],
  );

  return { open, toggle, buttonRef, toolsRef, onToolsKeyDown };
}

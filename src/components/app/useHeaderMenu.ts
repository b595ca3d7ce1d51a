import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

const FOLDED = Symbol('folded');

/** Whether an element is drawn (the Menu button is hidden by CSS from 480 px wide). */
const shown = (el: HTMLElement | null) => el !== null && el.getClientRects().length > 0;

/**
 * The header's tools behind one "Menu" button on a phone (a disclosure: the button says whether the
 * tools are shown). Opening moves focus to the first tool; Escape inside the tools folds them and
 * gives focus back to the button. A new scenario on screen (`shownScenario`, its preset and title,
 * changes: a preset picked, a lesson started, a trace opened) folds them too, so the open menu does
 * not push the stage or the lesson down a phone's screen; focus, if it was in the tools, goes back to
 * the button. Opening and closing a tool's dialog leaves them open. From 480 px the button is hidden
 * and the tools always show.
 */
export function useHeaderMenu(shownScenario: string) {
  // The menu is open for the scenario it was opened on; another one on screen finds it folded.
  const [openOn, setOpenOn] = useState<string | typeof FOLDED>(FOLDED);
  const open = openOn === shownScenario;
  const setOpen = useCallback((to: boolean) => setOpenOn(to ? shownScenario : FOLDED), [shownScenario]);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toolsRef = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);

  const toggle = useCallback(() => {
    focusFirst.current = !open;
    setOpen(!open);
  }, [open, setOpen]);

  useEffect(() => {
    if (!open || !focusFirst.current) return;
    focusFirst.current = false;
    toolsRef.current?.querySelector<HTMLElement>('button, select, input, [tabindex]')?.focus();
  }, [open]);

  // Folded with focus inside (a preset just picked): focus goes to the button, not to the page.
  useEffect(() => {
    if (!open && shown(buttonRef.current) && toolsRef.current?.contains(document.activeElement))
      buttonRef.current?.focus();
  }, [open]);

  const onToolsKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Escape' || !open || !shown(buttonRef.current)) return;
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    },
    [open, setOpen],
  );

  return { open, toggle, buttonRef, toolsRef, onToolsKeyDown };
}

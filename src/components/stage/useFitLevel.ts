import { useLayoutEffect, useRef, type RefObject } from 'react';
import './fit.css';

/** Whether any child of `el` reaches outside its padding box (by more than half a pixel). */
function overflows(el: HTMLElement): boolean {
  const box = el.getBoundingClientRect();
  // The scale a transform applies (a hot card grows a little): the borders scale with it.
  const k = el.offsetWidth > 0 ? box.width / el.offsetWidth : 1;
  const left = box.left + el.clientLeft * k;
  const top = box.top + el.clientTop * k;
  const right = left + el.clientWidth * k;
  const bottom = top + el.clientHeight * k;
  for (const child of el.querySelectorAll('*')) {
    const r = child.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.top < top - 0.5 || r.bottom > bottom + 0.5 || r.left < left - 0.5 || r.right > right + 0.5)
      return true;
  }
  return false;
}

/** Marks `el` with `data-fit-1` ... `data-fit-<level>` (fit.css hides or joins what each level says). */
function mark(el: HTMLElement, level: number, maxLevel: number): void {
  for (let i = 1; i <= maxLevel; i++) el.toggleAttribute(`data-fit-${i}`, i <= level);
}

/**
 * Makes a card leave things out until its text fits inside it: after every render, before the browser
 * paints, while a line reaches outside the card, one more level is marked on it (`data-fit-1`, then
 * `data-fit-2` ...; the card's elements say in their classes which level hides them, see fit.css), so
 * text is never cut at the card's edge. `what` names what the card shows (its size, its badges): when
 * it changes, the card starts again from everything shown. No React state: nothing renders twice.
 *
 * @example const ref = useFitLevel<HTMLButtonElement>(`${w}x${h} ${badges}`, 5);
 */
export function useFitLevel<T extends HTMLElement>(what: string, maxLevel: number): RefObject<T | null> {
  const ref = useRef<T>(null);
  const fit = useRef({ what: '', level: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (fit.current.what !== what) {
      fit.current = { what, level: 0 };
      mark(el, 0, maxLevel);
    }
    while (fit.current.level < maxLevel && overflows(el)) mark(el, ++fit.current.level, maxLevel);
  });
  return ref;
}

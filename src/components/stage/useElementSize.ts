import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's content size in CSS pixels of its own layout, following resizes: a scaled embed's
 * stage (a CSS transform) keeps the size it is laid out at, not the smaller one it is drawn at. Falls
 * back to a fixed size where there is no layout, as in jsdom.
 */
export function useElementSize(
  ref: RefObject<HTMLElement | null>,
  fallback: { width: number; height: number },
) {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      // contentRect is the layout box, before transforms (getBoundingClientRect would be after them).
      const r = entry?.contentRect;
      if (!r || r.width <= 0 || r.height <= 0) return;
      setSize((s) =>
        Math.abs(s.width - r.width) < 1 && Math.abs(s.height - r.height) < 1
          ? s
          : { width: r.width, height: r.height },
      );
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

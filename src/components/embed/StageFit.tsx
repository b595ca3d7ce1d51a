import { useRef, type ReactNode } from 'react';
import { useElementSize } from '../stage/useElementSize.ts';

/** The smallest box the stage is laid out in; a smaller frame draws it scaled down, whole. */
export const STAGE_MIN = { width: 620, height: 300 };

/**
 * Gives the stage all the room there is, and scales it down (a CSS transform) when that room is
 * smaller than STAGE_MIN: the cards keep their layout, the picture just gets smaller, so nothing is cut
 * and nothing scrolls in a 360x240 iframe. The stage measures its own layout box, not the drawn one.
 */
export function StageFit({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref, { width: 900, height: 420 });
  const k = Math.min(1, width / STAGE_MIN.width, height / STAGE_MIN.height);
  return (
    <div className="stage-fit" ref={ref} data-scale={k.toFixed(3)}>
      <div
        className="stage-fit-inner"
        style={{ width: width / k, height: height / k, transform: k < 1 ? `scale(${k})` : 'none' }}
      >
        {children}
      </div>
    </div>
  );
}

import { useRef } from 'react';
import { useController } from '../../runtime/controller.ts';
import { selectDurationMs, selectNowMs } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';

/**
 * The scrubber: dragging seeks (snapshot before the target, then deterministic re-simulation). Seeks
 * are coalesced to one per animation frame so a fast drag does not queue dozens of re-simulations.
 */
export function Timeline() {
  const c = useController();
  const now = useAppStore(selectNowMs);
  const duration = useAppStore(selectDurationMs);
  const pending = useRef<number | null>(null);
  const onInput = (value: number) => {
    const first = pending.current === null;
    pending.current = value;
    if (!first) return;
    requestAnimationFrame(() => {
      const t = pending.current;
      pending.current = null;
      if (t !== null) c.seek(t);
    });
  };
  const step = Math.max(1, duration / 1000);
  return (
    <div className="timeline">
      <input
        type="range"
        aria-label="Timeline"
        aria-valuetext={`${formatDuration(now)} of ${formatDuration(duration)}`}
        title="Drag to move through simulated time"
        min={0}
        max={duration}
        step={step}
        value={Math.min(now, duration)}
        onChange={(e) => onInput(Number(e.target.value))}
      />
    </div>
  );
}

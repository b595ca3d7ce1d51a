import { useController } from '../../runtime/controller.ts';
import { selectDurationMs, selectNowMs, selectSeekTarget } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';

/**
 * The scrubber: dragging seeks (snapshot before the target, then deterministic re-simulation in the
 * engine's worker). While a seek runs, the thumb stays where it was dropped, and the runtime keeps
 * only the latest target of a fast drag.
 */
export function Timeline() {
  const c = useController();
  const now = useAppStore(selectNowMs);
  const target = useAppStore(selectSeekTarget);
  const duration = useAppStore(selectDurationMs);
  const shown = Math.min(target ?? now, duration);
  const step = Math.max(1, duration / 1000);
  return (
    <div className="timeline">
      <input
        type="range"
        aria-label="Timeline"
        aria-valuetext={`${formatDuration(shown)} of ${formatDuration(duration)}`}
        title="Drag to move through simulated time"
        min={0}
        max={duration}
        step={step}
        value={shown}
        onChange={(e) => c.seek(Number(e.target.value))}
      />
    </div>
  );
}

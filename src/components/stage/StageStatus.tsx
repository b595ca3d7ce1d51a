import { formatSpeed } from '../../runtime/speed.ts';
import {
  selectAchievedSpeed,
  selectBehind,
  selectNotable,
  selectPlaying,
  selectSampleEvery,
} from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/**
 * Status drawn over the stage: how many requests are drawn, what the last jump found, and whether the simulation keeps up with
 * the chosen speed. Overlaid rather than in the page flow so a changing message never resizes the stage.
 */
export function StageStatus() {
  const every = useAppStore(selectSampleEvery);
  const behind = useAppStore(selectBehind);
  const playing = useAppStore(selectPlaying);
  const achieved = useAppStore(selectAchievedSpeed);
  const notable = useAppStore(selectNotable);
  const atStart = useAppStore((s) => s.nowMs === 0 && !s.playing);
  return (
    <>
      <p className="stage-status sample" role="status">
        {every > 1 ? `Showing 1 in ${every} requests (counts include all)` : 'Showing every request'}
      </p>
      {atStart && (
        <p className="stage-status start">
          Press <kbd>Space</kbd> or Play to start. Requests will flow left to right.
        </p>
      )}
      {notable && (
        <p className="stage-status notable" role="status">
          <span aria-hidden="true">⇥ </span>
          {notable}
        </p>
      )}
      {playing && behind && (
        <p className="stage-status behind" role="status">
          Can’t keep up: running at {formatSpeed(Math.max(0.01, achieved))}
        </p>
      )}
    </>
  );
}

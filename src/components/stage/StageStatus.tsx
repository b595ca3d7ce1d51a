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
 * The stage's status bar, under the cards rather than over them: how to start, what the last jump
 * found, whether the simulation keeps up with the chosen speed, and how many requests are drawn. Its
 * height is fixed, so a message coming or going never resizes the stage.
 */
export function StageStatus() {
  const every = useAppStore(selectSampleEvery);
  const behind = useAppStore(selectBehind);
  const playing = useAppStore(selectPlaying);
  const achieved = useAppStore(selectAchievedSpeed);
  const notable = useAppStore(selectNotable);
  const atStart = useAppStore((s) => s.nowMs === 0 && !s.playing);
  return (
    <div className="stage-bar">
      <p className="stage-status news" role="status">
        {/* A jump that found nothing leaves the clock where it was, at the start too: say so. */}
        {atStart && !notable && (
          <span className="start">
            Press <kbd>Space</kbd> or Play to start.
          </span>
        )}
        {notable && (
          <span className="found" title={notable}>
            <span aria-hidden="true">⇥ </span>
            {notable}
          </span>
        )}
        {!notable && playing && behind && (
          <span className="behind">Can’t keep up: running at {formatSpeed(Math.max(0.01, achieved))}</span>
        )}
      </p>
      <p className="stage-status sample" role="status">
        {sampleText(every)}
      </p>
    </div>
  );
}

/** A sample as words: a share while most are drawn ("80 %"), "1 in N" beyond. */
function sampleText(every: number): string {
  if (every <= 1) return 'Showing every request';
  if (every < 10) return `Showing ${Math.round(100 / every)} % of requests (counts include all)`;
  return `Showing 1 in ${Math.round(every)} requests (counts include all)`;
}

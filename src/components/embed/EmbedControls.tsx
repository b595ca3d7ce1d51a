import { format } from 'd3-format';
import { useController } from '../../runtime/controller.ts';
import { formatSpeed, SPEED_STEPS } from '../../runtime/speed.ts';
import { selectDurationMs, selectNowMs, selectSpeed } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';
import { Timeline } from '../controls/Timeline.tsx';
import { PlayButton } from '../controls/PlaybackButtons.tsx';

const seconds = format(',.1f');
/** The speeds the embed offers: the round ones from a tenth of real time up. */
const SPEEDS = SPEED_STEPS.filter((s) => s >= 0.1);

/** The embed's one-row transport: Play/Pause, the timeline, the clock and a speed menu. */
export function EmbedControls() {
  const c = useController();
  const speed = useAppStore(selectSpeed);
  const now = useAppStore(selectNowMs);
  const duration = useAppStore(selectDurationMs);
  // A link's speed (speed=3) stays selectable even when it is not a round one.
  const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <section className="embed-controls" aria-label="Playback controls">
      <PlayButton wordClassName="embed-play-word" />
      <Timeline />
      <output className="embed-clock" aria-label="Simulated time" data-now-ms={now}>
        {seconds(now / 1000)} s<span className="embed-clock-of"> / {formatDuration(duration)}</span>
      </output>
      <select
        className="embed-speed"
        aria-label="Speed"
        title="Simulation speed ([ slower, ] faster)"
        value={speed}
        onChange={(e) => c.setSpeed(Number(e.target.value))}
      >
        {speeds.map((s) => (
          <option key={s} value={s}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </section>
  );
}

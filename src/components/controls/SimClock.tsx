import { format } from 'd3-format';
import { selectDurationMs, selectEvents, selectNowMs, selectSeekTarget } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';

const seconds = format(',.3f');
const count = format(',d');

/** The simulated clock, with the event count so a single Step is always visible. */
export function SimClock() {
  const now = useAppStore(selectNowMs);
  const duration = useAppStore(selectDurationMs);
  const events = useAppStore(selectEvents);
  const target = useAppStore(selectSeekTarget);
  return (
    <div className="clock" role="group" aria-label="Simulated clock">
      <output className="clock-time" aria-label="Simulated time" data-now-ms={now}>
        {seconds(now / 1000)} s
      </output>
      <span className="clock-of"> / {formatDuration(duration)}</span>
      <output className="clock-events" aria-label="Events processed" data-events={events}>
        {count(events)} events
      </output>
      {target !== null && (
        <span className="clock-seeking" role="status">
          seeking to {seconds(target / 1000)} s…
        </span>
      )}
    </div>
  );
}

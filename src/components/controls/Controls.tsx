import { NotableButton } from './NotableButton.tsx';
import { PlaybackButtons } from './PlaybackButtons.tsx';
import { SimClock } from './SimClock.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { Timeline } from './Timeline.tsx';

/** The transport bar: playback, speed, clock, notable-event jump, and the timeline below. */
export function Controls() {
  return (
    <section className="controls" aria-label="Playback controls">
      <div className="controls-row">
        <PlaybackButtons />
        <SpeedControl />
        <SimClock />
        <NotableButton />
      </div>
      <Timeline />
    </section>
  );
}

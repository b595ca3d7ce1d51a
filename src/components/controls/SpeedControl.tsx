import { useController } from '../../runtime/controller.ts';
import { formatSpeed, sliderToSpeed, speedToSlider } from '../../runtime/speed.ts';
import { selectSpeed } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** Logarithmic speed slider, 0.01x to 100x real time (the stage says when the engine cannot keep up). */
export function SpeedControl() {
  const c = useController();
  const speed = useAppStore(selectSpeed);
  return (
    <div className="speed">
      <label htmlFor="speed-slider">Speed</label>
      <input
        id="speed-slider"
        type="range"
        aria-label="Speed"
        aria-valuetext={`${formatSpeed(speed)} real time`}
        title="Simulation speed ([ slower, ] faster)"
        min={-2}
        max={2}
        step={0.01}
        value={speedToSlider(speed)}
        onChange={(e) => c.setSpeed(sliderToSpeed(Number(e.target.value)))}
      />
      <output className="speed-value" htmlFor="speed-slider">
        {formatSpeed(speed)}
      </output>
    </div>
  );
}

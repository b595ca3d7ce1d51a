import { useId, useState, type FormEvent } from 'react';
import { figureDef } from '../../lessons/figures.ts';
import type { Guess } from '../../lessons/runner.ts';
import type { Prediction } from '../../lessons/types.ts';
import { useLessonActions } from '../../runtime/lessonActions.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/**
 * A step's question: radio buttons or a number field with its unit, and "Check prediction", which
 * runs the step in the engine's worker (the panel then shows the guess beside what was measured).
 */
export function PredictionForm({ prediction }: { prediction: Prediction }) {
  const actions = useLessonActions();
  const check = useAppStore((s) => s.check);
  const [option, setOption] = useState<number | null>(null);
  const [text, setText] = useState('');
  const name = useId();
  const number = text.trim() === '' ? NaN : Number(text);
  const guess: Guess | null =
    prediction.kind === 'choice'
      ? option === null
        ? null
        : { option }
      : Number.isFinite(number)
        ? { value: number }
        : null;
  const running = check.status === 'running';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (guess && !running) void actions.check(guess);
  };
  return (
    <div className="prediction">
      <form onSubmit={submit} aria-label="Your prediction">
        <fieldset disabled={running}>
          <legend>{prediction.question}</legend>
          {prediction.kind === 'choice' ? (
            <div className="prediction-options">
              {prediction.options.map((o, i) => (
                <label key={o.label} className="prediction-option">
                  <input type="radio" name={name} checked={option === i} onChange={() => setOption(i)} />
                  {o.label}
                </label>
              ))}
            </div>
          ) : (
            <label className="prediction-number">
              Your guess
              <input
                type="number"
                step="any"
                inputMode="decimal"
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-describedby={`${name}-unit`}
              />
              <span id={`${name}-unit`} className="prediction-unit">
                {figureDef(prediction.figure).unit}
              </span>
            </label>
          )}
        </fieldset>
        <div className="btn-group">
          <button type="submit" className="btn primary" disabled={!guess || running}>
            Check prediction
          </button>
          {check.status === 'done' && (
            <button type="button" className="btn" onClick={() => actions.replay()}>
              Watch it happen
            </button>
          )}
        </div>
        {running && (
          <span className="lesson-muted" role="status">
            Running the step…
          </span>
        )}
      </form>
      {check.status === 'error' && (
        <p className="check-error" role="alert">
          {check.message}
        </p>
      )}
    </div>
  );
}

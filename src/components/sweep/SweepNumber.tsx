import { useState } from 'react';
import { parseNumber } from '../config/sliderScale.ts';

export interface SweepNumberProps {
  label: string;
  value: number;
  /** NaN while the text is not a number, so the form can say what is wrong. */
  onChange(value: number): void;
  /** The value in words beside the box ("1 min" for 60000 ms). */
  hint?: string;
  disabled?: boolean;
}

/**
 * A number box that keeps what is typed ("1e" on the way to "1e3") and reports each parse, following
 * the value when it changes from elsewhere (a new field's default range).
 */
export function SweepNumber({ label, value, onChange, hint, disabled = false }: SweepNumberProps) {
  const [text, setText] = useState(() => String(value));
  const [shown, setShown] = useState(value);
  // Derived state, as in the config panel: the text follows a value set from outside.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(parseNumber(text) ?? NaN, value)) setText(Number.isNaN(value) ? text : String(value));
  }
  return (
    <label className="sweep-number">
      <span className="sweep-number-label">{label}</span>
      <input
        type="text"
        inputMode="decimal"
        spellCheck={false}
        className="cfg-number"
        value={text}
        disabled={disabled}
        aria-invalid={Number.isNaN(value) ? true : undefined}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const n = parseNumber(next) ?? NaN;
          setShown(n);
          onChange(n);
        }}
      />
      {hint !== undefined && <span className="sweep-hint">{hint}</span>}
    </label>
  );
}

import { useId } from 'react';
import { formatValue, unitSuffix } from '../format.ts';
import type { FieldDef } from './fields.ts';
import { parseNumber, SLIDER_STEPS, sliderToValue, valueToSlider } from './sliderScale.ts';
import { useDraftText } from './useDraftText.ts';
import { RestartTag } from './RestartTag.tsx';

export interface NumberFieldProps {
  def: FieldDef;
  path: string;
  label: string;
  value: number;
  isNull: boolean;
  /** Shows that the field takes effect on "Apply & restart" only. */
  restartOnly?: boolean;
  externalError: string | undefined;
  validate(value: number): string | null;
  onCommit(value: number): void;
  onNullChange(isNull: boolean, value: number): void;
  onValidity(path: string, error: string | null): void;
}

const parse = (text: string) => {
  const n = parseNumber(text);
  return n === null ? { error: 'Enter a number' } : { value: n };
};

/** A slider (logarithmic where the range spans decades), a number box, the formatted value and errors. */
export function NumberField(props: NumberFieldProps) {
  const { def, path, label, value, isNull, restartOnly, externalError, validate, onCommit, onNullChange } =
    props;
  const unit = def.unit ?? 'none';
  const field = useDraftText(path, value, parse, validate, onCommit, props.onValidity);
  const errorId = useId();
  const error = field.error ?? externalError ?? null;
  const formatted = isNull && def.nullable ? def.nullable.label : formatValue(unit, value);
  const hasSlider = !def.noSlider && def.max !== undefined;

  return (
    <div className={`cfg-field${error ? ' cfg-invalid' : ''}`}>
      <div className="cfg-label">
        <span>
          {label} {restartOnly && <RestartTag />}
        </span>
        {/* A span, not <output>: output is an ARIA live status and would chatter on every slider move. */}
        <span className="cfg-value">{formatted}</span>
      </div>
      <div className="cfg-inputs">
        {hasSlider && (
          <input
            type="range"
            className="cfg-slider"
            aria-label={label}
            aria-valuetext={formatted}
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={valueToSlider(def, value)}
            disabled={isNull}
            onChange={(e) => field.set(sliderToValue(def, Number(e.currentTarget.value)))}
          />
        )}
        <input
          type="text"
          inputMode="decimal"
          spellCheck={false}
          className="cfg-number"
          aria-label={`${label}${unitSuffix(unit)}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={field.text}
          disabled={isNull}
          onChange={(e) => field.type(e.currentTarget.value)}
          onBlur={field.flush}
          onKeyDown={field.onKeyDown}
        />
      </div>
      {def.nullable && (
        <label className="cfg-null">
          <input
            type="checkbox"
            aria-label={`${label}: ${def.nullable.label}`}
            checked={isNull}
            onChange={(e) => onNullChange(e.currentTarget.checked, value)}
          />
          {def.nullable.label}
        </label>
      )}
      {error && (
        <p role="alert" id={errorId} className="cfg-error">
          {error}
        </p>
      )}
    </div>
  );
}

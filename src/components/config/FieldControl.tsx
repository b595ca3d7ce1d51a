import { useId } from 'react';
import type { ScenarioInput } from '../../scenario/schema.ts';
import { readField, unNull } from './draftValues.ts';
import type { FieldDef } from './fields.ts';
import { OPTION_LABELS } from './fields.ts';
import { NumberField } from './NumberField.tsx';
import { RestartTag } from './RestartTag.tsx';
import { TextField } from './TextField.tsx';
import { validateField } from './validateField.ts';

export interface FieldControlProps {
  def: FieldDef;
  /** The concrete path (list rows replace `*` with the index). */
  path: string;
  label: string;
  draft: ScenarioInput;
  error: string | undefined;
  onChange(path: string, value: unknown): void;
  onValidity(path: string, error: string | null): void;
}

/** Picks the control for a field's kind; every change is validated before it reaches `onChange`. */
export function FieldControl({ def, path, label, draft, error, onChange, onValidity }: FieldControlProps) {
  const { value, isNull } = readField(draft, def, path);
  const errorId = useId();
  const restart = def.live ? null : <RestartTag />;
  // Selects and checkboxes cannot produce an out-of-range value, but the schema still has the last word.
  const validate = (next: unknown) => validateField(path, next, draft);
  const guarded = (next: unknown) => {
    if (validate(next) === null) onChange(path, next);
  };
  const alert = error ? (
    <p role="alert" id={errorId} className="cfg-error">
      {error}
    </p>
  ) : null;

  switch (def.kind) {
    case 'number':
      return (
        <NumberField
          def={def}
          path={path}
          label={label}
          value={typeof value === 'number' ? value : 0}
          isNull={isNull}
          restartOnly={!def.live}
          externalError={error}
          validate={validate}
          onCommit={(n) => onChange(...unNull(def, path, n))}
          onNullChange={(off, n) =>
            off ? onChange(def.nullable?.parentPath ?? path, null) : onChange(...unNull(def, path, n))
          }
          onValidity={onValidity}
        />
      );
    case 'select':
      return (
        <div className="cfg-field">
          <label className="cfg-label">
            <span>
              {label} {restart}
            </span>
            <select
              className="cfg-select"
              aria-label={label}
              value={String(value)}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => guarded(e.currentTarget.value)}
            >
              {(def.options ?? []).map((o) => (
                <option key={o} value={o}>
                  {OPTION_LABELS[o] ?? o}
                </option>
              ))}
            </select>
          </label>
          {alert}
        </div>
      );
    case 'boolean':
      return (
        <div className="cfg-field">
          <label className="cfg-check">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => guarded(e.currentTarget.checked)}
            />
            {label}
          </label>
          {restart}
          {alert}
        </div>
      );
    case 'text':
      return (
        <TextField
          path={path}
          label={label}
          value={typeof value === 'string' ? value : ''}
          multiline={def.multiline === true}
          externalError={error}
          validate={validate}
          onCommit={(s) => onChange(path, s)}
          onValidity={onValidity}
        />
      );
  }
}

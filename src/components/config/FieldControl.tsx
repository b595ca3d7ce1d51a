import { useId } from 'react';
import type { ScenarioInput } from '../../scenario/schema.ts';
import { linesOf, readField, unNull } from './draftValues.ts';
import type { FieldDef } from './fields.ts';
import { optionLabel } from '../../labels/options.ts';
import { NumberField } from './NumberField.tsx';
import { RestartTag } from './RestartTag.tsx';
import { targetOptions } from './targetOptions.ts';
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
    case 'target': {
      // A failure's target is an index shown by name; every other select offers the field's enum values.
      const { options, fixed } =
        def.kind === 'target'
          ? targetOptions(draft, path, typeof value === 'number' ? value : 0)
          : {
              options: (def.options ?? []).map((o) => ({ value: o, label: optionLabel(path, o) })),
              fixed: false,
            };
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
              disabled={fixed}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) =>
                guarded(def.kind === 'target' ? Number(e.currentTarget.value) : e.currentTarget.value)
              }
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {alert}
        </div>
      );
    }
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
    case 'lines':
      // One string a line; blank lines are dropped, so an empty box is an empty list.
      return (
        <TextField
          path={path}
          label={label}
          value={Array.isArray(value) ? value.join('\n') : ''}
          multiline
          externalError={error}
          validate={(text) => validate(linesOf(text))}
          onCommit={(text) => onChange(path, linesOf(text))}
          onValidity={onValidity}
        />
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

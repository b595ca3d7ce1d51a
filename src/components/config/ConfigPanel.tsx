import { useCallback, useState } from 'react';
import { failureKinds } from '../../scenario/schema.ts';
import type { FailureKind, ScenarioInput } from '../../scenario/schema.ts';
import { FieldControl } from './FieldControl.tsx';
import { FIELDS, LISTS, SECTIONS } from './fields.ts';
import { FAILURE_LABELS } from '../../labels/options.ts';
import { ListEditor } from './ListEditor.tsx';
import './config.css';

export interface ConfigPanelProps {
  draft: ScenarioInput;
  /** Called only with values the schema allows; invalid input stays in the panel with its message. */
  onChange(path: string, value: unknown): void;
  /** Errors from outside the panel (cross-field checks), keyed by path; shown beside the field. */
  errors: Record<string, string>;
  dirty: boolean;
  onApply(): void;
  onReset(): void;
  /** Shown as one "Inject ... now" button per failure kind when given. */
  onInjectFailure?: ((kind: FailureKind) => void) | undefined;
}

/** Every scenario field, grouped by section, generated from `fields.ts`. */
export function ConfigPanel({
  draft,
  onChange,
  errors,
  dirty,
  onApply,
  onReset,
  onInjectFailure,
}: ConfigPanelProps) {
  // Inputs whose typed text is currently invalid: "Apply" waits until they are fixed, because the draft
  // still holds their last valid value and applying it would silently ignore what the user sees.
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const onValidity = useCallback((path: string, error: string | null) => {
    setInvalid((prev) => {
      if (error === null) {
        if (!(path in prev)) return prev;
        const next = { ...prev };
        delete next[path];
        return next;
      }
      return prev[path] === error ? prev : { ...prev, [path]: error };
    });
  }, []);
  const problems = new Set([...Object.keys(invalid), ...Object.keys(errors)]).size;

  return (
    <section className="cfg-panel" aria-label="Scenario configuration">
      {SECTIONS.map((section) => (
        <fieldset key={section.id} className="cfg-section">
          <legend>{section.title}</legend>
          {FIELDS.filter((f) => f.section === section.id).map((def) => (
            <FieldControl
              key={def.path}
              def={def}
              path={def.path}
              label={def.label}
              draft={draft}
              error={errors[def.path]}
              onChange={onChange}
              onValidity={onValidity}
            />
          ))}
          {LISTS.filter((l) => l.section === section.id).map((list) => (
            <ListEditor
              key={list.path}
              list={list}
              draft={draft}
              errors={errors}
              onChange={onChange}
              onValidity={onValidity}
            />
          ))}
          {section.id === 'failures' && onInjectFailure && (
            <div className="cfg-inject">
              {failureKinds.map((kind) => (
                <button key={kind} type="button" onClick={() => onInjectFailure(kind)}>
                  Inject now: {FAILURE_LABELS[kind]}
                </button>
              ))}
            </div>
          )}
        </fieldset>
      ))}
      <div className="cfg-actions">
        <button type="button" className="cfg-apply" disabled={!dirty || problems > 0} onClick={onApply}>
          Apply &amp; restart
        </button>
        <button type="button" onClick={onReset}>
          Reset to preset
        </button>
        <p role="status" className="cfg-status">
          {problems > 0
            ? `${problems} field${problems === 1 ? '' : 's'} to fix before applying`
            : dirty
              ? 'Changes not applied yet'
              : ''}
        </p>
      </div>
    </section>
  );
}

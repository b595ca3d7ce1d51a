import type { ScenarioInput } from '../../scenario/schema.ts';
import { getPath, setPath } from './draftPath.ts';
import { FieldControl } from './FieldControl.tsx';
import type { ListDef } from './fields.ts';
import { labelFor } from './fields.ts';

export interface ListEditorProps {
  list: ListDef;
  draft: ScenarioInput;
  errors: Record<string, string>;
  onChange(path: string, value: unknown): void;
  onValidity(path: string, error: string | null): void;
}

/**
 * Editable rows (workload phases, scheduled failures). Every change is reported as the whole new list
 * at the list's path, so the shell never has to splice arrays itself.
 */
export function ListEditor({ list, draft, errors, onChange, onValidity }: ListEditorProps) {
  const found = getPath(draft, list.path);
  const rows: readonly unknown[] = Array.isArray(found) ? found : [];
  const noun = list.item.toLowerCase();
  const editRow = (path: string, value: unknown) => {
    onChange(list.path, setPath(rows, path.slice(list.path.length + 1), value));
  };

  return (
    <div className="cfg-list">
      {rows.length === 0 && <p className="cfg-empty">No {noun}s.</p>}
      {rows.map((_, i) => (
        <fieldset key={i} className="cfg-row">
          <legend>
            {list.item} {i + 1}
          </legend>
          {list.fields.map((def) => {
            const path = def.path.replace('*', String(i));
            return (
              <FieldControl
                key={def.path}
                def={def}
                path={path}
                label={labelFor(path)}
                draft={draft}
                error={errors[path]}
                onChange={editRow}
                onValidity={onValidity}
              />
            );
          })}
          <button
            type="button"
            className="cfg-remove"
            onClick={() =>
              onChange(
                list.path,
                rows.filter((__, j) => j !== i),
              )
            }
          >
            Remove {noun} {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={rows.length >= list.maxItems}
        onClick={() => onChange(list.path, [...rows, list.newItem(rows)])}
      >
        Add {noun}
      </button>
    </div>
  );
}

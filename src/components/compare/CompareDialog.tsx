import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../app/Dialog.tsx';
import { optionLabel } from '../../labels/options.ts';
import { useController } from '../../runtime/controller.ts';
import { getPreset, presets } from '../../scenario/presets/index.ts';
import { selectApplied, selectPresetId } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';
import { getPath } from '../config/draftPath.ts';
import { fieldFor, labelFor } from '../config/fields.ts';
import { parseNumber } from '../config/sliderScale.ts';
import { unitSuffix } from '../format.ts';
import { CHANGE_FIELDS, withChange } from './compareChange.ts';
import './compareDialog.css';

const DEFAULT_FIELD = 'cache.l2.ttlMs';

/** The value box's text for a field's current value in A (a select or checkbox reads it as is). */
const textOf = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * "Compare": picks run B, either A with one field changed ("Compare with a change", the quickest way
 * in from any run) or a preset. B starts beside A on A's seed and clock; a value B cannot take is
 * refused here, with the schema's words, before anything starts.
 */
export function CompareDialog() {
  const store = useAppStoreApi();
  const controller = useController();
  const a = useAppStore(selectApplied);
  const presetId = useAppStore(selectPresetId);
  const [path, setPath] = useState(DEFAULT_FIELD);
  const [text, setText] = useState(() => textOf(getPath(a, DEFAULT_FIELD)));
  const [bPreset, setBPreset] = useState(() => presets.find((p) => p.id !== presetId)?.id ?? presets[0]!.id);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const def = fieldFor(path)!;

  const close = () => store.getState().setCompareDialogOpen(false);
  const start = (scenario: NonNullable<ReturnType<typeof getPreset>>, id: string | null) => {
    controller.startCompare({ scenario, presetId: id });
    close();
  };
  const pickField = (next: string) => {
    setPath(next);
    setText(textOf(getPath(a, next)));
    setError(null);
  };
  const valueOf = (): unknown => {
    if (def.kind === 'number') return text.trim() === '' && def.nullable ? null : (parseNumber(text) ?? text);
    if (def.kind === 'boolean') return text === 'true';
    return text;
  };
  const onChangeSubmit = (e: FormEvent) => {
    e.preventDefault();
    const value = valueOf();
    const result = withChange(a, def, value);
    if (!result.ok) return setError(result.errors[0]!.message);
    start(result.scenario, null);
  };
  const onPresetSubmit = (e: FormEvent) => {
    e.preventDefault();
    const preset = getPreset(bPreset);
    if (preset) start(preset, bPreset);
  };

  return (
    <Dialog labelledBy={titleId} onClose={close} className="compare-dialog">
      <h2 id={titleId}>Compare</h2>
      <p>
        A is the run on screen. B runs beside it on the same seed and the same clock, and a table shows the
        difference.
      </p>
      <form className="compare-form" onSubmit={onChangeSubmit}>
        <h3>B is A with one change</h3>
        <label>
          Field
          <select value={path} onChange={(e) => pickField(e.currentTarget.value)}>
            {CHANGE_FIELDS.map((f) => (
              <option key={f.path} value={f.path}>
                {labelFor(f.path)}
              </option>
            ))}
          </select>
        </label>
        {def.kind === 'select' && (
          <label>
            B&apos;s value
            <select value={text} onChange={(e) => setText(e.currentTarget.value)}>
              {(def.options ?? []).map((o) => (
                <option key={o} value={o}>
                  {optionLabel(path, o)}
                </option>
              ))}
            </select>
          </label>
        )}
        {def.kind === 'boolean' && (
          <label className="compare-check">
            <input
              type="checkbox"
              checked={text === 'true'}
              onChange={(e) => setText(String(e.currentTarget.checked))}
            />
            {labelFor(path)} in B
          </label>
        )}
        {def.kind === 'number' && (
          <label>
            B&apos;s value{def.unit ? unitSuffix(def.unit) : ''}
            <input
              type="text"
              inputMode="decimal"
              value={text}
              placeholder={def.nullable ? `empty: ${def.nullable.label}` : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setError(null);
              }}
            />
          </label>
        )}
        {error && (
          <p className="cfg-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn primary">
          Compare with a change
        </button>
      </form>
      <form className="compare-form" onSubmit={onPresetSubmit}>
        <h3>B is a preset</h3>
        <label>
          Preset for B
          <select value={bPreset} onChange={(e) => setBPreset(e.currentTarget.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn">
          Compare with this preset
        </button>
      </form>
      <button type="button" className="btn" onClick={close}>
        Cancel
      </button>
    </Dialog>
  );
}

import { useState } from 'react';
import { useController } from '../../runtime/controller.ts';
import { KIT_UNAVAILABLE, withSchemaKit } from '../../scenario/loadSchemaKit.ts';
import { selectSeed } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** The random seed; a new value restarts the run with it (same seed, same run). */
export function SeedInput() {
  const c = useController();
  const seed = useAppStore(selectSeed);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const value = Number(text);
    if (text.trim() === '') return setError('Enter a whole number');
    // Checked by the schema, fetched on first use.
    withSchemaKit(
      ({ validateFieldValue }) => {
        const problem = validateFieldValue('seed', value)?.message;
        if (problem) return setError(problem);
        setError(null);
        setText(null);
        if (value !== seed) c.setSeed(value);
      },
      () => setError(`The seed was not checked: ${KIT_UNAVAILABLE}`),
    );
  };
  return (
    <div className="seed">
      <label htmlFor="seed-input">Seed</label>
      <input
        id="seed-input"
        aria-label="Seed"
        aria-invalid={error !== null}
        aria-describedby={error ? 'seed-error' : undefined}
        inputMode="numeric"
        value={text ?? String(seed)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(null);
            setError(null);
          }
        }}
      />
      {error && (
        <span id="seed-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

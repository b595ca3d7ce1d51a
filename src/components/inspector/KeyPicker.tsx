import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import './inspector.css';

export interface KeyPickerProps {
  onPick(key: number): void;
  /** Number of keys in the workload; keys are ranks 0..keys-1 (0 is the most popular). */
  keys?: number | undefined;
  initial?: number | undefined;
}

/** Picks a key by popularity rank; a key outside the workload is refused with a message. */
export function KeyPicker({ onPick, keys, initial = 0 }: KeyPickerProps) {
  const [text, setText] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const inputId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(n) || n < 0) {
      setError('Enter a key number: 0 is the most popular key');
    } else if (keys !== undefined && n >= keys) {
      setError(`The workload has keys 0 to ${keys - 1}`);
    } else {
      setError(null);
      onPick(n);
    }
  };

  return (
    <form className="key-picker" onSubmit={submit} aria-label="Pick a key">
      <label htmlFor={inputId}>Key</label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        aria-label="Key to inspect"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">Inspect key</button>
      {error && (
        <p role="alert" id={errorId} className="insp-error">
          {error}
        </p>
      )}
    </form>
  );
}

import { useId, useRef, useState } from 'react';

interface Props {
  label: string;
  /** The Copy button's name, e.g. "Copy link". */
  copyLabel: string;
  value: string;
  /** A textarea of this many rows instead of a one-line field. */
  rows?: number;
  /** The dialog focuses this field first (and so selects its text). */
  autoFocus?: boolean;
}

const REFUSED =
  'The browser did not allow copying. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.';

/**
 * A read-only text and its Copy button. Copying says so; when the clipboard is refused (no permission,
 * an insecure page, an old browser), the text is selected instead and the message says how to copy it.
 */
export function CopyField({ label, copyLabel, value, rows, autoFocus = false }: Props) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus({ ok: true, text: 'Copied' });
    } catch {
      field.current?.focus();
      field.current?.select();
      setStatus({ ok: false, text: REFUSED });
    }
  };
  const common = {
    id,
    ref: field,
    value,
    readOnly: true,
    spellCheck: false,
    onFocus: () => field.current?.select(),
    'data-autofocus': autoFocus || undefined,
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        {rows ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
        <button type="button" className="btn" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      <p className={`copy-status${status?.ok === false ? ' refused' : ''}`} role="status">
        {status?.text}
      </p>
    </div>
  );
}

import { useId } from 'react';
import { useDraftText } from './useDraftText.ts';

export interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  multiline: boolean;
  externalError: string | undefined;
  validate(value: string): string | null;
  onCommit(value: string): void;
  onValidity(path: string, error: string | null): void;
}

const parse = (text: string) => ({ value: text });

/** A free-text field (title, description); too-long text is kept on screen but not committed. */
export function TextField(props: TextFieldProps) {
  const { path, label, value, multiline, externalError, validate, onCommit, onValidity } = props;
  const field = useDraftText(path, value, parse, validate, onCommit, onValidity);
  const errorId = useId();
  const error = field.error ?? externalError ?? null;
  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    value: field.text,
  };
  return (
    <div className={`cfg-field${error ? ' cfg-invalid' : ''}`}>
      <label className="cfg-label cfg-text">
        <span>{label}</span>
        {multiline ? (
          <textarea
            {...common}
            rows={3}
            onChange={(e) => field.type(e.currentTarget.value)}
            onBlur={field.flush}
          />
        ) : (
          <input
            type="text"
            {...common}
            onChange={(e) => field.type(e.currentTarget.value)}
            onBlur={field.flush}
            onKeyDown={field.onKeyDown}
          />
        )}
      </label>
      {error && (
        <p role="alert" id={errorId} className="cfg-error">
          {error}
        </p>
      )}
    </div>
  );
}

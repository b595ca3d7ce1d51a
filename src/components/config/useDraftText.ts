import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';

/**
 * The text of an input that edits one draft field. Typing validates at once (the message appears as
 * soon as the text is out of range) but commits only on Enter or blur, so "1000" does not pass through
 * a 1 ms TTL on its way. Invalid text stays on screen for the user to fix; only valid values reach
 * `commit`. When the draft changes from elsewhere (a slider, "Reset to preset") the text follows it.
 */
export function useDraftText<T>(
  path: string,
  value: T,
  parse: (text: string) => { value: T } | { error: string },
  validate: (value: T) => string | null,
  commit: (value: T) => void,
  onValidity: (path: string, error: string | null) => void,
) {
  const [text, setText] = useState(() => String(value));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);

  // Derived-state pattern (setState during render) rather than an effect: no flash of stale text.
  if (!Object.is(shown, value)) {
    setShown(value);
    setText(String(value));
    setError(null);
  }

  useEffect(() => {
    onValidity(path, error);
  }, [path, error, onValidity]);
  // A removed list row must not leave its error behind and block "Apply".
  useEffect(() => () => onValidity(path, null), [path, onValidity]);

  const check = (next: string): { value: T } | null => {
    const parsed = parse(next);
    const problem = 'error' in parsed ? parsed.error : validate(parsed.value);
    setError(problem);
    return problem === null && 'value' in parsed ? parsed : null;
  };

  const type = (next: string) => {
    setText(next);
    check(next);
  };

  const flush = () => {
    const ok = check(text);
    if (ok && !Object.is(ok.value, value)) {
      setShown(ok.value);
      commit(ok.value);
    }
  };

  /** For controls that always produce a valid value (a slider): updates the text and commits. */
  const set = (next: T) => {
    const problem = validate(next);
    setError(problem);
    if (problem !== null) return;
    setText(String(next));
    setShown(next);
    commit(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') flush();
  };

  return { text, error, type, set, flush, onKeyDown };
}

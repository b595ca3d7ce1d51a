import { useEffect, useRef, useState } from 'react';
import { selectEvents, selectNowMs } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/**
 * Asks the engine's worker a question and asks again whenever the simulation moves (the store's clock
 * refreshes at most ten times a second) or `key` changes. Returns the latest answer for `key`, or
 * undefined until the first arrives. An answer that comes back after the question changed is dropped.
 */
export function useEngineQuery<T>(key: string, ask: () => Promise<T>): T | undefined {
  const nowMs = useAppStore(selectNowMs);
  // A single Step may not move the clock, but it changes the state: the event count says so.
  const events = useAppStore(selectEvents);
  const askRef = useRef(ask);
  // The question is fixed by `key`; the latest closure is kept for when it is asked again.
  useEffect(() => {
    askRef.current = ask;
  });
  const [answer, setAnswer] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    let current = true;
    askRef.current().then(
      (value) => current && setAnswer({ key, value }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [key, nowMs, events]);
  return answer?.key === key ? answer.value : undefined;
}

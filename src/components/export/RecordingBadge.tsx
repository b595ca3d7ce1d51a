import { useEffect, useState } from 'react';
import { selectRecording } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** m:ss, as a recorder's counter reads. */
const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * "● REC 0:12 / 1:00" in the stage's status bar while the stage is being recorded: a word and a
 * counter, so it does not rely on its colour. Screen readers hear once that recording started or
 * stopped (a live region), not the counter changing every second.
 */
export function RecordingBadge() {
  const recording = useAppStore(selectRecording);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [recording]);
  return (
    <>
      <span className="visually-hidden" role="status">
        {recording ? 'Recording the stage' : ''}
      </span>
      {recording && (
        <span className="recording-badge">
          <span className="rec-dot" aria-hidden="true">
            ●
          </span>{' '}
          REC {clock(now - recording.startedAt)} / {clock(recording.limitMs)}
        </span>
      )}
    </>
  );
}

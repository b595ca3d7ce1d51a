import { RecordingBadge } from './RecordingBadge.tsx';
import { useRecording } from './useRecording.ts';

/**
 * "Record": a toggle that records the stage as WebM video, pressed while recording, with the
 * recording's counter beside it ("● REC 0:12 / 1:00": a word and a time, not a colour alone).
 */
export function RecordToggle() {
  const { recording, toggle } = useRecording();
  return (
    <span className="record-tool">
      <button
        type="button"
        className={`btn record${recording ? ' on' : ''}`}
        aria-pressed={recording !== null}
        title={recording ? 'Stop recording and save the video' : 'Record the stage as a WebM video'}
        onClick={toggle}
      >
        <span aria-hidden="true">{recording ? '■' : '●'}</span> Record
      </button>
      <RecordingBadge />
    </span>
  );
}

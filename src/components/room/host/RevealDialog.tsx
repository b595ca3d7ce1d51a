import { useId } from 'react';
import type { QuestionView, RoomState } from '../../../room/protocol.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { Distribution } from '../Distribution.tsx';
import { RevealSummary } from '../RevealSummary.tsx';

interface Props {
  state: RoomState;
  question: QuestionView;
  /** Moves everyone to the next step; null on the lesson's last step. */
  onNext: (() => void) | null;
  onClose: () => void;
}

/**
 * The reveal on the projector: the question, the room's guesses spread out beside the engine's
 * measured answer, how many were right, and the lesson's explanation filled from the same run.
 */
export function RevealDialog({ state, question, onNext, onClose }: Props) {
  const title = useId();
  const reveal = state.reveal;
  if (!reveal) return null;
  return (
    <Dialog labelledBy={title} onClose={onClose} className="room-reveal">
      <p className="room-muted">
        {state.step?.lessonTitle} · step {state.step?.n} of {state.step?.total}
      </p>
      <h2 id={title}>{question.text}</h2>
      <RevealSummary reveal={reveal} question={question} />
      <Distribution reveal={reveal} question={question} />
      <p className="room-explanation">{reveal.explanation}</p>
      <div className="dialog-buttons">
        {onNext && (
          <button type="button" className="btn primary" onClick={onNext}>
            Next step
          </button>
        )}
        <button type="button" className="btn" onClick={onClose} data-autofocus={onNext ? undefined : true}>
          Back to the stage
        </button>
      </div>
    </Dialog>
  );
}

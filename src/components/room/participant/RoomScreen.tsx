import { useStore } from 'zustand';
import { displayCode } from '../../../room/code.ts';
import type { RoomGuess, RoomState } from '../../../room/protocol.ts';
import { Distribution } from '../Distribution.tsx';
import { RevealSummary } from '../RevealSummary.tsx';
import { GuessForm } from './GuessForm.tsx';
import type { ParticipantRoom } from './participantRoom.ts';

const STATUS_WORDS = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting… your answers are kept',
  stopped: 'Not connected',
} as const;

/** A guess in words: the choice's label, or the number with its unit. */
function guessText(state: RoomState, guess: RoomGuess): string {
  const q = state.step?.question;
  if ('option' in guess) return q?.kind === 'choice' ? (q.options[guess.option] ?? '?') : '?';
  return `${guess.value}${q?.kind === 'number' && q.unit ? ` ${q.unit}` : ''}`;
}

/** The room on a participant's phone: the step's question, then the reveal with their own guess marked. */
export function RoomScreen({ room }: { room: ParticipantRoom }) {
  const { status, state, name, problem, over } = useStore(room.view);
  const header = (
    <header className="participant-header">
      <h1>
        Room {displayCode(room.code)}
        {name && <span className="room-muted"> · {name}</span>}
      </h1>
      <p className={`participant-status ${status}`} role="status">
        {over ? 'Room closed' : STATUS_WORDS[status]}
      </p>
    </header>
  );
  if (over) {
    return (
      <main className="participant">
        {header}
        <p role="alert">{over}</p>
      </main>
    );
  }
  const step = state?.step;
  const question = step?.question ?? null;
  return (
    <main className="participant">
      {header}
      {!state ? null : !step ? (
        <p className="participant-wait">Waiting for the facilitator to start a step.</p>
      ) : (
        <section aria-labelledby="participant-step">
          <p className="room-muted">
            {step.lessonTitle} · step {step.n} of {step.total}
          </p>
          <h2 id="participant-step">{step.title}</h2>
          {!question ? (
            <p className="participant-wait">No question in this step: watch the screen.</p>
          ) : state.phase === 'revealed' && state.reveal ? (
            <div className="participant-reveal">
              <p className="participant-question">{question.text}</p>
              {state.yours ? (
                <p className={`participant-verdict${state.yoursRight ? ' right' : ''}`}>
                  You said <strong>{guessText(state, state.yours)}</strong>:{' '}
                  {state.yoursRight
                    ? question.kind === 'choice'
                      ? 'right!'
                      : 'close enough!'
                    : 'not this time.'}
                </p>
              ) : (
                <p className="participant-verdict">You did not answer this one.</p>
              )}
              <RevealSummary reveal={state.reveal} question={question} />
              <Distribution reveal={state.reveal} question={question} yours={state.yours} />
              <p className="room-explanation">{state.reveal.explanation}</p>
            </div>
          ) : (
            <GuessForm
              key={step.key}
              question={question}
              saved={state.yours}
              savedText={state.yours ? guessText(state, state.yours) : null}
              closed={state.phase !== 'open'}
              onSend={(g) => room.send(g)}
            />
          )}
        </section>
      )}
      {problem && (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      )}
    </main>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { ROOM_LIMITS, type QuestionView, type RoomGuess } from '../../../room/protocol.ts';

interface Props {
  question: QuestionView;
  /** The guess the room holds for this participant (kept across reloads), or null. */
  saved: RoomGuess | null;
  savedText: string | null;
  /** The facilitator closed the answers (or revealed them). */
  closed: boolean;
  onSend: (guess: RoomGuess) => void;
}

const same = (a: RoomGuess | null, b: RoomGuess | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The question with its choices (large, for thumbs) or a number field with its unit, and Send. The
 * answer can change until the facilitator closes the answers; the form says what the room has.
 */
export function GuessForm({ question, saved, savedText, closed, onSend }: Props) {
  const name = useId();
  const [option, setOption] = useState<number | null>(saved && 'option' in saved ? saved.option : null);
  const [text, setText] = useState(saved && 'value' in saved ? String(saved.value) : '');
  const number = text.trim() === '' ? NaN : Number(text);
  // The server refuses larger numbers; say so here, before Send.
  const tooLarge = Number.isFinite(number) && Math.abs(number) > ROOM_LIMITS.maxGuess;
  const guess: RoomGuess | null =
    question.kind === 'choice'
      ? option === null
        ? null
        : { option }
      : Number.isFinite(number) && !tooLarge
        ? { value: number }
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (guess && !closed) onSend(guess);
  };
  return (
    <form className="participant-form" onSubmit={submit} aria-label="Your answer">
      <fieldset disabled={closed}>
        <legend className="participant-question">{question.text}</legend>
        {question.kind === 'choice' ? (
          <div className="participant-options">
            {question.options.map((label, i) => (
              <label key={label} className="participant-option">
                <input type="radio" name={name} checked={option === i} onChange={() => setOption(i)} />
                {label}
              </label>
            ))}
          </div>
        ) : (
          <label className="participant-number">
            Your guess
            <span>
              <input
                type="number"
                step="any"
                inputMode="decimal"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              {question.unit && <span className="room-muted">{question.unit}</span>}
            </span>
          </label>
        )}
        <button type="submit" className="btn primary" disabled={!guess || same(guess, saved)}>
          Send
        </button>
      </fieldset>
      <p className="participant-saved" role="status">
        {closed
          ? 'The answers are closed: watch the screen for the reveal.'
          : tooLarge
            ? 'That number is too large: a guess is at most a million million.'
            : savedText
              ? `Sent: ${savedText}. You can change it until the answers close.`
              : 'Nobody sees your answer before the reveal.'}
      </p>
    </form>
  );
}

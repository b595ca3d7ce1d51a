import { format, precisionFixed } from 'd3-format';
import type { QuestionView, RevealView, RoomGuess } from '../../room/protocol.ts';

/**
 * The room's guesses at the reveal: bars for a multiple-choice question (the measured answer's bar
 * marked), a histogram for a number (a line at the measured value); with `yours`, the viewer's own
 * guess is marked too. The same drawing on the projector and on a phone, in HTML so it scales with
 * the type; every bar has a name a screen reader says ("20–22: 5 guesses, measured here").
 */

interface Props {
  reveal: RevealView;
  question: QuestionView;
  yours?: RoomGuess | null;
}

const guesses = (n: number) => `${n} ${n === 1 ? 'guess' : 'guesses'}`;

export function Distribution({ reveal, question, yours = null }: Props) {
  const max = Math.max(1, ...reveal.bars.map((b) => b.count));
  if (question.kind === 'choice') {
    return (
      <ul className="room-bars" aria-label="The room’s answers">
        {reveal.bars.map((b, i) => {
          const mine = yours !== null && 'option' in yours && yours.option === i;
          const notes = [b.measured ? 'the measured answer' : '', mine ? 'your answer' : ''].filter(Boolean);
          return (
            <li key={b.label} className={b.measured ? 'measured' : undefined}>
              <span className="room-bar-label">
                {b.label}
                {b.measured && <span className="room-tag right"> ✓ measured</span>}
                {mine && <span className="room-tag mine"> ● you</span>}
              </span>
              <span
                className="room-bar-track"
                aria-label={`${guesses(b.count)}${notes.length ? `, ${notes.join(', ')}` : ''}`}
              >
                <span className="room-bar-fill" style={{ width: `${(100 * b.count) / max}%` }} />
                <span className="room-bar-count">{b.count}</span>
              </span>
            </li>
          );
        })}
      </ul>
    );
  }
  const first = reveal.bars[0];
  const last = reveal.bars.at(-1);
  const lo = first?.from ?? 0;
  const hi = last?.to ?? 1;
  const tick = format(`,.${precisionFixed((first?.to ?? 1) - lo)}f`);
  const at = (v: number) => `${Math.min(100, Math.max(0, ((v - lo) / (hi - lo || 1)) * 100))}%`;
  const short = (v: number) => String(Number(v.toPrecision(3)));
  const mine = yours !== null && 'value' in yours ? yours.value : null;
  const beyond = Boolean(first?.label.startsWith('<') || last?.label.startsWith('≥'));
  return (
    <figure className="room-histogram">
      <p className="room-legend" aria-hidden="true">
        {reveal.measuredValue !== null && (
          <span className="room-key measured">measured {short(reveal.measuredValue)}</span>
        )}
        {mine !== null && <span className="room-key mine">you {short(mine)}</span>}
      </p>
      <div
        className="room-columns"
        role="list"
        aria-label={`The room’s guesses, in ${question.unit || 'numbers'}`}
      >
        {reveal.bars.map((b) => (
          <div
            key={b.label}
            role="listitem"
            className={`room-column${b.measured ? ' measured' : ''}`}
            aria-label={`${b.label}: ${guesses(b.count)}${b.measured ? ', measured here' : ''}`}
          >
            {b.count > 0 && <span className="room-column-count">{b.count}</span>}
            {/* The tallest column leaves room above it for its count. */}
            <span className="room-column-fill" style={{ height: `${(85 * b.count) / max}%` }} />
          </div>
        ))}
        {reveal.measuredValue !== null && (
          <span
            className="room-marker measured"
            style={{ left: at(reveal.measuredValue) }}
            aria-hidden="true"
          />
        )}
        {mine !== null && <span className="room-marker mine" style={{ left: at(mine) }} aria-hidden="true" />}
      </div>
      <div className="room-axis" aria-hidden="true">
        {reveal.bars.map((b, i) => (
          <span key={b.label} className={i % 2 ? 'odd' : undefined}>
            <span>{tick(b.from ?? 0)}</span>
          </span>
        ))}
        <span className="room-axis-end">{tick(hi)}</span>
      </div>
      <figcaption className="room-muted">
        {question.unit}
        {beyond && ' · the first and last bars also hold the guesses beyond them'}
      </figcaption>
    </figure>
  );
}

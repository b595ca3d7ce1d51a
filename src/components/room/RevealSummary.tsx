import type { QuestionView, RevealView } from '../../room/protocol.ts';

/** "Measured: 21 database queries per expiry." and "7 of 23 guesses were within tolerance." */
export function RevealSummary({ reveal, question }: { reveal: RevealView; question: QuestionView }) {
  const { answers, right } = reveal;
  const how =
    question.kind === 'choice'
      ? 'picked the measured answer'
      : `${answers === 1 ? 'was' : 'were'} within tolerance`;
  return (
    <p className="room-summary">
      <strong>{reveal.measured}</strong>{' '}
      {answers === 0 ? (
        'Nobody answered.'
      ) : (
        <>
          <strong className="room-right-count">
            {right} of {answers}
          </strong>{' '}
          {answers === 1 ? 'guess' : 'guesses'} {how}.
        </>
      )}
    </p>
  );
}

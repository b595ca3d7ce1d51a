import { motion, useReducedMotion } from 'framer-motion';
import { Fragment } from 'react';
import type { TextPart } from '../../lessons/runner.ts';
import { useAppStore } from '../../store/useAppStore.ts';

/** A filled text; each measured figure is marked with its id, as the strip's tile for it is. */
function Parts({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <span key={i} className="check-figure" data-figure={p.figure}>
            {p.text}
          </span>
        ),
      )}
    </>
  );
}

/**
 * The guess beside the measurement, how close it was, and the explanation the run filled in. The reveal
 * slides up into place, the moment a room has waited for (only a movement: its text is at full contrast
 * from the first frame; none for people who asked for reduced motion). framer-motion is in the lessons'
 * chunk only, never in a first visit's download.
 */
export function CheckOutcome() {
  const check = useAppStore((s) => s.check);
  const reduce = useReducedMotion();
  if (check.status !== 'done') return null;
  const { result } = check;
  return (
    <motion.div
      className={`check-result${result.correct ? ' right' : ''}`}
      role="status"
      initial={reduce ? false : { y: 12 }}
      animate={{ y: 0 }}
      transition={{ duration: 0.3, ease: 'easeOut' }}
    >
      <p className="check-sentence">
        <strong>
          <Parts parts={result.parts.sentence} />
        </strong>{' '}
        {result.verdict}
      </p>
      <p className="check-reveal">
        <Parts parts={result.parts.reveal} />
      </p>
    </motion.div>
  );
}

import { useAppStore } from '../../store/useAppStore.ts';

/** The guess beside the measurement, how close it was, and the explanation the run filled in. */
export function CheckOutcome() {
  const check = useAppStore((s) => s.check);
  if (check.status !== 'done') return null;
  const { result } = check;
  return (
    <div className={`check-result${result.correct ? ' right' : ''}`} role="status">
      <p className="check-sentence">
        <strong>{result.sentence}</strong> {result.verdict}
      </p>
      <p className="check-reveal">{result.reveal}</p>
    </div>
  );
}

import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore.ts';
import { selectNowMs, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';
import type { CatchUp } from './catchUp.ts';
import { differenceRows } from './differences.ts';
import { useCatchUp } from './useCatchUp.ts';

const VERDICT_WORDS = { better: 'better', worse: 'worse', same: 'about the same' } as const;

/** What the view says while a run catches up: where each run is, and where both are going. */
export function catchUpText(c: CatchUp): string {
  const where =
    c.runs === 'A and B'
      ? `A is at ${formatDuration(c.aMs)}, B at ${formatDuration(c.bMs)}`
      : `${c.runs} is at ${formatDuration(c.runs === 'A' ? c.aMs : c.bMs)}`;
  const verb = c.runs === 'A and B' ? 'are' : 'is';
  return `${c.runs} ${verb} catching up to ${formatDuration(c.targetMs)} (${where}). The figures are compared once both runs are there.`;
}

/**
 * The headline figures of runs A and B so far, side by side, with B − A and whether B did better: the
 * proof of what the one difference between them does, at the time both clocks show. While one run
 * is still catching up to the other's time, it says so instead.
 */
export function DifferenceTable({ bStore }: { bStore: AppStore }) {
  const a = useAppStore(selectSummary);
  const b = useStore(bStore, selectSummary);
  const nowMs = useAppStore(selectNowMs);
  const catchUp = useCatchUp(bStore);
  // Two runs at different times would compare nothing: no figures, no verdicts, until both are there.
  if (catchUp)
    return (
      <div className="difference-wrap catching-up" role="status" aria-label="Differences between A and B">
        <p className="difference-heading">A and B are not at one time yet</p>
        <p className="difference-wait">{catchUpText(catchUp)}</p>
      </div>
    );
  if (!a || !b) return null;
  const rows = differenceRows(a, b);
  return (
    // Focusable, so a keyboard can scroll it sideways on a narrow screen.
    <div className="difference-wrap" tabIndex={0} role="region" aria-label="Differences between A and B">
      <table className="difference-table">
        <caption>A and B after {formatDuration(nowMs)} (same seed, same clock)</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A</th>
            <th scope="col" title="Within 1 % (half a point for a ratio) counts as about the same">
              B is
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-figure={r.id}>
              <th scope="row">{r.label}</th>
              <td data-run="a" data-value={r.a}>
                {r.aText}
              </td>
              <td data-run="b" data-value={r.b}>
                {r.bText}
              </td>
              <td>{r.deltaText}</td>
              <td className={r.verdict ? `verdict ${r.verdict}` : 'verdict'}>
                {r.verdict ? VERDICT_WORDS[r.verdict] : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

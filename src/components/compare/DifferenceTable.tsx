import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore.ts';
import { selectNowMs, selectSummary } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { formatDuration } from '../format.ts';
import { differenceRows } from './differences.ts';

const VERDICT_WORDS = { better: 'better', worse: 'worse', same: 'about the same' } as const;

/**
 * The headline figures of runs A and B so far, side by side, with B − A and whether B did better: the
 * proof of what the one difference between them does, at the time both clocks show.
 */
export function DifferenceTable({ bStore }: { bStore: AppStore }) {
  const a = useAppStore(selectSummary);
  const b = useStore(bStore, selectSummary);
  const nowMs = useAppStore(selectNowMs);
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

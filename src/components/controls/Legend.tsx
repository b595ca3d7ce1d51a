import { OUTCOMES } from '../../engine/types.ts';
import { OUTCOME_COLORS, OUTCOME_LABELS, OUTCOME_SHAPES, PENDING_COLOR } from '../../render/palette.ts';
import { selectSampleEvery } from '../../store/selectors.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { OutcomeSwatch } from './OutcomeSwatch.tsx';

/** What the particle colours mean, and how many of the requests are drawn. */
export function Legend() {
  const every = useAppStore(selectSampleEvery);
  const cdn = useAppStore((s) => s.applied.topology.cdn);
  const shown = OUTCOMES.filter((o) => cdn || o !== 'cdn-hit');
  return (
    <div className="legend" role="group" aria-label="Legend">
      <ul>
        {shown.map((o) => (
          <li key={o}>
            <OutcomeSwatch color={OUTCOME_COLORS[o]} shape={OUTCOME_SHAPES[o]} />
            {OUTCOME_LABELS[o]}
          </li>
        ))}
        <li>
          <OutcomeSwatch color={PENDING_COLOR} shape="dot" />
          Outcome not known yet
        </li>
      </ul>
      <p className="sample-note" role="status">
        {every > 1
          ? `Showing 1 in ${every} requests; every count includes all of them.`
          : 'Showing every request.'}{' '}
        Motion is slowed so short hops stay visible.
      </p>
    </div>
  );
}

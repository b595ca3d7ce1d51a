import { OUTCOMES } from '../../engine/types.ts';
import {
  INVALIDATION_COLOR,
  INVALIDATION_LABEL,
  INVALIDATION_SHAPE,
  OUTCOME_COLORS,
  OUTCOME_SHAPES,
  PENDING_COLOR,
} from '../../render/palette.ts';
import { OUTCOME_LABELS } from '../../labels/options.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { OutcomeSwatch } from './OutcomeSwatch.tsx';
import { DrawControl } from './DrawControl.tsx';

/**
 * What the particle colours and shapes mean. The stage itself says how many requests are drawn; the
 * setting of how many at most ends the note's last line rather than taking a row of its own, which
 * the stage would lose.
 */
export function Legend() {
  const cdn = useAppStore((s) => s.applied.topology.cdn);
  const shown = OUTCOMES.filter((o) => cdn || o !== 'cdn-hit');
  // Invalidations are drawn only when Redis tracks the instances' L1 copies (the mechanism's own test).
  const tracking = useAppStore(
    (s) =>
      s.applied.cache.tracking.enabled && s.applied.cache.l1.enabled && s.applied.cache.strategy !== 'none',
  );
  return (
    <div className="legend" role="group" aria-label="Legend">
      <ul>
        {shown.map((o) => (
          <li key={o}>
            <OutcomeSwatch color={OUTCOME_COLORS[o]} shape={OUTCOME_SHAPES[o]} />
            {OUTCOME_LABELS[o]}
          </li>
        ))}
        {tracking && (
          <li data-kind="invalidation">
            <OutcomeSwatch color={INVALIDATION_COLOR} shape={INVALIDATION_SHAPE} />
            {INVALIDATION_LABEL}
          </li>
        )}
        <li>
          <OutcomeSwatch color={PENDING_COLOR} shape="ring" />
          Outcome not known yet
        </li>
      </ul>
      <p className="sample-note">
        Every request is counted, even when only a sample is drawn. Motion is slowed so sub-millisecond hops
        stay visible. <DrawControl />
      </p>
    </div>
  );
}

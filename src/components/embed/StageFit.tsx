import type { EngineSession } from '../../runtime/session.ts';
import { CompactStage } from '../stage/CompactStage.tsx';
import { Stage } from '../stage/Stage.tsx';

/**
 * The embed's stage in all the room there is: the full stage, laid out for its box (and drawn larger in
 * a large one), or in a box narrower than COMPACT_BELOW the compact stage, one large node per tier.
 * Neither is drawn smaller than laid out, so its text keeps its size in a 360x240 frame.
 */
export function StageFit({ session, compact }: { session: EngineSession; compact: boolean }) {
  return (
    <div className="stage-fit" data-compact={compact ? 'true' : 'false'}>
      {compact ? <CompactStage session={session} /> : <Stage session={session} />}
    </div>
  );
}

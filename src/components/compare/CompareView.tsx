import type { EngineSession } from '../../runtime/session.ts';
import type { CompareRun } from '../../runtime/compareRun.ts';
import { selectNotice, selectTitle } from '../../store/selectors.ts';
import { AppStoreContext, useAppStore } from '../../store/useAppStore.ts';
import { Stage } from '../stage/Stage.tsx';
import { StageHandleContext } from '../stage/stageHandle.ts';
import { DifferenceTable } from './DifferenceTable.tsx';
import './compare.css';

/** One run's heading, stage and figures; its store comes from the context around it. */
function Side({ run, session }: { run: 'A' | 'B'; session: EngineSession }) {
  const title = useAppStore(selectTitle);
  const notice = useAppStore(selectNotice);
  const nowMs = useAppStore((s) => s.nowMs);
  return (
    <section className="compare-side" aria-label={`Run ${run}`} data-run={run} data-now-ms={nowMs}>
      <h2 className="compare-title">
        <span className={`run-tag run-${run.toLowerCase()}`}>{run}</span> {title}
      </h2>
      {/* B's own problems (its worker failing) show here: A's banner is A's. */}
      {run === 'B' && notice && (
        <p className="compare-notice" role="alert">
          {notice}
        </p>
      )}
      <Stage session={session} run={run} />
    </section>
  );
}

/**
 * A and B on one clock: their stages side by side on a wide screen, one above the other on a narrow
 * one, and the difference table under them (it replaces each stage's metrics strip: the same figures,
 * for both runs, with the difference).
 */
export function CompareView({ a, compare }: { a: EngineSession; compare: CompareRun }) {
  return (
    <div className="compare">
      <div className="compare-stages">
        <Side run="A" session={a} />
        {/* Export and Record show run A: B's stage stays out of the stage handle. */}
        <StageHandleContext.Provider value={null}>
          <AppStoreContext.Provider value={compare.store}>
            <Side run="B" session={compare.session} />
          </AppStoreContext.Provider>
        </StageHandleContext.Provider>
      </div>
      <DifferenceTable bStore={compare.store} />
    </div>
  );
}

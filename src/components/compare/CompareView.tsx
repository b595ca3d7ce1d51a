import { lazy, Suspense } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import type { CompareRun } from '../../runtime/compareRun.ts';
import { selectNotice, selectTitle } from '../../store/selectors.ts';
import { AppStoreContext, useAppStore } from '../../store/useAppStore.ts';
import { Stage } from '../stage/Stage.tsx';
import { StageHandleContext } from '../stage/stageHandle.ts';
import { DifferenceTable } from './DifferenceTable.tsx';
import { useCatchUp } from './useCatchUp.ts';
import './compare.css';

const CompareCharts = lazy(() => import('./CompareCharts.tsx').then((m) => ({ default: m.CompareCharts })));

/** One run's heading, stage and figures; its store comes from the context around it. */
function Side({ run, session, waiting }: { run: 'A' | 'B'; session: EngineSession; waiting: boolean }) {
  const title = useAppStore(selectTitle);
  const notice = useAppStore(selectNotice);
  const nowMs = useAppStore((s) => s.nowMs);
  return (
    <section
      className={`compare-side${waiting ? ' waiting' : ''}`}
      aria-label={`Run ${run}`}
      aria-busy={waiting}
      data-run={run}
      data-now-ms={nowMs}
    >
      <h2 className="compare-title">
        <span className={`run-tag run-${run.toLowerCase()}`}>{run}</span> {title}
      </h2>
      {/* B's own problems (its worker failing) show here: A's banner is A's. */}
      {run === 'B' && notice && (
        <p className="compare-notice" role="alert">
          {notice}
        </p>
      )}
      {/* Until both runs stand at one time, neither picture is shown as if it were comparable. */}
      <div className="compare-stage-wrap">
        <Stage session={session} run={run} />
        {waiting && (
          <p className="compare-wait" aria-hidden="true">
            <span>Bringing A and B to one time…</span>
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * A and B on one clock: their stages side by side on a wide screen, one above the other on a narrow
 * one, and the difference table under them (it replaces each stage's metrics strip: the same figures,
 * for both runs, with the difference). While one run catches up to the other's time (a link's `t=`,
 * a seek), both stages are veiled and the table says who is where.
 */
export function CompareView({ a, b, compare }: { a: EngineSession; b: EngineSession; compare: CompareRun }) {
  const waiting = useCatchUp(compare.store) !== null;
  return (
    <div className="compare">
      <div className="compare-stages">
        <Side run="A" session={a} waiting={waiting} />
        {/* Export and Record show run A: B's stage stays out of the stage handle. */}
        <StageHandleContext.Provider value={null}>
          <AppStoreContext.Provider value={compare.store}>
            <Side run="B" session={b} waiting={waiting} />
          </AppStoreContext.Provider>
        </StageHandleContext.Provider>
      </div>
      <DifferenceTable bStore={compare.store} />
      {/* The charts come with the charts chunk, as the Charts tab's do. */}
      <Suspense fallback={null}>
        <CompareCharts bStore={compare.store} />
      </Suspense>
    </div>
  );
}

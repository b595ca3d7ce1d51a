import { lazy, Suspense } from 'react';
import type { EngineSession } from '../../runtime/session.ts';
import { compareSession } from '../../runtime/compareRun.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { Header } from './Header.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { EngineBanner } from './EngineBanner.tsx';
import { Sidebar } from './Sidebar.tsx';
import { Stage } from '../stage/Stage.tsx';
import { MetricsStrip } from '../stage/MetricsStrip.tsx';
import { Controls } from '../controls/Controls.tsx';
import { Legend } from '../controls/Legend.tsx';
import { HelpOverlay } from '../controls/HelpOverlay.tsx';
import { Guarded } from './ErrorBoundary.tsx';
import { RoomSlot } from '../room/RoomSlot.tsx';

// The lesson panel and list come with the lesson kit, fetched when a lesson or the list first opens.
const LessonPanel = lazy(() =>
  import('../lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })),
);
const LessonsDialog = lazy(() =>
  import('../lessons/LessonsDialog.tsx').then((m) => ({ default: m.LessonsDialog })),
);
// A/B compare, fetched when a comparison or its dialog first opens (not part of a first visit).
const CompareView = lazy(() =>
  import('../compare/CompareView.tsx').then((m) => ({ default: m.CompareView })),
);
const CompareDialog = lazy(() =>
  import('../compare/CompareDialog.tsx').then((m) => ({ default: m.CompareDialog })),
);
// The question asked before a heavy run, fetched when one is first asked.
const CostDialog = lazy(() => import('./CostDialog.tsx').then((m) => ({ default: m.CostDialog })));

/**
 * The full app: header, controls, the stage with its figures (two stages in an A/B comparison), the
 * open lesson step, and the sidebar's tabs; the presenter view gives the stage the screen.
 */
export function FullView({ session }: { session: EngineSession }) {
  const presenting = useAppStore((s) => s.presenting);
  const lessonOpen = useAppStore((s) => s.lesson !== null);
  const listOpen = useAppStore((s) => s.lessonsOpen);
  const compare = useAppStore((s) => s.compare);
  const compareDialog = useAppStore((s) => s.compareDialogOpen);
  const costPrompt = useAppStore((s) => s.costPrompt !== null);
  return (
    <div className={`app${presenting ? ' presenting' : ''}`}>
      <Header />
      <NoticeBanner />
      <EngineBanner />
      <Controls />
      {lessonOpen && (
        <Guarded area="the lesson">
          <Suspense fallback={null}>
            <LessonPanel />
          </Suspense>
        </Guarded>
      )}
      <RoomSlot />
      <main className={`main${compare ? ' comparing' : ''}`}>
        <section className="stage-column" aria-label="Simulation">
          <Guarded area="the stage">
            {compare ? (
              <Suspense fallback={null}>
                <CompareView a={session} b={compareSession(compare)} compare={compare} />
              </Suspense>
            ) : (
              <>
                <Stage session={session} />
                <MetricsStrip />
              </>
            )}
            <Legend />
          </Guarded>
        </section>
        {!presenting && (
          <Guarded area="this panel">
            <Sidebar />
          </Guarded>
        )}
      </main>
      <HelpOverlay />
      {compareDialog && (
        <Suspense fallback={null}>
          <CompareDialog />
        </Suspense>
      )}
      {costPrompt && (
        <Suspense fallback={null}>
          <CostDialog />
        </Suspense>
      )}
      {listOpen && (
        <Guarded area="the lessons">
          <Suspense fallback={null}>
            <LessonsDialog />
          </Suspense>
        </Guarded>
      )}
    </div>
  );
}

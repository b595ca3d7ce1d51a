import { lazy, Suspense, useEffect, useState } from 'react';
import { createAppStore } from './store/appStore.ts';
import { AppStoreContext, useAppStore } from './store/useAppStore.ts';
import { RunClient } from './runtime/engineClient.ts';
import { EngineSession } from './runtime/session.ts';
import { openEnginePort } from './worker/port.ts';
import { ControllerContext, createController } from './runtime/controller.ts';
import type { InitialState } from './runtime/initialScenario.ts';
import { useUrlSync } from './runtime/useUrlSync.ts';
import { useKeyboard } from './components/controls/useKeyboard.ts';
import { Header } from './components/app/Header.tsx';
import { NoticeBanner } from './components/app/NoticeBanner.tsx';
import { Sidebar } from './components/app/Sidebar.tsx';
import { Stage } from './components/stage/Stage.tsx';
import { MetricsStrip } from './components/stage/MetricsStrip.tsx';
import { Controls } from './components/controls/Controls.tsx';
import { Legend } from './components/controls/Legend.tsx';
import { HelpOverlay } from './components/controls/HelpOverlay.tsx';
import { usePresenterKeys } from './components/lessons/usePresenterKeys.ts';
import { createLessonActions } from './runtime/lessonActions.ts';
import { CostDialog } from './components/app/CostDialog.tsx';
import { Guarded } from './components/app/ErrorBoundary.tsx';
import { StageHandle, StageHandleContext } from './components/stage/stageHandle.ts';
import { CompareView } from './components/compare/CompareView.tsx';
import { CompareDialog } from './components/compare/CompareDialog.tsx';
import { resolveCompare } from './runtime/compareUrl.ts';

// The lesson panel and list come with the lesson kit, fetched when a lesson or the list first opens.
const LessonPanel = lazy(() =>
  import('./components/lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })),
);
const LessonsDialog = lazy(() =>
  import('./components/lessons/LessonsDialog.tsx').then((m) => ({ default: m.LessonsDialog })),
);

/**
 * Builds the store, the engine session (the simulation runs in a Web Worker) and the controller once;
 * everything below reads them from context. They live as long as the page.
 */
function useApp(initial: InitialState) {
  const [app] = useState(() => {
    const store = createAppStore(initial.scenario);
    store.getState().setApplied(initial.scenario, initial.presetId);
    store.getState().setNotice(initial.notice);
    const session = new EngineSession(new RunClient(openEnginePort(), 'main'), store, initial.scenario);
    const controller = createController(session, store);
    // `?compare=` or `b=` opens an A/B comparison; a B that cannot be read says so, and A runs alone.
    const compare = initial.embed ? null : resolveCompare(location.search, location.hash);
    if (compare?.ok) controller.startCompare(compare.b);
    else if (compare) store.getState().setNotice([initial.notice, compare.notice].filter(Boolean).join(' '));
    return {
      store,
      session,
      controller,
      stage: new StageHandle(),
      lessons: createLessonActions(controller, store),
    };
  });
  useEffect(() => {
    const { open, presenting } = initial.lesson;
    if (open) void app.lessons.open(open.lessonId, open.step);
    if (presenting) app.lessons.setPresenting(true);
  }, [app, initial.lesson]);
  useKeyboard(app.controller, app.store);
  usePresenterKeys(app.lessons, app.store);
  useUrlSync(app.store);
  return app;
}

export function App({ initial }: { initial: InitialState }) {
  const { store, session, controller, stage } = useApp(initial);
  return (
    <AppStoreContext.Provider value={store}>
      <ControllerContext.Provider value={controller}>
        <StageHandleContext.Provider value={stage}>
          <Layout embed={initial.embed} session={session} />
        </StageHandleContext.Provider>
      </ControllerContext.Provider>
    </AppStoreContext.Provider>
  );
}

/**
 * The page: the embed layout for documentation, the presenter view that gives the stage the screen, and
 * an A/B comparison's two stages.
 */
function Layout({ embed, session }: { embed: boolean; session: EngineSession }) {
  const presenting = useAppStore((s) => s.presenting) && !embed;
  const lessonOpen = useAppStore((s) => s.lesson !== null);
  const listOpen = useAppStore((s) => s.lessonsOpen);
  const compare = useAppStore((s) => s.compare);
  const compareDialog = useAppStore((s) => s.compareDialogOpen);
  return (
    <div className={`app${embed ? ' embed' : ''}${presenting ? ' presenting' : ''}`}>
      <Header embed={embed} />
      <NoticeBanner />
      <Controls />
      {!embed && lessonOpen && (
        <Guarded area="the lesson">
          <Suspense fallback={null}>
            <LessonPanel />
          </Suspense>
        </Guarded>
      )}
      <main className={`main${compare ? ' comparing' : ''}`}>
        <section className="stage-column" aria-label="Simulation">
          <Guarded area="the stage">
            {compare ? (
              <CompareView a={session} compare={compare} />
            ) : (
              <>
                <Stage session={session} />
                <MetricsStrip />
              </>
            )}
            <Legend />
          </Guarded>
        </section>
        {!embed && !presenting && (
          <Guarded area="this panel">
            <Sidebar />
          </Guarded>
        )}
      </main>
      <HelpOverlay />
      {compareDialog && <CompareDialog />}
      <CostDialog />
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

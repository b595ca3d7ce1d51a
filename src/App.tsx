import { useState } from 'react';
import { createAppStore } from './store/appStore.ts';
import { AppStoreContext } from './store/useAppStore.ts';
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
import { CostDialog } from './components/app/CostDialog.tsx';
import { Guarded } from './components/app/ErrorBoundary.tsx';

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
    return { store, session, controller: createController(session, store) };
  });
  useKeyboard(app.controller, app.store);
  useUrlSync(app.store);
  return app;
}

export function App({ initial }: { initial: InitialState }) {
  const { store, session, controller } = useApp(initial);
  return (
    <AppStoreContext.Provider value={store}>
      <ControllerContext.Provider value={controller}>
        <div className={`app${initial.embed ? ' embed' : ''}`}>
          <Header embed={initial.embed} />
          <NoticeBanner />
          <Controls />
          <main className="main">
            <section className="stage-column" aria-label="Simulation">
              <Guarded area="the stage">
                <Stage session={session} />
                <MetricsStrip />
                <Legend />
              </Guarded>
            </section>
            {!initial.embed && (
              <Guarded area="this panel">
                <Sidebar />
              </Guarded>
            )}
          </main>
          <HelpOverlay />
          <CostDialog />
        </div>
      </ControllerContext.Provider>
    </AppStoreContext.Provider>
  );
}

import { useEffect, useState } from 'react';
import { createSimulation } from './engine/index.ts';
import { createAppStore } from './store/appStore.ts';
import { AppStoreContext } from './store/useAppStore.ts';
import { Driver } from './runtime/driver.ts';
import { bridgeDriverToStore } from './runtime/bridge.ts';
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
import { Guarded } from './components/app/ErrorBoundary.tsx';

/** Builds the store, the driver and the controller once; everything below reads them from context. */
function useApp(initial: InitialState) {
  const [app] = useState(() => {
    const store = createAppStore(initial.scenario);
    store.getState().setApplied(initial.scenario, initial.presetId);
    store.getState().setNotice(initial.notice);
    const driver = new Driver(initial.scenario, createSimulation);
    return { store, driver, controller: createController(driver, store) };
  });
  useEffect(() => bridgeDriverToStore(app.driver, app.store), [app]);
  useKeyboard(app.controller, app.store);
  useUrlSync(app.store);
  return app;
}

export function App({ initial }: { initial: InitialState }) {
  const { store, driver, controller } = useApp(initial);
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
                <Stage driver={driver} />
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
        </div>
      </ControllerContext.Provider>
    </AppStoreContext.Provider>
  );
}

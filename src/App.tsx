import { readDrawSetting } from './runtime/drawMemory.ts';
import { browserStorage } from './lessons/progress.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createAppStore } from './store/appStore.ts';
import { AppStoreContext } from './store/useAppStore.ts';
import { RunClient } from './runtime/engineClient.ts';
import { EngineSession } from './runtime/session.ts';
import { openEnginePort } from './worker/port.ts';
import { ControllerContext, createController } from './runtime/controller.ts';
import type { InitialState } from './runtime/initialScenario.ts';
import { applyView, withoutView } from './runtime/applyView.ts';
import { useUrlSync } from './runtime/useUrlSync.ts';
import { useKeyboard } from './components/controls/useKeyboard.ts';
import { usePresenterKeys } from './components/lessons/usePresenterKeys.ts';
import { createLessonActions } from './runtime/lessonActions.ts';
import { resolveCompare } from './runtime/compareUrl.ts';
import { StageHandle, StageHandleContext } from './components/stage/stageHandle.ts';
import { FullView } from './components/app/FullView.tsx';

// An embed's view is fetched only by embeds: a first visit to the app does not download it.
const EmbedView = lazy(() =>
  import('./components/embed/EmbedView.tsx').then((m) => ({ default: m.EmbedView })),
);

/**
 * What was built for each page's `initial` (one object per load). React may start a render, set it aside
 * and start it again (the first render is a transition): a component that never committed keeps no
 * state, so its useState initializer runs again. Without this, each such restart started an engine
 * worker that nothing used or closed (seen with Chromium 156 on an idle 2-core machine).
 */
const builtFor = new WeakMap<InitialState, unknown>();
function once<T>(initial: InitialState, build: () => T): T {
  if (!builtFor.has(initial)) builtFor.set(initial, build());
  return builtFor.get(initial) as T;
}

/**
 * Builds the store, the engine session (the simulation runs in a Web Worker) and the controller once,
 * and puts the view where the link says (time, speed, tab, selection; a comparison; a lesson step);
 * everything below reads them from context. They live as long as the page.
 */
function useApp(initial: InitialState) {
  const [app] = useState(() =>
    once(initial, () => {
      const store = createAppStore(initial.scenario);
      store.getState().setApplied(initial.scenario, initial.presetId);
      store.getState().setNotice(initial.notice);
      // The "Requests drawn" setting of the last visit (an embed takes its own, `particles=`).
      if (!initial.embed) store.getState().setDrawSetting(readDrawSetting(browserStorage()) ?? 'auto');
      const main = () => new RunClient(openEnginePort(), 'main');
      const session = new EngineSession(main(), store, initial.scenario, undefined, main);
      const controller = createController(session, store);
      applyView(initial.view, controller, store);
      // `?compare=` or `b=` opens an A/B comparison; a B that cannot be read says so, and A runs alone.
      const compare = initial.embed ? null : resolveCompare(location.search, location.hash);
      if (compare?.ok) controller.startCompare(compare.b);
      else if (compare)
        store.getState().setNotice([initial.notice, compare.notice].filter(Boolean).join(' '));
      return {
        store,
        session,
        controller,
        stage: new StageHandle(),
        lessons: createLessonActions(controller, store),
      };
    }),
  );
  useEffect(() => {
    const { open, presenting } = initial.lesson;
    if (open) void app.lessons.open(open.lessonId, open.step);
    if (presenting) app.lessons.setPresenting(true);
  }, [app, initial.lesson]);
  useEffect(() => {
    // The full app's address drops the view once applied (it would go stale); an embed keeps its options.
    if (initial.embed) return;
    const search = withoutView(location.search);
    if (search !== location.search)
      history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }, [initial.embed]);
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
          {initial.embed ? (
            <Suspense fallback={null}>
              <EmbedView session={session} options={initial.options} />
            </Suspense>
          ) : (
            <FullView session={session} />
          )}
        </StageHandleContext.Provider>
      </ControllerContext.Provider>
    </AppStoreContext.Provider>
  );
}

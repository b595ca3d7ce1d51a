// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LessonsButton, PresentButton } from '../../src/components/lessons/LessonButtons.tsx';
import { LessonPanel } from '../../src/components/lessons/LessonPanel.tsx';
import { LessonsDialog } from '../../src/components/lessons/LessonsDialog.tsx';
import { usePresenterKeys } from '../../src/components/lessons/usePresenterKeys.ts';
import { getLesson, lessons } from '../../src/lessons/curriculum/index.ts';
import { summariesAt } from '../../src/engine/index.ts';
import { loadLessonKit } from '../../src/lessons/loadKit.ts';
import { PROGRESS_KEY } from '../../src/lessons/progress.ts';
import { checkRun, checkTimes, stepScenario } from '../../src/lessons/runner.ts';
import { createLessonActions, useLessonActions } from '../../src/runtime/lessonActions.ts';
import type { AppStore } from '../../src/store/appStore.ts';
import { useAppStoreApi } from '../../src/store/useAppStore.ts';
import { renderWithApp, spyController, type SpyController } from './controlsHarness.tsx';

const stampede = getLesson('stampede')!;

/** A spy controller whose headless runs are real: checks measure the engine, as the worker does. */
function engineController(): SpyController {
  const c = spyController();
  c.summariesAt.mockImplementation((scenario, times) => Promise.resolve(summariesAt(scenario, times)));
  return c;
}

function Keys() {
  usePresenterKeys(useLessonActions(), useAppStoreApi());
  return null;
}

function Lessons() {
  return (
    <>
      <LessonsButton />
      <PresentButton />
      <LessonPanel />
      <LessonsDialog />
      <Keys />
    </>
  );
}

/** Opens a step as the app does; the lesson kit arrives asynchronously (a chunk of its own). */
async function openStep(c: SpyController, store: AppStore, id: string, step: number) {
  await act(() => createLessonActions(c, store, null).open(id, step));
}

/** A key pressed on `target`, then the step it opens (moves wait for the lesson kit) settled. */
async function press(key: string, target: Element | Window = window) {
  await act(async () => {
    fireEvent.keyDown(target, { key });
    await loadLessonKit();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const panel = () => screen.getByRole('region', { name: /./ });

beforeEach(() => localStorage.clear());

describe('the Lessons dialog', () => {
  it('lists every lesson with its length and what it teaches, and starts one', async () => {
    const c = spyController();
    const { store } = renderWithApp(<Lessons />, c);
    await userEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    const dialog = screen.getByRole('dialog', { name: 'Lessons' });
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(lessons.length);
    const item = within(dialog).getByRole('heading', { name: stampede.title }).closest('li')!;
    expect(item.textContent).toContain(stampede.teaches);
    expect(item.textContent).toContain(`${stampede.minutes} min · 5 steps`);
    await userEvent.click(within(dialog).getByRole('button', { name: `Start lesson: ${stampede.title}` }));
    await waitFor(() => expect(store.getState().lesson).not.toBeNull());
    expect(c.loadScenario).toHaveBeenCalledWith(stepScenario(stampede, 0), null);
    expect(c.seek).toHaveBeenCalledWith(4000);
    expect(store.getState().lesson).toMatchObject({ id: 'stampede', step: 0 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('marks the lessons this browser finished, and reads a corrupt store as none', async () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ done: ['cdc'] }));
    renderWithApp(<Lessons />);
    await userEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    const done = screen.getAllByText(/Done/).map((el) => el.closest('li')?.querySelector('h3')?.textContent);
    expect(done).toEqual(['Invalidation by change data capture']);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    localStorage.setItem(PROGRESS_KEY, '{"done": ["cdc"');
    await userEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    expect(screen.getByRole('dialog', { name: 'Lessons' }).textContent).not.toContain('Done');
  });
});

describe('the lesson panel', () => {
  it('says where the step is, and Back and Next load the neighbouring steps', async () => {
    const c = spyController();
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'stampede', 0);
    expect(panel().textContent).toContain('Step 1 of 5');
    expect(screen.getByRole('heading', { name: stampede.steps[0]!.title })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(panel().textContent).toContain('Step 2 of 5');
    expect(c.loadScenario).toHaveBeenLastCalledWith(stepScenario(stampede, 1), null);
    expect(c.seek).toHaveBeenLastCalledWith(12_000);
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(panel().textContent).toContain('Step 1 of 5');
  });

  it('checks a number against the engine and puts the guess beside the measurement', async () => {
    const c = engineController();
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'stampede', 0);
    const check = screen.getByRole('button', { name: 'Check prediction' }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    const field = screen.getByRole('spinbutton', { name: /Your guess/ });
    expect(screen.getByText('queries')).toBeTruthy();
    await userEvent.type(field, '1');
    await userEvent.click(check);
    const status = await screen.findByRole('status');
    await waitFor(() =>
      expect(status.textContent).toMatch(/^You said 1\. Measured: \d+ database queries per expiry\./),
    );
    expect(status.textContent).toMatch(/Too low by a factor of \d+\./);
    // Each figure the answer quotes is marked, and the strip's window shows it with the same value.
    const quoted = [...status.querySelectorAll('[data-figure]')].map((el) => [
      el.getAttribute('data-figure'),
      el.textContent,
    ]);
    expect(quoted.map(([id]) => id)).toEqual(['dbQueriesPerExpiry', 'dbQueriesPerExpiry', 'p99Peak']);
    const strip = store.getState().stepWindow!;
    expect([strip.fromMs, strip.untilMs]).toEqual([4000, 7000]);
    for (const [id, text] of quoted) expect(strip.strip.find((f) => f.id === id)?.value).toBe(text);
    // The explanation takes the step text's place, and the stage moves to the end of the window.
    expect(screen.queryByText(stampede.steps[0]!.text)).toBeNull();
    expect(c.summariesAt).toHaveBeenCalledWith(stepScenario(stampede, 0), [1000, 4000, 7000]);
    expect(c.pause).toHaveBeenCalled();
    expect(c.seek).toHaveBeenLastCalledWith(7000);
    await userEvent.click(screen.getByRole('button', { name: 'Watch it happen' }));
    expect(c.seek).toHaveBeenLastCalledWith(4000);
    expect(c.play).toHaveBeenCalled();
  });

  it('checks a choice, and says which option was right', async () => {
    const c = engineController();
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'stampede', 1);
    await userEvent.click(screen.getByRole('radio', { name: 'Exactly one' }));
    await userEvent.click(screen.getByRole('button', { name: 'Check prediction' }));
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(/^You said “Exactly one”\./));
    expect(status.textContent).toContain('The answer was “Two to four”.');
  });

  it('says when a check fails, and drops an answer that arrives after the room moved on', async () => {
    const c = spyController();
    c.summariesAt.mockRejectedValueOnce(new Error('the engine stopped'));
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'stampede', 1);
    await userEvent.click(screen.getByRole('radio', { name: 'Exactly one' }));
    await userEvent.click(screen.getByRole('button', { name: 'Check prediction' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The check could not run: the engine stopped',
    );

    let answer: (s: Awaited<ReturnType<typeof summariesAt>>) => void = () => undefined;
    c.summariesAt.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await userEvent.click(screen.getByRole('button', { name: 'Check prediction' }));
    expect(screen.getByText('Running the step…')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const run = checkRun(stampede, 1)!;
    await act(async () => answer(summariesAt(run.scenario, checkTimes(run))));
    expect(store.getState().check).toEqual({ status: 'idle' });
    expect(panel().textContent).toContain('Step 3 of 5');
  });

  it('Finish on the last step remembers the lesson and closes it', async () => {
    const c = spyController();
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'why-cache', 2);
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(store.getState().lesson).toBeNull();
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!)).toEqual({ done: ['why-cache'] });
  });
});

describe('the presenter view', () => {
  it('Present turns it on; PageDown, PageUp and the arrows move between steps; Esc leaves', async () => {
    const c = spyController();
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'stampede', 0);
    // Outside the presenter view the keys are the app's own (the right arrow steps the simulation).
    await press('PageDown');
    expect(store.getState().lesson?.step).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Present' }));
    expect(store.getState().presenting).toBe(true);
    await press('PageDown');
    await press('ArrowRight');
    expect(store.getState().lesson?.step).toBe(2);
    await press('PageUp');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(store.getState().lesson?.step).toBe(0);
    await press('Escape');
    expect(store.getState().presenting).toBe(false);
    expect(screen.getByRole('button', { name: 'Present' })).toBeTruthy();
  });

  it('leaves the arrows to a focused radio button', async () => {
    const c = spyController();
    const { store } = renderWithApp(<Lessons />, c);
    await openStep(c, store, 'stampede', 1);
    act(() => store.getState().setPresenting(true));
    const radio = screen.getByRole('radio', { name: 'Exactly one' });
    radio.focus();
    await press('ArrowRight', radio);
    expect(store.getState().lesson?.step).toBe(1);
    await press('PageDown', radio);
    expect(store.getState().lesson?.step).toBe(2);
  });
});

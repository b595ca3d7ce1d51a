// @vitest-environment jsdom
import { summariesAt } from '../../src/engine/index.ts';
import { HostRoom } from '../../src/components/room/host/hostRoom.ts';
import { getLesson } from '../../src/lessons/curriculum/index.ts';
import { checkRun, checkTimes, judge, measureFigures } from '../../src/lessons/runner.ts';
import { HOST_KEY } from '../../src/room/storage.ts';
import { createLessonActions } from '../../src/runtime/lessonActions.ts';
import { getPreset } from '../../src/scenario/presets/index.ts';
import { formatFigure } from '../../src/lessons/figures.ts';
import { createAppStore, type AppStore } from '../../src/store/appStore.ts';
import { spyController } from '../components/controlsHarness.tsx';
import { joinRoom, startTestServer, type TestServer } from '../server/client.ts';

/**
 * The facilitator's end of a room against a real room server: it follows the app's lesson step,
 * reveals with the figures the engine measures for the step, and takes the room back after a reload.
 */

let t: TestServer;
let store: AppStore;
const stampede = getLesson('stampede')!;

function facilitator() {
  const controller = spyController();
  controller.summariesAt.mockImplementation((scenario, times) =>
    Promise.resolve(summariesAt(scenario, times)),
  );
  const lessons = createLessonActions(controller, store);
  return { room: new HostRoom(store, lessons, () => `${t.http}/`), lessons, controller };
}

/** Waits until the room's view says what `ok` asks (the server answers over a real socket). */
const until = (room: HostRoom, ok: (v: ReturnType<HostRoom['view']['getState']>) => boolean) =>
  new Promise<void>((resolve) => {
    if (ok(room.view.getState())) return resolve();
    const stop = room.view.subscribe((v) => ok(v) && (stop(), resolve()));
  });

beforeEach(async () => {
  localStorage.clear();
  t = await startTestServer();
  store = createAppStore(getPreset('baseline')!);
});
afterEach(async () => {
  await t.server.close();
});

describe('the facilitator’s room', () => {
  it('opens on the lesson step on screen, follows the lesson, and reveals what the engine measures', async () => {
    const { room, lessons } = facilitator();
    await lessons.open('stampede', 0);
    room.open();
    await until(room, (v) => v.state?.step?.key === 'stampede/0');
    const code = room.view.getState().code!;
    expect(JSON.parse(localStorage.getItem(HOST_KEY)!)).toMatchObject({ code });

    const p = await joinRoom(t.ws, code);
    p.client.send({ type: 'guess', guess: { value: 20 } });
    await until(room, (v) => v.tally?.answers === 1);

    await room.reveal();
    await until(room, (v) => v.state?.phase === 'revealed' && v.revealOpen);
    const reveal = room.view.getState().state!.reveal!;
    // The same figures the lesson's own check reads, from the same engine run.
    const run = checkRun(stampede, 0)!;
    const values = measureFigures(run, summariesAt(run.scenario, checkTimes(run)));
    expect(reveal.measuredValue).toBe(values.dbQueriesPerExpiry);
    expect(reveal.right).toBe(judge(stampede.steps[0]!.prediction!, { value: 20 }, values).correct ? 1 : 0);
    const seen = await p.client.next('state', (s) => s.phase === 'revealed');
    expect(seen.reveal).toEqual(reveal);
    // The app's metrics strip shows the revealed window, with the figure the explanation quotes.
    const shown = store.getState().stepWindow!;
    expect([shown.fromMs, shown.untilMs]).toEqual([run.fromMs, run.untilMs]);
    expect(shown.strip.find((f) => f.id === 'dbQueriesPerExpiry')?.value).toBe(
      formatFigure('dbQueriesPerExpiry', values.dbQueriesPerExpiry!),
    );

    room.next();
    await until(room, (v) => v.state?.step?.key === 'stampede/1' && !v.revealOpen);
    await p.client.next('state', (s) => s.step?.key === 'stampede/1');
  });

  it('takes its room back after a reload, and says so when the room is gone', async () => {
    const first = facilitator();
    await first.lessons.open('stampede', 2);
    first.room.open();
    await until(first.room, (v) => v.state?.step?.key === 'stampede/2');
    const code = first.room.view.getState().code;

    // The page reloads: a new HostRoom finds the room's token in localStorage.
    const again = facilitator();
    await until(again.room, (v) => v.code === code && v.state?.step?.key === 'stampede/2');

    again.room.end();
    await until(again.room, (v) => v.status === 'idle');
    expect(localStorage.getItem(HOST_KEY)).toBeNull();

    localStorage.setItem(HOST_KEY, JSON.stringify({ code, token: 'x'.repeat(43) }));
    const stale = facilitator();
    await until(stale.room, (v) => v.status === 'idle' && v.problem !== null);
    expect(stale.room.view.getState().problem).toMatch(/There is no room .* Open a new room\./);
  });
});

/* global document */
import lzString from 'lz-string';
import { assert, check, nowMs, openPage, setRange, shot } from '../harness.mjs';

/** The bypass: a light scenario whose first change sets ten million requests a second. */
const BYPASS_TITLE = 'A light run with a heavy change';
const bypass = lzString.compressToEncodedURIComponent(
  JSON.stringify({
    version: 1,
    title: BYPASS_TITLE,
    changes: [{ atMs: 0, path: 'workload.rps', value: 10_000_000 }],
  }),
);
const HOUR_TITLE = 'An hour at 100 requests a second';
const hour = lzString.compressToEncodedURIComponent(
  JSON.stringify({ version: 1, title: HOUR_TITLE, durationMs: 3_600_000, workload: { rps: 100 } }),
);

export default async function liveCostGuard() {
  await check('a link whose changes make it heavy asks first, in the app and in an embed', async () => {
    for (const path of [`#s=${bypass}`, `?embed=1#s=${bypass}`]) {
      const p = await openPage(path, { waitForPlay: false });
      const dialog = p.getByRole('alertdialog', { name: 'This scenario is heavy to simulate' });
      await dialog.waitFor();
      const text = await dialog.innerText();
      assert(text.includes(BYPASS_TITLE), `the dialog does not name the scenario: ${text.slice(0, 200)}`);
      assert(
        /About [\d.,]+ (billion|million) engine events/.test(text),
        `no estimate in: ${text.slice(0, 200)}`,
      );
      await p.context().close();
    }
  });

  await check(
    'a live change that would take the run past the budget asks first; Cancel keeps the run',
    async () => {
      const p = await openPage(`#s=${hour}`);
      await p.getByRole('button', { name: 'Play' }).click();
      await p.waitForFunction(
        () => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > 500,
      );
      await p.getByRole('tab', { name: 'Configure' }).click();
      const slider = p.getByRole('slider', { name: 'Requests per second', exact: true });
      const start = await slider.inputValue();
      const max = Number(await slider.getAttribute('max'));
      // A light change goes through at once.
      await setRange(slider, Number(start) + (max - Number(start)) * 0.1);
      const list = p.getByRole('region', { name: 'Live changes' });
      await list
        .getByText(/Requests per second/)
        .first()
        .waitFor();
      const listed = await list.innerText();
      // The slider dragged to its top: an hour at ten million requests a second.
      await setRange(slider, max);
      const dialog = p.getByRole('alertdialog', { name: 'This change makes the run heavy to simulate' });
      await dialog.waitFor();
      const text = await dialog.innerText();
      assert(text.includes('workload.rps'), `the dialog does not name the field: ${text.slice(0, 300)}`);
      assert(
        /About [\d.,]+ (billion|million) engine events/.test(text),
        `no estimate in: ${text.slice(0, 300)}`,
      );
      await shot(p, '16b-cost-live-change');
      const before = await nowMs(p);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      // The run goes on, without the change.
      await p.waitForFunction(
        (t) => Number(document.querySelector('[data-now-ms]')?.getAttribute('data-now-ms')) > t + 300,
        before,
      );
      const after = await list.innerText();
      assert(after === listed, `Cancel made the change anyway: "${after}" (was "${listed}")`);
      // Asked again, and made when the user says so.
      await setRange(slider, max);
      await dialog.waitFor();
      const was = await list.textContent();
      await dialog.getByRole('button', { name: 'Make the change anyway' }).click();
      await p.waitForFunction(
        (text) => document.querySelector('[aria-label="Live changes"]')?.textContent !== text,
        was,
      );
      await list.getByText(/→ 10M\/s/).waitFor();
      await p.context().close();
    },
  );
}

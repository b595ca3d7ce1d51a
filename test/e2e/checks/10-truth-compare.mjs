/* global document, window, MutationObserver */
import { assert, check, openPage, shot } from '../harness.mjs';

/**
 * Records, on every change of the page, both runs' clocks and whether the difference table or the
 * catching-up status shows: what a reader could have seen at any moment, not only at the end.
 */
const recordCompareStates = () => {
  window.__states = [];
  const note = () => {
    const sides = [...document.querySelectorAll('.compare-side')];
    if (sides.length < 2) return;
    const [a, b] = sides.map((e) => Number(e.getAttribute('data-now-ms')));
    const table = document.querySelector('.difference-table');
    const wait = document.querySelector('.difference-wrap.catching-up');
    const verdicts = [...document.querySelectorAll('.difference-table .verdict')].filter((v) =>
      /better|worse|same/.test(v.textContent),
    ).length;
    const veiled = sides.every((s) => s.classList.contains('waiting'));
    const last = window.__states.at(-1);
    const state = { a, b, table: table !== null, wait: wait?.textContent ?? null, verdicts, veiled };
    if (JSON.stringify(last) !== JSON.stringify(state)) window.__states.push(state);
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
};

export default async function truthCompare() {
  await check('a compare link with t= brings A and B to t before comparing; no verdict before', async () => {
    const p = await openPage('?preset=stampede&compare=stampede-single-flight&t=30000', {
      initScripts: [recordCompareStates],
    });
    await p
      .getByRole('table', { name: 'A and B after 30 s (same seed, same clock)' })
      .waitFor({ timeout: 90_000 });
    const states = await p.evaluate(() => window.__states);
    const last = states.at(-1);
    assert(last.a === 30_000 && last.b === 30_000, `clocks at the end: A ${last.a}, B ${last.b}`);
    assert(last.verdicts > 0 && !last.veiled, `the table at 30 s: ${JSON.stringify(last)}`);
    // At no moment did the table compare two different times, and while they differed it said so.
    const apart = states.filter((s) => Math.abs(s.a - s.b) > 50);
    const compared = apart.filter((s) => s.table || s.verdicts > 0);
    assert(
      compared.length === 0,
      `the table compared A and B at different times: ${JSON.stringify(compared[0])}`,
    );
    const silent = apart.filter((s) => !s.wait || !s.veiled);
    assert(silent.length === 0, `A and B apart without saying so: ${JSON.stringify(silent[0])}`);
    const b = await p
      .locator('.difference-table tr[data-figure="requests"] td[data-run="b"]')
      .getAttribute('data-value');
    assert(Number(b) > 0, `B's requests at 30 s: ${b}`);
    // The charts to check the table against: time charts with B over A, histograms A beside B.
    const charts = p.getByRole('region', { name: 'Charts of A and B' });
    const qps = charts.getByRole('figure', { name: 'Database queries per second' });
    await qps.locator('path[data-run="b"]').first().waitFor();
    const legend = await qps.locator('.chart-legend').innerText();
    assert(/Reads · A/.test(legend) && /Reads · B/.test(legend), `legend: ${legend}`);
    for (const run of ['A', 'B']) {
      const sides = charts.getByRole('region', { name: new RegExp(`, run ${run}$`) });
      const n = await sides.getByRole('figure').count();
      assert(n === 2, `run ${run} shows ${n} histograms, not 2 (stale ages and TTLs)`);
    }
    // Each histogram's A and B on one y scale, so their bars compare by eye: the same y ticks.
    for (const name of ['Staleness age', 'TTL distribution']) {
      const ticks = [];
      for (const run of ['A', 'B']) {
        const side = charts.getByRole('region', { name: new RegExp(`^${name}.*, run ${run}$`) });
        ticks.push((await side.locator('.axis-y .tick').allTextContents()).join(' '));
      }
      assert(ticks[0] === ticks[1], `${name}: A's y axis reads ${ticks[0]}, B's ${ticks[1]}`);
    }
    await shot(p, 'truth-compare-t30');
    await charts.scrollIntoViewIfNeeded();
    await shot(p, 'truth-compare-charts');
    await p.context().close();
  });
}

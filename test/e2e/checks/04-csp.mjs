/* global document, window, Worker, Blob */
import { assert, check, recordCspViolations, openPage, problems, seek, shot } from '../harness.mjs';

const violations = (page) => page.evaluate(() => window.__csp);

export default async function csp() {
  await check('the app runs under its CSP with no violation: load, play, seek, every tab', async () => {
    const p = await openPage('?preset=stampede', { initScripts: [recordCspViolations] });
    const meta = await p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(meta?.includes("script-src 'self'"), `no script-src 'self' in the CSP meta tag: ${meta}`);
    await p.getByRole('button', { name: 'Play' }).click();
    await p.waitForTimeout(800);
    await p.getByRole('button', { name: 'Pause' }).click();
    await seek(p, 12_000);
    for (const tab of ['Configure', 'Charts', 'Inspect']) {
      await p.getByRole('tab', { name: tab }).click();
      await p.waitForTimeout(300);
    }
    await shot(p, '11-csp-charts');
    const seen = await violations(p);
    assert(seen.length === 0, `CSP violations: ${seen.join('; ')}`);
    await p.context().close();
  });

  await check('the CSP is in force: inline script and eval are refused', async () => {
    const p = await openPage('', { initScripts: [recordCspViolations] });
    const inlineRan = await p.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      return window.__inlineRan === true;
    });
    assert(!inlineRan, 'an inline script ran');
    // Eval is tried by a script of this origin (code evaluated by the test driver is exempt from CSP).
    await p.evaluate(() => {
      const s = document.createElement('script');
      s.src = '/__e2e/try-eval.js';
      document.body.append(s);
    });
    await p.waitForFunction(() => window.__evalRefused || window.__evalRan, null, { timeout: 5000 });
    assert(await p.evaluate(() => window.__evalRefused === true), 'eval ran');
    await p.waitForFunction(() => window.__csp.length >= 2, null, { timeout: 5000 });
    const seen = await violations(p);
    assert(
      seen.some((v) => v.startsWith('script-src') && v.endsWith('inline')),
      `no inline violation: ${seen}`,
    );
    assert(
      seen.some((v) => v.endsWith('eval')),
      `no eval violation: ${seen.join('; ')}`,
    );
    // Chromium logs each refusal as a console error: here they are the point, not a problem of the app.
    await p.waitForTimeout(200);
    for (let i = problems.length - 1; i >= 0; i--) {
      if (/Content Security Policy/i.test(problems[i])) problems.splice(i, 1);
    }
    await p.context().close();
  });

  await check('a Web Worker loads under the CSP, by URL from this origin and from a blob:', async () => {
    const p = await openPage('', { initScripts: [recordCspViolations] });
    const answers = await p.evaluate(async () => {
      const ask = (worker) =>
        new Promise((resolve, reject) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
          worker.postMessage(21);
        });
      const byUrl = await ask(
        new Worker(new URL('/__e2e/echo-worker.js', document.baseURI), { type: 'module' }),
      );
      const code = 'self.onmessage = (e) => self.postMessage(e.data + 1);';
      const blob = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const byBlob = await ask(new Worker(blob));
      return { byUrl, byBlob };
    });
    assert(answers.byUrl === 42 && answers.byBlob === 22, `workers answered ${JSON.stringify(answers)}`);
    const seen = await violations(p);
    assert(seen.length === 0, `CSP violations: ${seen.join('; ')}`);
    await p.context().close();
  });
}

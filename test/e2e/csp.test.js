// @ts-check
/**
 * The drop-in under the demo server's strict Content-Security-Policy (script-src 'self',
 * style-src 'self', connect-src 'self' + the API, no inline anything): no violation and no
 * console error while loading, clicking, and coming back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, useE2E, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();
const BUTTON = 'outbound-app-button[app-id="google-contacts"]';

/** @param {import('playwright-core').Page} page */
const violations = (page) => page.evaluate(() => /** @type {any} */ (window).__cspHistory);

test('strict CSP: no securitypolicyviolation and no console error during load, click and return', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, consoleErrors, pageErrors } = await e2e.open(t, 'index.html?view=settings#apps');
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(String(csp), /script-src 'self'/, 'the page is served with the strict CSP');
  assert.doesNotMatch(String(csp), /unsafe-inline|unsafe-eval/);

  await e2e.signIn(page);
  await page.hover(BUTTON); // the on-demand chunks load under the CSP too
  await sleep(300);
  assert.deepEqual(await violations(page), [], 'violations while loading');

  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await sleep(300);
  assert.deepEqual(await violations(page), [], 'violations in this tab, from the first load to after the return');

  // The consent page is the emulator's, not ours: only what the host page printed counts.
  const ours = consoleErrors.filter((e) => e.pageUrl.startsWith(e2e.demoOrigin) || e.url.startsWith(e2e.demoOrigin));
  const all = consoleErrors.filter((e) => !ours.includes(e));
  assert.deepEqual(ours, [], 'console errors on the host page');
  assert.deepEqual(pageErrors, [], 'uncaught exceptions');
  if (all.length) t.diagnostic(`console errors on the emulator's pages (not counted): ${JSON.stringify(all)}`);
});

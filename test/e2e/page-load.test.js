// @ts-check
/**
 * What a page load costs when no return is pending: no request at all to the Descope API (with
 * several buttons, signed in or not), and of our bundle only the entry file; the connect code
 * and the SDK chunk are fetched on hover, still without calling the API.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sleep, useE2E, WAIT, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();
/** The budget lives in budgets.json with the size budgets. */
const { descopeRequestsOnPageLoad } = JSON.parse(readFileSync(new URL('../../budgets.json', import.meta.url), 'utf8'));
const SETTLE_MS = 500;

/**
 * Loads (or reloads) many.html and returns the emulator's log of requests made since just before.
 * @param {import('playwright-core').Page} page
 */
async function apiRequestsDuringLoad(page) {
  await sleep(20); // the log has millisecond times: earlier requests (sign-in) fall before `since`
  const since = Date.now();
  await e2e.goto(page, 'many.html');
  await sleep(SETTLE_MS);
  return e2e.requestsSince(since);
}

test('page load with several buttons and no pending return stays within the request budget (zero) to the Descope API (signed out and signed in)', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await e2e.open(t, null);
  const signedOut = await apiRequestsDuringLoad(page);
  assert.ok(signedOut.length <= descopeRequestsOnPageLoad, `requests to the API while loading signed out: ${JSON.stringify(signedOut)}`);
  assert.equal(await page.locator('outbound-app-button').count(), 5);

  await e2e.signIn(page); // the page's own SDK persists a session (localStorage DSR)
  const signedIn = await apiRequestsDuringLoad(page);
  assert.ok(signedIn.length <= descopeRequestsOnPageLoad, `requests to the API while loading signed in: ${JSON.stringify(signedIn)}`);
  const statuses = await page.$$eval('outbound-app-button', (els) => els.map((el) => el.getAttribute('status')));
  assert.deepEqual(statuses, ['idle', 'idle', 'idle', 'idle', 'idle']);
});

test('on load the browser fetches only the entry file of the bundle; hovering a button prefetches the on-demand and SDK chunks', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await e2e.open(t, null);
  /** @type {string[]} */
  const bundle = [];
  page.on('request', (request) => {
    const { origin, pathname } = new URL(request.url());
    if (origin === e2e.demoOrigin && pathname.startsWith('/dist/')) bundle.push(pathname);
  });
  const since = Date.now();
  await e2e.goto(page, 'many.html');
  await sleep(SETTLE_MS);
  assert.deepEqual(bundle, ['/dist/cdn/outbound-elements.js'], 'only the entry file before any interaction');

  const onDemand = page.waitForRequest(/\/dist\/cdn\/on-demand-[\w-]+\.js$/, { timeout: WAIT });
  const sdk = page.waitForRequest(/\/dist\/cdn\/descope-sdk-[\w-]+\.js$/, { timeout: WAIT });
  await page.hover('outbound-app-button[app-id="slack"]');
  await Promise.all([onDemand, sdk]);
  await sleep(SETTLE_MS);
  assert.equal(bundle.filter((p) => /\/on-demand-/.test(p)).length, 1, `on-demand chunk fetched once: ${bundle}`);
  assert.equal(bundle.filter((p) => /\/descope-sdk-/.test(p)).length, 1, `SDK chunk fetched once: ${bundle}`);
  assert.deepEqual(await e2e.requestsSince(since), [], 'prefetching makes no request to the API');
});

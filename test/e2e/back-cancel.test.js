// @ts-check
/**
 * Back from the consent page: `outbound-connect-cancel` and an idle button, never one stuck in
 * `connecting`, both when the page is loaded again and when Chromium restores it from the
 * back/forward cache.
 *
 * Playwright launches Chromium with --disable-back-forward-cache; this file's browser drops that
 * switch. The demo server sends `Cache-Control: no-store`, which keeps a page out of the bfcache
 * (Chromium: response-cache-control-no-store), so the first test gets an ordinary reload. The
 * second serves the same page without no-store (rewritten by a route, as most host pages are
 * served) and checks that the page really came from the bfcache (pageshow.persisted).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { events, pendingKeys, poll, sleep, useE2E, waitForStatus, WAIT, TEST_TIMEOUT } from './support.js';

const e2e = useE2E({ launch: { ignoreDefaultArgs: ['--disable-back-forward-cache'] } });
const BUTTON = 'outbound-app-button[app-id="google-contacts"]';
const RETURN_STATE = { view: 'settings', draft: 'half-written note' };

/** @param {import('playwright-core').Page} page */
function navigationInfo(page) {
  return page.evaluate(() => {
    const entry = /** @type {any} */ (performance.getEntriesByType('navigation')[0]);
    return {
      type: entry?.type,
      notRestoredReasons: entry?.notRestoredReasons ? JSON.stringify(entry.notRestoredReasons) : null,
      pageshows: /** @type {{ persisted: boolean }[]} */ (/** @type {any} */ (window).__pageshows),
    };
  });
}

/**
 * After the cancel: idle, nothing pending, and a second click reaches the consent page again.
 * @param {import('playwright-core').Page} page
 */
async function assertUsableAgain(page) {
  await waitForStatus(page, BUTTON, 'idle');
  await sleep(300); // room for a duplicate to show up
  const cancels = (await events(page)).filter((e) => e.type === 'outbound-connect-cancel' && e.via === 'document');
  assert.equal(cancels.length, 1, 'one cancel, reported once');
  assert.deepEqual(await pendingKeys(page), [], 'no pending record is left behind');
  await e2e.clickToConsent(page, BUTTON);
}

test('Back from the consent page (page loaded again) → outbound-connect-cancel, button idle', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await e2e.open(t, 'index.html?view=settings#apps');
  await e2e.signIn(page);
  await page.evaluate((value) => /** @type {any} */ (window).__fixture.setReturnState(value), RETURN_STATE);
  await e2e.clickToConsent(page, BUTTON);

  await page.goBack({ waitUntil: 'load', timeout: WAIT });
  const cancel = await e2e.waitForEvent(page, 'outbound-connect-cancel');
  assert.equal(cancel.target, 'outbound-app-button[google-contacts]');
  assert.equal(cancel.detail.appId, 'google-contacts');
  assert.deepEqual(cancel.detail.returnState, RETURN_STATE);

  const nav = await navigationInfo(page);
  assert.equal(nav.type, 'back_forward');
  assert.deepEqual(nav.pageshows.map((p) => p.persisted), [false], 'an ordinary load, not a bfcache restore');
  const types = (await events(page)).map((e) => e.type);
  assert.ok(!types.includes('outbound-connect-success') && !types.includes('outbound-connect-error'), `only a cancel: ${types}`);
  await assertUsableAgain(page);
});

test('Back from the consent page (restored from the back/forward cache) → outbound-connect-cancel, button idle', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await e2e.open(t, 'index.html?view=settings#apps', {
    // A page served from a route is a "public" address to Chromium's local network access
    // checks; the emulator is on loopback, so allow it as a user would.
    contextOptions: { permissions: ['local-network-access'] },
    setup: (context) => context.route((url) => url.pathname.endsWith('.html'), async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'cache-control': 'private, max-age=0' } });
    }),
  });
  await e2e.signIn(page);
  await page.evaluate((value) => /** @type {any} */ (window).__fixture.setReturnState(value), RETURN_STATE);
  await e2e.clickToConsent(page, BUTTON);

  // A bfcache restore fires no load event: wait for the commit, then for the pageshow.
  await page.goBack({ waitUntil: 'commit', timeout: WAIT });
  const pageshows = await poll(page, () => /** @type {any} */ (window).__pageshows, (p) => Array.isArray(p) && p.length > 0, 'pageshow');
  const nav = await navigationInfo(page);
  assert.ok(
    pageshows.some((/** @type {any} */ p) => p.persisted),
    `the page was not restored from the back/forward cache, so this test did not exercise it (navigation ${nav.type}, notRestoredReasons ${nav.notRestoredReasons})`,
  );

  const cancel = await e2e.waitForEvent(page, 'outbound-connect-cancel');
  assert.equal(cancel.target, 'outbound-app-button[google-contacts]');
  assert.equal(cancel.detail.appId, 'google-contacts');
  assert.deepEqual(cancel.detail.returnState, RETURN_STATE);
  await assertUsableAgain(page);
});

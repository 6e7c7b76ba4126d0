// @ts-check
/**
 * A return is recognised only by the tab that started that connection: a forged return URL, or
 * a real one replayed (in a new tab, in the same tab after use, in another browser profile),
 * never yields outbound-connect-success, and its marker is still cleaned from the URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { events, fixtureReady, locationOf, sleep, useE2E, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();
const BUTTON = 'outbound-app-button[app-id="google-contacts"]';
const QUIET_MS = 1500;

/**
 * Opens each URL in its page at the same time, waits 1.5 s once, then checks that none yielded a
 * success, that each URL was cleaned, and that no button shows connected.
 * @param {{ page: import('playwright-core').Page, url: string, what: string }[]} visits
 * @returns {Promise<{ href: string, search: string, hash: string }[]>} the cleaned locations
 */
async function assertIgnored(visits) {
  await Promise.all(visits.map(async ({ page, url }) => {
    await page.goto(url, { waitUntil: 'load' });
    await fixtureReady(page);
  }));
  await sleep(QUIET_MS);
  return Promise.all(visits.map(async ({ page, what }) => {
    const seen = await events(page);
    assert.ok(!seen.some((e) => e.type === 'outbound-connect-success'), `${what} yielded a success: ${JSON.stringify(seen)}`);
    const loc = await locationOf(page);
    assert.ok(!loc.href.includes('outbound-return'), `${what}: the marker was not cleaned from ${loc.href}`);
    assert.notEqual(await page.getAttribute(BUTTON, 'status'), 'connected', `${what}: the button shows connected`);
    return loc;
  }));
}

test('forged return (?outbound-return=<random>) in a fresh context → no success within 1.5 s, URL cleaned', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await e2e.open(t, 'index.html');
  await e2e.signIn(page); // a signed-in victim: the forged URL must still not count
  const { page: fresh } = await e2e.open(t, 'index.html'); // fresh context, never signed in
  const forged = () => randomBytes(16).toString('hex');
  const [loc] = await assertIgnored([
    { page, url: e2e.url(`index.html?view=settings&outbound-return=${forged()}#apps`), what: 'a forged return (signed-in page)' },
    { page: fresh, url: e2e.url(`index.html?view=settings&outbound-return=${forged()}`), what: 'a forged return (fresh context)' },
  ]);
  assert.equal(loc.search, '?view=settings', 'the host\'s own query is kept');
  assert.equal(loc.hash, '#apps', 'the host\'s own hash is kept');
});

test('replayed real return URL (new tab, same tab, other profile) → no success within 1.5 s, URL cleaned', { timeout: TEST_TIMEOUT }, async (t) => {
  const { context, page } = await e2e.open(t, 'index.html?view=settings');
  /** @type {string[]} */
  const returnUrls = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.url().startsWith(e2e.demoOrigin) && request.url().includes('outbound-return=')) {
      returnUrls.push(request.url());
    }
  });
  await e2e.signIn(page);
  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(returnUrls.length, 1, `the real return URL was seen once: ${returnUrls}`);
  const [returnUrl] = returnUrls;

  const { page: tab } = await e2e.newPage(context); // same profile and session, its own sessionStorage
  const { page: stranger } = await e2e.open(t, 'index.html'); // another profile
  const [loc] = await assertIgnored([
    { page: tab, url: returnUrl, what: 'a replay in a new tab' },
    { page, url: returnUrl, what: 'a replay in the tab that already used it' },
    { page: stranger, url: returnUrl, what: 'a replay in another browser profile' },
  ]);
  assert.equal(loc.search, '?view=settings', 'the host\'s own query is kept');
});

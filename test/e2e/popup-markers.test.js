// @ts-check
/**
 * Popup-return markers (`?outbound-return=…&outbound-popup=1`) are text any site can put in a
 * link. They must close only a popup of ours, and only once the page that opened it acknowledged
 * the nonce. A tab opened by another site (window.open, even with our window name, or a link) keeps
 * the page, loses the markers, and sees no outcome.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEMO_USER_ID, events, fixtureReady, locationOf, sleep, useE2E, TEST_TIMEOUT, WAIT } from './support.js';
import { answerInPopup, clickToPopup } from './popup-support.js';

const e2e = useE2E({
  launch: { ignoreDefaultArgs: ['--disable-popup-blocking'] },
  emulator: { consentOpenerPolicy: 'same-origin' },
});
const EVIL = 'https://evil.example';
/** How long a tab that is not ours is watched for closing itself. */
const QUIET_MS = 1500;

/**
 * A page of another site that opens the host page with forged markers, as `how` says.
 * @param {import('node:test').TestContext} t
 * @param {'window.open' | 'window.open with our window name' | 'a link'} how
 */
async function openFromAnotherSite(t, how) {
  const { context, page } = await e2e.open(t, null);
  await context.route(`${EVIL}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title><a id="go" target="_blank">go</a>' }));
  await page.goto(`${EVIL}/`);
  const target = e2e.url(`index.html?view=settings&outbound-return=${randomBytes(16).toString('hex')}&outbound-popup=1#apps`);
  const [tab] = await Promise.all([
    context.waitForEvent('page', { timeout: WAIT }),
    how === 'a link'
      ? page.evaluate((href) => { const a = /** @type {HTMLAnchorElement} */ (document.getElementById('go')); a.href = href; a.click(); }, target)
      : page.evaluate(([href, name]) => void window.open(href, name), [target, how === 'window.open' ? '_blank' : 'outbound-elements:google-contacts']),
  ]);
  await tab.waitForLoadState('load');
  return tab;
}

for (const how of /** @type {const} */ (['window.open', 'window.open with our window name', 'a link'])) {
  test(`a tab another site opened (${how}) with popup markers stays open, loses the markers, reports nothing`, { timeout: TEST_TIMEOUT }, async (t) => {
    const tab = await openFromAnotherSite(t, how);
    await fixtureReady(tab);
    await sleep(QUIET_MS);
    assert.equal(tab.isClosed(), false, 'the tab closed itself');
    const loc = await locationOf(tab);
    assert.equal(loc.search + loc.hash, '?view=settings#apps', 'markers removed, the host\'s query and hash kept');
    assert.deepEqual((await events(tab)).filter((e) => e.type !== 'outbound-connect-start'), [], 'no outcome reported');
    // The page still works as usual.
    assert.equal(await tab.getAttribute('outbound-app-button[app-id="google-contacts"]', 'status'), 'idle');
  });
}

test('a real popup whose opener relation and name a COOP provider cut still closes, once the opener acknowledged it', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'google-contacts');
  const { page, context } = await e2e.open(t, 'popup.html');
  await e2e.signIn(page);
  const popup = await clickToPopup(page, context, 'outbound-app-button#popup', e2e.apiOrigin);
  const seen = await popup.evaluate(() => ({ opener: window.opener === null ? null : 'set', name: window.name }));
  // Neither the opener nor the name can identify it: the mark its opener left in its sessionStorage does.
  assert.deepEqual(seen, { opener: null, name: '' }, 'what Chromium leaves a popup after a COOP page');
  await answerInPopup(popup, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
});

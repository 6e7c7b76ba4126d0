// @ts-check
/**
 * Popup mode against a provider whose consent page sends `Cross-Origin-Opener-Policy:
 * same-origin`, as some real providers do. Chromium then cuts the opener relation: the opener's
 * `popup.closed` reads true while the user is still on the consent page, and the popup, back on
 * our origin, has no `window.opener`. The result must still arrive (same-origin channel), and a
 * retry must not start a second connection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_USER_ID, events, sleep, useE2E, waitForStatus, TEST_TIMEOUT } from './support.js';
import { answerInPopup, clickToPopup, recordConnectCalls } from './popup-support.js';

const e2e = useE2E({
  launch: { ignoreDefaultArgs: ['--disable-popup-blocking'] },
  emulator: { consentOpenerPolicy: 'same-origin' },
});
const POPUP = 'outbound-app-button#popup';

test('consent page with COOP same-origin: Allow → success on the opener, popup closed', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'google-contacts');
  const { page, context } = await e2e.open(t, 'popup.html');
  await e2e.signIn(page);
  const popup = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  assert.equal(await popup.evaluate(() => window.opener === null), true, 'the consent page has no opener (COOP)');
  // What Chromium shows the opener: a popup that seems closed. The button says so…
  await e2e.waitForEvent(page, 'outbound-connect-cancel');
  await waitForStatus(page, POPUP, 'idle');

  // …but the user is still on the consent page, and their answer still counts.
  await answerInPopup(popup, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.target, 'outbound-app-button[google-contacts]');
  await waitForStatus(page, POPUP, 'connected');
  assert.equal((await e2e.connections(DEMO_USER_ID, 'google-contacts')).length, 1);
});

test('COOP: a retry after the false "closed" reuses the same consent page (no second connect call); the result arrives once', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context } = await e2e.open(t, 'popup.html');
  await e2e.signIn(page);
  const connectCalls = recordConnectCalls(context);
  const first = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  await e2e.waitForEvent(page, 'outbound-connect-cancel');

  const second = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  assert.equal(second.url(), first.url(), 'the same consent page');
  assert.equal(connectCalls.length, 1, 'no second connect call');
  await answerInPopup(second, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await waitForStatus(page, POPUP, 'connected');

  // The first popup's authorisation was answered in the second one: the provider says expired.
  await first.click('button[name=decision][value=allow]');
  await first.waitForLoadState();
  assert.match(await first.textContent('body') ?? '', /expired/i);
  const successes = (await events(page)).filter((e) => e.type === 'outbound-connect-success');
  assert.equal(successes.length, 1, 'one success');
});

test('COOP: two tabs connecting the same app at once each get their own result (same-origin channel, nonces apart)', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page: tabA, context } = await e2e.open(t, 'popup.html');
  await e2e.signIn(tabA);
  const { page: tabB } = await e2e.newPage(context);
  await e2e.goto(tabB, 'popup.html');
  const popupA = await clickToPopup(tabA, context, POPUP, e2e.apiOrigin);
  const popupB = await clickToPopup(tabB, context, POPUP, e2e.apiOrigin);

  await answerInPopup(popupB, 'allow');
  await e2e.waitForEvent(tabB, 'outbound-connect-success');
  await sleep(500);
  assert.ok(!(await events(tabA)).some((e) => e.type === 'outbound-connect-success'), 'tab A did not take tab B\'s result');

  await answerInPopup(popupA, 'deny');
  const error = await e2e.waitForEvent(tabA, 'outbound-connect-error');
  assert.equal(error.detail.code, 'provider-error');
  assert.equal((await events(tabB)).filter((e) => e.type === 'outbound-connect-error').length, 0, 'tab B did not take tab A\'s result');
});

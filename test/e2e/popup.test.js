// @ts-check
/**
 * Popup mode on the drop-in, in Chromium with its popup blocker on: the consent page opens in a
 * popup, the page stays where it is, and the popup reports back and closes itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_USER_ID, events, locationOf, sleep, useE2E, waitForStatus, TEST_TIMEOUT, WAIT } from './support.js';
import { answerInPopup, clickToPopup, recordConnectCalls, waitForFrameEvent } from './popup-support.js';

// Playwright turns Chromium's popup blocker off by default; these tests need the real one.
const e2e = useE2E({ launch: { ignoreDefaultArgs: ['--disable-popup-blocking'] } });
const POPUP = 'outbound-app-button#popup';
const STRICT = 'outbound-app-button#popup-strict';

/** @param {import('node:test').TestContext} t */
async function signedInPopupPage(t) {
  const opened = await e2e.open(t, 'popup.html?view=settings#apps');
  await e2e.signIn(opened.page);
  return { ...opened, connectCalls: recordConnectCalls(opened.context) };
}

test('Allow in the popup → success on the opener\'s button, popup closed, the page never left', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'google-contacts');
  const { page, context, connectCalls } = await signedInPopupPage(t);
  const before = await locationOf(page);
  const popup = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  await waitForStatus(page, POPUP, 'connecting');
  assert.match(connectCalls[0] ?? '', /[?&]outbound-return=[0-9a-f]{32}&outbound-popup=1$/, 'the redirect URL marks a popup return');
  assert.equal(await page.locator(`${POPUP} >> [part=cancel]`).count(), 1, 'a Cancel control is offered');

  // A second click on the busy button brings the popup back: no new window, no second call.
  let newPages = 0;
  context.on('page', () => newPages++);
  await page.click(POPUP);
  await sleep(300);
  assert.equal(newPages, 0, 'no second popup');
  assert.equal(connectCalls.length, 1, 'one connect call');

  await answerInPopup(popup, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.target, 'outbound-app-button[google-contacts]');
  assert.deepEqual(success.detail.scopes, ['https://www.googleapis.com/auth/contacts.readonly']);
  await waitForStatus(page, POPUP, 'connected');
  assert.deepEqual(await locationOf(page), before, 'the opener never navigated');
  assert.equal((await e2e.connections(DEMO_USER_ID, 'google-contacts')).length, 1, 'the connection is recorded');
  assert.ok(!(await events(page)).some((e) => e.type === 'outbound-connect-cancel'), 'no cancel on a normal success');
});

test('Deny in the popup → outbound-connect-error provider-error on the opener, popup closed', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context } = await signedInPopupPage(t);
  const popup = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  await answerInPopup(popup, 'deny');
  const error = await e2e.waitForEvent(page, 'outbound-connect-error');
  assert.equal(error.detail.code, 'provider-error');
  await waitForStatus(page, POPUP, 'error');
});

test('the user closes the popup → cancel and idle; a retry reopens the same consent page without a second connect call', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'google-contacts');
  const { page, context, connectCalls } = await signedInPopupPage(t);
  const popup = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  const consentUrl = popup.url();
  await popup.close();
  const cancel = await e2e.waitForEvent(page, 'outbound-connect-cancel');
  assert.equal(cancel.detail.appId, 'google-contacts');
  await waitForStatus(page, POPUP, 'idle');

  const again = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  assert.equal(again.url(), consentUrl, 'the same consent page (same nonce)');
  assert.equal(connectCalls.length, 1, 'no second connect call');
  await answerInPopup(again, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await waitForStatus(page, POPUP, 'connected');
});

test('the popup blocked (no user gesture) → popup-fallback redirect: the same tab goes to the consent page and back', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context } = await signedInPopupPage(t);
  let popups = 0;
  context.on('page', () => popups++);
  await Promise.all([
    page.waitForURL((u) => u.origin === e2e.apiOrigin && u.pathname.includes('/authorize'), { timeout: WAIT }),
    page.goto(e2e.url('popup.html?connect-on-load=%23popup')),
  ]);
  assert.equal(popups, 0, 'the popup blocker refused the popup');
  await e2e.answerConsent(page, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.target, 'outbound-app-button[google-contacts]');
});

test('the popup blocked with popup-fallback="error" → outbound-connect-error popup-blocked, the page stays', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, connectCalls } = await signedInPopupPage(t);
  await e2e.goto(page, 'popup.html?connect-on-load=%23popup-strict');
  const error = await e2e.waitForEvent(page, 'outbound-connect-error');
  assert.equal(error.detail.code, 'popup-blocked');
  assert.equal(error.target, 'outbound-app-button[slack]');
  await waitForStatus(page, STRICT, 'error');
  assert.equal(new URL(page.url()).origin, e2e.demoOrigin);
  assert.equal(connectCalls.length, 0, 'Descope was not called');
});

test('a page on another origin posting a fake result (even with the real nonce) is ignored', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context, connectCalls } = await signedInPopupPage(t);
  const popup = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  const nonce = new URL(connectCalls[0] ?? '').searchParams.get('outbound-return');
  // The consent page is on the emulator's origin and still has window.opener.
  const sent = await popup.evaluate((n) => {
    const message = { type: 'outbound-elements:popup-return', nonce: n };
    if (!window.opener) return false;
    window.opener.postMessage(message, '*');
    new BroadcastChannel('outbound-elements:popup-return').postMessage(message);
    return true;
  }, nonce);
  assert.equal(sent, true, 'the fake result was posted to the opener');
  await sleep(1000);
  assert.ok(!(await events(page)).some((e) => e.type === 'outbound-connect-success'), 'no success from a fake');
  assert.equal(await page.getAttribute(POPUP, 'status'), 'connecting');

  await answerInPopup(popup, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
});

test('mode="auto" inside an iframe connects in a popup, and the frame hears the success', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context } = await e2e.open(t, 'index.html');
  await e2e.signIn(page);
  // The frame's document comes from route.fulfill below, which Chromium counts as the public
  // address space: reaching the emulator on 127.0.0.1 then needs the local-network permission.
  await context.grantPermissions(['local-network-access'], { origin: e2e.demoOrigin });
  // The demo server forbids framing (frame-ancestors 'none'); this host allows its own frames.
  await context.route('**/auto.html*', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace("frame-ancestors 'none'", "frame-ancestors 'self'");
    await route.fulfill({ response, headers });
  });
  await page.goto(e2e.url('auto-frame.html'));
  const frame = page.frame({ url: /\/auto\.html/ });
  assert.ok(frame, 'the frame loaded');
  await frame.waitForSelector('outbound-app-button[status=idle]');
  const start = frame.evaluate(() => new Promise((resolve) => {
    document.addEventListener('outbound-connect-start', (e) => resolve(/** @type {CustomEvent} */ (e).detail.mode), { once: true });
  }));
  const popup = await clickToPopup(frame, context, '#auto', e2e.apiOrigin);
  assert.equal(await start, 'auto');
  assert.equal(new URL(page.url()).pathname, '/auto-frame.html', 'the top page stays');
  await answerInPopup(popup, 'allow');
  const success = await waitForFrameEvent(frame, 'outbound-connect-success');
  assert.equal(success.detail.appId, 'hubspot');
});

test('the shipped callback page as redirect-url: it relays the result and closes the popup', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context, connectCalls } = await signedInPopupPage(t);
  // The host serves dist/cdn/callback.html and callback.js from its own origin (here /dist/cdn/).
  await page.evaluate((url) => document.querySelector('outbound-app-button#popup')?.setAttribute('redirect-url', url), e2e.url('dist/cdn/callback.html'));
  /** @type {string[]} */
  const popupUrls = [];
  context.on('page', (p) => p.on('framenavigated', (f) => { if (f === p.mainFrame()) popupUrls.push(f.url()); }));
  const popup = await clickToPopup(page, context, POPUP, e2e.apiOrigin);
  assert.match(connectCalls[0] ?? '', /\/dist\/cdn\/callback\.html\?outbound-return=[0-9a-f]{32}&outbound-popup=1$/);
  await answerInPopup(popup, 'allow');
  assert.ok(popupUrls.some((u) => u.includes('/dist/cdn/callback.html')), `the popup came back to the callback page: ${popupUrls}`);
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await waitForStatus(page, POPUP, 'connected');
});

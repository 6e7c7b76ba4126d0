// @ts-check
/**
 * Passed-in token: a page without a persisted Descope session whose script gives the button a
 * refresh token (from the emulator's session hook); and the same page with no session at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_USER_ID, events, useE2E, waitForStatus, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();
const BUTTON = 'outbound-app-button[app-id="google-contacts"]';
const SCOPES = ['https://www.googleapis.com/auth/contacts.readonly', 'https://www.googleapis.com/auth/userinfo.email'];

/**
 * Nothing the elements wrote may hold the token: storage, the URL, the events.
 * @param {import('playwright-core').Page} page
 * @param {string} token
 */
async function assertTokenNotLeaked(page, token) {
  const written = await page.evaluate(() => JSON.stringify({
    local: { ...localStorage }, session: { ...sessionStorage }, url: location.href, cookies: document.cookie,
  }));
  assert.ok(!written.includes(token), 'the passed-in token was written to storage, a cookie or the URL');
  assert.ok(!JSON.stringify(await events(page)).includes(token), 'an event detail holds the token');
}

test('passed-in token (no persisted session): button.token = refreshJwt → connected, the connection belongs to that user', { timeout: TEST_TIMEOUT }, async (t) => {
  const session = await e2e.newSession();
  const { page } = await e2e.open(t, 'index.html');
  assert.equal(await page.evaluate(() => localStorage.getItem('DSR')), null, 'no persisted session on this page');
  await page.evaluate((token) => /** @type {any} */ (window).__fixture.setToken(token), session.refreshJwt);

  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.detail.appId, 'google-contacts');
  await waitForStatus(page, BUTTON, 'connected');

  const connections = await e2e.connections(session.user.userId, 'google-contacts');
  assert.equal(connections.length, 1, 'the connection belongs to the token\'s user');
  assert.deepEqual(connections[0].scopes, SCOPES);
  assert.deepEqual(await e2e.connections(DEMO_USER_ID, 'google-contacts'), [], 'and to no one else');
  await assertTokenNotLeaked(page, session.refreshJwt);
});

test('no session and no token → outbound-connect-error unauthenticated; the button stays usable and connects once given a token', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page } = await e2e.open(t, 'index.html');
  assert.equal(await page.evaluate(() => localStorage.getItem('DSR')), null);

  await page.click(BUTTON);
  const error = await e2e.waitForEvent(page, 'outbound-connect-error');
  assert.equal(error.target, 'outbound-app-button[google-contacts]');
  assert.equal(error.detail.appId, 'google-contacts');
  assert.equal(error.detail.code, 'unauthenticated');
  await waitForStatus(page, BUTTON, 'error');
  assert.equal(new URL(page.url()).origin, e2e.demoOrigin, 'the browser stayed on the page');
  assert.equal(await page.isDisabled(`${BUTTON} >> button`), false, 'the inner <button> is enabled');

  const session = await e2e.newSession();
  await page.evaluate((token) => /** @type {any} */ (window).__fixture.setToken(token), session.refreshJwt);
  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.detail.appId, 'google-contacts');
  await waitForStatus(page, BUTTON, 'connected');
  const connections = await e2e.connections(session.user.userId, 'google-contacts');
  assert.equal(connections.length, 1);
  await assertTokenNotLeaked(page, session.refreshJwt);
});

// @ts-check
/**
 * The drop-in's redirect round trip on a plain HTML page signed in through the page's own
 * Descope SDK: button → consent page (emulator origin) → Allow / Deny → back on the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_USER_ID, events, locationOf, pendingKeys, sleep, useE2E, waitForStatus, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();
const BUTTON = 'outbound-app-button[app-id="google-contacts"]';
const SCOPES = ['https://www.googleapis.com/auth/contacts.readonly', 'https://www.googleapis.com/auth/userinfo.email'];

test('drop-in: Allow → outbound-connect-success on the button, status connected, URL cleaned (host query and hash kept), connection recorded', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'google-contacts');
  const { page } = await e2e.open(t, 'index.html?view=settings#apps');
  await e2e.signIn(page);
  assert.equal(await page.getAttribute(BUTTON, 'status'), 'idle');

  await e2e.clickToConsent(page, BUTTON);
  const consentUrl = new URL(page.url());
  assert.equal(consentUrl.origin, e2e.apiOrigin, 'the consent page is on the emulator origin');
  assert.equal(consentUrl.pathname, '/emulator/provider/google-contacts/authorize');
  assert.deepEqual(consentUrl.searchParams.get('scope')?.split(' '), SCOPES, 'the provider is asked for the button\'s scopes');

  await e2e.answerConsent(page, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.target, 'outbound-app-button[google-contacts]', 'dispatched on the button with the same app-id');
  assert.equal(success.detail.appId, 'google-contacts');
  assert.deepEqual(success.detail.scopes, SCOPES);
  assert.equal(success.detail.returnState, undefined);
  await waitForStatus(page, BUTTON, 'connected');

  const loc = await locationOf(page);
  assert.ok(!loc.href.includes('outbound-return'), `URL still carries the return marker: ${loc.href}`);
  assert.equal(loc.pathname, '/index.html');
  assert.equal(loc.search, '?view=settings', 'the host\'s own query is kept');
  assert.equal(loc.hash, '#apps', 'the host\'s own hash is kept');
  assert.deepEqual(await pendingKeys(page), [], 'the pending record is consumed');

  const connections = await e2e.connections(DEMO_USER_ID, 'google-contacts');
  assert.equal(connections.length, 1, 'the emulator recorded the connection for the signed-in user');
  assert.deepEqual(connections[0].scopes, SCOPES);
  assert.equal(connections[0].userId, DEMO_USER_ID);
});

test('returnState set on the button survives the redirect and comes back in the success detail', { timeout: TEST_TIMEOUT }, async (t) => {
  const returnState = { view: 'settings', draft: { title: 'Quarterly report', items: [1, 2, 3], done: false }, note: 'ünïcödé ✓', nothing: null };
  const { page } = await e2e.open(t, 'index.html?view=settings#apps');
  await e2e.signIn(page);
  await page.evaluate((value) => /** @type {any} */ (window).__fixture.setReturnState(value), returnState);

  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.detail.appId, 'google-contacts');
  assert.deepEqual(success.detail.returnState, returnState);
});

test('a listener added in a DOMContentLoaded handler, and one in a later module script, still receive the success', { timeout: TEST_TIMEOUT }, async (t) => {
  // The later module script arrives 400 ms after the rest, as a large app bundle would: the
  // success must still wait for it (and for DOMContentLoaded), whatever the network's timing.
  const { page } = await e2e.open(t, 'late-listeners.html', {
    setup: (context) => context.route('**/late-module.js', async (route) => {
      await sleep(400);
      await route.continue();
    }),
  });
  await e2e.signIn(page);
  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');

  const seen = await e2e.waitForEvent(page, 'outbound-connect-success', { via: 'document' });
  assert.equal(seen.detail.appId, 'google-contacts');
  await sleep(300); // anything else would have arrived by now
  const all = await events(page);
  const summary = JSON.stringify(all.map(({ type, via, readyState, domContentLoaded }) => ({ type, via, readyState, domContentLoaded })));
  assert.equal(seen.domContentLoaded, true,
    `the success was dispatched before DOMContentLoaded (readyState "${seen.readyState}"), before the page's later scripts ran: ${summary}`);
  const fromDcl = all.find((e) => e.type === 'outbound-connect-success' && e.via === 'dcl-handler');
  assert.ok(fromDcl, `a listener added in a DOMContentLoaded handler missed the success: ${summary}`);
  assert.equal(fromDcl.target, 'outbound-app-button[google-contacts]');
  const fromLateModule = all.find((e) => e.type === 'outbound-connect-success' && e.via === 'late-module');
  assert.ok(fromLateModule, `a listener added by a later module script missed the success: ${summary}`);
  assert.deepEqual(fromLateModule.detail.scopes, ['https://www.googleapis.com/auth/contacts.readonly']);
  await waitForStatus(page, BUTTON, 'connected');
});

test('Deny on the consent page → outbound-connect-error code provider-error, status error', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'google-contacts');
  const { page } = await e2e.open(t, 'index.html?view=settings#apps');
  await e2e.signIn(page);
  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'deny');

  const error = await e2e.waitForEvent(page, 'outbound-connect-error');
  assert.equal(error.target, 'outbound-app-button[google-contacts]');
  assert.equal(error.detail.appId, 'google-contacts');
  assert.equal(error.detail.code, 'provider-error');
  assert.equal(typeof error.detail.message, 'string');
  await waitForStatus(page, BUTTON, 'error');
  const types = (await events(page)).map((e) => e.type);
  assert.ok(!types.includes('outbound-connect-success'), `no success after a denial: ${types}`);

  const loc = await locationOf(page);
  assert.ok(!loc.href.includes('outbound-return'), `URL still carries the return marker: ${loc.href}`);
  assert.ok(new URLSearchParams(loc.search).get('view') === 'settings', `host query lost: ${loc.href}`);
  assert.equal(loc.hash, '#apps');
  assert.deepEqual(await e2e.connections(DEMO_USER_ID, 'google-contacts'), [], 'no connection after a denial');
});

// @ts-check
/**
 * Headless <outbound-connect>: the host's own <button data-outbound-app-id> is the trigger, and
 * with no <outbound-app-button> on the page the return is reported on the <outbound-connect>.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_USER_ID, locationOf, useE2E, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();

test('headless <outbound-connect> + host <button data-outbound-app-id="slack">: click → consent → Allow → success on the <outbound-connect>', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID, 'slack');
  const { page } = await e2e.open(t, 'headless.html');
  assert.equal(await page.locator('outbound-app-button').count(), 0, 'the page has no <outbound-app-button>');
  await e2e.signIn(page);

  await e2e.clickToConsent(page, '#connect-slack');
  const consentUrl = new URL(page.url());
  assert.equal(consentUrl.pathname, '/emulator/provider/slack/authorize');
  assert.equal(consentUrl.searchParams.get('scope'), 'channels:read', 'data-outbound-scopes is what the provider is asked for');

  await e2e.answerConsent(page, 'allow');
  const success = await e2e.waitForEvent(page, 'outbound-connect-success');
  assert.equal(success.target, 'outbound-connect', 'dispatched on the <outbound-connect>');
  assert.equal(success.detail.appId, 'slack');
  assert.deepEqual(success.detail.scopes, ['channels:read']);

  // Before it left, the trigger was marked as connecting (recorded at outbound-connect-start and
  // kept in this tab's sessionStorage across the round trip).
  const history = await page.evaluate(() => /** @type {any} */ (window).__history);
  const start = history.find((/** @type {any} */ e) => e.type === 'outbound-connect-start' && e.via === 'document');
  assert.ok(start, `no outbound-connect-start before leaving: ${JSON.stringify(history)}`);
  assert.equal(start.target, 'outbound-connect');
  assert.equal(start.detail.appId, 'slack');
  assert.deepEqual(start.detail.scopes, ['channels:read']);
  assert.deepEqual(start.triggers, ['connecting'], 'the trigger carries data-outbound-status="connecting"');


  const loc = await locationOf(page);
  assert.ok(!loc.href.includes('outbound-return'), `URL still carries the return marker: ${loc.href}`);
  const connections = await e2e.connections(DEMO_USER_ID, 'slack');
  assert.equal(connections.length, 1);
  assert.deepEqual(connections[0].scopes, ['channels:read']);
});

// @ts-check
/**
 * The whole loop in a real browser, as `npm start` serves it: the demo page signs in, connects
 * Google Contacts through the drop-in button and the emulator's consent page, and its backend
 * half (node-sdk → management API → provider API) shows the contacts. Then the emulator's
 * token page refreshes and deletes that token with its buttons, under its strict CSP.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startEmulator } from '../../emulator/server.js';
import { startDemoServer } from '../../emulator/demo-server.js';
import { createDemoBackend } from '../../emulator/demo-backend.js';
import { DEMO_USER } from '../../emulator/store.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { DIST_DIR, TEST_TIMEOUT, WAIT, assertBuilt } from './support.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {Awaited<ReturnType<typeof startDemoServer>>} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  assertBuilt();
  emulator = await startEmulator({ port: 0 });
  const backend = await createDemoBackend({ apiBaseUrl: emulator.baseUrl, projectId: emulator.projectId, managementKey: emulator.managementKey });
  demo = await startDemoServer({ port: 0, apiBaseUrl: emulator.baseUrl, projectId: emulator.projectId, distDir: DIST_DIR, backend });
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, timeout: 15_000 });
});
after(async () => {
  await browser?.close().catch(() => undefined);
  await demo?.close();
  await emulator?.close();
});

/** Console messages about a CSP violation. @param {import('playwright-core').Page} page */
function watchCsp(page) {
  /** @type {string[]} */
  const violations = [];
  page.on('console', (msg) => { if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text()); });
  page.on('pageerror', (err) => violations.push(`page error: ${err.message}`));
  return violations;
}

test('connect → token → contacts on the demo page, then refresh and delete on the token page', { timeout: TEST_TIMEOUT }, async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const violations = watchCsp(page);
    await page.goto(demo.url);
    await page.locator('#contacts').waitFor({ state: 'visible' });
    await page.locator('#sign-in-button').click();
    await page.locator('#signed-in-panel').waitFor({ state: 'visible' });

    await page.locator('#apps outbound-app-button[app-id="google-contacts"] button').click();
    await page.waitForURL(/\/emulator\/provider\/google-contacts\/authorize/);
    await page.locator('button[value="allow"]').click();
    await page.waitForURL((url) => url.origin === new URL(demo.url).origin);

    await page.locator('#contacts-list li').first().waitFor();
    assert.equal(await page.locator('#contacts-list li').count(), 10);
    assert.match(await page.locator('#contacts-list li').first().innerText(), /Ada Lovelace\s+ada@example\.com/);
    assert.match(await page.locator('#contacts-status').innerText(), /10 contacts/);
    const [token] = emulator.store.listConnections({ userId: DEMO_USER.userId, appId: 'google-contacts' });
    assert.ok(!(await page.content()).includes(token.accessToken), 'the token never reaches the page');
    assert.deepEqual(violations, []);

    const tokens = await context.newPage();
    tokens.setDefaultTimeout(WAIT);
    const tokenViolations = watchCsp(tokens);
    await tokens.goto(`${emulator.baseUrl}/emulator/tokens?userId=${DEMO_USER.userId}`);
    const row = tokens.locator(`tr[data-token-id="${token.id}"]`);
    const before = token.accessToken;
    await row.getByRole('button', { name: /^Refresh/ }).click();
    await tokens.locator('#token-status', { hasText: 'refreshed' }).waitFor();
    assert.notEqual(emulator.store.getConnection(token.id)?.accessToken, before, 'a new access token');
    await tokens.locator(`tr[data-token-id="${token.id}"]`).getByRole('button', { name: /^Delete/ }).click();
    await tokens.locator('#token-status', { hasText: 'deleted' }).waitFor();
    await tokens.getByText('No tokens yet').waitFor();
    assert.equal(emulator.store.getConnection(token.id), undefined);
    assert.deepEqual(tokenViolations, []);

    await page.locator('#load-contacts').click();
    await page.locator('#contacts-status', { hasText: 'connect the app first' }).waitFor();
    assert.equal(await page.locator('#contacts-list li').count(), 0);
  } finally {
    await context.close();
  }
});

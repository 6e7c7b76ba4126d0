// @ts-check
/**
 * The emulator's token page in Chromium, as a person uses it: for a user token and a tenant
 * token alike, the values are masked until Reveal, Copy puts the exact value on the clipboard,
 * Refresh gives a new access token, Delete removes the row. Needs no build: the page is the
 * emulator's own. Servers on 127.0.0.1, ephemeral ports, everything closed in `after`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import DescopeClient from '@descope/node-sdk';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';
import { connectApp } from '../node/support/emulator-client.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

const WAIT = 10_000;

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {ReturnType<typeof DescopeClient>['management']['outboundApplication']} */
let outbound;

before(async () => {
  emulator = await startEmulator({ port: 0 });
  outbound = DescopeClient({ projectId: emulator.projectId, managementKey: DEFAULT_MANAGEMENT_KEY, baseUrl: emulator.baseUrl }).management.outboundApplication;
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, timeout: 15_000 });
});
after(async () => {
  await browser?.close().catch(() => undefined);
  await emulator?.close();
});

/** The stored token as a backend fetches it, values included. @param {'user' | 'tenant'} kind @param {string} who */
async function stored(kind, who) {
  const res = kind === 'user'
    ? await outbound.fetchToken('google-contacts', who, undefined, { withRefreshToken: true })
    : await outbound.fetchTenantToken('slack', who, { withRefreshToken: true });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  return /** @type {{ id: string, accessToken: string, refreshToken: string }} */ (/** @type {unknown} */ (res.data));
}

/** @param {import('node:test').TestContext} t */
async function openTokenPage(t, query = '') {
  const context = await browser.newContext();
  t.after(() => context.close().catch(() => undefined));
  context.setDefaultTimeout(WAIT);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: emulator.baseUrl });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.goto(`${emulator.baseUrl}/emulator/tokens${query}`, { waitUntil: 'load' });
  return { page, errors };
}

/** @param {import('playwright-core').Page} page @param {string} id @param {'access' | 'refresh'} which */
const secretCell = (page, id, which) => page.locator(`tr[data-token-id="${id}"] [data-secret="${which}"]`);

for (const kind of /** @type {const} */ (['user', 'tenant'])) {
  test(`a ${kind} token: masked until Reveal, Copy copies it, Refresh renews it, Delete removes it`, { timeout: 45_000 }, async (t) => {
    let who;
    if (kind === 'user') who = await connectApp(emulator, { loginId: `page-${kind}@example.com`, appId: 'google-contacts' });
    else {
      who = 'T-page';
      await connectApp(emulator, { loginId: 'page-admin@example.com', appId: 'slack', tenantId: who, tenantLevel: true });
    }
    const token = await stored(kind, who);
    const { page, errors } = await openTokenPage(t, `?appId=${kind === 'user' ? 'google-contacts' : 'slack'}`);
    const html = await page.content();
    assert.ok(!html.includes(token.accessToken) && !html.includes(token.refreshToken), 'no value in the page until asked');

    for (const [which, value] of /** @type {const} */ ([['access', token.accessToken], ['refresh', token.refreshToken]])) {
      const cell = secretCell(page, token.id, which);
      await assert.doesNotReject(cell.locator('code', { hasText: '••••' }).waitFor());
      const revealButton = cell.getByRole('button', { name: /^Reveal/ });
      await revealButton.click();
      await cell.locator('code', { hasText: value }).waitFor();
      assert.equal(await cell.locator('code').textContent(), value, `the ${which} token, exactly`);
      assert.equal(await revealButton.getAttribute('aria-pressed'), 'true');
      await revealButton.click(); // Hide
      await cell.locator('code', { hasText: '••••' }).waitFor();

      await cell.getByRole('button', { name: /^Copy/ }).click();
      await page.locator('#token-status', { hasText: 'copied' }).waitFor();
      // The status may still say "copied" from the previous Copy: wait for the clipboard itself.
      await page
        .waitForFunction(async (expected) => (await navigator.clipboard.readText()) === expected, value, { timeout: 5000 })
        .catch(() => undefined);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value, `Copy put the ${which} token on the clipboard`);
      assert.ok(!(await page.locator('#token-status').textContent())?.includes(value), 'the status never shows the value');
    }

    await page.locator(`tr[data-token-id="${token.id}"]`).getByRole('button', { name: /^Refresh/ }).click();
    await page.locator('#token-status', { hasText: `Token ${token.id} refreshed.` }).waitFor();
    const refreshed = await stored(kind, who);
    assert.notEqual(refreshed.accessToken, token.accessToken);
    const access = secretCell(page, token.id, 'access');
    await access.getByRole('button', { name: /^Reveal/ }).click();
    await access.locator('code', { hasText: refreshed.accessToken }).waitFor();

    await page.locator(`tr[data-token-id="${token.id}"]`).getByRole('button', { name: /^Delete/ }).click();
    await page.locator('#token-status', { hasText: `Token ${token.id} deleted.` }).waitFor();
    assert.equal(await page.locator(`tr[data-token-id="${token.id}"]`).count(), 0);
    assert.equal((await (kind === 'user' ? outbound.fetchToken('google-contacts', who) : outbound.fetchTenantToken('slack', who))).code, 404);
    assert.deepEqual(errors, []);
  });
}

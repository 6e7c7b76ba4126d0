// @ts-check
/**
 * The app catalog with the built drop-in: what a page load costs at the emulator for 1, 20 and
 * 200 catalog-fed buttons (cold and with the catalog in sessionStorage), the status after a real
 * connect round trip, another tab following along (BroadcastChannel), and Disconnect + refresh().
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_USER_ID, poll, sleep, transcriptOf, useE2E, waitForStatus, TEST_TIMEOUT, WAIT } from './support.js';

const e2e = useE2E();
const SETTLE_MS = 800;
const ENDPOINTS = ['/v1/mgmt/outbound/apps', '/v1/auth/me', '/v1/mgmt/outbound/apps-with-user-token'];

/**
 * GET requests per catalog endpoint at the emulator during one load of `path`: waits until the
 * `expected` ones have arrived (a loaded machine may take seconds for 200 elements), then a while
 * longer, so that a duplicate would be counted too.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {number[]} expected the least count per endpoint to wait for
 */
async function countsDuringLoad(page, path, expected) {
  await sleep(20);
  const since = Date.now();
  await e2e.goto(page, path);
  const count = async () => {
    const requests = (await e2e.requestsSince(since)).filter((r) => r.method === 'GET');
    return ENDPOINTS.map((endpoint) => requests.filter((r) => r.path === endpoint).length);
  };
  const deadline = Date.now() + WAIT;
  while ((await count()).some((n, i) => n < (expected[i] ?? 0)) && Date.now() < deadline) await sleep(100);
  await sleep(SETTLE_MS);
  const counts = await count();
  return Object.fromEntries(ENDPOINTS.map((endpoint, i) => [endpoint, counts[i]]));
}

/** The list's rows as the user sees them. @param {import('playwright-core').Page} page */
function listRows(page) {
  return page.evaluate(() => {
    const list = document.querySelector('outbound-app-list');
    return [...(list?.shadowRoot?.querySelectorAll('li[part="item"]') ?? [])].map((li) => ({
      id: li.getAttribute('data-app-id'),
      status: li.querySelector('[part="status"]')?.textContent ?? null,
    }));
  });
}

/** @param {import('playwright-core').Page} page @param {string} appId @param {string} status */
function waitForRow(page, appId, status) {
  return poll(
    page,
    ([id]) => document.querySelector('outbound-app-list')?.shadowRoot?.querySelector(`li[data-app-id="${id}"] [part="status"]`)?.textContent,
    (text) => text === status,
    `the ${appId} row to say ${status}`,
    [appId],
  );
}

test('request counts at the emulator for 1, 20 and 200 catalog-fed check-status buttons: one per endpoint (cold), none for the catalog once stored', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
  const { page, consoleErrors } = await e2e.open(t, 'catalog-many.html?n=1');
  await e2e.signIn(page);
  /** @type {Record<string, unknown>} */
  const table = {};
  for (const n of [1, 20, 200]) {
    await page.evaluate(() => sessionStorage.clear());
    const cold = await countsDuringLoad(page, `catalog-many.html?n=${n}`, [1, 1, 1]);
    // Every button shows its logo and name from the catalog (none was given one).
    const shown = await poll(
      page,
      () => [...document.querySelectorAll('outbound-app-button')].map((el) => ({
        logo: el.shadowRoot?.querySelector('[part="logo"] img')?.getAttribute('src') ?? null,
        label: el.shadowRoot?.querySelector('[part="label"] slot')?.textContent?.trim(),
      })),
      (buttons) => buttons.length === n && buttons.every((b) => b.logo),
      `${n} buttons with catalog logos`,
    );
    assert.match(shown[0]?.logo ?? '', /\/emulator\/logos\/google-contacts\.svg$/);
    if (n > 2) assert.equal(shown[2]?.label, 'Connect HubSpot', 'the catalog name, not the readable app ID ("Hubspot")');
    const warm = await countsDuringLoad(page, `catalog-many.html?n=${n}`, [0, 1, 1]);
    table[`${n} button(s), first load`] = cold;
    table[`${n} button(s), reload`] = warm;
    assert.deepEqual(Object.values(cold), [1, 1, 1], `${n} buttons, cold: ${JSON.stringify(cold)}`);
    assert.deepEqual(Object.values(warm), [0, 1, 1], `${n} buttons, catalog in sessionStorage: ${JSON.stringify(warm)}\n${transcriptOf(page)}`);
  }
  await page.evaluate(() => sessionStorage.clear());
  const withList = await countsDuringLoad(page, 'catalog-many.html?n=200&list', [1, 1, 1]);
  table['200 buttons + a list, first load'] = withList;
  assert.deepEqual(Object.values(withList), [1, 1, 1]);
  t.diagnostic(`GET requests per endpoint (${ENDPOINTS.join(', ')}): ${JSON.stringify(table)}`);
  assert.deepEqual(consoleErrors, []);
});

test('signed out: catalog-fed buttons and a list make no request at all', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, consoleErrors } = await e2e.open(t, null);
  await sleep(20); // the log has millisecond times
  const since = Date.now();
  await e2e.goto(page, 'catalog-many.html?n=20&list');
  await sleep(SETTLE_MS);
  // Any request to the emulator, not only the three catalog endpoints.
  assert.deepEqual(await e2e.requestsSince(since), []);
  assert.deepEqual(consoleErrors, []);
});

test('signed out: catalog-fed buttons load nothing but the entry file; signed in, they load the catalog code and show the names', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, consoleErrors } = await e2e.open(t, null);
  /** @type {string[]} */
  const bundle = [];
  page.on('request', (request) => {
    const { origin, pathname } = new URL(request.url());
    if (origin === e2e.demoOrigin && pathname.startsWith('/dist/')) bundle.push(pathname);
  });
  await e2e.goto(page, 'catalog-many.html?n=20');
  await sleep(SETTLE_MS);
  assert.deepEqual(bundle, ['/dist/cdn/outbound-elements.js'], 'a signed-out visitor does not download the catalog code');

  await e2e.signIn(page);
  bundle.length = 0;
  await e2e.goto(page, 'catalog-many.html?n=20');
  await poll(
    page,
    () => document.querySelector('outbound-app-button[app-id="hubspot"]')?.shadowRoot?.querySelector('[part="label"]')?.textContent?.trim(),
    (text) => text === 'Connect HubSpot',
    'the catalog name on the HubSpot button',
  );
  assert.ok(bundle.some((path) => /\/on-demand-[\w-]+\.js$/.test(path)), `signed in, the catalog code loads: ${bundle}`);
  assert.deepEqual(consoleErrors, []);
});

test('status after a real connect round trip: the list and the buttons show Connected; Disconnect + refresh() shows it gone', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID);
  const { page, consoleErrors } = await e2e.open(t, 'catalog.html');
  await e2e.signIn(page);
  await e2e.goto(page, 'catalog.html');
  await waitForRow(page, 'slack', 'Not connected');
  assert.deepEqual((await listRows(page)).map((r) => r.id), ['github', 'google-contacts', 'hubspot', 'notion', 'slack']);
  assert.equal(await page.getAttribute('outbound-app-button[app-id="slack"]', 'status'), 'idle');

  // Connect Slack from the list's row (a real round trip through the emulator's consent page).
  await e2e.clickToConsent(page, 'outbound-app-list >> button[aria-label="Connect Slack"]');
  await e2e.answerConsent(page, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await waitForRow(page, 'slack', 'Connected');
  await waitForStatus(page, 'outbound-app-button[app-id="slack"]', 'connected');
  assert.equal(await page.getAttribute('outbound-app-button[app-id="github"]', 'status'), 'idle');
  assert.equal(await page.locator('outbound-app-list >> button[aria-label="Reconnect Slack"]').count(), 1);

  // Disconnect: the host hears the event, removes the tokens on its backend, then refresh().
  await page.evaluate(() => {
    document.addEventListener('outbound-disconnect', (e) => {
      document.body.dataset.disconnect = /** @type {CustomEvent} */ (e).detail.appId;
    });
  });
  await page.click('outbound-app-list >> button[aria-label="Disconnect Slack"]');
  await poll(page, () => document.body.dataset.disconnect, (v) => v === 'slack', 'the outbound-disconnect event');
  await e2e.deleteConnections(DEMO_USER_ID, 'slack');
  await page.evaluate(() => /** @type {any} */ (document.querySelector('outbound-app-list')).refresh());
  await waitForRow(page, 'slack', 'Not connected');
  await waitForStatus(page, 'outbound-app-button[app-id="slack"]', 'idle');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__cspHistory), [], 'no CSP violation under the strict policy');
});

test('another tab of the same origin follows along: a connection made in tab A shows in tab B without a reload (BroadcastChannel)', { timeout: TEST_TIMEOUT }, async (t) => {
  await e2e.deleteConnections(DEMO_USER_ID);
  const a = await e2e.open(t, 'catalog.html');
  await e2e.signIn(a.page);
  const b = await e2e.newPage(a.context);
  await e2e.goto(b.page, 'catalog.html');
  await waitForRow(b.page, 'github', 'Not connected');

  await e2e.goto(a.page, 'catalog.html');
  await e2e.clickToConsent(a.page, 'outbound-app-button[app-id="github"]');
  await e2e.answerConsent(a.page, 'allow');
  await waitForStatus(a.page, 'outbound-app-button[app-id="github"]', 'connected');

  await waitForRow(b.page, 'github', 'Connected');
  await waitForStatus(b.page, 'outbound-app-button[app-id="github"]', 'connected');
  assert.deepEqual([...a.consoleErrors, ...b.consoleErrors], []);
});

// @ts-check
/**
 * The drop-in under the demo server's strict Content-Security-Policy (script-src 'self',
 * style-src 'self', connect-src 'self' + the API, no inline anything): no violation and no
 * console error while loading, clicking, and coming back. Then under the policy docs/security.md
 * documents, Trusted Types included, for a redirect and two popup round trips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { fixtureReady, sleep, useE2E, TEST_TIMEOUT } from './support.js';
import { answerInPopup, clickToPopup } from './popup-support.js';

// Popups must open from a click, as in a real browser (Playwright disables the blocker by default).
const e2e = useE2E({ launch: { ignoreDefaultArgs: ['--disable-popup-blocking'] } });
const BUTTON = 'outbound-app-button[app-id="google-contacts"]';

/** @param {import('playwright-core').Page} page */
const violations = (page) => page.evaluate(() => /** @type {any} */ (window).__cspHistory);

test('strict CSP: no securitypolicyviolation and no console error during load, click and return', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, consoleErrors, pageErrors } = await e2e.open(t, 'index.html?view=settings#apps');
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(String(csp), /script-src 'self'/, 'the page is served with the strict CSP');
  assert.doesNotMatch(String(csp), /unsafe-inline|unsafe-eval/);

  await e2e.signIn(page);
  await page.hover(BUTTON); // the on-demand chunks load under the CSP too
  await sleep(300);
  assert.deepEqual(await violations(page), [], 'violations while loading');

  await e2e.clickToConsent(page, BUTTON);
  await e2e.answerConsent(page, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await sleep(300);
  assert.deepEqual(await violations(page), [], 'violations in this tab, from the first load to after the return');

  // The consent page is the emulator's, not ours: only what the host page printed counts.
  const ours = consoleErrors.filter((e) => e.pageUrl.startsWith(e2e.demoOrigin) || e.url.startsWith(e2e.demoOrigin));
  const all = consoleErrors.filter((e) => !ours.includes(e));
  assert.deepEqual(ours, [], 'console errors on the host page');
  assert.deepEqual(pageErrors, [], 'uncaught exceptions');
  if (all.length) t.diagnostic(`console errors on the emulator's pages (not counted): ${JSON.stringify(all)}`);
});

// ---------------------------------------------------------------------------------------------
// The policy docs/security.md documents, Trusted Types included, enforced exactly (one source:
// the test reads it from the doc) on every page of the demo origin: host pages, the popup and
// the shipped callback page.

const DOC = new URL('../../docs/security.md', import.meta.url);

/**
 * The documented policy, with Descope's API origin replaced by the emulator's.
 * @param {string} apiOrigin
 */
async function documentedPolicy(apiOrigin) {
  const text = await readFile(DOC, 'utf8');
  const block = /```http\nContent-Security-Policy:\n([\s\S]*?)```/.exec(text)?.[1];
  assert.ok(block, 'docs/security.md has a Content-Security-Policy block');
  // The emulator also serves its catalog's logos from its own (http:) origin, where Descope's come
  // over https: (which the policy's img-src allows): the emulator's origin joins img-src too.
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .replaceAll('https://api.descope.com', apiOrigin)
    .replace(/img-src ([^;]*);/, `img-src $1 ${apiOrigin};`);
}

/**
 * A front for the demo server that serves its pages with exactly `policy` instead of the demo's
 * own. A real server on loopback rather than Playwright's request interception: a page fulfilled
 * by interception counts as public to Chromium's Local Network Access checks, which then refuse
 * its calls to the emulator on 127.0.0.1.
 * @param {import('node:test').TestContext} t
 * @param {string} policy
 * @returns {Promise<string>} the front's origin (http://localhost:<port>)
 */
async function serveWithPolicy(t, policy) {
  const upstream = new URL(e2e.demoUrl);
  const server = createServer((req, res) => {
    const forward = request({ host: '127.0.0.1', port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const headers = { ...answer.headers };
      if (String(headers['content-type'] ?? '').startsWith('text/html')) headers['content-security-policy'] = policy;
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  t.after(() => new Promise((resolve) => { server.close(() => resolve(undefined)); server.closeAllConnections(); }));
  return `http://localhost:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
}

/**
 * A fresh context that reports every securitypolicyviolation of every page in it (the popup
 * included, which closes before it could be asked) to `violations`.
 * @param {import('node:test').TestContext} t
 */
async function watchedForViolations(t) {
  /** @type {string[]} */
  const violations = [];
  const opened = await e2e.open(t, null, {
    setup: async (context) => {
      // Injected by the browser's debugging protocol: not subject to the page's policy.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`csp-violation ${JSON.stringify({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, page: location.href })}`);
        });
      });
      context.on('console', (message) => {
        if (message.text().startsWith('csp-violation ')) violations.push(message.text().slice('csp-violation '.length));
      });
    },
  });
  return { ...opened, violations };
}

/** @param {import('playwright-core').Page} page @param {string} url */
async function visit(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await fixtureReady(page);
}

/** @param {import('playwright-core').Page} page */
const enforcedPolicy = (page) => page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));

/** @param {import('playwright-core').Page} page @param {string} selector */
const rendered = (page, selector) => page.$eval(selector, (el) => !!el.shadowRoot?.querySelector('[part~="button"]'));

test('the documented CSP with Trusted Types: a redirect round trip, 0 violations', { timeout: TEST_TIMEOUT }, async (t) => {
  const policy = await documentedPolicy(e2e.apiOrigin);
  assert.match(policy, /require-trusted-types-for 'script'; trusted-types lit-html/);
  const origin = await serveWithPolicy(t, policy);
  const { page, violations, pageErrors } = await watchedForViolations(t);
  await visit(page, `${origin}/index.html?view=settings#apps`);
  assert.equal(await enforcedPolicy(page), policy, 'the page runs under exactly the documented policy');
  assert.equal(await rendered(page, BUTTON), true, 'the button rendered (Lit\'s Trusted Types policy was allowed)');

  await e2e.signIn(page);
  await page.hover(BUTTON);
  await e2e.clickToConsent(page, BUTTON);
  await Promise.all([
    page.waitForURL((u) => u.origin === origin, { waitUntil: 'load' }),
    page.click('button[name=decision][value=allow]'),
  ]);
  await fixtureReady(page);
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await sleep(300);
  assert.deepEqual(violations, [], 'violations on the host page, there and back');
  assert.deepEqual(pageErrors, [], 'uncaught exceptions');

  // The policy is really enforced: a DOM XSS sink refuses a plain string.
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'accepted';
    } catch {
      return 'refused';
    }
  });
  assert.equal(sink, 'refused', 'Trusted Types are enforced');
});

for (const [what, redirect] of /** @type {const} */ ([['the host page', null], ['the shipped callback page', 'dist/cdn/callback.html']])) {
  test(`the documented CSP with Trusted Types: a popup round trip back to ${what}, 0 violations`, { timeout: TEST_TIMEOUT }, async (t) => {
    const policy = await documentedPolicy(e2e.apiOrigin);
    const origin = await serveWithPolicy(t, policy);
    const { page, context, violations, pageErrors } = await watchedForViolations(t);
    await visit(page, `${origin}/popup.html`);
    assert.equal(await enforcedPolicy(page), policy);
    assert.equal(await rendered(page, 'outbound-app-button#popup'), true);
    await e2e.signIn(page);
    if (redirect) await page.evaluate((url) => document.querySelector('outbound-app-button#popup')?.setAttribute('redirect-url', url), `${origin}/${redirect}`);
    /** @type {string[]} */
    const popupPages = [];
    context.on('page', (p) => p.on('framenavigated', (f) => { if (f === p.mainFrame()) popupPages.push(f.url()); }));
    const popup = await clickToPopup(page, context, 'outbound-app-button#popup', e2e.apiOrigin);
    await answerInPopup(popup, 'allow');
    await e2e.waitForEvent(page, 'outbound-connect-success');
    await sleep(300);
    if (redirect) assert.ok(popupPages.some((u) => u.includes(redirect)), `the popup came back to ${redirect}: ${popupPages}`);
    assert.deepEqual(violations, [], 'violations on the host page, in the popup and on its return page');
    assert.deepEqual(pageErrors, [], 'uncaught exceptions');
  });
}

// @ts-check
/**
 * The README's first snippet, as a user pastes it: its first ```html block, verbatim, served as
 * the whole page on http://localhost:<ephemeral port>/, with the emulator running. The page signs
 * in through its own @descope/web-js-sdk and connects an app: click → consent → Allow → back →
 * `connected`, and the page's own success listener ran.
 *
 * The only things not taken as they are:
 * - the two CDN URLs the snippet imports are answered by the browser's request routing: the
 *   drop-in URL (and the chunks it loads next to it) from this build's dist/cdn/, and the SDK's
 *   esm.sh URL with the installed @descope/web-js-sdk bundled into one ES module by rollup;
 * - the emulator listens on the snippet's 4510 when that port is free; when it is taken (an
 *   `npm start` running), on a free port, and the page's `http://127.0.0.1:4510` is rewritten to it.
 * Every other request off the machine is refused, so the page cannot reach the real CDNs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { startEmulator } from '../../emulator/server.js';
import { DEMO_USER } from '../../emulator/store.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { DIST_DIR, TEST_TIMEOUT, WAIT, assertBuilt, poll, waitForStatus } from './support.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const DROP_IN_BASE = 'https://unpkg.com/outbound-elements/dist/cdn/';
const SDK_URL = 'https://esm.sh/@descope/web-js-sdk@1';
const SNIPPET_API = 'http://127.0.0.1:4510';

/** The first ```html block of the README, verbatim. @param {string} markdown */
function firstHtmlBlock(markdown) {
  const match = /^```html\n([\s\S]*?)^```$/m.exec(markdown);
  if (!match) throw new Error('README.md has no ```html block');
  return match[1];
}

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {import('node:http').Server} */
let site;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {string} */
let pageHtml;
/** @type {string} */
let sdkModule;
/** @type {string} */
let pageUrl;

before(async () => {
  assertBuilt();
  const snippet = firstHtmlBlock(await readFile(README, 'utf8'));
  assert.ok(snippet.includes(DROP_IN_BASE), `the first snippet loads the drop-in from ${DROP_IN_BASE}`);
  assert.ok(snippet.includes(SDK_URL), `the first snippet loads the SDK from ${SDK_URL}`);
  assert.ok(snippet.includes(SNIPPET_API), `the first snippet names the emulator at ${SNIPPET_API}`);

  emulator = await startEmulator({ port: 4510, quiet: true }).catch(() => startEmulator({ port: 0, quiet: true }));
  pageHtml = snippet.replaceAll(SNIPPET_API, emulator.baseUrl.replace(/\/$/, ''));

  const bundle = await rollup({
    input: fileURLToPath(import.meta.resolve('@descope/web-js-sdk')),
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] })],
    onwarn: () => undefined,
  });
  sdkModule = (await bundle.generate({ format: 'es' })).output[0].code;
  await bundle.close();

  site = createServer((req, res) => {
    res.writeHead(req.url === '/' || req.url?.startsWith('/?') ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' || req.url?.startsWith('/?') ? pageHtml : 'not found');
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(undefined)));
  pageUrl = `http://localhost:${/** @type {import('node:net').AddressInfo} */ (site.address()).port}/`;

  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, timeout: 15_000 });
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await new Promise((resolve) => (site ? site.close(() => resolve(undefined)) : resolve(undefined)));
  await emulator?.close();
});

/** A dist/cdn/ file for a drop-in URL, or null. @param {string} url */
async function dropInFile(url) {
  const name = normalize(decodeURIComponent(new URL(url).pathname.slice(new URL(DROP_IN_BASE).pathname.length)));
  if (name.startsWith('..') || name.includes(sep)) return null;
  return readFile(join(DIST_DIR, 'cdn', name)).catch(() => null);
}

test('the README\'s first snippet, pasted into an empty page, signs in and connects an app', { timeout: TEST_TIMEOUT }, async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close().catch(() => undefined));
  context.setDefaultTimeout(WAIT);
  /** @type {string[]} */
  const refused = [];
  /** @type {string[]} */
  const problems = [];
  const local = (/** @type {string} */ url) => ['localhost', '127.0.0.1'].includes(new URL(url).hostname);
  // Later routes win: first refuse everything off the machine, then answer the two CDN URLs.
  await context.route((url) => !local(url.href), (route) => {
    refused.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.route(SDK_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'Access-Control-Allow-Origin': '*' }, body: sdkModule }));
  await context.route(`${DROP_IN_BASE}**`, async (route) => {
    const body = await dropInFile(route.request().url());
    if (!body) return route.fulfill({ status: 404, body: 'not in dist/cdn/' });
    const type = extname(new URL(route.request().url()).pathname) === '.js' ? 'text/javascript' : 'text/html';
    return route.fulfill({ status: 200, contentType: type, headers: { 'Access-Control-Allow-Origin': '*' }, body });
  });

  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`); });
  const since = Date.now();
  await page.goto(pageUrl, { waitUntil: 'load' });

  // Signed in the way a user is: the page's own SDK called the password sign-in and persisted the session.
  await poll(page, () => localStorage.getItem('DSR'), Boolean, 'the session the page\'s SDK persists (localStorage DSR)')
    .catch((err) => { throw new Error(`${err.message}\n${problems.join('\n')}\nrefused: ${refused.join(', ')}`); });
  const signIns = (await (await fetch(`${emulator.baseUrl}/emulator/requests?since=${since}`)).json()).requests
    .filter((/** @type {{ method: string, path: string }} */ r) => r.method === 'POST' && r.path.startsWith('/v1/auth/password/signin'));
  assert.equal(signIns.length, 1, 'the page signed in once, with POST /v1/auth/password/signin');

  const button = 'outbound-app-button[app-id="google-contacts"]';
  assert.equal(await page.getAttribute(button, 'status'), 'idle');
  const apiOrigin = new URL(emulator.baseUrl).origin;
  await Promise.all([
    page.waitForURL((u) => u.origin === apiOrigin && u.pathname.endsWith('/authorize')),
    page.click(button),
  ]).catch((err) => { throw new Error(`no consent page after the click: ${err.message}\n${problems.join('\n')}`); });

  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(pageUrl), { waitUntil: 'load' }),
    page.click('button[name=decision][value=allow]'),
  ]);
  await waitForStatus(page, button, 'connected');
  await poll(page, () => document.querySelector('output')?.textContent, (text) => text === 'google-contacts connected',
    'the page\'s own outbound-connect-success listener');
  assert.equal(new URL(page.url()).search, '', 'the return marker is cleaned from the URL');

  const connections = (await (await fetch(`${emulator.baseUrl}/emulator/connections?userId=${DEMO_USER.userId}&appId=google-contacts`)).json()).connections;
  assert.equal(connections.length, 1, 'the emulator holds the demo user\'s Google Contacts connection');
  assert.deepEqual(refused, [], 'the page asked for nothing off the machine but the two CDN URLs');
  assert.deepEqual(problems, [], 'no page error and no console error');
});

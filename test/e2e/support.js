// @ts-check
/**
 * Shared setup of the end-to-end tests: the local Descope emulator, the demo server serving
 * test/e2e/fixtures/ (another origin, strict CSP), one Chromium per test file, and helpers that
 * drive the redirect round trip.
 *
 *   import { useE2E } from './support.js';
 *   const e2e = useE2E();            // registers before/after hooks of this file
 *   test('…', async (t) => { const { page } = await e2e.open(t, 'index.html'); … });
 *
 * Every wait is bounded (WAIT, 10 s; each test at most TEST_TIMEOUT), servers listen on
 * 127.0.0.1 on ephemeral ports, and `after` closes the browser and both servers.
 */
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { startEmulator } from '../../emulator/server.js';
import { startDemoServer } from '../../emulator/demo-server.js';
import { DEMO_USER } from '../../emulator/store.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

/** The longest any single wait may take. */
export const WAIT = 10_000;
/** The longest a whole test may take (node:test's `timeout`), so a stuck browser cannot hang the run. */
export const TEST_TIMEOUT = 45_000;
export const DEMO_USER_ID = DEMO_USER.userId;

/** The build under test: the repo's dist/, or OUTBOUND_ELEMENTS_DIST (a build made elsewhere). */
export const DIST_DIR = process.env.OUTBOUND_ELEMENTS_DIST
  ? resolve(process.env.OUTBOUND_ELEMENTS_DIST)
  : fileURLToPath(new URL('../../dist/', import.meta.url));
const CDN_DIR = join(DIST_DIR, 'cdn');
const ENTRY = join(CDN_DIR, 'outbound-elements.js');
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Fails with a message that says what to do when the drop-in has not been built. */
export function assertBuilt() {
  if (!existsSync(ENTRY)) {
    throw new Error(
      `The drop-in bundle ${ENTRY} is missing: build the package first (npx rollup -c, or npm run build), then run node --test test/e2e/.`,
    );
  }
}

/**
 * Copies dist/cdn/ to a temporary directory, so that a rebuild during the run (rollup rewrites
 * the hashed chunk names) cannot make the pages load a mix of two builds. Retries until every
 * relative import of every file in the copy resolves.
 * @returns {Promise<string>} the directory to serve at /dist/
 */
async function snapshotDist() {
  const dir = await mkdtemp(join(tmpdir(), 'outbound-e2e-dist-'));
  const cdn = join(dir, 'cdn');
  for (let attempt = 0; attempt < 10; attempt++) {
    await rm(cdn, { recursive: true, force: true });
    await cp(CDN_DIR, cdn, { recursive: true });
    if (await isComplete(cdn)) return dir;
    await sleep(300);
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`${CDN_DIR} kept changing while being copied (a build running?); run the tests again once it is done`);
}

/** Whether the entry exists and every `./chunk.js` that a file imports is there. @param {string} cdn */
async function isComplete(cdn) {
  const files = (await readdir(cdn)).filter((f) => f.endsWith('.js'));
  if (!files.includes('outbound-elements.js')) return false;
  for (const file of files) {
    const text = await readFile(join(cdn, file), 'utf8');
    for (const [, chunk] of text.matchAll(/["']\.\/([\w.-]+\.js)["']/g)) if (!files.includes(chunk)) return false;
  }
  return true;
}

/**
 * @typedef {{ type: string, via: string, target: string, detail: any, url: string, at: number,
 *   readyState: DocumentReadyState, domContentLoaded: boolean, triggers: (string | null)[] }} EventRecord
 *   one outbound event as fixtures/recorder.js saw it: `via` names the listener, `target` is
 *   `outbound-app-button[<app-id>]`, `outbound-connect`, `#document`…; `triggers` holds the
 *   `data-outbound-status` of every headless trigger at dispatch time
 * @typedef {{ text: string, url: string, pageUrl: string }} ConsoleEntry
 * @typedef {{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page,
 *   consoleErrors: ConsoleEntry[], pageErrors: string[] }} Opened
 */

/**
 * Starts the emulator, the demo server and Chromium for this test file, and stops them after it.
 * @param {{ launch?: import('playwright-core').LaunchOptions,
 *   emulator?: import('../../emulator/server.js').EmulatorOptions }} [options] extra launch and emulator options
 */
export function useE2E(options = {}) {
  /** @type {Awaited<ReturnType<typeof startEmulator>> | undefined} */
  let emulator;
  /** @type {Awaited<ReturnType<typeof startDemoServer>> | undefined} */
  let demo;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {string | undefined} */
  let distDir;

  before(async () => {
    assertBuilt();
    distDir = await snapshotDist();
    emulator = await startEmulator({ port: 0, quiet: true, ...options.emulator });
    demo = await startDemoServer({ port: 0, apiBaseUrl: emulator.baseUrl, projectId: emulator.projectId, root: FIXTURES, distDir });
    browser = await chromium.launch({
      executablePath: chromePath,
      args: chromeArgs,
      timeout: 15_000,
      ...options.launch,
    });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await demo?.close();
    await emulator?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  const e2e = {
    get apiBase() { return /** @type {NonNullable<typeof emulator>} */ (emulator).baseUrl; },
    get apiOrigin() { return new URL(e2e.apiBase).origin; },
    get demoUrl() { return /** @type {NonNullable<typeof demo>} */ (demo).url; },
    get demoOrigin() { return new URL(e2e.demoUrl).origin; },
    get browser() { return /** @type {import('playwright-core').Browser} */ (browser); },

    /** An absolute URL of a fixture page. @param {string} path */
    url(path) {
      return new URL(path, e2e.demoUrl).href;
    },

    /**
     * A fresh browser context (fresh profile: no storage) with one page that collects console
     * errors, opened at `path` (`null`: left blank); the context is closed when the test ends.
     * @param {import('node:test').TestContext} t
     * @param {string | null} path
     * @param {{ contextOptions?: import('playwright-core').BrowserContextOptions,
     *   setup?: (context: import('playwright-core').BrowserContext) => Promise<unknown> }} [options]
     * @returns {Promise<Opened>}
     */
    async open(t, path, { contextOptions, setup } = {}) {
      const context = await e2e.newContext(t, contextOptions);
      await setup?.(context);
      const opened = await e2e.newPage(context);
      if (path !== null) await e2e.goto(opened.page, path);
      return opened;
    },

    /**
     * A fresh context, closed when the test ends.
     * @param {import('node:test').TestContext} t
     * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
     */
    async newContext(t, contextOptions) {
      const context = await e2e.browser.newContext(contextOptions);
      t.after(() => context.close().catch(() => undefined));
      context.setDefaultTimeout(WAIT);
      context.setDefaultNavigationTimeout(WAIT);
      return context;
    },

    /** A new tab that collects console errors. @param {import('playwright-core').BrowserContext} context @returns {Promise<Opened>} */
    async newPage(context) {
      const page = await context.newPage();
      return { context, page, ...watchConsole(page) };
    },

    /** Navigates and waits for the fixture harness. @param {import('playwright-core').Page} page @param {string} path */
    async goto(page, path) {
      await page.goto(e2e.url(path), { waitUntil: 'load' });
      await fixtureReady(page);
    },

    /** Signs in through the page's own Descope SDK (persistTokens: true). @param {import('playwright-core').Page} page */
    async signIn(page) {
      await page.click('#signin');
      await poll(page, () => document.body.dataset.session, (s) => s === 'signed-in' || s === 'failed', 'sign-in');
      const session = await page.evaluate(() => document.body.dataset.session);
      if (session !== 'signed-in') throw new Error(`sign-in through the page's SDK failed: ${await logText(page)}`);
      const dsr = await page.evaluate(() => localStorage.getItem('DSR'));
      if (!dsr) throw new Error('the page\'s Descope SDK persisted no refresh token (localStorage DSR)');
    },

    /**
     * Clicks a connect trigger and waits for the consent page on the emulator's origin.
     * @param {import('playwright-core').Page} page
     * @param {string} selector
     */
    async clickToConsent(page, selector) {
      await Promise.all([
        page.waitForURL((u) => u.origin === e2e.apiOrigin && u.pathname.includes('/authorize'), { timeout: WAIT }),
        page.click(selector),
      ]).catch(async (err) => {
        throw new Error(
          `no consent page after clicking ${selector}: ${err.message}\nevents: ${JSON.stringify(await events(page))}\n` +
            `page log:\n${await logText(page)}\ntranscript:\n${transcriptOf(page)}`,
        );
      });
      await page.waitForSelector('button[name=decision][value=allow]', { timeout: WAIT });
    },

    /**
     * Answers the consent page and waits until the browser is back on the host page.
     * @param {import('playwright-core').Page} page
     * @param {'allow' | 'deny'} decision
     */
    async answerConsent(page, decision) {
      await Promise.all([
        page.waitForURL((u) => u.origin === e2e.demoOrigin, { timeout: WAIT, waitUntil: 'load' }),
        page.click(`button[name=decision][value=${decision}]`),
      ]);
      await fixtureReady(page);
    },

    /**
     * Waits for an outbound event recorded by the fixture in this document.
     * @param {import('playwright-core').Page} page
     * @param {string} type
     * @param {{ via?: string, timeout?: number }} [filter]
     * @returns {Promise<EventRecord>}
     */
    async waitForEvent(page, type, { via = 'document', timeout = WAIT } = {}) {
      try {
        return await poll(
          page,
          ([t, v]) => /** @type {any} */ (window).__events?.find((/** @type {EventRecord} */ e) => e.type === t && e.via === v),
          (e) => Boolean(e),
          `${type} (via ${via})`,
          [type, via],
          timeout,
        );
      } catch (err) {
        throw new Error(
          `${/** @type {Error} */ (err).message}\nevents: ${JSON.stringify(await events(page))}\n` +
            `page log:\n${await logText(page)}\ntranscript:\n${transcriptOf(page)}`,
        );
      }
    },

    /** @param {string} path @param {{ method?: string, body?: unknown }} [init] */
    async api(path, { method = 'GET', body } = {}) {
      const res = await fetch(e2e.apiBase + path, {
        method,
        signal: AbortSignal.timeout(WAIT),
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
      return json;
    },

    /** A new emulator user with a session (test hook). @returns {Promise<{ refreshJwt: string, sessionJwt: string, user: { userId: string } }>} */
    newSession: () => e2e.api('/emulator/sessions', { method: 'POST', body: {} }),

    /** @param {string} userId @param {string} [appId] @returns {Promise<any[]>} */
    async connections(userId, appId) {
      const q = new URLSearchParams({ userId, ...(appId ? { appId } : {}) });
      return (await e2e.api(`/emulator/connections?${q}`)).connections;
    },

    /** @param {string} userId @param {string} [appId] */
    async deleteConnections(userId, appId) {
      const q = new URLSearchParams({ userId, ...(appId ? { appId } : {}) });
      await e2e.api(`/emulator/connections?${q}`, { method: 'DELETE' });
    },

    /** Requests the emulator received since `since` (ms epoch). @param {number} since @returns {Promise<any[]>} */
    async requestsSince(since) {
      return (await e2e.api(`/emulator/requests?since=${since}`)).requests;
    },
  };
  return e2e;
}

/** What each page printed and where it went, for failure messages. @type {WeakMap<import('playwright-core').Page, string[]>} */
const transcripts = new WeakMap();

/** @param {import('playwright-core').Page} page */
function watchConsole(page) {
  /** @type {ConsoleEntry[]} */
  const consoleErrors = [];
  /** @type {string[]} */
  const pageErrors = [];
  /** @type {string[]} */
  const transcript = [];
  transcripts.set(page, transcript);
  page.on('console', (msg) => {
    transcript.push(`console.${msg.type()}: ${msg.text()} (${page.url()})`);
    if (msg.type() === 'error') consoleErrors.push({ text: msg.text(), url: msg.location().url, pageUrl: page.url() });
  });
  page.on('pageerror', (err) => {
    transcript.push(`pageerror: ${err.message} (${page.url()})`);
    pageErrors.push(`${err.message} (${page.url()})`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) transcript.push(`navigated: ${frame.url()}`);
  });
  return { consoleErrors, pageErrors };
}

/** The page's console output and navigations so far, for a failure message. @param {import('playwright-core').Page} page */
export function transcriptOf(page) {
  return (transcripts.get(page) ?? []).slice(-40).join('\n');
}

/** @param {import('playwright-core').Page} page */
export async function fixtureReady(page) {
  await poll(page, () => document.documentElement.dataset.fixture, (v) => v === 'ready', 'the fixture harness');
}

/** The outbound events this document recorded. @param {import('playwright-core').Page} page @returns {Promise<EventRecord[]>} */
export async function events(page) {
  return page.evaluate(() => /** @type {any} */ (window).__events ?? []).catch(() => []);
}

/** @param {import('playwright-core').Page} page */
export async function logText(page) {
  return page.evaluate(() => document.getElementById('log')?.textContent ?? '').catch(() => '(page log unavailable)');
}

/**
 * Polls `fn` in the page until `ok(value)`; survives navigations (a destroyed context is retried).
 * Written with page.evaluate rather than waitForFunction so nothing depends on the page's CSP.
 * @template T, A
 * @param {import('playwright-core').Page} page
 * @param {(arg: A) => T} fn
 * @param {(value: Awaited<T>) => boolean} ok
 * @param {string} what
 * @param {A} [arg]
 * @param {number} [timeout]
 * @returns {Promise<Awaited<T>>}
 */
export async function poll(page, fn, ok, what, arg, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  /** @type {unknown} */
  let last;
  for (;;) {
    try {
      const value = /** @type {Awaited<T>} */ (await Promise.race([
        page.evaluate(/** @type {any} */ (fn), arg),
        // Unref'd: a pending guard must not keep the test process alive after the run.
        sleep(Math.max(deadline - Date.now(), 0) + 100, undefined, { ref: false }).then(() => {
          throw new Error('page.evaluate did not answer');
        }),
      ]));
      if (ok(value)) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await sleep(50);
  }
}

export { sleep };

/** The page's location as the page sees it (after any history.replaceState). @param {import('playwright-core').Page} page */
export function locationOf(page) {
  return page.evaluate(() => ({ href: location.href, pathname: location.pathname, search: location.search, hash: location.hash }));
}

/** sessionStorage keys of pending connections. @param {import('playwright-core').Page} page @returns {Promise<string[]>} */
export function pendingKeys(page) {
  return page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('outbound-elements:pending:')));
}

/** Waits until the button's reflected `status` attribute is `expected`. @param {import('playwright-core').Page} page @param {string} selector @param {string} expected */
export function waitForStatus(page, selector, expected) {
  return poll(page, (s) => document.querySelector(s)?.getAttribute('status'), (v) => v === expected, `${selector} status="${expected}"`, selector);
}

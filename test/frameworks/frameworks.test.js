// @ts-check
/**
 * The example apps of examples/frameworks/, one per framework, as a user of the published package
 * has them: installed with the packed tarball, built with the framework's own tool, type-checked
 * with the framework's own checker against the shipped typings (a deliberately wrong binding in
 * each must be rejected), then one real round trip each in Chromium against the emulator:
 * sign in → click → consent page → Allow → back → the framework's own success handler ran and
 * the button shows `connected`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { chromium } from 'playwright-core';
import { startEmulator } from '../../emulator/server.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { APPS, installWorkspace, NEXT_BIN, pooled, run, WORKSPACE } from './workspace.js';
import { serveApp } from './serve.js';

/** @typedef {Awaited<ReturnType<typeof run>>} Result */

const WAIT = 15_000;
/** Each app has one button, for GitHub (its app-id may be a property only, as React components set it). */
const BUTTON = 'outbound-app-button';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Map<string, Promise<Result>>} */
const jobs = new Map();

before(async () => {
  const install = await installWorkspace();
  console.log(`# examples workspace: ${install.cached ? 'install cached' : 'npm ci'}; ready in ${(install.installMs / 1000).toFixed(1)} s`);
  // Two at a time (two cores), the slowest first.
  const order = [...APPS].sort((a, b) => Number(Boolean(b.next)) - Number(Boolean(a.next)) || Number(b.name === 'angular') - Number(a.name === 'angular'));
  /** @type {[string, () => Promise<Result>][]} */
  const tasks = [];
  for (const app of order) tasks.push([`${app.name}:build`, () => run(app, app.build)]);
  for (const app of order) {
    tasks.push([`${app.name}:typecheck`, () => run(app, app.typecheck)]);
    tasks.push([`${app.name}:wrong`, () => run(app, app.wrong)]);
  }
  const started = pooled(tasks.map(([, task]) => task), 2);
  tasks.forEach(([name], i) => jobs.set(name, started[i]));
  emulator = await startEmulator({ port: 0, quiet: true });
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, timeout: 15_000 });
}, { timeout: 700_000 });

after(async () => {
  await Promise.allSettled(jobs.values());
  await browser?.close().catch(() => undefined);
  await emulator?.close();
});

/** @param {string} name */
async function job(name) {
  const result = await /** @type {Promise<Result>} */ (jobs.get(name));
  return result;
}

/** @param {import('playwright-core').Page} page @param {() => unknown} fn @param {string} what */
async function until(page, fn, what) {
  try {
    await page.waitForFunction(fn, undefined, { timeout: WAIT, polling: 100 });
  } catch (error) {
    const html = await page.evaluate(() => document.body.innerHTML).catch(() => '');
    throw new Error(`timed out waiting for ${what}: ${/** @type {Error} */ (error).message}\nbody: ${html.slice(0, 2000)}`);
  }
}

for (const app of APPS) {
  test(`${app.label}: builds`, { timeout: 600_000 }, async (t) => {
    const result = await job(`${app.name}:build`);
    t.diagnostic(`${app.label} build: ${(result.ms / 1000).toFixed(1)} s`);
    assert.equal(result.code, 0, `the build failed:\n${result.output.slice(-6000)}`);
  });

  test(`${app.label}: type-checks with the shipped typings`, { timeout: 600_000 }, async (t) => {
    const result = await job(`${app.name}:typecheck`);
    t.diagnostic(`${app.label} type-check: ${(result.ms / 1000).toFixed(1)} s`);
    assert.equal(result.code, 0, `the type check failed:\n${result.output.slice(-6000)}`);
  });

  test(`${app.label}: the type checker rejects a wrong binding (type-tests/)`, { timeout: 600_000 }, async () => {
    const result = await job(`${app.name}:wrong`);
    assert.notEqual(result.code, 0, `the wrong binding in ${relative(WORKSPACE, app.dir)}/type-tests/ was accepted:\n${result.output.slice(-3000)}`);
    assert.match(result.output, /type-tests/, `the errors are not in type-tests/:\n${result.output.slice(-3000)}`);
    assert.match(result.output, app.wrongPattern, `the error does not name the wrong binding:\n${result.output.slice(-3000)}`);
  });

  test(`${app.label}: click → consent → Allow → back: the app's own success handler ran, the button shows connected`, { timeout: 600_000 }, async (t) => {
    const build = await job(`${app.name}:build`);
    if (build.code !== 0) assert.fail('not built');
    const config = { projectId: emulator.projectId, baseUrl: emulator.baseUrl };
    const server = await serveApp(config, app.next ? { nextDir: app.dir, nextBin: NEXT_BIN } : { dir: app.served });
    t.after(() => server.close());
    const context = await browser.newContext();
    t.after(() => context.close().catch(() => undefined));
    context.setDefaultTimeout(WAIT);
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`); });

    await page.goto(server.url, { waitUntil: 'load' });
    await page.click('#signin');
    await until(page, () => document.querySelector('outbound-app-button')?.getAttribute('status') === 'idle', 'a GitHub button, idle, after signing in');
    assert.deepEqual(await page.$eval(BUTTON, (el) => /** @type {any} */ (el).scopes), ['repo', 'read:user'], 'the scopes property arrived as an array');
    assert.equal(await page.$eval(BUTTON, (el) => typeof /** @type {any} */ (el).getToken), 'function', 'getToken arrived as a property');

    const apiOrigin = new URL(emulator.baseUrl).origin;
    await Promise.all([page.waitForURL((u) => u.origin === apiOrigin && u.pathname.endsWith('/authorize')), page.click(BUTTON)]);
    assert.equal(new URL(page.url()).searchParams.get('scope'), 'repo read:user', 'the provider is asked for the app\'s scopes');
    const appOrigin = new URL(server.url).origin;
    await Promise.all([page.waitForURL((u) => u.origin === appOrigin, { waitUntil: 'load' }), page.click('button[name=decision][value=allow]')]);

    await until(page, () => document.querySelector('[role=status]')?.textContent?.includes('Connected github'), 'the app\'s own "Connected github" (its success handler)');
    await until(page, () => document.querySelector('outbound-app-button')?.getAttribute('status') === 'connected', 'the button to show connected');
    assert.ok(!page.url().includes('outbound-return'), `the URL still carries the return marker: ${page.url()}`);
    assert.deepEqual(errors, [], 'no page error or console error');
  });
}

const next = APPS.find((app) => app.next);
if (next) {
  test('Next.js: the button is rendered on the server (declarative shadow DOM) and hydrates without moving; its properties survive hydration', { timeout: 600_000 }, async (t) => {
    const build = await job(`${next.name}:build`);
    if (build.code !== 0) assert.fail('not built');
    const server = await serveApp({ projectId: emulator.projectId, baseUrl: emulator.baseUrl }, { nextDir: next.dir, nextBin: NEXT_BIN });
    t.after(() => server.close());

    const html = await (await fetch(server.url)).text();
    const button = /<outbound-app-button[^>]*>([\s\S]*?)<\/outbound-app-button>/.exec(html);
    assert.ok(button, `no <outbound-app-button> in the server's HTML:\n${html.slice(0, 3000)}`);
    assert.match(button[1], /^<template shadowroot(mode)?="open"/, 'the button\'s shadow root is in the HTML as declarative shadow DOM');
    assert.match(button[1], /<button[^>]*part="button"/, 'the server rendered the inner <button>');
    assert.match(button[1], /Connect GitHub/, 'the server rendered the label');

    const context = await browser.newContext();
    t.after(() => context.close().catch(() => undefined));
    context.setDefaultTimeout(WAIT);
    await context.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__shifts += /** @type {any} */ (entry).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`); });
    await page.goto(server.url, { waitUntil: 'load' });
    await until(page, () => document.querySelector('#signin'), 'the sign-in button (rendered after hydration)');
    await until(page, () => document.querySelector('outbound-app-button')?.getAttribute('status') === 'idle', 'the hydrated button');
    assert.deepEqual(await page.$eval(BUTTON, (el) => /** @type {any} */ (el).scopes), ['repo', 'read:user'], 'scopes, set on the server, is the array after hydration');
    assert.equal(await page.$eval(BUTTON, (el) => typeof /** @type {any} */ (el).getToken), 'function', 'getToken is set after hydration');
    assert.equal(await page.$eval(BUTTON, (el) => el.shadowRoot?.querySelector('[part=label]')?.textContent?.trim()), 'Connect GitHub');
    const shifts = await page.evaluate(() => /** @type {any} */ (window).__shifts);
    assert.ok(shifts < 0.001, `the page moved while it hydrated (cumulative layout shift ${shifts})`);
    assert.deepEqual(errors, [], 'no hydration error or console error');
  });
}

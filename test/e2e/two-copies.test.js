// @ts-check
/**
 * Two copies of the package on one page (two module instances of the drop-in): nothing throws
 * "already defined", the first definition serves, and a redirect return is reported once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, useE2E, TEST_TIMEOUT } from './support.js';

const e2e = useE2E();

test('two copies of the drop-in on one page: no error, one definition, one success per return', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, consoleErrors, pageErrors } = await e2e.open(t, 'two-copies.html?view=settings');
  const modules = await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((r) => /outbound-elements\.js/.test(r.name)).length,
  );
  assert.equal(modules, 2, 'both copies were loaded');
  assert.deepEqual(pageErrors, [], 'no uncaught exception (e.g. "already been defined")');
  // The same URLs as the page's two script tags: the same two module instances.
  const definitions = await page.evaluate(async (entry) => {
    const first = await import(entry);
    const second = await import(`${entry}?second-copy`);
    return {
      twoInstances: first.OutboundAppButton !== second.OutboundAppButton,
      firstServes: ['outbound-app-button', 'outbound-connect', 'outbound-app-list'].map(
        (tag, i) => customElements.get(tag) === [first.OutboundAppButton, first.OutboundConnect, first.OutboundAppList][i],
      ),
    };
  }, '/dist/cdn/outbound-elements.js');
  assert.deepEqual(definitions, { twoInstances: true, firstServes: [true, true, true] }, 'the first copy defines every element');

  await e2e.signIn(page);
  await e2e.clickToConsent(page, 'outbound-app-button');
  await e2e.answerConsent(page, 'allow');
  await e2e.waitForEvent(page, 'outbound-connect-success');
  await sleep(500);
  const successes = await page.evaluate(
    () => /** @type {any} */ (window).__events.filter((/** @type {any} */ e) => e.type === 'outbound-connect-success' && e.via === 'document').length,
  );
  assert.equal(successes, 1, 'the return is reported once, not once per copy');
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors.filter((e) => e.pageUrl.startsWith(e2e.demoOrigin)), []);
});

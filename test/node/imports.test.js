// @ts-check
// Every entry point of the package imports in plain Node (SSR, tests, build tools) without
// throwing: nothing touches the DOM at import time. Runs against the build in dist/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const entries = Object.entries(pkg.exports)
  .map(([name, target]) => [name, typeof target === 'string' ? target : target.default])
  // Type-only entries (./types/*) have no JavaScript to import.
  .filter(([, file]) => file?.endsWith('.js'));

test('the build exists (run `npm run build` first)', () => {
  assert.ok(existsSync(new URL('../../dist/index.js', import.meta.url)), 'dist/ is missing: run npm run build');
});

for (const [name, file] of entries) {
  test(`import "outbound-elements${name.slice(1)}" in Node does not throw`, async () => {
    const module = await import(new URL(`../../${file}`, import.meta.url).href);
    // ./define only registers (and, outside a browser, does nothing); the others export an API.
    if (name !== './define') assert.ok(Object.keys(module).length > 0, `${file} exports something`);
  });
}

test('the main entry exports configure and the element classes', async () => {
  const module = await import(new URL('../../dist/index.js', import.meta.url).href);
  assert.equal(typeof module.configure, 'function');
  assert.equal(typeof module.OutboundAppButton, 'function');
  assert.equal(typeof module.OutboundConnect, 'function');
  assert.equal(typeof module.OutboundAppList, 'function');
});

test('the drop-in works without a DOM: its exports are there and configure() runs', async () => {
  assert.equal(typeof globalThis.document, 'undefined', 'this is plain Node, without a DOM');
  const module = await import(new URL(`../../${pkg.unpkg}`, import.meta.url).href);
  assert.equal(typeof module.OutboundAppButton, 'function');
  assert.equal(typeof module.OutboundConnect, 'function');
  assert.equal(typeof module.OutboundAppList, 'function');
  assert.doesNotThrow(() => module.configure({ projectId: 'P2OutboundElementsEmulator01' }));
});

test('the drop-in is the unpkg file', () => {
  assert.equal(pkg.unpkg, './dist/cdn/outbound-elements.js');
  assert.ok(existsSync(new URL(`../../${pkg.unpkg}`, import.meta.url)));
});

// @ts-check
/**
 * The drop-in imported in plain Node (server-side rendering, build tools): no DOM, no throw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The repo's build, or OUTBOUND_ELEMENTS_DIST (a build made elsewhere), as in support.js.
const ENTRY_URL = process.env.OUTBOUND_ELEMENTS_DIST
  ? pathToFileURL(resolve(process.env.OUTBOUND_ELEMENTS_DIST, 'cdn/outbound-elements.js')).href
  : new URL('../../dist/cdn/outbound-elements.js', import.meta.url).href;
const ENTRY = fileURLToPath(ENTRY_URL);

test('importing the built drop-in (dist/cdn/outbound-elements.js) in plain Node does not throw', async () => {
  assert.ok(existsSync(ENTRY), `${ENTRY} is missing: build the package first (npx rollup -c)`);
  assert.equal(typeof globalThis.document, 'undefined', 'this is plain Node, without a DOM');
  assert.equal(typeof globalThis.customElements, 'undefined');
  const mod = await import(ENTRY_URL);
  assert.equal(typeof mod.configure, 'function', 'configure is exported');
  assert.equal(typeof mod.OutboundAppButton, 'function', 'OutboundAppButton is exported');
  assert.equal(typeof mod.OutboundConnect, 'function', 'OutboundConnect is exported');
  assert.doesNotThrow(() => mod.configure({ projectId: 'P2OutboundElementsEmulator01' }), 'configure() works without a DOM');
});

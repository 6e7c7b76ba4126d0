// @ts-check
/**
 * The emulator serves every method of node-sdk's `management.outboundApplication`: the list is
 * read from the installed SDK's own d.ts (and checked against the object it builds), and each
 * method is called once against the emulator, recording the request it makes. When an SDK
 * upgrade adds a method whose route the emulator lacks, this fails and names it, so a gap
 * cannot open silently.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
before(async () => { emulator = await startEmulator({ port: 0 }); });
after(() => emulator.close());

/** The method names in the d.ts's `outboundApplication: { … }` block. */
async function declaredMethods() {
  // The package's own `types` entry (its exports map hides package.json from require.resolve).
  const main = createRequire(import.meta.url).resolve('@descope/node-sdk');
  const root = main.slice(0, main.lastIndexOf(`${sep}dist${sep}`));
  const { types } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const dts = await readFile(join(root, types), 'utf8');
  const start = dts.indexOf('outboundApplication: {');
  assert.ok(start > 0, 'node-sdk\'s d.ts declares management.outboundApplication');
  // The block ends at the first line that closes it at its own indentation: `};`.
  const indent = /[ \t]*$/.exec(dts.slice(0, start))?.[0] ?? '';
  const end = dts.indexOf(`\n${indent}};`, start);
  const block = dts.slice(start, end);
  return [...block.matchAll(/^\s+(\w+): \(/gm)].map((m) => m[1]);
}

test('node-sdk\'s d.ts and its runtime object list the same outboundApplication methods', async () => {
  const declared = await declaredMethods();
  const outbound = DescopeClient({ projectId: emulator.projectId, managementKey: DEFAULT_MANAGEMENT_KEY, baseUrl: emulator.baseUrl }).management.outboundApplication;
  assert.ok(declared.length > 10, `found ${declared.length} methods: the d.ts parse is broken`);
  assert.deepEqual([...declared].sort(), Object.keys(outbound).sort());
});

test('every declared outboundApplication method reaches a route of the emulator', async () => {
  /** @type {Array<{ method: string, path: string }>} */
  let sent = [];
  /** @type {typeof fetch} */
  const recording = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== '/v1/mgmt/license') sent.push({ method: init?.method ?? 'GET', path: url.pathname });
    return fetch(input, init);
  };
  const outbound = /** @type {Record<string, (...args: unknown[]) => Promise<any>>} */ (/** @type {unknown} */ (
    DescopeClient({ projectId: emulator.projectId, managementKey: DEFAULT_MANAGEMENT_KEY, baseUrl: emulator.baseUrl, fetch: recording })
      .management.outboundApplication));

  const missing = [];
  for (const name of await declaredMethods()) {
    sent = [];
    // Placeholder arguments: the answer may be a 400 or 404 about them, never "no such route".
    const res = await outbound[name]('x', 'x', 'x');
    assert.equal(sent.length, 1, `${name} made one request`);
    const { errorCode } = res.error ?? {};
    if (res.code === 404 && errorCode === 'E010404') missing.push(`${name} (${sent[0].method} ${sent[0].path})`);
    else if (errorCode === 'E010405') missing.push(`${name} (${sent[0].method} ${sent[0].path}: wrong method)`);
    else assert.ok(res.ok || typeof errorCode === 'string', `${name}: a Descope-shaped answer`);
  }
  assert.deepEqual(missing, [], 'node-sdk methods the emulator does not serve: add their routes, the README table and a test');
});

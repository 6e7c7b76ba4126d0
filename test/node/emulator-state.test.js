// @ts-check
/**
 * The state file (users, connections and tokens across restarts, atomic writes) and a consistent
 * state under concurrent requests.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { startEmulator } from '../../emulator/server.js';
import { call, connectApp, listContacts, session } from './support/emulator-client.js';

let dir = '';
before(async () => { dir = await mkdtemp(join(tmpdir(), 'outbound-emulator-state-')); });
after(() => rm(dir, { recursive: true, force: true }));

/** @param {Awaited<ReturnType<typeof startEmulator>>} emulator */
const outboundOf = (emulator) =>
  DescopeClient({ projectId: emulator.projectId, managementKey: emulator.managementKey, baseUrl: emulator.baseUrl }).management.outboundApplication;

test('connections, tokens and users survive a restart with the same state file', async () => {
  const stateFile = join(dir, 'state.json');
  const first = await startEmulator({ port: 0, stateFile });
  let userId = '';
  let token;
  try {
    userId = await connectApp(first, { loginId: 'persist@example.com', appId: 'google-contacts' });
    await connectApp(first, { loginId: 'persist@example.com', appId: 'slack', tenantId: 'T-keep', tenantLevel: true });
    token = /** @type {any} */ ((await outboundOf(first).fetchToken('google-contacts', userId, undefined, { withRefreshToken: true })).data);
  } finally {
    await first.close();
  }
  const saved = JSON.parse(await readFile(stateFile, 'utf8'));
  assert.equal(saved.version, 1);
  assert.equal(saved.connections.length, 2);
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');

  const second = await startEmulator({ port: 0, stateFile });
  try {
    const again = /** @type {any} */ ((await outboundOf(second).fetchToken('google-contacts', userId, undefined, { withRefreshToken: true })).data);
    assert.equal(again.id, token.id);
    assert.equal(again.accessToken, token.accessToken);
    assert.equal(again.refreshToken, token.refreshToken);
    assert.equal((await listContacts(second.baseUrl, again.accessToken)).status, 200, 'the provider still knows the access token');
    assert.equal((await outboundOf(second).fetchTenantToken('slack', 'T-keep')).ok, true);
    const s = await session(second.baseUrl, 'persist@example.com');
    assert.equal(s.user.userId, userId, 'the same login ID is the same user');

    assert.equal((await outboundOf(second).deleteUserTokens('google-contacts', userId)).ok, true);
  } finally {
    await second.close();
  }
  const third = await startEmulator({ port: 0, stateFile });
  try {
    assert.equal((await outboundOf(third).fetchToken('google-contacts', userId)).code, 404, 'a deletion is kept too');
  } finally {
    await third.close();
  }
});

test('a damaged state file stops the start with a message that says what to do', async () => {
  const broken = join(dir, 'broken.json');
  await writeFile(broken, '{"version":1,"users":');
  await assert.rejects(startEmulator({ port: 0, stateFile: broken }), /not valid JSON: delete it/);
  await writeFile(broken, JSON.stringify({ version: 9, users: [], connections: [], accessTokens: [] }));
  await assert.rejects(startEmulator({ port: 0, stateFile: broken }), /version 9/);
});

test('concurrent requests leave one consistent state, in memory and on disk', async () => {
  const stateFile = join(dir, 'busy.json');
  const emulator = await startEmulator({ port: 0, stateFile });
  const outbound = outboundOf(emulator);
  try {
    // 12 users connect at once.
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => connectApp(emulator, { loginId: `busy${i}@example.com`, appId: 'google-contacts' })));
    assert.equal(new Set(users).size, 12);

    // 30 forced refreshes of one token at once: each a distinct, working access token.
    const refreshed = await Promise.all(Array.from({ length: 30 }, () => outbound.fetchToken('google-contacts', users[0], undefined, { forceRefresh: true })));
    const accessTokens = refreshed.map((r) => /** @type {any} */ (r.data).accessToken);
    assert.equal(new Set(accessTokens).size, 30);
    assert.equal(new Set(refreshed.map((r) => /** @type {any} */ (r.data).id)).size, 1, 'still one stored token');
    const checks = await Promise.all(accessTokens.slice(0, 5).map((t) => listContacts(emulator.baseUrl, t)));
    assert.deepEqual(checks.map((c) => c.status), [200, 200, 200, 200, 200]);

    // Deletes racing fetches and reconnects: every answer is a clean 200 or 404.
    const mixed = await Promise.all(users.slice(1, 7).flatMap((userId, i) => [
      outbound.deleteUserTokens('google-contacts', userId),
      outbound.fetchToken('google-contacts', userId),
      i % 2 ? connectApp(emulator, { loginId: `busy${i + 1}@example.com`, appId: 'slack' }) : Promise.resolve('skip'),
    ]));
    for (const r of mixed) if (typeof r === 'object') assert.ok(r.code === 200 || r.code === 404, String(r.code));
  } finally {
    await emulator.close();
  }
  const memoryAfter = emulator.store.snapshot();
  const disk = JSON.parse(await readFile(stateFile, 'utf8'));
  assert.deepEqual(disk.connections, JSON.parse(JSON.stringify(memoryAfter.connections)), 'the file holds the last state');
  assert.equal(disk.connections.filter((/** @type {any} */ c) => c.appId === 'google-contacts').length, 6, '12 connected, 6 deleted');
  assert.equal(disk.connections.filter((/** @type {any} */ c) => c.appId === 'slack').length, 3);
  const emulator2 = await startEmulator({ port: 0, stateFile });
  try {
    const listed = await call(emulator2.baseUrl, '/emulator/connections?appId=google-contacts');
    assert.equal(listed.json.connections.length, 6);
  } finally {
    await emulator2.close();
  }
});

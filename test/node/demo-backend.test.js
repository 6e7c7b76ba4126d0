// @ts-check
/**
 * The demo's backend half: session → node-sdk fetchToken → the provider's contacts, served on the
 * demo page's origin, answering the page with contacts and never with the token.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/server.js';
import { startDemoServer } from '../../emulator/demo-server.js';
import { createDemoBackend } from '../../emulator/demo-backend.js';
import { call, connectApp, session } from './support/emulator-client.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {Awaited<ReturnType<typeof startDemoServer>>} */
let demo;
let pageBase = '';

before(async () => {
  emulator = await startEmulator({ port: 0 });
  const backend = await createDemoBackend({ apiBaseUrl: emulator.baseUrl, projectId: emulator.projectId, managementKey: emulator.managementKey });
  demo = await startDemoServer({ port: 0, apiBaseUrl: emulator.baseUrl, projectId: emulator.projectId, backend });
  pageBase = demo.url.replace(/\/$/, '');
});
after(async () => {
  await demo.close();
  await emulator.close();
});

/** @param {string} [sessionJwt] */
const contacts = (sessionJwt) => call(pageBase, '/api/contacts', { headers: sessionJwt ? { Authorization: `Bearer ${sessionJwt}` } : {} });

test('after a connect, the backend fetches the token with node-sdk and answers the contacts', async () => {
  const userId = await connectApp(emulator, { loginId: 'demo-backend@example.com', appId: 'google-contacts' });
  const { sessionJwt } = await session(emulator.baseUrl, 'demo-backend@example.com');
  const res = await contacts(sessionJwt);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.userId, userId);
  assert.equal(res.json.appId, 'google-contacts');
  assert.equal(res.json.total, 10);
  assert.deepEqual(res.json.contacts[0], { name: 'Ada Lovelace', email: 'ada@example.com' });
  assert.ok(res.json.accessTokenExpiry * 1000 > Date.now());
  const stored = emulator.store.listConnections({ userId, appId: 'google-contacts' })[0];
  assert.ok(!res.text.includes(stored.accessToken), 'the page never gets the access token');
  assert.ok(!res.text.includes(stored.refreshToken));
});

test('no session, a bad session, no connection, a missing scope: each says what to do', async () => {
  assert.equal((await contacts()).json.error, 'no-session');
  assert.equal((await contacts('not-a-jwt')).status, 401);
  assert.equal((await contacts('not-a-jwt')).json.error, 'invalid-session');

  const { sessionJwt } = await session(emulator.baseUrl, 'demo-unconnected@example.com');
  const missing = await contacts(sessionJwt);
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error, 'not-connected');
  assert.match(missing.json.message, /connect/);

  await connectApp(emulator, { loginId: 'demo-noscope@example.com', appId: 'google-contacts', scopes: ['openid'] });
  const noScope = await contacts((await session(emulator.baseUrl, 'demo-noscope@example.com')).sessionJwt);
  assert.equal(noScope.status, 403);
  assert.equal(noScope.json.error, 'missing-scope');
});

test('only GET /api/contacts', async () => {
  assert.equal((await call(pageBase, '/api/contacts', { method: 'POST', body: {} })).status, 405);
  assert.equal((await call(pageBase, '/api/other')).status, 404);
});

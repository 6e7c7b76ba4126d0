// @ts-check
/**
 * The emulator answers only this machine's pages (issue 14, finding 6). Before, a page on
 * https://evil.example could, through a visitor's browser, mint a session for the demo user,
 * read the request log, delete connections and read the management API: the emulator echoed any
 * Origin with credentials, granted Private Network Access to it, accepted any Host header (DNS
 * rebinding), and its user table grew without bound. Each test here failed then.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';
import { hostAllowed, isLoopbackHostname, originAllowed, parseOrigin } from '../../emulator/local-only.js';
import { createStore, DEMO_USER } from '../../emulator/store.js';
import { assertDescopeError, call, session } from './support/emulator-client.js';

const EVIL = 'https://evil.example';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
before(async () => { emulator = await startEmulator({ port: 0, allowedOrigins: ['https://dev.example.com'] }); });
after(() => emulator.close());

/** A preflight as Chrome sends it from a page of `origin`, Private Network Access included. @param {string} origin */
function preflight(origin, path = '/emulator/sessions') {
  return fetch(emulator.baseUrl + path, {
    method: 'OPTIONS',
    headers: {
      Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type',
      'Access-Control-Request-Private-Network': 'true',
    },
  });
}

/** A request with a raw Host header (fetch will not send a foreign one). @param {string} host @param {string} path */
function withHost(host, path) {
  const { hostname, port } = new URL(emulator.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(body) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a preflight from another website: 403, no CORS headers, no Private Network Access grant', async () => {
  const res = await preflight(EVIL);
  assert.equal(res.status, 403);
  assert.equal(res.headers.get('access-control-allow-origin'), null);
  assert.equal(res.headers.get('access-control-allow-credentials'), null);
  assert.equal(res.headers.get('access-control-allow-private-network'), null);
});

test('a simple request from another website does nothing: no session minted, no log read, no deletion, no management read', async () => {
  const minted = await call(emulator.baseUrl, '/emulator/sessions', { method: 'POST', headers: { Origin: EVIL, 'Content-Type': 'text/plain' }, raw: JSON.stringify({ loginId: DEMO_USER.loginId }) });
  assertDescopeError(minted, 403, 'E061005');
  assert.equal(minted.json.refreshJwt, undefined);
  assert.match(minted.json.errorMessage, /--allow-origin https:\/\/evil\.example/, 'says how to allow it');
  assertDescopeError(await call(emulator.baseUrl, '/emulator/requests', { headers: { Origin: EVIL } }), 403);
  assertDescopeError(await call(emulator.baseUrl, '/emulator/connections', { method: 'DELETE', headers: { Origin: EVIL } }), 403);
  assertDescopeError(await call(emulator.baseUrl, '/v1/mgmt/outbound/apps', {
    headers: { Origin: EVIL, Authorization: `Bearer ${emulator.projectId}:${DEFAULT_MANAGEMENT_KEY}` },
  }), 403);
  for (const origin of ['null', 'http://127.0.0.1.evil.example', 'https://localhost.evil.example', 'file://']) {
    assert.equal((await call(emulator.baseUrl, '/emulator/requests', { headers: { Origin: origin } })).status, 403, origin);
  }
});

test('loopback pages, the emulator\'s own origin and --allow-origin ones are served with credentialed CORS', async () => {
  for (const origin of ['http://localhost:4511', 'http://127.0.0.1:9', 'http://[::1]:3000', 'http://app.localhost:5173', 'https://localhost', emulator.baseUrl, 'https://dev.example.com']) {
    const res = await preflight(origin);
    assert.equal(res.status, 204, origin);
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
  }
  const named = await preflight('https://dev.example.com');
  assert.equal(named.headers.get('access-control-allow-private-network'), 'true', 'a named public origin may reach the local emulator');
  const other = await preflight('https://dev.example.com:8443');
  assert.equal(other.status, 403, 'an origin is exact: another port is another origin');
  const s = await call(emulator.baseUrl, '/emulator/sessions', { method: 'POST', headers: { Origin: 'http://localhost:4511' }, body: { loginId: 'local@example.com' } });
  assert.equal(s.status, 200);
  assert.equal(typeof s.json.refreshJwt, 'string');
  // No Origin at all (curl, node-sdk, a backend): served as before.
  const curl = await session(emulator.baseUrl, 'curl@example.com');
  assert.equal(emulator.store.users.get(curl.user.userId)?.loginId, 'curl@example.com');
});

test('a foreign Host header (DNS rebinding) is refused; loopback names are served', async () => {
  const { port } = new URL(emulator.baseUrl);
  for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost.evil.example:${port}`]) {
    const res = /** @type {any} */ (await withHost(host, '/emulator/requests'));
    assert.equal(res.status, 403, host);
    assert.match(res.json.errorMessage, /is not served/);
  }
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `127.0.0.2:${port}`, `api.localhost:${port}`]) {
    assert.equal(/** @type {any} */ (await withHost(host, '/emulator/requests')).status, 200, host);
  }
});

test('the Host and Origin rules, one case each', () => {
  assert.equal(isLoopbackHostname('LOCALHOST.'), true);
  assert.equal(isLoopbackHostname('127.300.0.1'), false);
  assert.equal(hostAllowed('emu.internal:4510', 'emu.internal'), true, 'the configured --host');
  assert.equal(hostAllowed('192.168.1.5:4510', '0.0.0.0'), false, 'a wildcard bind names no host');
  assert.equal(hostAllowed(undefined, '127.0.0.1'), false);
  const policy = { selfOrigin: 'http://127.0.0.1:4510', allowedOrigins: new Set(['https://dev.example.com']) };
  assert.equal(originAllowed(undefined, policy), true);
  assert.equal(originAllowed('https://dev.example.com/', policy), false, 'an origin has no path');
  assert.equal(parseOrigin('https://dev.example.com/'), 'https://dev.example.com');
  assert.throws(() => parseOrigin('https://dev.example.com/app'), /not an origin/);
  assert.throws(() => parseOrigin('*'), /not an origin/);
});

test('users are bounded: past the limit the oldest go (with their tokens), never the demo user', async () => {
  const small = await startEmulator({ port: 0, limits: { users: 5 } });
  try {
    for (let i = 0; i < 30; i++) await session(small.baseUrl, `flood-${i}@example.com`);
    assert.equal(small.store.users.size, 5);
    assert.ok(small.store.users.has(DEMO_USER.userId), 'the demo user stays');
    assert.ok(small.store.findUserByLoginId('flood-29@example.com'), 'the newest stays');
    assert.equal(small.store.findUserByLoginId('flood-0@example.com'), undefined);
    const signIn = await call(small.baseUrl, '/v1/auth/password/signin', {
      method: 'POST', headers: { Authorization: `Bearer ${small.projectId}` }, body: { loginId: DEMO_USER.loginId, password: DEMO_USER.password },
    });
    assert.equal(signIn.status, 200, 'the demo still signs in');
  } finally {
    await small.close();
  }
});

test('sessions are bounded: authorisations in progress, logged-out sessions and connections keep to their limits', () => {
  const store = createStore([{ id: 'slack', name: 'Slack' }], { limits: { pending: 3, revoked: 3, connections: 3 } });
  for (let i = 0; i < 10; i++) store.addPending({ appId: 'slack', userId: DEMO_USER.userId, scopes: [], redirectUrl: 'http://localhost/' });
  assert.equal(store.pendingCount(), 3);
  for (let i = 0; i < 10; i++) store.revokeToken(`jwt-${i}`);
  assert.equal(store.revokedTokens.size, 3);
  assert.ok(store.revokedTokens.has('jwt-9'), 'the latest logout holds');
  for (let i = 0; i < 10; i++) store.upsertConnection({ appId: 'slack', userId: `U2c${i}`, scopes: [] });
  assert.equal(store.listConnections({}).length, 3);
  assert.equal(store.listConnections({ userId: 'U2c9' }).length, 1, 'the newest connection stays');
});

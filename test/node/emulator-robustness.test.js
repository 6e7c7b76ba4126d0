// @ts-check
/**
 * Bad requests get Descope-shaped JSON errors and never take the emulator down: malformed and
 * non-object bodies, wrong methods, huge payloads, odd headers, a client that hangs up.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';
import { MAX_BODY_BYTES } from '../../emulator/http.js';
import { assertDescopeError, call, session } from './support/emulator-client.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {Record<string, string>} */
let auth = {};
const FETCH = '/v1/mgmt/outbound/app/user/token/latest';

before(async () => {
  emulator = await startEmulator({ port: 0 });
  auth = { Authorization: `Bearer ${emulator.projectId}:${DEFAULT_MANAGEMENT_KEY}` };
});
after(() => emulator.close());

/** The emulator still answers a good request. */
async function assertAlive() {
  const res = await call(emulator.baseUrl, '/v1/mgmt/license', { headers: auth });
  assert.equal(res.status, 200);
}

// Descope's error tables ("Using Outbound Apps", "Fetching Connection Tokens") give 500 for a body
// that is not JSON; the docs' error-handling examples branch on that 500.
test('malformed JSON and non-object bodies on Descope\'s endpoints: 500 E011001 saying what was wrong', async () => {
  for (const raw of ['{"appId":', 'not json', '[1,2]', '"text"', 'null', '{"appId":"slack",}']) {
    const res = await call(emulator.baseUrl, FETCH, { method: 'POST', headers: auth, raw });
    assertDescopeError(res, 500, 'E011001');
    assert.match(res.json.errorMessage, /not valid JSON|must be a JSON object/, raw);
  }
  for (const path of ['/v1/mgmt/outbound/app/user/token', '/v1/mgmt/outbound/app/tenant/token', '/v1/mgmt/outbound/app/tenant/token/latest',
    '/v1/outbound/oauth/connect', '/v1/mgmt/outbound/app/create', '/v1/mgmt/outbound/app/update',
    '/v1/mgmt/outbound/app/user/oauthtoken/upload', '/v1/mgmt/outbound/app/tenant/oauthtoken/batch/upload', '/v1/mgmt/outbound/app/user/apikey/upload']) {
    assertDescopeError(await call(emulator.baseUrl, path, { method: 'POST', headers: auth, raw: '{oops' }), 500, 'E011001');
  }
  // The emulator's own hooks are not Descope's: a plain 400 there.
  assertDescopeError(await call(emulator.baseUrl, '/emulator/access-tokens', { method: 'POST', raw: '{oops' }), 400, 'E011001');
  await assertAlive();
});

test('wrong field types: 400 with what to fix', async () => {
  const cases = [
    { appId: 42, userId: 'U2x' },
    { appId: 'slack', userId: ['U2x'] },
    { appId: 'slack', userId: 'U2x', options: 'force' },
    { appId: 'slack', userId: 'U2x', options: { forceRefresh: 'yes' } },
    { appId: 'slack', userId: 'U2x', tenantId: 7 },
  ];
  for (const body of cases) {
    const res = await call(emulator.baseUrl, FETCH, { method: 'POST', headers: auth, body });
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.match(res.json.errorCode, /^E01100[24]$/);
  }
  const scopes = await call(emulator.baseUrl, '/v1/mgmt/outbound/app/user/token', { method: 'POST', headers: auth, body: { appId: 'slack', userId: 'U2x', scopes: 'repo' } });
  assertDescopeError(scopes, 400, 'E011002');
});

// Descope documents a 500 for any method but POST on its POST endpoints.
test('a method other than POST on a Descope POST endpoint: 500 in Descope\'s shape, naming the method to use', async () => {
  for (const [method, path] of [['GET', FETCH], ['PUT', '/v1/mgmt/outbound/app/user/token'], ['DELETE', '/v1/mgmt/outbound/app/tenant/token'],
    ['GET', '/v1/mgmt/outbound/app/connect'], ['GET', '/v1/mgmt/outbound/app/create'], ['PUT', '/v1/mgmt/outbound/app/delete'],
    ['PATCH', '/v1/mgmt/outbound/app/user/oauthtoken/batch/upload'], ['GET', '/v1/mgmt/outbound/app/tenant/apikey/upload']]) {
    const res = await call(emulator.baseUrl, path, { method, headers: auth });
    assertDescopeError(res, 500, 'E010405');
    assert.match(res.json.errorMessage, new RegExp(`^${method} is not allowed on ${path}: use POST$`));
  }
  await assertAlive();
});

test('any other wrong method: 405 with Allow', async () => {
  for (const [method, path] of [['GET', '/v1/mgmt/outbound/token'], ['POST', '/v1/mgmt/outbound/user/tokens'], ['DELETE', '/emulator/tokens'],
    ['POST', '/provider/google/v1/people/me/connections']]) {
    const res = await call(emulator.baseUrl, path, { method, headers: auth });
    assertDescopeError(res, 405, 'E010405');
    assert.match(res.headers.get('allow') ?? '', /OPTIONS/);
  }
});

test('a huge payload: 413 in Descope\'s shape, and the emulator carries on', async () => {
  const raw = `{"appId":"${'x'.repeat(MAX_BODY_BYTES + 10)}"}`;
  assertDescopeError(await call(emulator.baseUrl, FETCH, { method: 'POST', headers: auth, raw }), 413, 'E010413');
  assertDescopeError(await call(emulator.baseUrl, '/emulator/access-tokens', { method: 'POST', raw }), 413, 'E010413');
  await assertAlive();
});

test('odd Authorization headers: 401, never a crash', async () => {
  for (const value of ['', 'Bearer', 'Basic abc', `Bearer ${emulator.projectId}`, `Bearer ${emulator.projectId}:`, 'Bearer :key',
    `Bearer ${emulator.projectId}:a.b.c`, `Bearer ${emulator.projectId}:${'k'.repeat(5000)}`]) {
    const res = await call(emulator.baseUrl, FETCH, { method: 'POST', headers: value ? { Authorization: value } : {}, body: { appId: 'slack', userId: 'U2x' } });
    assertDescopeError(res, 401);
  }
});

test('unknown paths and malformed escapes: 404 JSON', async () => {
  assertDescopeError(await call(emulator.baseUrl, '/v1/mgmt/outbound/nothing', { headers: auth }), 404, 'E010404');
  assertDescopeError(await call(emulator.baseUrl, '/emulator/tokens/%E0%A4%A/refresh', { method: 'POST' }), 404);
});

test('a client that hangs up mid-body does not take the emulator down', async () => {
  const url = new URL(emulator.baseUrl + FETCH);
  await new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': '1000' } });
    req.on('error', () => resolve(undefined));
    req.write('{"appId":"sl');
    setTimeout(() => { req.destroy(); resolve(undefined); }, 50);
  });
  await assertAlive();
});

test('a redirect URL with non-ASCII characters or line breaks: the callback redirects to its encoded form, never a 500', async () => {
  for (const [redirectUrl, expected] of [
    ['http://localhost:4511/设置?tab=应用', 'http://localhost:4511/%E8%AE%BE%E7%BD%AE?tab=%E5%BA%94%E7%94%A8'],
    ['http://localhost:4511/a\r\nSet-Cookie: x=1', 'http://localhost:4511/aSet-Cookie:%20x=1'],
  ]) {
    const s = await session(emulator.baseUrl, 'unicode-redirect@example.com');
    const connect = await call(emulator.baseUrl, '/v1/outbound/oauth/connect', {
      method: 'POST', headers: { Authorization: `Bearer ${emulator.projectId}:${s.refreshJwt}` }, body: { appId: 'slack', options: { redirectUrl } },
    });
    assert.equal(connect.status, 200, connect.text);
    const state = new URL(connect.json.url).searchParams.get('state') ?? '';
    const consent = await fetch(`${emulator.baseUrl}/emulator/provider/slack/consent`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state, decision: 'allow' }),
    });
    const callback = await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
    assert.equal(callback.status, 302, await callback.text());
    assert.equal(callback.headers.get('location'), expected);
    assert.equal(callback.headers.get('set-cookie'), null);
  }
});

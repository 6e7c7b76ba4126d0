// @ts-check
/**
 * The fake provider's API (Google People `people/me/connections`): only the access tokens the
 * emulator issued, scoped; Google's error shape; no CORS.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import DescopeClient from '@descope/node-sdk';
import { startEmulator } from '../../emulator/server.js';
import { call, connectApp, listContacts } from './support/emulator-client.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;

/** The user's access token for the app, as a backend gets it. @param {string} appId @param {string} userId */
async function accessTokenOf(appId, userId) {
  const client = DescopeClient({ projectId: emulator.projectId, managementKey: emulator.managementKey, baseUrl: emulator.baseUrl });
  const res = await client.management.outboundApplication.fetchToken(appId, userId);
  assert.equal(res.ok, true);
  return /** @type {{ id: string, accessToken: string }} */ (res.data);
}

/** @param {{ status: number, json: any, headers: Headers }} res @param {number} code @param {string} status */
function assertGoogleError(res, code, status) {
  assert.equal(res.status, code);
  assert.equal(res.json?.error?.code, code);
  assert.equal(res.json.error.status, status);
  assert.equal(typeof res.json.error.message, 'string');
}

before(async () => { emulator = await startEmulator({ port: 0 }); });
after(() => emulator.close());

test('a contacts-scoped token lists the connections in the People API shape, paged', async () => {
  const token = await accessTokenOf('google-contacts', await connectApp(emulator, { loginId: 'people@example.com', appId: 'google-contacts' }));
  const res = await listContacts(emulator.baseUrl, token.accessToken);
  assert.equal(res.status, 200);
  assert.equal(res.json.totalPeople, 10);
  assert.equal(res.json.totalItems, 10);
  assert.equal(res.json.connections.length, 10);
  const [ada] = res.json.connections;
  assert.match(ada.resourceName, /^people\/c\d+$/);
  assert.equal(typeof ada.etag, 'string');
  assert.equal(ada.names[0].displayName, 'Ada Lovelace');
  assert.equal(ada.names[0].givenName, 'Ada');
  assert.equal(ada.emailAddresses[0].value, 'ada@example.com');
  assert.equal(ada.phoneNumbers, undefined, 'only the personFields asked for');
  assert.equal(res.json.nextPageToken, undefined);

  const page1 = await listContacts(emulator.baseUrl, token.accessToken, 'personFields=names,phoneNumbers&pageSize=4');
  assert.equal(page1.json.connections.length, 4);
  assert.ok(page1.json.connections[0].phoneNumbers[0].value);
  assert.equal(page1.json.nextPageToken, '4');
  const page3 = await listContacts(emulator.baseUrl, token.accessToken, 'personFields=names&pageSize=4&pageToken=8');
  assert.deepEqual(page3.json.connections.map((/** @type {any} */ p) => p.names[0].displayName), ['Tim Berners-Lee', 'Radia Perlman']);
  assert.equal(page3.json.nextPageToken, undefined);
});

test('no token, an unknown token, a token of another provider: 401 with a Bearer challenge', async () => {
  const none = await call(emulator.baseUrl, '/provider/google/v1/people/me/connections?personFields=names');
  assertGoogleError(none, 401, 'UNAUTHENTICATED');
  assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer /);
  assertGoogleError(await listContacts(emulator.baseUrl, 'ya29.not-issued-by-the-emulator'), 401, 'UNAUTHENTICATED');
  const slack = await accessTokenOf('slack', await connectApp(emulator, { loginId: 'slack-at-google@example.com', appId: 'slack' }));
  assertGoogleError(await listContacts(emulator.baseUrl, slack.accessToken), 401, 'UNAUTHENTICATED');
});

test('an expired token: 401 invalid_token', async () => {
  const token = await accessTokenOf('google-contacts', await connectApp(emulator, { loginId: 'people-expired@example.com', appId: 'google-contacts' }));
  await call(emulator.baseUrl, `/emulator/tokens/${token.id}/expire`, { method: 'POST' });
  const res = await listContacts(emulator.baseUrl, token.accessToken);
  assertGoogleError(res, 401, 'UNAUTHENTICATED');
  assert.match(res.headers.get('www-authenticate') ?? '', /invalid_token/);
});

test('a Google token without a contacts scope: 403 insufficient_scope', async () => {
  const userId = await connectApp(emulator, { loginId: 'people-noscope@example.com', appId: 'google-contacts', scopes: ['openid', 'email'] });
  const res = await listContacts(emulator.baseUrl, (await accessTokenOf('google-contacts', userId)).accessToken);
  assertGoogleError(res, 403, 'PERMISSION_DENIED');
  assert.match(res.headers.get('www-authenticate') ?? '', /insufficient_scope/);
});

test('personFields is required and checked, as at Google', async () => {
  const token = await accessTokenOf('google-contacts', await connectApp(emulator, { loginId: 'people-fields@example.com', appId: 'google-contacts' }));
  assertGoogleError(await listContacts(emulator.baseUrl, token.accessToken, ''), 400, 'INVALID_ARGUMENT');
  assertGoogleError(await listContacts(emulator.baseUrl, token.accessToken, 'personFields=names,secrets'), 400, 'INVALID_ARGUMENT');
  assertGoogleError(await listContacts(emulator.baseUrl, token.accessToken, 'personFields=names&pageSize=0'), 400, 'INVALID_ARGUMENT');
});

test('no CORS: a provider token belongs in a backend, not a page', async () => {
  const preflight = await fetch(`${emulator.baseUrl}/provider/google/v1/people/me/connections`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:4511', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  const res = await call(emulator.baseUrl, '/provider/google/v1/people/me/connections?personFields=names', { headers: { Origin: 'http://localhost:4511' } });
  assert.equal(res.headers.get('access-control-allow-origin'), null);
});

// @ts-check
/**
 * Tokens migrated into the vault with the real @descope/node-sdk: API keys and OAuth tokens,
 * single and batch, user and tenant level. An uploaded token then behaves like a connected one:
 * the fetches answer it, apps-with-user-token lists it, the token page shows it, and its access
 * token works at the fake provider.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import DescopeClient from '@descope/node-sdk';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';
import { assertDescopeError, call, listContacts, session } from './support/emulator-client.js';

const CONTACTS = ['https://www.googleapis.com/auth/contacts.readonly'];

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {ReturnType<typeof DescopeClient>['management']['outboundApplication']} */
let outbound;

/** @param {any} res @param {number} status @param {string} [code] */
function assertSdkError(res, status, code) {
  assert.equal(res.ok, false, JSON.stringify(res.data));
  assertDescopeError({ status: res.code, json: res.error }, status, code);
}

/** @param {any} res */
const dataOf = (res) => {
  assert.equal(res.ok, true, JSON.stringify(res.error));
  return res.data;
};

before(async () => {
  emulator = await startEmulator({ port: 0 });
  outbound = DescopeClient({ projectId: emulator.projectId, managementKey: DEFAULT_MANAGEMENT_KEY, baseUrl: emulator.baseUrl }).management.outboundApplication;
});
after(() => emulator.close());

test('uploadUserToken: fetched as uploaded, listed, on the token page, and accepted by the provider', async () => {
  const expiry = Math.floor(Date.now() / 1000) + 1800;
  const res = await outbound.uploadUserToken({
    appId: 'google-contacts', userId: 'U2migrated', accessToken: 'ya29.migrated-access', refreshToken: '1//migrated-refresh',
    accessTokenExpiry: expiry, scopes: CONTACTS, externalIdentifier: 'ext-7',
  });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  const token = dataOf(await outbound.fetchToken('google-contacts', 'U2migrated', undefined, { withRefreshToken: true }));
  assert.equal(token.accessToken, 'ya29.migrated-access');
  assert.equal(token.refreshToken, '1//migrated-refresh');
  assert.equal(token.accessTokenExpiry, String(expiry));
  assert.equal(token.hasRefreshToken, true);
  assert.equal(token.externalIdentifier, 'ext-7');
  assert.deepEqual(dataOf(await outbound.fetchTokenByScopes('google-contacts', 'U2migrated', CONTACTS)).id, token.id);
  assert.deepEqual(dataOf(await outbound.listAppsWithUserToken('U2migrated')), ['google-contacts']);
  assert.equal((await listContacts(emulator.baseUrl, 'ya29.migrated-access')).status, 200, 'the provider accepts the uploaded token');
  const page = await call(emulator.baseUrl, '/emulator/tokens?userId=U2migrated');
  assert.match(page.text, new RegExp(`data-token-id="${token.id}"`));

  // A refresh uses the uploaded refresh token: a new access token the provider accepts.
  const forced = dataOf(await outbound.fetchToken('google-contacts', 'U2migrated', undefined, { forceRefresh: true }));
  assert.notEqual(forced.accessToken, 'ya29.migrated-access');
  assert.equal((await listContacts(emulator.baseUrl, forced.accessToken)).status, 200);
});

test('uploadUserToken with only a refresh token: the first fetch refreshes it; verifyRefresh refreshes at once', async () => {
  assert.equal((await outbound.uploadUserToken({ appId: 'google-contacts', userId: 'U2refreshOnly', refreshToken: '1//only', scopes: CONTACTS })).ok, true);
  const token = dataOf(await outbound.fetchToken('google-contacts', 'U2refreshOnly'));
  assert.match(token.accessToken, /^ya29\.emu-/);
  assert.equal((await listContacts(emulator.baseUrl, token.accessToken)).status, 200);

  assert.equal((await outbound.uploadUserToken({ appId: 'slack', userId: 'U2verified', refreshToken: '1//v', accessToken: 'xoxp-old', verifyRefresh: true })).ok, true);
  assert.notEqual(dataOf(await outbound.fetchToken('slack', 'U2verified')).accessToken, 'xoxp-old');
});

test('an uploaded user token in a tenant, and one without a refresh token that cannot be refreshed', async () => {
  assert.equal((await outbound.uploadUserToken({ appId: 'hubspot', userId: 'U2t', tenantId: 'T-up', accessToken: 'hs-1' })).ok, true);
  assert.equal(dataOf(await outbound.fetchToken('hubspot', 'U2t', 'T-up')).tenantId, 'T-up');
  assertSdkError(await outbound.fetchToken('hubspot', 'U2t', 'T-other'), 404, 'E073002');
  const forced = dataOf(await outbound.fetchToken('hubspot', 'U2t', 'T-up', { forceRefresh: true }));
  assert.equal(forced.accessToken, 'hs-1', 'nothing to refresh with');
  assert.match(forced.lastRefreshError, /No refresh token/);
  assert.equal(forced.accessTokenExpiry, '0', 'an unknown expiry stays 0');
});

test('uploadUserToken failures: no token values 400, no userId 400, unknown app 404, wrong types 400, management key only', async () => {
  assertSdkError(await outbound.uploadUserToken({ appId: 'slack', userId: 'U2x' }), 400, 'E011002');
  assertSdkError(await outbound.uploadUserToken(/** @type {any} */ ({ appId: 'slack', accessToken: 'a' })), 400, 'E011002');
  assertSdkError(await outbound.uploadUserToken({ appId: 'no-such-app', userId: 'U2x', accessToken: 'a' }), 404, 'E073001');
  assertSdkError(await outbound.uploadUserToken(/** @type {any} */ ({ appId: 'slack', userId: 'U2x', accessToken: 'a', accessTokenExpiry: 'soon' })), 400, 'E011004');
  assertSdkError(await outbound.uploadUserToken({ appId: 'slack', userId: 'U2x', accessToken: 'a', verifyRefresh: true }), 400, 'E011002');
  const access = await call(emulator.baseUrl, '/emulator/access-tokens', { method: 'POST', body: { userId: 'U2x' } });
  const mcp = DescopeClient({ projectId: emulator.projectId, managementKey: access.json.accessToken, baseUrl: emulator.baseUrl }).management.outboundApplication;
  assertSdkError(await mcp.uploadUserToken({ appId: 'slack', userId: 'U2x', accessToken: 'a' }), 403, 'E061005');
});

test('uploadTenantToken: a tenant token, fetched by fetchTenantToken with its grantedBy', async () => {
  assert.equal((await outbound.uploadTenantToken({ appId: 'slack', tenantId: 'T-mig', accessToken: 'xoxb-t', refreshToken: 'r', scopes: ['chat:write'], grantedBy: 'U2admin' })).ok, true);
  const token = dataOf(await outbound.fetchTenantToken('slack', 'T-mig', { withRefreshToken: true }));
  assert.equal(token.accessToken, 'xoxb-t');
  assert.equal(token.refreshToken, 'r');
  assert.equal(token.tenantId, 'T-mig');
  assert.equal(token.grantedBy, 'U2admin');
  assert.equal(token.userId, '');
  assert.equal(dataOf(await outbound.fetchTenantTokenByScopes('slack', 'T-mig', ['chat:write'])).id, token.id);
  assertSdkError(await outbound.uploadTenantToken(/** @type {any} */ ({ appId: 'slack', accessToken: 'x' })), 400, 'E011002');
});

test('uploadUserApiKey and uploadTenantApiKey: the key is the token\'s access token, never expires, never refreshed', async () => {
  assert.equal((await outbound.uploadUserApiKey('notion', 'U2keyed', 'secret_user_key')).ok, true);
  const token = dataOf(await outbound.fetchToken('notion', 'U2keyed', undefined, { forceRefresh: true }));
  assert.equal(token.accessToken, 'secret_user_key');
  assert.equal(token.hasRefreshToken, false);
  assert.equal(token.lastRefreshError, '', 'an API key has nothing to refresh: no error');
  assert.deepEqual(dataOf(await outbound.listAppsWithUserToken('U2keyed')), ['notion']);

  assert.equal((await outbound.uploadUserApiKey('notion', 'U2keyed', 'secret_in_tenant', 'T-k')).ok, true);
  assert.equal(dataOf(await outbound.fetchToken('notion', 'U2keyed', 'T-k')).accessToken, 'secret_in_tenant');

  assert.equal((await outbound.uploadTenantApiKey('notion', 'T-k', 'secret_tenant_key')).ok, true);
  assert.equal(dataOf(await outbound.fetchTenantToken('notion', 'T-k')).accessToken, 'secret_tenant_key');

  assertSdkError(await outbound.uploadUserApiKey('notion', 'U2keyed', ''), 400, 'E011002');
  assertSdkError(await outbound.uploadTenantApiKey('notion', '', 'k'), 400, 'E011002');
  assertSdkError(await outbound.uploadTenantApiKey('no-such-app', 'T-k', 'k'), 404, 'E073001');
});

test('an uploaded token replaces the connected one of the same app, user and tenant, as a reconnect does', async () => {
  const { user } = await session(emulator.baseUrl, 'replaced@example.com');
  await outbound.uploadUserToken({ appId: 'github', userId: user.userId, accessToken: 'gho_first' });
  await outbound.uploadUserToken({ appId: 'github', userId: user.userId, accessToken: 'gho_second' });
  const { json } = await call(emulator.baseUrl, `/emulator/connections?userId=${user.userId}&appId=github`);
  assert.equal(json.connections.length, 1);
  assert.equal(dataOf(await outbound.fetchToken('github', user.userId)).accessToken, 'gho_second');
});

test('batchUploadUserTokens: all stored, { failures: [] }; one bad item and nothing is stored', async () => {
  const ok = dataOf(await outbound.batchUploadUserTokens([
    { appId: 'slack', userId: 'U2b1', accessToken: 'xoxp-1' },
    { appId: 'github', userId: 'U2b2', refreshToken: 'r-2', accessToken: 'gho-2' },
  ]));
  assert.deepEqual(ok, { failures: [] });
  assert.equal(dataOf(await outbound.fetchToken('slack', 'U2b1')).accessToken, 'xoxp-1');
  assert.equal(dataOf(await outbound.fetchToken('github', 'U2b2')).accessToken, 'gho-2');

  const bad = dataOf(await outbound.batchUploadUserTokens([
    { appId: 'slack', userId: 'U2b3', accessToken: 'xoxp-3' },
    { appId: 'no-such-app', userId: 'U2b4', accessToken: 'x' },
    { appId: 'slack', userId: 'U2b5' },
  ]));
  assert.equal(bad.failures.length, 2);
  assert.deepEqual(bad.failures.map((/** @type {any} */ f) => [f.appId, f.userId, f.errorCode]), [['no-such-app', 'U2b4', 'E073001'], ['slack', 'U2b5', 'E011002']]);
  assert.ok(bad.failures.every((/** @type {any} */ f) => typeof f.reason === 'string' && f.reason && !('tenantId' in f)));
  assertSdkError(await outbound.fetchToken('slack', 'U2b3'), 404, 'E073002');
});

test('batchUploadTenantTokens: tenant tokens, all or nothing; failures name the tenant', async () => {
  assert.deepEqual(dataOf(await outbound.batchUploadTenantTokens([{ appId: 'hubspot', tenantId: 'T-b1', accessToken: 'hs-b1' }])), { failures: [] });
  assert.equal(dataOf(await outbound.fetchTenantToken('hubspot', 'T-b1')).accessToken, 'hs-b1');
  const bad = dataOf(await outbound.batchUploadTenantTokens([
    { appId: 'hubspot', tenantId: 'T-b2', accessToken: 'hs-b2' },
    /** @type {any} */ ({ appId: 'hubspot', accessToken: 'no-tenant' }),
  ]));
  assert.deepEqual(bad.failures.map((/** @type {any} */ f) => [f.appId, f.tenantId, f.errorCode]), [['hubspot', '', 'E011002']]);
  assert.ok(!('userId' in bad.failures[0]));
  assertSdkError(await outbound.fetchTenantToken('hubspot', 'T-b2'), 404, 'E073002');
  assertSdkError(await outbound.batchUploadTenantTokens(/** @type {any} */ (undefined)), 400, 'E011002');
});

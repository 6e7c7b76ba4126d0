// @ts-check
/**
 * The management API for outbound tokens, called with the real @descope/node-sdk pointed at the
 * emulator: each call's success and each documented error, with the SDK's own response handling.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import DescopeClient from '@descope/node-sdk';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';
import { assertDescopeError, call, connectApp, listContacts, mcpAccessToken } from './support/emulator-client.js';

const CONTACTS = ['https://www.googleapis.com/auth/contacts.readonly'];
const NOT_FOUND = 'E073002';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
/** @type {ReturnType<typeof DescopeClient>['management']['outboundApplication']} */
let outbound;

/** A node-sdk client whose "management key" is any secret (a wrong key, an MCP-server token). @param {string | undefined} key */
const clientWith = (key) => DescopeClient({ projectId: emulator.projectId, managementKey: key, baseUrl: emulator.baseUrl }).management.outboundApplication;

/** The SDK's `{ ok, code, error }` for a failure, checked for Descope's error shape. @param {any} res @param {number} status @param {string} [code] */
function assertSdkError(res, status, code) {
  assert.equal(res.ok, false);
  assertDescopeError({ status: res.code, json: res.error }, status, code);
}

before(async () => {
  emulator = await startEmulator({ port: 0 });
  outbound = clientWith(DEFAULT_MANAGEMENT_KEY);
});
after(() => emulator.close());

describe('fetchToken (POST /v1/mgmt/outbound/app/user/token/latest)', () => {
  test('answers the stored token in Descope\'s shape, without the refresh token unless asked', async () => {
    const userId = await connectApp(emulator, { loginId: 'fetch@example.com', appId: 'google-contacts' });
    const before = Date.now();
    const res = await outbound.fetchToken('google-contacts', userId);
    assert.equal(res.ok, true, JSON.stringify(res.error));
    const token = /** @type {Record<string, any>} */ (res.data);
    assert.deepEqual(Object.keys(token).sort(), ['accessToken', 'accessTokenExpiry', 'accessTokenType', 'appId', 'hasRefreshToken',
      'id', 'lastRefreshError', 'lastRefreshTime', 'scopes', 'tokenSub', 'userId'].sort());
    assert.equal(token.appId, 'google-contacts');
    assert.equal(token.userId, userId);
    assert.deepEqual(token.scopes, CONTACTS, 'the app\'s default scopes were granted');
    assert.equal(token.accessTokenType, 'Bearer');
    assert.equal(token.hasRefreshToken, true);
    assert.equal(token.lastRefreshError, '');
    assert.match(token.id, /^OT[A-Za-z0-9]{26}$/);
    assert.match(token.tokenSub, /\S/);
    assert.equal(typeof token.accessTokenExpiry, 'string', 'the docs type the expiry as a string');
    assert.ok(Number(token.accessTokenExpiry) * 1000 > before + 50 * 60 * 1000, 'about an hour ahead');
    assert.equal((await listContacts(emulator.baseUrl, token.accessToken)).status, 200, 'the access token works at the provider');
  });

  test('withRefreshToken adds the refresh token; forceRefresh issues a new access token', async () => {
    const userId = await connectApp(emulator, { loginId: 'refresh@example.com', appId: 'google-contacts' });
    const first = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId, undefined, { withRefreshToken: true })).data);
    assert.equal(typeof first.refreshToken, 'string');
    assert.ok(first.refreshToken.length > 20);
    const same = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId)).data);
    assert.equal(same.accessToken, first.accessToken, 'no refresh without forceRefresh while the token is valid');
    await new Promise((r) => setTimeout(r, 1100)); // lastRefreshTime is in seconds
    const forced = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId, undefined, { forceRefresh: true })).data);
    assert.notEqual(forced.accessToken, first.accessToken);
    assert.equal(forced.id, first.id, 'the same stored token');
    assert.ok(Number(forced.lastRefreshTime) > Number(first.lastRefreshTime));
    assert.equal(forced.refreshToken, undefined);
    assert.equal((await listContacts(emulator.baseUrl, forced.accessToken)).status, 200);
  });

  test('an expired access token is refreshed on fetch, as Descope does', async () => {
    const userId = await connectApp(emulator, { loginId: 'expired@example.com', appId: 'google-contacts' });
    const first = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId)).data);
    assert.equal((await call(emulator.baseUrl, `/emulator/tokens/${first.id}/expire`, { method: 'POST' })).status, 200);
    assert.equal((await listContacts(emulator.baseUrl, first.accessToken)).status, 401, 'the provider refuses the expired token');
    const next = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId)).data);
    assert.notEqual(next.accessToken, first.accessToken);
    assert.ok(Number(next.accessTokenExpiry) * 1000 > Date.now());
    assert.equal((await listContacts(emulator.baseUrl, next.accessToken)).status, 200);
  });

  test('a user who never connected: 404', async () => {
    const userId = await connectApp(emulator, { loginId: 'only-slack@example.com', appId: 'slack' });
    assertSdkError(await outbound.fetchToken('google-contacts', userId), 404, NOT_FOUND);
    assertSdkError(await outbound.fetchToken('google-contacts', 'U2nobody'), 404, NOT_FOUND);
  });

  test('an unknown app: 404; a missing appId or userId: 400', async () => {
    assertSdkError(await outbound.fetchToken('no-such-app', 'U2someone'), 404, 'E073001');
    assertSdkError(await outbound.fetchToken('', 'U2someone'), 400, 'E011002');
    assertSdkError(await outbound.fetchToken('slack', ''), 400, 'E011002');
  });

  test('with a tenant ID, only the token connected for that tenant', async () => {
    const userId = await connectApp(emulator, { loginId: 'tenant-user@example.com', appId: 'hubspot', tenantId: 'T-acme' });
    const res = await outbound.fetchToken('hubspot', userId, 'T-acme');
    assert.equal(/** @type {any} */ (res.data)?.tenantId, 'T-acme');
    assertSdkError(await outbound.fetchToken('hubspot', userId, 'T-other'), 404, NOT_FOUND);
    assert.equal((await outbound.fetchToken('hubspot', userId)).ok, true, 'without a tenant ID: the user\'s latest token');
  });
});

describe('fetchTokenByScopes (POST /v1/mgmt/outbound/app/user/token)', () => {
  test('exactly the granted scopes, in any order: the token; other scopes: 404', async () => {
    const userId = await connectApp(emulator, { loginId: 'scopes@example.com', appId: 'github', scopes: ['repo', 'read:user'] });
    const res = await outbound.fetchTokenByScopes('github', userId, ['read:user', 'repo'], { withRefreshToken: true });
    assert.equal(res.ok, true);
    assert.deepEqual(/** @type {any} */ (res.data).scopes, ['repo', 'read:user']);
    assert.equal(typeof (/** @type {any} */ (res.data).refreshToken), 'string');
    assertSdkError(await outbound.fetchTokenByScopes('github', userId, ['repo']), 404, NOT_FOUND);
    assertSdkError(await outbound.fetchTokenByScopes('github', userId, ['repo', 'read:user', 'admin:org']), 404, NOT_FOUND);
    assertSdkError(await outbound.fetchTokenByScopes('github', userId, []), 400, 'E011002');
  });
});

describe('tenant tokens (POST /v1/mgmt/outbound/app/tenant/token[/latest])', () => {
  test('a tenant-level connect is stored as the tenant\'s token, not the user\'s', async () => {
    const userId = await connectApp(emulator, { loginId: 'admin@tenant.example', appId: 'slack', tenantId: 'T-shared', tenantLevel: true });
    const res = await outbound.fetchTenantToken('slack', 'T-shared');
    assert.equal(res.ok, true, JSON.stringify(res.error));
    const token = /** @type {any} */ (res.data);
    assert.equal(token.tenantId, 'T-shared');
    assert.equal(token.grantedBy, userId, 'who connected it');
    assert.equal(token.userId, '');
    assert.deepEqual(token.scopes, ['channels:read', 'chat:write']);
    assertSdkError(await outbound.fetchToken('slack', userId), 404, NOT_FOUND);

    const byScopes = await outbound.fetchTenantTokenByScopes('slack', 'T-shared', ['chat:write', 'channels:read'], { forceRefresh: true });
    assert.equal(byScopes.ok, true);
    assert.notEqual(/** @type {any} */ (byScopes.data).accessToken, token.accessToken);
    assertSdkError(await outbound.fetchTenantTokenByScopes('slack', 'T-shared', ['chat:write']), 404, NOT_FOUND);
    assertSdkError(await outbound.fetchTenantToken('slack', 'T-nobody'), 404, NOT_FOUND);
    assertSdkError(await outbound.fetchTenantToken('slack', ''), 400, 'E011002');
  });
});

describe('deleting tokens', () => {
  test('deleteTokenById removes that token; an unknown ID: 404', async () => {
    const userId = await connectApp(emulator, { loginId: 'delete-one@example.com', appId: 'notion' });
    const { data } = await outbound.fetchToken('notion', userId);
    const token = /** @type {any} */ (data);
    const res = await outbound.deleteTokenById(token.id);
    assert.equal(res.ok, true);
    assertSdkError(await outbound.fetchToken('notion', userId), 404, NOT_FOUND);
    assertSdkError(await outbound.deleteTokenById(token.id), 404, NOT_FOUND);
    assertSdkError(await outbound.deleteTokenById(''), 400, 'E011002');
  });

  test('deleteUserTokens removes the user\'s tokens of that app only, and revokes them at the provider', async () => {
    const userId = await connectApp(emulator, { loginId: 'delete-all@example.com', appId: 'google-contacts' });
    await connectApp(emulator, { loginId: 'delete-all@example.com', appId: 'slack' });
    const other = await connectApp(emulator, { loginId: 'bystander@example.com', appId: 'google-contacts' });
    const token = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId)).data);
    assert.equal((await outbound.deleteUserTokens('google-contacts', userId)).ok, true);
    assertSdkError(await outbound.fetchToken('google-contacts', userId), 404, NOT_FOUND);
    assert.equal((await listContacts(emulator.baseUrl, token.accessToken)).status, 401, 'a deleted token no longer works');
    assert.equal((await outbound.fetchToken('slack', userId)).ok, true, 'other apps stay');
    assert.equal((await outbound.fetchToken('google-contacts', other)).ok, true, 'other users stay');
    const apps = await outbound.listAppsWithUserToken(userId);
    assert.deepEqual(apps.data, ['slack']);
  });
});

describe('the catalog with the management key', () => {
  test('loadAllApplications and listAppsWithUserToken', async () => {
    const all = await outbound.loadAllApplications();
    assert.equal(all.ok, true);
    assert.ok(/** @type {any[]} */ (all.data).some((app) => app.id === 'google-contacts'));
    const userId = await connectApp(emulator, { loginId: 'catalog@example.com', appId: 'hubspot' });
    assert.deepEqual((await outbound.listAppsWithUserToken(userId)).data, ['hubspot']);
  });
});

describe('authorization', () => {
  test('a wrong management key, or none: 401 on every call', async () => {
    for (const client of [clientWith('K2wrong-key'), clientWith(undefined)]) {
      assertSdkError(await client.fetchToken('slack', 'U2x'), 401);
      assertSdkError(await client.fetchTokenByScopes('slack', 'U2x', ['a']), 401);
      assertSdkError(await client.fetchTenantToken('slack', 'T1'), 401);
      assertSdkError(await client.fetchTenantTokenByScopes('slack', 'T1', ['a']), 401);
      assertSdkError(await client.deleteTokenById('OT1'), 401);
      assertSdkError(await client.deleteUserTokens('slack', 'U2x'), 401);
    }
  });

  test('a management key of another project: 401', async () => {
    const res = await call(emulator.baseUrl, '/v1/mgmt/outbound/app/user/token/latest', {
      method: 'POST', headers: { Authorization: `Bearer P2another:${DEFAULT_MANAGEMENT_KEY}` }, body: { appId: 'slack', userId: 'U2x' },
    });
    assertDescopeError(res, 401);
  });

  test('a configured key replaces the default', async () => {
    const custom = await startEmulator({ port: 0, managementKey: 'K2ci-secret' });
    try {
      const client = (/** @type {string} */ key) => DescopeClient({ projectId: custom.projectId, managementKey: key, baseUrl: custom.baseUrl }).management.outboundApplication;
      assertSdkError(await client(DEFAULT_MANAGEMENT_KEY).fetchToken('slack', 'U2x'), 401);
      assertSdkError(await client('K2ci-secret').fetchToken('slack', 'U2x'), 404, NOT_FOUND);
    } finally {
      await custom.close();
    }
  });

  test('an MCP-server access token with outbound.token.fetch fetches its own user\'s token', async () => {
    const userId = await connectApp(emulator, { loginId: 'mcp@example.com', appId: 'google-contacts' });
    const mcp = clientWith(await mcpAccessToken(emulator.baseUrl, { loginId: 'mcp@example.com' }));
    const res = await mcp.fetchToken('google-contacts', userId);
    assert.equal(res.ok, true, JSON.stringify(res.error));
    assert.equal((await mcp.fetchTokenByScopes('google-contacts', userId, CONTACTS)).ok, true);
    const other = await connectApp(emulator, { loginId: 'mcp-other@example.com', appId: 'google-contacts' });
    assertSdkError(await mcp.fetchToken('google-contacts', other), 403);
    assertSdkError(await mcp.deleteTokenById(/** @type {any} */ (res.data).id), 403, 'E061005');
    assertSdkError(await mcp.deleteUserTokens('google-contacts', userId), 403);
  });

  test('an access token without the outbound.token.fetch scope: 403; expired or forged: 401', async () => {
    const userId = await connectApp(emulator, { loginId: 'mcp-noscope@example.com', appId: 'google-contacts' });
    const noScope = await mcpAccessToken(emulator.baseUrl, { userId, scopes: ['openid', 'profile'] });
    assertSdkError(await clientWith(noScope).fetchToken('google-contacts', userId), 403, 'E061005');
    const expired = await mcpAccessToken(emulator.baseUrl, { userId, expiresIn: -60 });
    assertSdkError(await clientWith(expired).fetchToken('google-contacts', userId), 401);
    const good = await mcpAccessToken(emulator.baseUrl, { userId });
    const [h, p, sig] = good.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'U2someoneElse' })).toString('base64url')}.${sig}`;
    assertSdkError(await clientWith(forged).fetchToken('google-contacts', 'U2someoneElse'), 401);
    const session = await call(emulator.baseUrl, '/emulator/sessions', { method: 'POST', body: { userId } });
    assertSdkError(await clientWith(session.json.sessionJwt).fetchToken('google-contacts', userId), 403, 'E061005');
  });

  test('tenant mismatch: 403 for an access token issued for another tenant', async () => {
    const userId = await connectApp(emulator, { loginId: 'mcp-tenant@example.com', appId: 'hubspot', tenantId: 'T-one' });
    await connectApp(emulator, { loginId: 'mcp-tenant@example.com', appId: 'slack', tenantId: 'T-one', tenantLevel: true });
    const inOne = clientWith(await mcpAccessToken(emulator.baseUrl, { userId, tenantId: 'T-one' }));
    assert.equal((await inOne.fetchToken('hubspot', userId, 'T-one')).ok, true);
    assert.equal((await inOne.fetchTenantToken('slack', 'T-one')).ok, true);
    const inTwo = clientWith(await mcpAccessToken(emulator.baseUrl, { userId, tenantId: 'T-two' }));
    assertSdkError(await inTwo.fetchToken('hubspot', userId, 'T-one'), 403);
    assertSdkError(await inTwo.fetchToken('hubspot', userId), 404, NOT_FOUND);
    assertSdkError(await inTwo.fetchTokenByScopes('hubspot', userId, ['crm.objects.contacts.read']), 404, NOT_FOUND);
    assertSdkError(await inTwo.fetchTenantToken('slack', 'T-one'), 403);
    const noTenant = clientWith(await mcpAccessToken(emulator.baseUrl, { userId }));
    assertSdkError(await noTenant.fetchTenantToken('slack', 'T-one'), 403);
  });
});

test('a tenant-level connect without a tenant ID is refused (its token could never be fetched)', async () => {
  const { json: s } = await call(emulator.baseUrl, '/emulator/sessions', { method: 'POST', body: { loginId: 'no-tenant@example.com' } });
  const res = await call(emulator.baseUrl, '/v1/outbound/oauth/connect', {
    method: 'POST',
    headers: { Authorization: `Bearer ${emulator.projectId}:${s.refreshJwt}` },
    body: { appId: 'slack', tenantLevel: true, options: { redirectUrl: 'http://localhost:4511/' } },
  });
  assertDescopeError(res, 400, 'E011002');
  assert.match(res.json.errorMessage, /tenantId/);
});

test('a grant revoked at the provider: the refresh fails, the token says why in lastRefreshError, a reconnect heals it', async () => {
  const userId = await connectApp(emulator, { loginId: 'revoked@example.com', appId: 'google-contacts' });
  const first = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId)).data);
  assert.equal((await call(emulator.baseUrl, `/emulator/tokens/${first.id}/revoke`, { method: 'POST' })).status, 200);
  assert.equal((await listContacts(emulator.baseUrl, first.accessToken)).status, 401, 'the provider killed the access token');

  const after = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId, undefined, { forceRefresh: true })).data);
  assert.equal(after.id, first.id);
  assert.match(after.lastRefreshError, /invalid_grant/);
  assert.equal(after.accessToken, first.accessToken, 'no new access token');
  assert.ok(Number(after.accessTokenExpiry) * 1000 <= Date.now(), 'and it has expired');
  const page = await call(emulator.baseUrl, `/emulator/tokens?userId=${userId}`);
  assert.match(page.text, /invalid_grant: Token has been expired or revoked\./);

  await connectApp(emulator, { loginId: 'revoked@example.com', appId: 'google-contacts' });
  const healed = /** @type {any} */ ((await outbound.fetchToken('google-contacts', userId)).data);
  assert.equal(healed.lastRefreshError, '');
  assert.equal((await listContacts(emulator.baseUrl, healed.accessToken)).status, 200);
});

// @ts-check
/**
 * The outbound apps themselves, managed with the real @descope/node-sdk against the emulator:
 * create (with and without an ID), create by template, update, delete, load, load all; and each
 * change seen wherever apps are: the catalog the elements read, connect, the consent page, the
 * token fetches and the state file.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { startEmulator, DEFAULT_MANAGEMENT_KEY } from '../../emulator/server.js';
import { assertDescopeError, call, connectApp, listContacts, session } from './support/emulator-client.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
let dir = '';

/** @param {{ projectId: string, baseUrl: string }} e @param {string} [key] */
const outboundOf = (e, key = DEFAULT_MANAGEMENT_KEY) =>
  DescopeClient({ projectId: e.projectId, managementKey: key, baseUrl: e.baseUrl }).management.outboundApplication;

/** The SDK's `{ ok, code, error }` for a failure, checked for Descope's error shape. @param {any} res @param {number} status @param {string} [code] */
function assertSdkError(res, status, code) {
  assert.equal(res.ok, false, JSON.stringify(res.data));
  assertDescopeError({ status: res.code, json: res.error }, status, code);
}

/** The catalog as the elements read it: `GET /v1/mgmt/outbound/apps` with a user's session. */
async function catalogIds() {
  const s = await session(emulator.baseUrl, 'catalog-reader@example.com');
  const res = await call(emulator.baseUrl, '/v1/mgmt/outbound/apps', { headers: { Authorization: `Bearer ${emulator.projectId}:${s.refreshJwt}` } });
  assert.equal(res.status, 200);
  return res.json.apps.map((/** @type {any} */ app) => app.id);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outbound-emulator-apps-'));
  emulator = await startEmulator({ port: 0 });
});
after(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

test('createApplication with an ID: answered as { app }, then in the catalog, loadable, and connectable', async () => {
  const outbound = outboundOf(emulator);
  const res = await outbound.createApplication({
    id: 'google-drive', name: 'Google Drive', description: 'Your files.', logo: 'https://cdn.example/drive.svg',
    defaultScopes: ['https://www.googleapis.com/auth/drive.readonly'], clientId: 'cid', clientSecret: 'shh',
    authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth', authorizationUrlParams: [{ key: 'access_type', value: 'offline' }],
    pkce: true, accessType: 'offline', prompt: ['consent'],
  });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  const app = /** @type {any} */ (res.data);
  assert.equal(app.id, 'google-drive');
  assert.equal(app.name, 'Google Drive');
  assert.deepEqual(app.authorizationUrlParams, [{ key: 'access_type', value: 'offline' }]);
  assert.equal(app.pkce, true);
  assert.equal(app.clientId, 'cid');
  assert.equal(app.clientSecret, undefined, 'the secret is never answered');

  assert.deepEqual((await outbound.loadApplication('google-drive')).data, app);
  assert.ok(/** @type {any[]} */ ((await outbound.loadAllApplications()).data).some((a) => a.id === 'google-drive'));
  assert.ok((await catalogIds()).includes('google-drive'), 'the elements\' catalog shows it');

  // Its ID starts with `google`: the fake Google API accepts its tokens, as for the built-in app.
  const userId = await connectApp(emulator, { loginId: 'drive@example.com', appId: 'google-drive' });
  const token = /** @type {any} */ ((await outbound.fetchToken('google-drive', userId)).data);
  assert.deepEqual(token.scopes, ['https://www.googleapis.com/auth/drive.readonly'], 'its default scopes were granted');
});

test('createApplication without an ID: the emulator picks one', async () => {
  const res = await outboundOf(emulator).createApplication({ name: 'Custom CRM' });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  const app = /** @type {any} */ (res.data);
  assert.match(app.id, /^OA[A-Za-z0-9]{26}$/);
  assert.equal((await outboundOf(emulator).loadApplication(app.id)).ok, true);
});

test('createApplication failures: no name 400, a taken or malformed ID 400, a wrong type 400, a wrong key 401', async () => {
  const outbound = outboundOf(emulator);
  assertSdkError(await outbound.createApplication(/** @type {any} */ ({ id: 'nameless' })), 400, 'E011002');
  assertSdkError(await outbound.createApplication({ id: 'slack', name: 'Another Slack' }), 400, 'E011004');
  assertSdkError(await outbound.createApplication({ id: 'a/b', name: 'Slashed' }), 400, 'E011004');
  assertSdkError(await outbound.createApplication(/** @type {any} */ ({ name: 'Typed', pkce: 'yes' })), 400, 'E011004');
  assertSdkError(await outbound.createApplication(/** @type {any} */ ({ name: 'Prompted', prompt: ['always'] })), 400, 'E011004');
  assertSdkError(await outboundOf(emulator, 'K2wrong').createApplication({ name: 'Nope' }), 401);
});

test('createApplicationByTemplate: the template\'s fields, the overrides on top, its provider kept', async () => {
  const outbound = outboundOf(emulator);
  const res = await outbound.createApplicationByTemplate({
    templateId: 'google-contacts', id: 'work-contacts', clientId: 'work-client', tenantId: 'T-work',
    overrides: { name: 'Work contacts', description: 'The team\'s address book.' },
  });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  const app = /** @type {any} */ (res.data);
  assert.equal(app.id, 'work-contacts');
  assert.equal(app.name, 'Work contacts');
  assert.equal(app.description, 'The team\'s address book.');
  assert.deepEqual(app.defaultScopes, ['https://www.googleapis.com/auth/contacts.readonly'], 'from the template');
  assert.match(app.logo, /\/emulator\/logos\/google-contacts\.svg$/);
  assert.equal(app.clientId, 'work-client');
  assert.equal(app.tenantId, 'T-work');

  const userId = await connectApp(emulator, { loginId: 'work@example.com', appId: 'work-contacts' });
  const token = /** @type {any} */ ((await outbound.fetchToken('work-contacts', userId)).data);
  assert.equal((await listContacts(emulator.baseUrl, token.accessToken)).status, 200, 'the fake Google API takes its tokens');

  assertSdkError(await outbound.createApplicationByTemplate({ templateId: 'no-such-template' }), 404, 'E073001');
  assertSdkError(await outbound.createApplicationByTemplate(/** @type {any} */ ({})), 400, 'E011002');
  assertSdkError(await outbound.createApplicationByTemplate({ templateId: 'slack', id: 'work-contacts' }), 400, 'E011004');
});

test('updateApplication replaces the app\'s fields; the consent page and catalog show the new name', async () => {
  const outbound = outboundOf(emulator);
  await outbound.createApplication({ id: 'wiki', name: 'Wiki', defaultScopes: ['read'] });
  const res = await outbound.updateApplication({ id: 'wiki', name: 'Team Wiki', description: 'Pages.', defaultScopes: ['read', 'write'] });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  assert.equal(/** @type {any} */ (res.data).name, 'Team Wiki');
  assert.equal(/** @type {any} */ ((await outbound.loadApplication('wiki')).data).description, 'Pages.');

  const s = await session(emulator.baseUrl, 'wiki@example.com');
  const connect = await call(emulator.baseUrl, '/v1/outbound/oauth/connect', {
    method: 'POST', headers: { Authorization: `Bearer ${emulator.projectId}:${s.refreshJwt}` },
    body: { appId: 'wiki', options: { redirectUrl: 'http://localhost:4511/' } },
  });
  assert.equal(connect.status, 200, connect.text);
  const consent = await call(new URL(connect.json.url).origin, new URL(connect.json.url).pathname + new URL(connect.json.url).search);
  assert.match(consent.text, /Team Wiki wants to access your account/);
  assert.match(consent.text, /<code>write<\/code>/, 'the new default scopes');

  assertSdkError(await outbound.updateApplication({ id: 'no-such-app', name: 'X' }), 404, 'E073001');
  assertSdkError(await outbound.updateApplication(/** @type {any} */ ({ id: 'wiki' })), 400, 'E011002');
});

test('deleteApplication removes the app and its tokens everywhere; unknown: 404', async () => {
  const outbound = outboundOf(emulator);
  await outbound.createApplication({ id: 'short-lived', name: 'Short-lived' });
  const userId = await connectApp(emulator, { loginId: 'short@example.com', appId: 'short-lived' });
  assert.equal((await outbound.deleteApplication('short-lived')).ok, true);
  assertSdkError(await outbound.loadApplication('short-lived'), 404, 'E073001');
  assert.ok(!(await catalogIds()).includes('short-lived'));
  assertSdkError(await outbound.fetchToken('short-lived', userId), 404, 'E073001');
  assert.deepEqual((await outbound.listAppsWithUserToken(userId)).data, [], 'its tokens went with it');
  assertSdkError(await outbound.deleteApplication('short-lived'), 404, 'E073001');
  assertSdkError(await outbound.deleteApplication(''), 400, 'E011002');
});

test('loadApplication and loadAllApplications: a wrong key 401, an unknown ID 404', async () => {
  assertSdkError(await outboundOf(emulator).loadApplication('nope'), 404, 'E073001');
  assertSdkError(await outboundOf(emulator, 'K2wrong').loadApplication('slack'), 401);
  assertSdkError(await outboundOf(emulator, 'K2wrong').loadAllApplications(), 401);
});

test('created, updated and deleted apps survive a restart with --state; the start-up catalog still applies to the rest', async () => {
  const stateFile = join(dir, 'state.json');
  const first = await startEmulator({ port: 0, stateFile });
  try {
    const outbound = outboundOf(first);
    assert.equal((await outbound.createApplication({ id: 'kept', name: 'Kept' })).ok, true);
    assert.equal((await outbound.updateApplication({ id: 'slack', name: 'Slack (renamed)' })).ok, true);
    assert.equal((await outbound.deleteApplication('notion')).ok, true);
  } finally {
    await first.close();
  }
  const saved = JSON.parse(await readFile(stateFile, 'utf8'));
  assert.deepEqual(saved.apps.map((/** @type {any} */ a) => a.id).sort(), ['kept', 'slack']);
  assert.deepEqual(saved.deletedAppIds, ['notion']);

  const second = await startEmulator({ port: 0, stateFile });
  try {
    const apps = /** @type {any[]} */ ((await outboundOf(second).loadAllApplications()).data);
    const byId = new Map(apps.map((a) => [a.id, a]));
    assert.equal(byId.get('kept')?.name, 'Kept');
    assert.equal(byId.get('slack')?.name, 'Slack (renamed)');
    assert.equal(byId.has('notion'), false);
    assert.equal(byId.get('github')?.name, 'GitHub', 'untouched apps come from the start-up catalog');
  } finally {
    await second.close();
  }
});

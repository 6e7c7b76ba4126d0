// @ts-check
/**
 * The token-management page: every column of the console's Token Management tab, values
 * escaped, no inline script (its script is a file under a strict CSP), and its refresh and delete
 * actions.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/server.js';
import { call, connectApp } from './support/emulator-client.js';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
const EVIL = '<img src=x onerror=alert(1)>"\'&';

before(async () => { emulator = await startEmulator({ port: 0 }); });
after(() => emulator.close());

test('the page lists each token with the console\'s columns, and never a token value', async () => {
  const userId = await connectApp(emulator, { loginId: 'page@example.com', appId: 'slack', scopes: ['chat:write'] });
  const res = await call(emulator.baseUrl, `/emulator/tokens?userId=${userId}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  for (const column of ['ID', 'App', 'User', 'Tenant', 'Scopes', 'Access token expiry', 'Has refresh token', 'Last refreshed',
    'Last refresh error', 'Token subject', 'Type', 'Actions']) {
    assert.match(res.text, new RegExp(`<th scope="col">${column}</th>`), column);
  }
  const [connection] = (await call(emulator.baseUrl, `/emulator/connections?userId=${userId}`)).json.connections;
  assert.match(res.text, new RegExp(`<tr data-token-id="${connection.id}">`));
  assert.match(res.text, /<code>chat:write<\/code>/);
  assert.match(res.text, /data-action="refresh"/);
  assert.match(res.text, /data-action="delete"/);
  const token = emulator.store.getConnection(connection.id);
  assert.ok(token);
  assert.ok(!res.text.includes(token.accessToken), 'no access token on the page');
  assert.ok(!res.text.includes(token.refreshToken), 'no refresh token on the page');
});

test('values from callers are escaped: scopes, tenant IDs', async () => {
  const userId = await connectApp(emulator, { loginId: 'escape@example.com', appId: 'notion', scopes: [EVIL], tenantId: EVIL });
  const res = await call(emulator.baseUrl, `/emulator/tokens?userId=${userId}`);
  assert.ok(!res.text.includes('<img src=x'), 'no raw markup from a caller');
  assert.ok(res.text.includes('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;'), 'shown as text');
});

test('a strict CSP with the script as a file; no inline script or style', async () => {
  const res = await call(emulator.baseUrl, '/emulator/tokens');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0][1], /src="\/emulator\/assets\/token-page\.js"/);
  assert.equal(scripts[0][2], '', 'no inline code');
  const tags = res.text.match(/<[^>]+>/g) ?? []; // escaped caller text has no '<', so these are real tags
  assert.deepEqual(tags.filter((tag) => /^<style|\sstyle=|\son[a-z]+=/i.test(tag)), [], 'no inline style or handler');

  const js = await call(emulator.baseUrl, '/emulator/assets/token-page.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(js.text, /data-action/);
  assert.doesNotMatch(js.text, /innerHTML|insertAdjacentHTML|document\.write/, 'the script renders no markup');
  const css = await call(emulator.baseUrl, '/emulator/assets/token-page.css');
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
});

test('the page\'s refresh and delete actions', async () => {
  const userId = await connectApp(emulator, { loginId: 'actions@example.com', appId: 'github' });
  const [connection] = (await call(emulator.baseUrl, `/emulator/connections?userId=${userId}`)).json.connections;
  const before = emulator.store.getConnection(connection.id)?.accessToken;
  const refreshed = await call(emulator.baseUrl, `/emulator/tokens/${connection.id}/refresh`, { method: 'POST' });
  assert.equal(refreshed.status, 200);
  assert.equal(refreshed.json.token.id, connection.id);
  assert.equal(refreshed.json.token.accessToken, undefined, 'the hook answers no token value');
  assert.notEqual(emulator.store.getConnection(connection.id)?.accessToken, before);

  const deleted = await call(emulator.baseUrl, `/emulator/tokens/${connection.id}`, { method: 'DELETE' });
  assert.deepEqual(deleted.json, { deleted: 1 });
  assert.deepEqual((await call(emulator.baseUrl, `/emulator/connections?userId=${userId}`)).json.connections, []);
  const again = await call(emulator.baseUrl, `/emulator/tokens/${connection.id}`, { method: 'DELETE' });
  assert.equal(again.status, 404);
  assert.equal(again.json.errorCode, 'E073002');
  const page = await call(emulator.baseUrl, `/emulator/tokens?userId=${userId}`);
  assert.match(page.text, /No tokens yet/);
});

test('each value is masked on the page, with Reveal and Copy; the values hook answers them on demand', async () => {
  const userId = await connectApp(emulator, { loginId: 'values@example.com', appId: 'slack' });
  const [connection] = (await call(emulator.baseUrl, `/emulator/connections?userId=${userId}`)).json.connections;
  const page = await call(emulator.baseUrl, `/emulator/tokens?userId=${userId}`);
  for (const column of ['Access token', 'Refresh token']) assert.match(page.text, new RegExp(`<th scope="col">${column}</th>`));
  for (const which of ['access', 'refresh']) {
    assert.match(page.text, new RegExp(`data-secret="${which}">\\s*<code class="masked"`), `${which} masked`);
  }
  assert.equal((page.text.match(/data-action="reveal"/g) ?? []).length, 2);
  assert.equal((page.text.match(/data-action="copy"/g) ?? []).length, 2);
  const values = await call(emulator.baseUrl, `/emulator/tokens/${connection.id}/values`);
  const stored = emulator.store.getConnection(connection.id);
  assert.deepEqual(values.json, { accessToken: stored?.accessToken, refreshToken: stored?.refreshToken });
  assert.equal((await call(emulator.baseUrl, '/emulator/tokens/OTnone/values')).status, 404);
});

// @ts-check
/**
 * The local Descope emulator, spoken to the way the real SDK speaks: the `Bearer <projectId>[:<jwt>]`
 * header, the SDK's custom headers, credentialed CORS from another origin, and JSON on every answer.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, decodeJwt } from 'jose';
// core-js-sdk's package exports a default `createSdk` function (plus a few named helpers).
import createSdk from '@descope/core-js-sdk';
import { startEmulator, DEFAULT_PROJECT_ID } from '../../emulator/server.js';
import { startDemoServer } from '../../emulator/demo-server.js';

const ORIGIN = 'http://localhost:4511'; // the host page's origin, as the demo uses it
const REDIRECT = 'http://localhost:4511/app/settings?view=integrations#apps';

/** @type {Awaited<ReturnType<typeof startEmulator>>} */
let emulator;
let base = '';
const projectId = DEFAULT_PROJECT_ID;

/**
 * A call shaped like the SDK's: JSON body, Descope headers, an Origin.
 * @param {string} path
 * @param {{ method?: string, token?: string, body?: unknown, rawBody?: string, origin?: string,
 *   headers?: Record<string, string>, project?: string }} [options]
 */
async function api(path, { method = 'POST', token, body, rawBody, origin = ORIGIN, headers = {}, project = projectId } = {}) {
  const res = await fetch(base + path, {
    method,
    redirect: 'manual',
    headers: {
      Authorization: `Bearer ${project}${token ? `:${token}` : ''}`,
      'x-descope-sdk-name': 'web-js',
      'x-descope-sdk-version': '1.53.0',
      'x-descope-project-id': project,
      Origin: origin,
      ...(body !== undefined || rawBody !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

/** A fresh user with a session, so tests that record connections stay independent. @param {string} loginId */
async function session(loginId) {
  const { json } = await api('/emulator/sessions', { body: { loginId } });
  return /** @type {{ refreshJwt: string, sessionJwt: string, user: { userId: string } }} */ (json);
}

/** @param {string} appId @param {string} token @param {Record<string, unknown>} [options] */
const connect = (appId, token, options = { redirectUrl: REDIRECT }) =>
  api('/v1/outbound/oauth/connect', { token, body: { appId, options } });

/** @param {{ status: number, json: any }} res @param {number} status @param {string} [code] */
function assertDescopeError(res, status, code) {
  assert.equal(res.status, status);
  assert.equal(typeof res.json?.errorCode, 'string', 'errorCode');
  assert.equal(typeof res.json.errorDescription, 'string', 'errorDescription');
  assert.equal(typeof res.json.errorMessage, 'string', 'errorMessage');
  if (code) assert.equal(res.json.errorCode, code);
}

before(async () => {
  emulator = await startEmulator({ port: 0 });
  base = emulator.baseUrl;
});
after(() => emulator.close());

describe('CORS', () => {
  test('a preflight echoes the exact origin and allows credentials and the SDK headers', async () => {
    const res = await fetch(`${base}/v1/outbound/oauth/connect`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4511',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-descope-sdk-name,x-descope-sdk-version,x-descope-sdk-session-id,x-descope-project-id',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:4511');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim());
    for (const h of ['authorization', 'content-type', 'x-descope-sdk-name', 'x-descope-sdk-session-id', 'x-descope-project-id']) {
      assert.ok(allowed.includes(h), h);
    }
    assert.equal(res.headers.get('access-control-expose-headers'), 'retry-after');
    assert.equal(res.headers.get('access-control-max-age'), '600');
    assert.match(res.headers.get('vary') ?? '', /Origin/);
  });

  test('an unknown requested header is not echoed: the allow-list is sent instead', async () => {
    const res = await fetch(`${base}/v1/auth/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:9', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization, x-evil' },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:9');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    assert.doesNotMatch(allowed, /x-evil/);
    assert.match(allowed, /x-descope-widget-type/);
  });

  test('error answers carry CORS headers too, so the page can read them', async () => {
    const res = await connect('slack', '');
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
  });
});

describe('auth', () => {
  test('password sign-in answers a Descope JWTResponse', async () => {
    const res = await api('/v1/auth/password/signin', { body: { loginId: 'demo@example.com', password: 'demo-password' } });
    assert.equal(res.status, 200);
    const { sessionJwt, refreshJwt, cookiePath, cookieMaxAge, cookieExpiration, user, firstSeen } = res.json;
    assert.equal(decodeJwt(refreshJwt).drn, 'DSR');
    assert.equal(decodeJwt(sessionJwt).drn, 'DS');
    assert.equal(decodeJwt(refreshJwt).iss, projectId);
    assert.equal(cookiePath, '/');
    assert.equal(res.json.cookieDomain, '');
    assert.equal(cookieMaxAge, 4 * 7 * 24 * 3600);
    assert.equal(cookieExpiration, decodeJwt(refreshJwt).exp);
    assert.equal(firstSeen, false);
    assert.equal(user.userId, decodeJwt(refreshJwt).sub);
    assert.match(user.userId, /^U2demo/);
    assert.deepEqual(user.loginIds, ['demo@example.com']);
    assert.equal(user.name, 'Demo User');
    assert.equal(user.email, 'demo@example.com');
    assert.equal(user.verifiedEmail, true);
    assert.equal(user.status, 'enabled');
  });

  test('a wrong password is a 401 JSON error', async () => {
    const res = await api('/v1/auth/password/signin', { body: { loginId: 'demo@example.com', password: 'nope' } });
    assertDescopeError(res, 401);
  });

  test('a wrong project ID is a 400 JSON error', async () => {
    const res = await api('/v1/auth/password/signin', { project: 'P2NotThisProject0000000000000', body: { loginId: 'demo@example.com', password: 'demo-password' } });
    assertDescopeError(res, 400, 'E011003');
  });

  test('refresh keeps the refresh JWT and mints a new session JWT; me and logout', async () => {
    const s = await session('refresh@example.com');
    const refreshed = await api('/v1/auth/refresh', { token: s.refreshJwt, body: {} });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.json.refreshJwt, s.refreshJwt);
    assert.equal(decodeJwt(refreshed.json.sessionJwt).drn, 'DS');
    assert.equal(refreshed.json.user.userId, s.user.userId);

    assertDescopeError(await api('/v1/auth/refresh', { token: s.sessionJwt, body: {} }), 401);
    const me = await api('/v1/auth/me', { method: 'GET', token: s.refreshJwt });
    assert.equal(me.status, 200);
    assert.equal(me.json.userId, s.user.userId);
    assert.deepEqual(me.json.loginIds, ['refresh@example.com']);

    assert.deepEqual((await api('/v1/auth/logout', { token: s.refreshJwt, body: {} })).json, {});
    assertDescopeError(await api('/v1/auth/me', { method: 'GET', token: s.refreshJwt }), 401, 'E061004');
  });

  test('try-refresh without a valid session answers 200 {}', async () => {
    const expired = (await api('/emulator/sessions/expired', { body: {} })).json;
    const res = await api('/v1/auth/try-refresh', { token: expired.refreshJwt, body: {} });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {});
  });

  test('/v2/keys/<projectId> verifies the emulator tokens with jose', async () => {
    const s = await session('keys@example.com');
    const res = await fetch(`${base}/v2/keys/${projectId}`);
    assert.equal(res.status, 200);
    const jwks = await res.json();
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0].alg, 'RS256');
    assert.equal(jwks.keys[0].use, 'sig');
    assert.ok(jwks.keys[0].kid);
    const { payload, protectedHeader } = await jwtVerify(s.refreshJwt, createLocalJWKSet(jwks), { issuer: projectId });
    assert.equal(protectedHeader.kid, jwks.keys[0].kid);
    assert.equal(payload.sub, s.user.userId);
    assert.ok(/** @type {number} */ (payload.exp) - /** @type {number} */ (payload.iat) === 4 * 7 * 24 * 3600);
    assertDescopeError({ status: (await fetch(`${base}/v2/keys/Pother`)).status, json: await (await fetch(`${base}/v2/keys/Pother`)).json() }, 400);
  });
});

describe('outbound connect', () => {
  /** @type {string} */
  let refreshJwt;
  before(async () => {
    ({ refreshJwt } = await session('connect@example.com'));
  });

  test('without a token: 401 with the Descope error shape', async () => {
    const res = await connect('slack', '');
    assertDescopeError(res, 401, 'E061004');
    assert.equal(res.json.errorDescription, 'Unauthorized');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  });

  test('with an expired refresh token: 401', async () => {
    const expired = (await api('/emulator/sessions/expired', { body: { loginId: 'connect@example.com' } })).json;
    assertDescopeError(await connect('slack', expired.refreshJwt), 401, 'E061004');
  });

  test('with "Bearer <projectId>:<refreshJwt>": { url } on the emulator origin', async () => {
    const res = await connect('slack', refreshJwt);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.json), ['url']);
    const url = new URL(res.json.url);
    assert.equal(url.origin, base);
    assert.equal(url.pathname, '/emulator/provider/slack/authorize');
    assert.equal(url.searchParams.get('client_id'), 'emulator-slack');
    assert.equal(url.searchParams.get('redirect_uri'), `${base}/v1/outbound/oauth/callback`);
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('scope'), 'channels:read chat:write'); // the app's defaults
    assert.ok((url.searchParams.get('state') ?? '').length >= 32);
  });

  test('a session JWT works too, and so does the /v1/mgmt/outbound/app/connect alias', async () => {
    const s = await session('alias@example.com');
    const res = await api('/v1/mgmt/outbound/app/connect', { token: s.sessionJwt, body: { appId: 'github', options: { redirectUrl: REDIRECT, scopes: ['repo'] } } });
    assert.equal(res.status, 200);
    assert.equal(new URL(res.json.url).searchParams.get('scope'), 'repo');
  });

  test('an unknown app: 404', async () => {
    assertDescopeError(await connect('no-such-app', refreshJwt), 404, 'E073001');
  });

  test('a redirect host outside the approved domains: 400', async () => {
    const res = await connect('slack', refreshJwt, { redirectUrl: 'https://evil.example/cb' });
    assertDescopeError(res, 400, 'E011004');
    assert.match(res.json.errorMessage, /redirect URL host 'evil\.example' is not in the project's approved domains/);
  });

  test('a relative redirect URL: 400', async () => {
    assertDescopeError(await connect('slack', refreshJwt, { redirectUrl: '/cb' }), 400);
  });

  test('options.redirectURL (wrong case) is ignored: 400, redirectUrl missing', async () => {
    const res = await connect('slack', refreshJwt, { redirectURL: REDIRECT });
    assertDescopeError(res, 400, 'E011002');
    assert.match(res.json.errorMessage, /redirectUrl is required/);
  });

  test('scopes that are not an array of strings: 400', async () => {
    assertDescopeError(await connect('slack', refreshJwt, { redirectUrl: REDIRECT, scopes: 'chat:write' }), 400, 'E011004');
    assertDescopeError(await connect('slack', refreshJwt, { redirectUrl: REDIRECT, scopes: [1] }), 400, 'E011004');
  });

  test('the catalog and the connected app IDs, read with the user session', async () => {
    const apps = await api('/v1/mgmt/outbound/apps', { method: 'GET', token: refreshJwt });
    assert.equal(apps.status, 200);
    const slack = apps.json.apps.find((/** @type {any} */ a) => a.id === 'slack');
    assert.equal(slack.name, 'Slack');
    assert.equal(slack.logo, `${base}/emulator/logos/slack.svg`);
    assert.deepEqual(apps.json.apps.map((/** @type {any} */ a) => a.id).sort(), ['github', 'google-contacts', 'hubspot', 'notion', 'slack']);
    const logo = await fetch(slack.logo);
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
    assertDescopeError(await api('/v1/mgmt/outbound/apps', { method: 'GET' }), 401);

    const me = decodeJwt(refreshJwt).sub;
    const ids = await api(`/v1/mgmt/outbound/apps-with-user-token?userId=${me}`, { method: 'GET', token: refreshJwt });
    assert.deepEqual(ids.json, { appIds: [] });
    assertDescopeError(await api('/v1/mgmt/outbound/apps-with-user-token?userId=U2someoneElse', { method: 'GET', token: refreshJwt }), 403);
  });
});

describe('consent round trip', () => {
  /**
   * Connect, then open the consent page the returned URL points to.
   * @param {string} token @param {string} appId @param {Record<string, unknown>} options
   */
  async function openConsent(token, appId, options) {
    const { json } = await connect(appId, token, options);
    const authorize = await fetch(json.url, { redirect: 'manual' });
    const state = new URL(json.url).searchParams.get('state') ?? '';
    return { authorize, html: await authorize.text(), state };
  }

  /** @param {string} appId @param {string} state @param {'allow' | 'deny'} decision */
  const answer = (appId, state, decision) => fetch(`${base}/emulator/provider/${appId}/consent`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, decision }),
  });

  test('allow: consent page → consent POST → Descope callback → back to redirectUrl, query and hash kept', async () => {
    const s = await session('roundtrip@example.com');
    const { authorize, html, state } = await openConsent(s.refreshJwt, 'hubspot', {
      redirectUrl: REDIRECT, scopes: ['crm.objects.contacts.read', '<script>alert("x")</script>'],
    });
    assert.equal(authorize.status, 200);
    assert.match(authorize.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(authorize.headers.get('content-security-policy') ?? '', /default-src 'none'; style-src 'self'; img-src 'self'; form-action \*/);
    assert.match(html, /HubSpot/);
    assert.match(html, /src="http:\/\/127\.0\.0\.1:\d+\/emulator\/logos\/hubspot\.svg"/);
    assert.match(html, /roundtrip \(roundtrip@example\.com\)/);
    assert.match(html, /<code>crm\.objects\.contacts\.read<\/code>/);
    assert.ok(!html.includes('<script>'), 'scopes are HTML-escaped');
    assert.match(html, /&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62;/);
    assert.match(html, /<form method="post" action="\/emulator\/provider\/hubspot\/consent">/);
    assert.match(html, /<button type="submit" name="decision" value="allow"[^>]*>Allow<\/button>/);
    assert.match(html, /<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/);
    assert.ok(!/style=|<script/.test(html), 'no inline style or script');
    const css = await fetch(`${base}/emulator/assets/provider.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);

    const consent = await answer('hubspot', state, 'allow');
    assert.equal(consent.status, 302);
    const callbackUrl = new URL(consent.headers.get('location') ?? '');
    assert.equal(`${callbackUrl.origin}${callbackUrl.pathname}`, `${base}/v1/outbound/oauth/callback`);
    assert.equal(callbackUrl.searchParams.get('state'), state);
    assert.ok(callbackUrl.searchParams.get('code'));

    const callback = await fetch(callbackUrl, { redirect: 'manual' });
    assert.equal(callback.status, 302);
    assert.equal(callback.headers.get('location'), REDIRECT);

    const { connections } = await (await fetch(`${base}/emulator/connections?userId=${s.user.userId}`)).json();
    assert.equal(connections.length, 1);
    assert.equal(connections[0].appId, 'hubspot');
    assert.deepEqual(connections[0].scopes, ['crm.objects.contacts.read', '<script>alert("x")</script>']);
    const ids = await api(`/v1/mgmt/outbound/apps-with-user-token?userId=${s.user.userId}`, { method: 'GET', token: s.refreshJwt });
    assert.deepEqual(ids.json, { appIds: ['hubspot'] });

    // The state is single-use.
    const again = await fetch(callbackUrl, { redirect: 'manual' });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /expired or was already used/);
    assert.equal((await fetch(`${base}/emulator/provider/hubspot/authorize?state=${state}`)).status, 400);
    assert.equal((await answer('hubspot', state, 'allow')).status, 400);
  });

  test('reconnecting the same app replaces the connection with the new scopes; tenant fields are kept', async () => {
    const s = await session('reconnect@example.com');
    for (const scopes of [['repo'], ['read:user']]) {
      const { state } = await openConsent(s.refreshJwt, 'github', { redirectUrl: REDIRECT, scopes });
      const consent = await answer('github', state, 'allow');
      await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
    }
    const { connections } = await (await fetch(`${base}/emulator/connections?userId=${s.user.userId}`)).json();
    assert.equal(connections.length, 1);
    assert.deepEqual(connections[0].scopes, ['read:user']);

    const tenant = await api('/v1/outbound/oauth/connect', {
      token: s.refreshJwt,
      body: { appId: 'github', tenantId: 't1', tenantLevel: true, options: { redirectUrl: REDIRECT, externalIdentifier: 'ext-1' } },
    });
    const state = new URL(tenant.json.url).searchParams.get('state') ?? '';
    const consent = await answer('github', state, 'allow');
    await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
    const after = (await (await fetch(`${base}/emulator/connections?userId=${s.user.userId}`)).json()).connections;
    assert.equal(after.length, 2);
    const t = after.find((/** @type {any} */ c) => c.tenantId === 't1');
    assert.equal(t.tenantLevel, true);
    assert.equal(t.externalIdentifier, 'ext-1');
    assert.deepEqual(t.scopes, ['repo', 'read:user']); // the app's defaults

    const removed = await fetch(`${base}/emulator/connections?userId=${s.user.userId}&appId=github`, { method: 'DELETE' });
    assert.deepEqual(await removed.json(), { deleted: 2 });
  });

  test('deny: back to redirectUrl with error and error_description added, hash kept', async () => {
    const s = await session('deny@example.com');
    const { state } = await openConsent(s.refreshJwt, 'notion', { redirectUrl: REDIRECT });
    const consent = await answer('notion', state, 'deny');
    assert.equal(consent.status, 302);
    const location = consent.headers.get('location') ?? '';
    assert.match(location, /\?error=access_denied&error_description=The\+user\+denied\+access&state=/);
    const callback = await fetch(location, { redirect: 'manual' });
    assert.equal(callback.status, 302);
    const back = new URL(callback.headers.get('location') ?? '');
    assert.equal(back.origin + back.pathname, 'http://localhost:4511/app/settings');
    assert.equal(back.searchParams.get('view'), 'integrations');
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('error_description'), 'The user denied access');
    assert.equal(back.hash, '#apps');
    const { connections } = await (await fetch(`${base}/emulator/connections?userId=${s.user.userId}`)).json();
    assert.deepEqual(connections, []);
    assert.equal((await fetch(location, { redirect: 'manual' })).status, 400);
  });

  test('an unknown state: 400 page; a forged code: 400 page', async () => {
    const page = await fetch(`${base}/emulator/provider/slack/authorize?state=nope`);
    assert.equal(page.status, 400);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const s = await session('forged@example.com');
    const { state } = await openConsent(s.refreshJwt, 'slack', { redirectUrl: REDIRECT });
    const forged = await fetch(`${base}/v1/outbound/oauth/callback?code=guess&state=${state}`, { redirect: 'manual' });
    assert.equal(forged.status, 400);
  });
});

describe('test hooks', () => {
  /** @type {string} */
  let refreshJwt;
  before(async () => {
    ({ refreshJwt } = await session('faults@example.com'));
  });

  /** @param {Record<string, unknown>} fault */
  const addFault = (fault) => api('/emulator/faults', { body: fault });

  test('a 429 fault answers once, with Retry-After: 7 exposed', async () => {
    assert.equal((await addFault({ appId: 'fault-429', status: 429 })).status, 200);
    const res = await connect('fault-429', refreshJwt);
    assertDescopeError(res, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assertDescopeError(await connect('fault-429', refreshJwt), 404); // once, then the real answer
  });

  test('a 500 fault with a custom body, twice', async () => {
    const body = { errorCode: 'E999999', errorDescription: 'Boom', errorMessage: 'custom' };
    await addFault({ appId: 'slack', status: 500, body, times: 2 });
    assert.deepEqual((await connect('slack', refreshJwt)).json, body);
    assert.equal((await connect('slack', refreshJwt)).status, 500);
    assert.equal((await connect('slack', refreshJwt)).status, 200);
  });

  test('a non-JSON fault answers text/html', async () => {
    await addFault({ appId: 'notion', status: 502, body: 'not-json' });
    const res = await connect('notion', refreshJwt);
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(res.json, undefined);
  });

  test('a 200 fault can return an unsafe URL, after a delay', async () => {
    await addFault({ appId: 'github', status: 200, body: { url: 'javascript:alert(1)' }, delayMs: 50 });
    const started = Date.now();
    const res = await connect('github', refreshJwt);
    assert.ok(Date.now() - started >= 45);
    assert.deepEqual(res.json, { url: 'javascript:alert(1)' });
  });

  test('a malformed fault is refused', async () => {
    assertDescopeError(await addFault({ appId: 'x', status: 'soon' }), 400);
  });

  test('the request log lists every API request since a time, preflights included', async () => {
    // The log has millisecond times: let the previous test's last request fall before `since`.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = Date.now();
    await fetch(`${base}/v1/auth/me`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } });
    await api('/v1/auth/me', { method: 'GET', token: refreshJwt });
    const { requests } = await (await fetch(`${base}/emulator/requests?since=${since}`)).json();
    assert.deepEqual(requests.map((/** @type {any} */ r) => [r.method, r.path, r.origin]), [
      ['OPTIONS', '/v1/auth/me', ORIGIN],
      ['GET', '/v1/auth/me', ORIGIN],
    ]);
    assert.ok(requests.every((/** @type {any} */ r) => r.time >= since));
  });
});

describe('robustness', () => {
  test('GET on the connect endpoint: 500 JSON (Descope\'s status for a non-POST), with Allow', async () => {
    const res = await api('/v1/outbound/oauth/connect', { method: 'GET' });
    assertDescopeError(res, 500, 'E010405');
    assert.match(res.headers.get('allow') ?? '', /POST/);
  });

  test('an unknown route: 404 JSON', async () => {
    assertDescopeError(await api('/v1/nothing/here', { method: 'GET' }), 404);
    assertDescopeError(await api('/emulator/logos/%E0%A4%A.svg', { method: 'GET' }), 404);
    assertDescopeError(await api('/emulator/logos/missing.svg', { method: 'GET' }), 404);
  });

  test('malformed JSON: 500 E011001, as Descope answers', async () => {
    assertDescopeError(await api('/v1/auth/password/signin', { rawBody: '{"loginId":' }), 500, 'E011001');
    assertDescopeError(await api('/v1/auth/password/signin', { rawBody: '[1,2]' }), 500, 'E011001');
  });

  test('a 2 MB body: 413 JSON', async () => {
    const res = await api('/v1/auth/password/signin', { rawBody: JSON.stringify({ loginId: 'x'.repeat(2 * 1024 * 1024) }) });
    assertDescopeError(res, 413);
  });

  test('a raw path that leaves the root still gets a JSON 404', async () => {
    const res = await rawGet(base, '/../../etc/passwd');
    assert.equal(res.status, 404);
    assert.equal(JSON.parse(res.body).errorCode, 'E010404');
  });
});

describe('with the real @descope/core-js-sdk', () => {
  test('password.signIn then outbound.connect; errors arrive as res.error with res.code', async () => {
    const sdk = createSdk({ projectId, baseUrl: base });
    const signIn = await sdk.password.signIn('demo@example.com', 'demo-password');
    assert.equal(signIn.ok, true);
    const refreshJwt = signIn.data?.refreshJwt ?? '';
    assert.equal(decodeJwt(refreshJwt).drn, 'DSR');

    const res = await sdk.outbound.connect('google-contacts', { redirectUrl: REDIRECT, scopes: ['https://www.googleapis.com/auth/contacts.readonly'] }, refreshJwt);
    assert.equal(res.ok, true);
    assert.equal(new URL(res.data?.url ?? '').origin, base);

    const missing = await sdk.outbound.connect('no-such-app', { redirectUrl: REDIRECT }, refreshJwt);
    assert.equal(missing.ok, false);
    assert.equal(missing.code, 404);
    assert.equal(missing.error?.errorCode, 'E073001');

    const anonymous = await sdk.outbound.connect('slack', { redirectUrl: REDIRECT });
    assert.equal(anonymous.code, 401);
    assert.equal(anonymous.error?.errorCode, 'E061004');

    await api('/emulator/faults', { body: { appId: 'hubspot', status: 429 } });
    const limited = await sdk.outbound.connect('hubspot', { redirectUrl: REDIRECT }, refreshJwt);
    assert.equal(limited.code, 429);
    assert.equal(limited.error?.retryAfter, 7);
  });
});

describe('demo server', () => {
  /** @type {Awaited<ReturnType<typeof startDemoServer>>} */
  let demo;
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-'));
    await mkdir(join(dir, 'site', 'nested'), { recursive: true });
    await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(dir, 'site', 'nested', 'style.css'), 'body{}');
    await writeFile(join(dir, 'secret.json'), '{"secret":true}'); // outside the served root
    demo = await startDemoServer({ port: 0, apiBaseUrl: 'http://127.0.0.1:4510', projectId, root: join(dir, 'site'), distDir: join(dir, 'dist') });
  });
  after(async () => {
    await demo.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('serves index.html with the strict CSP and no-store', async () => {
    assert.match(demo.url, /^http:\/\/localhost:\d+\/$/);
    const res = await fetch(demo.url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('content-security-policy'),
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:4510; "
      + "connect-src 'self' http://127.0.0.1:4510; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'");
    assert.match(await res.text(), /<title>demo<\/title>/);
    const css = await fetch(`${demo.url}nested/style.css`);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(css.headers.get('content-security-policy'), null);
  });

  test('/demo-config.js is an ES module with the project ID and base URL', async () => {
    const res = await fetch(`${demo.url}demo-config.js`);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    const source = await res.text();
    const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    assert.deepEqual(mod.default, { projectId, baseUrl: 'http://127.0.0.1:4510' });
  });

  test('the page\'s own Descope SDK is served as text/javascript', async () => {
    const res = await fetch(`${demo.url}vendor/descope-web-js-sdk.js`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await res.text(), /descope/i);
  });

  test('no directory traversal, missing files are 404', async () => {
    for (const path of ['/../secret.json', '/%2e%2e/secret.json', '/nested/..%2f..%2fsecret.json', '/dist/../../secret.json', '/../package.json', '/nope.html']) {
      const res = await rawGet(demo.url, path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(res.body, /secret/, path);
    }
    assert.equal((await fetch(`${demo.url}%E0%A4%A`)).status, 400);
    assert.equal((await fetch(demo.url, { method: 'POST' })).status, 405);
  });
});

/**
 * A GET whose path is sent byte for byte (fetch would normalise away the `..`).
 * @param {string} origin @param {string} path
 * @returns {Promise<{ status: number, body: string }>}
 */
function rawGet(origin, path) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, path, method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

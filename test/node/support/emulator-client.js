// @ts-check
/**
 * Helpers for the node suites that drive the emulator over HTTP the way a browser and a provider
 * would: a session, `connect`, the consent form's Allow, and Descope's callback. No test lives here.
 */
import assert from 'node:assert/strict';

export const REDIRECT = 'http://localhost:4511/settings';

/**
 * @param {string} base
 * @param {string} path
 * @param {{ method?: string, headers?: Record<string, string>, body?: unknown, raw?: string }} [options]
 */
export async function call(base, path, { method = 'GET', headers = {}, body, raw } = {}) {
  const res = await fetch(base + path, {
    method,
    redirect: 'manual',
    headers: { ...(body !== undefined || raw !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

/** A session for a (new or known) login ID. @param {string} base @param {string} loginId */
export async function session(base, loginId) {
  const { json } = await call(base, '/emulator/sessions', { method: 'POST', body: { loginId } });
  return /** @type {{ refreshJwt: string, sessionJwt: string, user: { userId: string } }} */ (json);
}

/**
 * Connects a user to an app end to end: connect → consent (Allow) → Descope's callback.
 * @param {{ baseUrl: string, projectId: string }} emulator
 * @param {{ loginId: string, appId: string, scopes?: string[], tenantId?: string, tenantLevel?: boolean }} spec
 * @returns {Promise<string>} the user's ID
 */
export async function connectApp({ baseUrl, projectId }, { loginId, appId, scopes, tenantId, tenantLevel }) {
  const s = await session(baseUrl, loginId);
  const connect = await call(baseUrl, '/v1/outbound/oauth/connect', {
    method: 'POST',
    headers: { Authorization: `Bearer ${projectId}:${s.refreshJwt}` },
    body: { appId, tenantId, tenantLevel, options: { redirectUrl: REDIRECT, scopes } },
  });
  assert.equal(connect.status, 200, connect.text);
  const state = new URL(connect.json.url).searchParams.get('state') ?? '';
  const consent = await fetch(`${baseUrl}/emulator/provider/${encodeURIComponent(appId)}/consent`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, decision: 'allow' }),
  });
  assert.equal(consent.status, 302);
  const callback = await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
  assert.equal(callback.status, 302);
  assert.equal(callback.headers.get('location'), REDIRECT);
  return s.user.userId;
}

/** Google People's contacts list with a provider access token. @param {string} base @param {string} accessToken */
export function listContacts(base, accessToken, query = 'personFields=names,emailAddresses') {
  return call(base, `/provider/google/v1/people/me/connections?${query}`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

/**
 * An MCP-server access token from the emulator's hook.
 * @param {string} base
 * @param {{ loginId?: string, userId?: string, tenantId?: string, scopes?: string[], expiresIn?: number }} spec
 */
export async function mcpAccessToken(base, spec) {
  const res = await call(base, '/emulator/access-tokens', { method: 'POST', body: spec });
  assert.equal(res.status, 200, res.text);
  return /** @type {string} */ (res.json.accessToken);
}

/** @param {{ status: number, json: any }} res @param {number} status @param {string} [code] */
export function assertDescopeError(res, status, code) {
  assert.equal(res.status, status, JSON.stringify(res.json));
  assert.equal(typeof res.json?.errorCode, 'string', 'errorCode');
  assert.equal(typeof res.json.errorDescription, 'string', 'errorDescription');
  assert.equal(typeof res.json.errorMessage, 'string', 'errorMessage');
  if (code) assert.equal(res.json.errorCode, code);
}

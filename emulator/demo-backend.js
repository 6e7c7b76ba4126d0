// @ts-check
/**
 * The demo's backend half, what a host app's server does after a user connects an app (the
 * Descope docs' story): check the user's session, fetch the user's provider token from Descope's
 * management API with @descope/node-sdk, call the provider's API with it, and answer the page
 * with the result, never with the token.
 *
 *   GET /api/contacts   Authorization: Bearer <sessionJwt>
 *     200 { appId, userId, scopes, accessTokenExpiry, total, contacts: [{ name, email }] }
 *     401 { error: 'no-session' | 'invalid-session', message }
 *     404 { error: 'not-connected', message }   (Descope has no token: connect first)
 *     403 { error: 'missing-scope', message }   (the provider refused the token's scopes)
 *     502 { error: 'descope' | 'provider', message }
 *
 * @descope/node-sdk is a devDependency: only `npm start` (the repo) loads this file.
 */

import { sendJson } from './http.js';

/** @typedef {import('node:http').ServerResponse} Res */

export const CONTACTS_APP_ID = 'google-contacts';

/** An answer that carries a user's data: never cached. @param {Res} res @param {number} status @param {unknown} body */
const json = (res, status, body) => sendJson(res, status, body, { 'Cache-Control': 'no-store' });

/**
 * @param {{ apiBaseUrl: string, projectId: string, managementKey: string, appId?: string }} options
 */
export async function createDemoBackend({ apiBaseUrl, projectId, managementKey, appId = CONTACTS_APP_ID }) {
  const { default: DescopeClient } = await import('@descope/node-sdk');
  const descope = DescopeClient({ projectId, managementKey, baseUrl: apiBaseUrl });
  const api = apiBaseUrl.replace(/\/+$/, '');

  /** @param {import('node:http').IncomingMessage} req @param {Res} res */
  async function contacts(req, res) {
    const sessionJwt = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!sessionJwt) return json(res, 401, { error: 'no-session', message: 'Sign in first: the backend needs your session.' });
    let userId;
    try {
      userId = String((await descope.validateSession(sessionJwt)).token.sub);
    } catch {
      return json(res, 401, { error: 'invalid-session', message: 'Your session is not valid any more: sign in again.' });
    }

    const result = await descope.management.outboundApplication.fetchToken(appId, userId);
    if (!result.ok) {
      if (result.code === 404) return json(res, 404, { error: 'not-connected', message: `No ${appId} token at Descope for you: connect the app first.` });
      return json(res, 502, { error: 'descope', message: `Descope answered ${result.code}: ${result.error?.errorMessage ?? 'no message'}` });
    }
    const token = result.data;
    if (!token?.accessToken) return json(res, 502, { error: 'descope', message: 'Descope answered no token' });

    const query = new URLSearchParams({ personFields: 'names,emailAddresses', pageSize: '100' });
    const provider = await fetch(`${api}/provider/google/v1/people/me/connections?${query}`, {
      headers: { Authorization: `Bearer ${token.accessToken}` },
    });
    const body = await provider.json().catch(() => ({}));
    if (provider.status === 403) return json(res, 403, { error: 'missing-scope', message: `The provider refused: ${body.error?.message ?? 'insufficient scopes'} Reconnect with the contacts scope.` });
    if (!provider.ok) return json(res, 502, { error: 'provider', message: `The provider answered ${provider.status}: ${body.error?.message ?? 'no message'}` });

    /** @type {Array<{ names?: Array<{ displayName?: string }>, emailAddresses?: Array<{ value?: string }> }>} */
    const people = Array.isArray(body.connections) ? body.connections : [];
    json(res, 200, {
      appId,
      userId,
      scopes: token.scopes ?? [],
      accessTokenExpiry: Number(token.accessTokenExpiry),
      total: body.totalPeople ?? people.length,
      contacts: people.map((p) => ({ name: p.names?.[0]?.displayName ?? '', email: p.emailAddresses?.[0]?.value ?? '' })),
    });
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {Res} res
   * @param {string} path
   */
  return async function backend(req, res, path) {
    try {
      if (path !== '/api/contacts') return json(res, 404, { error: 'not-found', message: `No ${path} here` });
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET');
        return json(res, 405, { error: 'method-not-allowed', message: 'Use GET' });
      }
      await contacts(req, res);
    } catch (err) {
      if (!res.headersSent) json(res, 502, { error: 'unreachable', message: `The backend failed: ${err instanceof Error ? err.message : err}` });
    }
  };
}

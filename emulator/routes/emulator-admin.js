// @ts-check
/**
 * Test hooks (not part of Descope): sessions without a UI, injected faults, the request log and
 * the recorded connections. Same CORS as the API, always JSON.
 */
import { ERRORS, HttpError } from '../errors.js';
import { readJson, sendJson } from '../http.js';
import { jwtResponse } from './auth.js';
import { TOKEN_FETCH_SCOPE } from '../mgmt-auth.js';
import { ACCESS_TTL_SECONDS } from '../tokens.js';
import { connectionFilterOf } from '../store.js';

/** @typedef {import('../server.js').Route} Route */

/** @param {Record<string, any>} body */
function userSpec(body) {
  const { userId, loginId } = body;
  if ((userId !== undefined && typeof userId !== 'string') || (loginId !== undefined && typeof loginId !== 'string')) {
    throw new HttpError(400, ERRORS.invalidArguments, 'userId and loginId must be strings');
  }
  return { userId, loginId };
}

/** `POST /emulator/sessions { userId?, loginId? }` → a JWTResponse for that user (created if new). @type {Route['handler']} */
async function createSession(req, res, ctx) {
  const user = ctx.store.ensureUser(userSpec(await readJson(req)));
  sendJson(res, 200, await jwtResponse(ctx, user));
}

/** `POST /emulator/sessions/expired` → the same, minted 5 weeks ago: both JWTs already expired. @type {Route['handler']} */
async function createExpiredSession(req, res, ctx) {
  const user = ctx.store.ensureUser(userSpec(await readJson(req)));
  const fiveWeeksAgo = Math.floor(Date.now() / 1000) - 5 * 7 * 24 * 60 * 60;
  sendJson(res, 200, await jwtResponse(ctx, user, { now: fiveWeeksAgo }));
}

/** `POST /emulator/faults { appId, status, body?, times?, delayMs? }` @type {Route['handler']} */
async function addFault(req, res, ctx) {
  const { appId, status, body, times = 1, delayMs = 0 } = await readJson(req);
  if (typeof appId !== 'string' || !appId) throw new HttpError(400, ERRORS.missingArguments, 'appId is required');
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new HttpError(400, ERRORS.invalidArguments, 'status must be an HTTP status (200-599)');
  if (!Number.isInteger(times) || times < 1) throw new HttpError(400, ERRORS.invalidArguments, 'times must be a positive integer');
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60_000) throw new HttpError(400, ERRORS.invalidArguments, 'delayMs must be 0-60000');
  ctx.store.setFault(appId, { status, body, times, delayMs });
  sendJson(res, 200, { appId, status, times, delayMs });
}

/** `GET /emulator/requests?since=<ms>` → `{ requests: [{ method, path, origin, time }] }` @type {Route['handler']} */
function listRequests(_req, res, ctx, { url }) {
  const since = Number(url.searchParams.get('since') ?? 0) || 0;
  sendJson(res, 200, { requests: ctx.store.requestsSince(since) });
}

/**
 * `GET /emulator/connections?userId=&appId=` → `{ connections }`, each without its token values
 * (the management API is where a backend gets those).
 * @type {Route['handler']}
 */
function listConnections(_req, res, ctx, { url }) {
  const connections = ctx.store.listConnections(connectionFilterOf(url.searchParams)).map((c) => {
    /** @type {Partial<import('../store.js').Connection>} */
    const view = { ...c };
    delete view.accessToken;
    delete view.refreshToken;
    return view;
  });
  sendJson(res, 200, { connections });
}

/**
 * `POST /emulator/access-tokens { userId? | loginId?, tenantId?, scopes?, expiresIn? }` →
 * `{ accessToken, expiresAt, scopes }`: an MCP-server access token, as Descope would issue one to
 * an inbound app's client, for `Authorization: Bearer <projectId>:<accessToken>` at the token
 * endpoints. `scopes` defaults to ['outbound.token.fetch']; `expiresIn` is seconds (negative for
 * an already expired token).
 * @type {Route['handler']}
 */
async function createAccessToken(req, res, ctx) {
  const body = await readJson(req);
  const user = ctx.store.ensureUser(userSpec(body));
  const { tenantId, scopes = [TOKEN_FETCH_SCOPE], expiresIn = ACCESS_TTL_SECONDS } = body;
  if (tenantId !== undefined && (typeof tenantId !== 'string' || !tenantId)) throw new HttpError(400, ERRORS.invalidArguments, 'tenantId must be a non-empty string');
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string' && s && !/\s/.test(s))) {
    throw new HttpError(400, ERRORS.invalidArguments, 'scopes must be an array of scope names');
  }
  if (!Number.isInteger(expiresIn) || Math.abs(expiresIn) > 366 * 24 * 3600) throw new HttpError(400, ERRORS.invalidArguments, 'expiresIn must be whole seconds');
  const { jwt, exp } = ctx.tokens.signAccessToken({ userId: user.userId, scopes, tenantId, expiresIn });
  sendJson(res, 200, { accessToken: jwt, expiresAt: exp, userId: user.userId, scopes });
}

/**
 * `DELETE /emulator/connections?userId=&appId=` → `{ deleted }`: what a host backend's
 * `deleteUserTokens(appId, userId)` does on real Descope (the demo page's Disconnect uses it).
 * @type {Route['handler']}
 */
function deleteConnections(_req, res, ctx, { url }) {
  sendJson(res, 200, { deleted: ctx.store.deleteConnections(connectionFilterOf(url.searchParams)) });
}

/** @type {Route[]} */
export const adminRoutes = [
  { method: 'POST', path: '/emulator/sessions', handler: createSession },
  { method: 'POST', path: '/emulator/sessions/expired', handler: createExpiredSession },
  { method: 'POST', path: '/emulator/faults', handler: addFault },
  { method: 'GET', path: '/emulator/requests', handler: listRequests },
  { method: 'GET', path: '/emulator/connections', handler: listConnections },
  { method: 'DELETE', path: '/emulator/connections', handler: deleteConnections },
  { method: 'POST', path: '/emulator/access-tokens', handler: createAccessToken },
];

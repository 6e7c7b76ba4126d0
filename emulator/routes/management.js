// @ts-check
/**
 * Descope's management API for Outbound App tokens, as `@descope/node-sdk`'s
 * `management.outboundApplication` calls it:
 *
 *   POST   /v1/mgmt/outbound/app/user/token          fetchTokenByScopes  { appId, userId, scopes, options, tenantId }
 *   POST   /v1/mgmt/outbound/app/user/token/latest   fetchToken          { appId, userId, tenantId, options }
 *   POST   /v1/mgmt/outbound/app/tenant/token        fetchTenantTokenByScopes { appId, tenantId, scopes, options }
 *   POST   /v1/mgmt/outbound/app/tenant/token/latest fetchTenantToken    { appId, tenantId, options }
 *   DELETE /v1/mgmt/outbound/token?id=               deleteTokenById
 *   DELETE /v1/mgmt/outbound/user/tokens?appId=&userId= deleteUserTokens
 *   GET    /v1/mgmt/license                          node-sdk's handshake when given a management key
 *
 * Fetches answer `{ token }` (descope docs "fetch outbound app user token"); `options` is
 * `{ withRefreshToken, forceRefresh }`. An access token that has expired is refreshed on fetch,
 * as Descope does; `forceRefresh` always refreshes.
 */
import { ERRORS, HttpError } from '../errors.js';
import { readJson, sendJson } from '../http.js';
import { authorizeManagement } from '../mgmt-auth.js';
import { accessTokenExpired, connectionFilterOf } from '../store.js';

/** @typedef {import('../server.js').Ctx} Ctx */
/** @typedef {import('../server.js').Route} Route */
/** @typedef {import('../store.js').Connection} Connection */
/** @typedef {import('../mgmt-auth.js').Caller} Caller */

/** Unix seconds as a string: the docs type `accessTokenExpiry` (and times) as strings. @param {number} ms */
const seconds = (ms) => String(Math.floor(ms / 1000));

/**
 * The token as Descope answers it; the refresh token only when asked for.
 * @param {Connection} c
 * @param {boolean} withRefreshToken
 */
export function tokenResponse(c, withRefreshToken) {
  /** @type {Record<string, unknown>} */
  const token = {
    id: c.id,
    appId: c.appId,
    userId: c.tenantLevel ? '' : c.userId,
    tokenSub: c.tokenSub,
    accessToken: c.accessToken,
    accessTokenType: c.accessTokenType,
    accessTokenExpiry: seconds(c.accessTokenExpiry),
    hasRefreshToken: Boolean(c.refreshToken),
    lastRefreshTime: seconds(c.lastRefreshTime),
    lastRefreshError: c.lastRefreshError,
    scopes: c.scopes,
  };
  if (withRefreshToken) token.refreshToken = c.refreshToken;
  if (c.tenantId) token.tenantId = c.tenantId;
  const grantedBy = c.grantedBy ?? (c.tenantLevel ? c.userId : '');
  if (grantedBy) token.grantedBy = grantedBy;
  if (c.externalIdentifier) token.externalIdentifier = c.externalIdentifier;
  return token;
}

/**
 * @param {Record<string, any>} body
 * @param {{ user: boolean, byScopes: boolean }} kind
 */
function readFetchRequest(body, { user, byScopes }) {
  const { appId, userId, tenantId, scopes, externalIdentifier } = body;
  const options = body.options ?? {};
  if (typeof appId !== 'string' || !appId) throw new HttpError(400, ERRORS.missingArguments, 'appId is required');
  if (user && (typeof userId !== 'string' || !userId)) throw new HttpError(400, ERRORS.missingArguments, 'userId is required');
  if (!user && (typeof tenantId !== 'string' || !tenantId)) throw new HttpError(400, ERRORS.missingArguments, 'tenantId is required');
  if (tenantId !== undefined && tenantId !== null && typeof tenantId !== 'string') {
    throw new HttpError(400, ERRORS.invalidArguments, 'tenantId must be a string');
  }
  if (byScopes && !(Array.isArray(scopes) && scopes.length && scopes.every((s) => typeof s === 'string'))) {
    throw new HttpError(400, ERRORS.missingArguments, 'scopes must be a non-empty array of strings');
  }
  if (typeof options !== 'object' || Array.isArray(options)) throw new HttpError(400, ERRORS.invalidArguments, 'options must be an object');
  for (const flag of ['withRefreshToken', 'forceRefresh']) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') {
      throw new HttpError(400, ERRORS.invalidArguments, `options.${flag} must be a boolean`);
    }
  }
  const external = externalIdentifier ?? options.externalIdentifier;
  if (external !== undefined && typeof external !== 'string') throw new HttpError(400, ERRORS.invalidArguments, 'externalIdentifier must be a string');
  return {
    appId, userId: user ? String(userId) : undefined, tenantId: tenantId || undefined,
    scopes: byScopes ? /** @type {string[]} */ (scopes) : undefined, externalIdentifier: external || undefined,
    withRefreshToken: options.withRefreshToken === true, forceRefresh: options.forceRefresh === true,
  };
}

/** Same set of scopes, in any order. @param {string[]} a @param {string[]} b */
function sameScopes(a, b) {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((s) => y.has(s));
}

/**
 * An MCP-server token may fetch only its own user's tokens, and only within its tenant.
 * @param {Caller} caller
 * @param {{ userId?: string, tenantId?: string }} wanted
 */
function checkAccess(caller, { userId, tenantId }) {
  if (caller.kind === 'managementKey') return;
  if (userId !== undefined && userId !== caller.userId) {
    throw new HttpError(403, ERRORS.forbidden, 'The access token may only fetch the tokens of its own user');
  }
  if (userId === undefined && !caller.tenantId) {
    throw new HttpError(403, ERRORS.forbidden, 'Fetching a tenant token needs an access token issued for that tenant');
  }
  if (caller.tenantId && tenantId && tenantId !== caller.tenantId) {
    throw new HttpError(403, ERRORS.forbidden, `The access token was issued for tenant '${caller.tenantId}', not '${tenantId}'`);
  }
}

/**
 * @param {{ user: boolean, byScopes: boolean }} kind
 * @returns {Route['handler']}
 */
const fetchToken = (kind) => async (req, res, ctx) => {
  const caller = await authorizeManagement(ctx, req, { allowAccessToken: true });
  const wanted = readFetchRequest(await readJson(req), kind);
  checkAccess(caller, wanted);
  if (!ctx.store.apps.has(wanted.appId)) throw new HttpError(404, ERRORS.appNotFound, `Outbound application '${wanted.appId}' not found`);

  const candidates = ctx.store.listConnections({ appId: wanted.appId, userId: wanted.userId })
    .filter((c) => (kind.user ? !c.tenantLevel : c.tenantLevel))
    .filter((c) => !wanted.tenantId || c.tenantId === wanted.tenantId)
    // A token issued for a tenant never reaches another tenant's tokens, even when the request names none.
    .filter((c) => caller.kind === 'managementKey' || !caller.tenantId || !c.tenantId || c.tenantId === caller.tenantId)
    .filter((c) => !wanted.externalIdentifier || c.externalIdentifier === wanted.externalIdentifier)
    .filter((c) => !wanted.scopes || sameScopes(c.scopes, wanted.scopes));
  // "Latest": the token refreshed or connected last.
  const connection = candidates.sort((a, b) => b.lastRefreshTime - a.lastRefreshTime || b.createdAt - a.createdAt)[0];
  if (!connection) {
    const who = kind.user ? `user '${wanted.userId}'${wanted.tenantId ? ` in tenant '${wanted.tenantId}'` : ''}` : `tenant '${wanted.tenantId}'`;
    const what = wanted.scopes ? ` with exactly the scopes [${wanted.scopes.join(', ')}]` : '';
    throw new HttpError(404, ERRORS.tokenNotFound, `No token of app '${wanted.appId}' for ${who}${what}: connect first`);
  }
  // An upload with only a refresh token has no access token yet: the first fetch gets one.
  if (wanted.forceRefresh || accessTokenExpired(connection) || !connection.accessToken) ctx.store.refreshConnection(connection);
  sendJson(res, 200, { token: tokenResponse(connection, wanted.withRefreshToken) });
};

/** `DELETE /v1/mgmt/outbound/token?id=` @type {Route['handler']} */
async function deleteTokenById(req, res, ctx, { url }) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const id = url.searchParams.get('id');
  if (!id) throw new HttpError(400, ERRORS.missingArguments, 'id is required');
  if (!ctx.store.deleteConnection(id)) throw new HttpError(404, ERRORS.tokenNotFound, `No token with ID '${id}'`);
  sendJson(res, 200, {});
}

/** `DELETE /v1/mgmt/outbound/user/tokens?appId=&userId=` @type {Route['handler']} */
async function deleteUserTokens(req, res, ctx, { url }) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const { appId, userId } = connectionFilterOf(url.searchParams);
  if (!appId && !userId) throw new HttpError(400, ERRORS.missingArguments, 'appId or userId is required');
  // node-sdk's URL builder turns an omitted argument into the text "undefined" (wire facts §6.8).
  if (appId === 'undefined' || userId === 'undefined') {
    ctx.warn('deleteUserTokens: a query parameter is the text "undefined" (an omitted argument?); it matches no token');
  }
  ctx.store.deleteConnections({ appId, userId });
  sendJson(res, 200, {});
}

/** `GET /v1/mgmt/license`: node-sdk asks on start; no `rateLimitTier`, so it sends no license header. @type {Route['handler']} */
async function license(req, res, ctx) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  sendJson(res, 200, {});
}

/** @type {Route[]} */
export const managementRoutes = [
  { method: 'POST', path: '/v1/mgmt/outbound/app/user/token', handler: fetchToken({ user: true, byScopes: true }) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/user/token/latest', handler: fetchToken({ user: true, byScopes: false }) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/tenant/token', handler: fetchToken({ user: false, byScopes: true }) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/tenant/token/latest', handler: fetchToken({ user: false, byScopes: false }) },
  { method: 'DELETE', path: '/v1/mgmt/outbound/token', handler: deleteTokenById },
  { method: 'DELETE', path: '/v1/mgmt/outbound/user/tokens', handler: deleteUserTokens },
  { method: 'GET', path: '/v1/mgmt/license', handler: license },
];

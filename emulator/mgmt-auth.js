// @ts-check
/**
 * Who may call the management API: `Authorization: Bearer <projectId>:<managementKey>`, or, for
 * the token-fetch endpoints, an MCP-server (inbound app) access token that carries the
 * `outbound.token.fetch` scope (docs: "Fetching Connection Tokens").
 */
import { timingSafeEqual } from 'node:crypto';
import { ERRORS, HttpError } from './errors.js';

/** Documented default for local use and CI; anything else is set with --management-key. */
export const DEFAULT_MANAGEMENT_KEY = 'K2EmulatorManagementKeyForLocalUseOnly';
export const TOKEN_FETCH_SCOPE = 'outbound.token.fetch';

/** @typedef {import('./server.js').Ctx} Ctx */
/**
 * @typedef {{ kind: 'managementKey' }
 *   | { kind: 'accessToken', userId: string, tenantId?: string, scopes: string[] }} Caller
 */

/** @param {string} a @param {string} b */
function sameSecret(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * @param {Ctx} ctx
 * @param {import('node:http').IncomingMessage} req
 * @param {{ allowAccessToken: boolean }} options false: the endpoint takes the management key only
 * @returns {Promise<Caller>}
 */
export async function authorizeManagement(ctx, req, { allowAccessToken }) {
  const match = /^Bearer\s+([^:\s]+):(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    throw new HttpError(401, ERRORS.unauthorized, 'Send "Authorization: Bearer <projectId>:<managementKey>"');
  }
  const [, projectId, secret] = match;
  if (projectId !== ctx.projectId) throw new HttpError(401, ERRORS.unauthorized, `Unknown project ID '${projectId}'`);
  if (sameSecret(secret, ctx.managementKey)) return { kind: 'managementKey' };
  if (secret.split('.').length !== 3) throw new HttpError(401, ERRORS.unauthorized, 'Invalid management key');

  const result = await ctx.tokens.verify(secret);
  if ('error' in result) throw new HttpError(401, ERRORS.unauthorized, `Access token ${result.error}`);
  if (ctx.store.revokedTokens.has(secret)) throw new HttpError(401, ERRORS.unauthorized, 'Access token was revoked');
  if (!allowAccessToken) throw new HttpError(403, ERRORS.forbidden, 'This endpoint takes the management key only');
  const { claims } = result;
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (!scopes.includes(TOKEN_FETCH_SCOPE)) {
    throw new HttpError(403, ERRORS.forbidden, `The access token does not carry the '${TOKEN_FETCH_SCOPE}' scope`);
  }
  return { kind: 'accessToken', userId: claims.sub, tenantId: claims.dct, scopes };
}

// @ts-check
/**
 * Reads Descope's `Authorization: Bearer <projectId>[:<jwt>]` header and finds the signed-in user.
 */
import { ERRORS, HttpError } from './errors.js';

/** @typedef {import('./server.js').Ctx} Ctx */

/**
 * Checks the project ID and returns the JWT part ('' when the header carries only the project).
 * @param {Ctx} ctx
 * @param {import('node:http').IncomingMessage} req
 */
export function tokenOf(ctx, req) {
  const match = /^Bearer\s+([^:\s]+)(?::(\S*))?$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    throw new HttpError(400, ERRORS.missingArguments, 'Authorization header must be "Bearer <projectId>" or "Bearer <projectId>:<token>"');
  }
  if (match[1] !== ctx.projectId) {
    throw new HttpError(400, ERRORS.invalidRequest, `Unknown project ID '${match[1]}'`);
  }
  return match[2] ?? '';
}

/**
 * The user whose session (DS) or refresh (DSR) JWT authenticates the request; 401 otherwise.
 * @param {Ctx} ctx
 * @param {import('node:http').IncomingMessage} req
 * @param {{ refreshOnly?: boolean }} [options] the refresh routes accept only a refresh JWT
 */
export async function requireUser(ctx, req, { refreshOnly = false } = {}) {
  const token = tokenOf(ctx, req);
  if (!token) {
    throw new HttpError(401, ERRORS.unauthorized, 'No session: send "Authorization: Bearer <projectId>:<refreshJwt>"');
  }
  const result = await ctx.tokens.verify(token);
  if ('error' in result) throw new HttpError(401, ERRORS.unauthorized, `Session ${result.error}`);
  const { claims } = result;
  if (refreshOnly && claims.drn !== 'DSR') {
    throw new HttpError(401, ERRORS.unauthorized, 'A refresh token is required');
  }
  if (ctx.store.revokedTokens.has(token)) throw new HttpError(401, ERRORS.unauthorized, 'Session was logged out');
  const user = ctx.store.users.get(claims.sub);
  if (!user) throw new HttpError(401, ERRORS.unauthorized, 'Session user no longer exists');
  return { user, token, claims };
}

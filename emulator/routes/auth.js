// @ts-check
/**
 * The few auth endpoints a page needs to hold a Descope session: password sign-in, refresh,
 * me, logout, and the public keys. Responses use Descope's JWTResponse shape, which web-js-sdk
 * with `persistTokens: true` stores as `DSR` / `DS` in localStorage.
 */
import { ERRORS, HttpError } from '../errors.js';
import { readJson, sendJson } from '../http.js';
import { requireUser, tokenOf } from '../session.js';
import { toUserResponse } from '../store.js';
import { REFRESH_TTL_SECONDS } from '../tokens.js';

/** @typedef {import('../server.js').Ctx} Ctx */
/** @typedef {import('../server.js').Route} Route */

/**
 * A Descope JWTResponse; mints a refresh JWT unless one is given (refresh keeps the same one).
 * @param {Ctx} ctx
 * @param {import('../store.js').User} user
 * @param {{ refreshJwt?: string, refreshExp?: number, now?: number }} [options]
 */
export async function jwtResponse(ctx, user, { refreshJwt, refreshExp, now } = {}) {
  if (!refreshJwt) ({ jwt: refreshJwt, exp: refreshExp } = await ctx.tokens.sign(user.userId, 'DSR', now));
  const session = await ctx.tokens.sign(user.userId, 'DS', now);
  return {
    sessionJwt: session.jwt,
    refreshJwt,
    cookieDomain: '',
    cookiePath: '/',
    cookieMaxAge: REFRESH_TTL_SECONDS,
    cookieExpiration: refreshExp,
    user: toUserResponse(user),
    firstSeen: false,
  };
}

/** @type {Route['handler']} */
async function signIn(req, res, ctx) {
  tokenOf(ctx, req);
  const { loginId, password } = await readJson(req);
  if (typeof loginId !== 'string' || !loginId) throw new HttpError(400, ERRORS.missingArguments, 'loginId is required');
  const user = ctx.store.findUserByLoginId(loginId);
  if (!user || !user.password || user.password !== password) {
    throw new HttpError(401, ERRORS.invalidCredentials, 'Wrong login ID or password');
  }
  sendJson(res, 200, await jwtResponse(ctx, user));
}

/**
 * `refresh` and `try-refresh`. try-refresh answers 200 `{}` when there is no valid session
 * (the emulator's reading of "try": the React SDK calls it on every page load).
 * @param {boolean} tryOnly
 * @returns {Route['handler']}
 */
const refresh = (tryOnly) => async (req, res, ctx) => {
  let session;
  try {
    session = await requireUser(ctx, req, { refreshOnly: true });
  } catch (err) {
    if (tryOnly && err instanceof HttpError && err.status === 401) return sendJson(res, 200, {});
    throw err;
  }
  sendJson(res, 200, await jwtResponse(ctx, session.user, { refreshJwt: session.token, refreshExp: session.claims.exp }));
};

/** @type {Route['handler']} */
async function me(req, res, ctx) {
  const { user } = await requireUser(ctx, req);
  sendJson(res, 200, toUserResponse(user));
}

/** @type {Route['handler']} */
async function logout(req, res, ctx) {
  const { token } = await requireUser(ctx, req);
  ctx.store.revokeToken(token);
  sendJson(res, 200, {});
}

/** @type {Route['handler']} */
function keys(_req, res, ctx, { params }) {
  if (params[0] !== ctx.projectId) throw new HttpError(400, ERRORS.invalidRequest, `Unknown project ID '${params[0]}'`);
  sendJson(res, 200, { keys: [ctx.tokens.publicJwk] });
}

/** @type {Route[]} */
export const authRoutes = [
  { method: 'POST', path: '/v1/auth/password/signin', handler: signIn },
  { method: 'POST', path: '/v1/auth/refresh', handler: refresh(false) },
  { method: 'POST', path: '/v1/auth/try-refresh', handler: refresh(true) },
  { method: 'GET', path: '/v1/auth/me', handler: me },
  { method: 'POST', path: '/v1/auth/logout', handler: logout },
  { method: 'GET', path: /^\/v2\/keys\/([^/]+)$/, handler: keys },
];

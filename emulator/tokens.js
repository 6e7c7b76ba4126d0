// @ts-check
/**
 * RS256 JWTs shaped like Descope's. One key pair per emulator run; its public half is served at
 * `GET /v2/keys/<projectId>` so node-sdk or jose can verify what the emulator signs.
 */
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, errors } from 'jose';
import { randomId } from './ids.js';

export const REFRESH_TTL_SECONDS = 4 * 7 * 24 * 60 * 60; // 4 weeks, Descope's default
export const SESSION_TTL_SECONDS = 10 * 60;

/** @typedef {{ sub: string, iss: string, drn: 'DS' | 'DSR', iat: number, exp: number }} Claims */
/** @typedef {Awaited<ReturnType<typeof createTokens>>} Tokens */

/** @param {string} projectId */
export async function createTokens(projectId) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomId('K', 27);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };

  /**
   * @param {string} userId
   * @param {'DS' | 'DSR'} drn DS = session token, DSR = refresh token
   * @param {number} [now] seconds; set in the past to mint an already expired token
   */
  async function sign(userId, drn, now = Math.floor(Date.now() / 1000)) {
    const ttl = drn === 'DSR' ? REFRESH_TTL_SECONDS : SESSION_TTL_SECONDS;
    const exp = now + ttl;
    const jwt = await new SignJWT({ drn, amr: ['pwd'] })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(projectId)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .setJti(randomId('', 16))
      .sign(privateKey);
    return { jwt, exp };
  }

  /**
   * @param {string} jwt
   * @returns {Promise<{ claims: Claims } | { error: string }>}
   */
  async function verify(jwt) {
    try {
      const { payload } = await jwtVerify(jwt, publicKey, { issuer: projectId, algorithms: ['RS256'] });
      return { claims: /** @type {Claims} */ (/** @type {unknown} */ (payload)) };
    } catch (err) {
      return { error: err instanceof errors.JWTExpired ? 'token expired' : 'token is not valid' };
    }
  }

  return { publicJwk, sign, verify };
}

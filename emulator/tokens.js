// @ts-check
/**
 * RS256 JWTs shaped like Descope's. One key pair per emulator run; its public half is served at
 * `GET /v2/keys/<projectId>` so node-sdk or jose can verify what the emulator signs.
 *
 * Built on node:crypto only, so the `outbound-emulator` bin runs with no dependency installed.
 */
import { generateKeyPair, sign as rsaSign, verify as rsaVerify } from 'node:crypto';
import { promisify } from 'node:util';
import { randomId } from './ids.js';

export const REFRESH_TTL_SECONDS = 4 * 7 * 24 * 60 * 60; // 4 weeks, Descope's default
export const SESSION_TTL_SECONDS = 10 * 60;
/** An MCP-server (inbound app) access token lives an hour unless the test hook says otherwise. */
export const ACCESS_TTL_SECONDS = 60 * 60;

/**
 * @typedef {{ sub: string, iss: string, drn?: 'DS' | 'DSR', iat: number, exp: number,
 *   scope?: string, dct?: string, azp?: string }} Claims
 * @typedef {Awaited<ReturnType<typeof createTokens>>} Tokens
 */

/** @param {Buffer | string} data */
const b64url = (data) => Buffer.from(data).toString('base64url');

/** @param {string} part */
function decodePart(part) {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** @param {string} projectId */
export async function createTokens(projectId) {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const kid = randomId('K', 27);
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

  /** @param {Record<string, unknown>} payload */
  function signPayload(payload) {
    const input = `${b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
    return `${input}.${b64url(rsaSign('sha256', Buffer.from(input), privateKey))}`;
  }

  /**
   * A session (DS) or refresh (DSR) JWT.
   * @param {string} userId
   * @param {'DS' | 'DSR'} drn DS = session token, DSR = refresh token
   * @param {number} [now] seconds; set in the past to mint an already expired token
   */
  async function sign(userId, drn, now = Math.floor(Date.now() / 1000)) {
    const exp = now + (drn === 'DSR' ? REFRESH_TTL_SECONDS : SESSION_TTL_SECONDS);
    const jwt = signPayload({ drn, amr: ['pwd'], sub: userId, iss: projectId, iat: now, exp, jti: randomId('', 16) });
    return { jwt, exp };
  }

  /**
   * An access token as an MCP server (a Descope inbound app) receives it: `scope` is the
   * space-separated granted scopes, `dct` the tenant it was issued for (Descope's claim name).
   * @param {{ userId: string, scopes: string[], tenantId?: string, clientId?: string, expiresIn?: number }} spec
   */
  function signAccessToken({ userId, scopes, tenantId, clientId = 'emulator-mcp-client', expiresIn = ACCESS_TTL_SECONDS }) {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + expiresIn;
    /** @type {Record<string, unknown>} */
    const payload = { sub: userId, iss: projectId, iat: now, exp, scope: scopes.join(' '), azp: clientId, jti: randomId('', 16) };
    if (tenantId) payload.dct = tenantId;
    return { jwt: signPayload(payload), exp };
  }

  /**
   * @param {string} jwt
   * @returns {Promise<{ claims: Claims } | { error: string }>}
   */
  async function verify(jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3) return { error: 'token is not valid' };
    const [head, body, signature] = parts;
    const header = decodePart(head);
    const payload = decodePart(body);
    if (!header || !payload || header.alg !== 'RS256' || header.kid !== kid) return { error: 'token is not valid' };
    const valid = rsaVerify('sha256', Buffer.from(`${head}.${body}`), publicKey, Buffer.from(signature, 'base64url'));
    if (!valid || payload.iss !== projectId || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
      return { error: 'token is not valid' };
    }
    if (payload.exp <= Math.floor(Date.now() / 1000)) return { error: 'token expired' };
    return { claims: /** @type {Claims} */ (payload) };
  }

  return { publicJwk, sign, signAccessToken, verify };
}

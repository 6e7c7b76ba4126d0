// @ts-check
/**
 * Tokens obtained elsewhere, uploaded (migrated) into Descope's vault, as node-sdk's
 * `management.outboundApplication` sends them (paths and bodies from its dist; fields from the
 * docs' "upload outbound app user / tenant OAuth token" and batch pages):
 *
 *   POST /v1/mgmt/outbound/app/user/apikey/upload              uploadUserApiKey      { appId, userId, apiKey, tenantId? } → {}
 *   POST /v1/mgmt/outbound/app/tenant/apikey/upload            uploadTenantApiKey    { appId, tenantId, apiKey } → {}
 *   POST /v1/mgmt/outbound/app/user/oauthtoken/upload          uploadUserToken       { appId, userId, tenantId?, refreshToken?, accessToken?, … , verifyRefresh? } → {}
 *   POST /v1/mgmt/outbound/app/tenant/oauthtoken/upload        uploadTenantToken     { appId, tenantId, refreshToken?, accessToken?, … , verifyRefresh? } → {}
 *   POST /v1/mgmt/outbound/app/user/oauthtoken/batch/upload    batchUploadUserTokens   { tokens: [...] } → { failures }
 *   POST /v1/mgmt/outbound/app/tenant/oauthtoken/batch/upload  batchUploadTenantTokens { tokens: [...] } → { failures }
 *
 * An uploaded token is stored like a connected one, so it is what the fetches answer, what
 * apps-with-user-token lists, what the token page shows, and its access token works at the fake
 * provider. Batches are all-or-nothing, as documented: any failure and nothing is stored.
 * Management key only.
 */
import { ERRORS, HttpError } from '../errors.js';
import { readJson, sendJson } from '../http.js';
import { authorizeManagement } from '../mgmt-auth.js';

/** @typedef {import('../server.js').Route} Route */
/** @typedef {import('../server.js').Ctx} Ctx */
/** @typedef {import('../store.js').ConnectionKey} ConnectionKey */
/** @typedef {import('../store.js').UploadedValues} UploadedValues */
/** @typedef {{ key: ConnectionKey, values: UploadedValues, verifyRefresh: boolean }} Upload */

/** @param {Record<string, any>} body @param {string} key @param {boolean} required */
function stringField(body, key, required) {
  const value = body[key];
  if (value === undefined || value === null || value === '') {
    if (required) throw new HttpError(400, ERRORS.missingArguments, `${key} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new HttpError(400, ERRORS.invalidArguments, `${key} must be a string`);
  return value;
}

/** Epoch seconds (a number, or digits as protobuf's JSON allows) → ms; 0 or absent: unknown. @param {unknown} value */
function expiryOf(value) {
  if (value === undefined || value === null) return 0;
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw new HttpError(400, ERRORS.invalidArguments, 'accessTokenExpiry must be whole epoch seconds');
  }
  return seconds * 1000;
}

/**
 * Reads and checks one OAuth token to upload (a single upload's body, or a batch item).
 * @param {Ctx} ctx
 * @param {Record<string, any>} body
 * @param {boolean} tenantLevel
 * @returns {Upload}
 */
function readOAuthUpload(ctx, body, tenantLevel) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, ERRORS.invalidArguments, 'each token must be an object');
  const appId = /** @type {string} */ (stringField(body, 'appId', true));
  const userId = stringField(body, 'userId', !tenantLevel);
  const tenantId = stringField(body, 'tenantId', tenantLevel);
  const refreshToken = stringField(body, 'refreshToken', false);
  const accessToken = stringField(body, 'accessToken', false);
  if (!refreshToken && !accessToken) throw new HttpError(400, ERRORS.missingArguments, 'refreshToken or accessToken is required');
  const accessTokenType = stringField(body, 'accessTokenType', false);
  const externalIdentifier = stringField(body, 'externalIdentifier', false);
  const grantedBy = stringField(body, 'grantedBy', false);
  stringField(body, 'idToken', false); // checked, not kept: no answer of Descope's carries it
  const { scopes = [] } = body;
  if (!(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) throw new HttpError(400, ERRORS.invalidArguments, 'scopes must be an array of strings');
  if (body.verifyRefresh !== undefined && typeof body.verifyRefresh !== 'boolean') throw new HttpError(400, ERRORS.invalidArguments, 'verifyRefresh must be a boolean');
  const verifyRefresh = body.verifyRefresh === true;
  if (verifyRefresh && !refreshToken) throw new HttpError(400, ERRORS.missingArguments, 'verifyRefresh needs a refreshToken to verify');
  const accessTokenExpiry = expiryOf(body.accessTokenExpiry);
  if (!ctx.store.apps.has(appId)) throw new HttpError(404, ERRORS.appNotFound, `Outbound application '${appId}' not found`);
  return {
    key: {
      appId, userId: tenantLevel ? (grantedBy ?? '') : /** @type {string} */ (userId), tenantId, tenantLevel: tenantLevel || undefined,
      scopes: [...scopes], externalIdentifier, kind: 'oauth', grantedBy,
    },
    values: { accessToken, refreshToken, accessTokenType, accessTokenExpiry },
    verifyRefresh,
  };
}

/**
 * Stores an upload. `verifyRefresh` uses the refresh token at once (the fake provider accepts
 * any), so the stored token then holds an access token the provider issued.
 * @param {Ctx} ctx @param {Upload} upload
 */
function store(ctx, { key, values, verifyRefresh }) {
  const connection = ctx.store.importConnection(key, values);
  if (verifyRefresh) ctx.store.refreshConnection(connection);
}

/** @param {boolean} tenantLevel @returns {Route['handler']} */
const uploadToken = (tenantLevel) => async (req, res, ctx) => {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  store(ctx, readOAuthUpload(ctx, await readJson(req), tenantLevel));
  sendJson(res, 200, {});
};

/**
 * All or nothing: every item is checked first; any failure and nothing is stored, and
 * `failures` names each bad item (userId for the user variant, tenantId for the tenant one).
 * @param {boolean} tenantLevel
 * @returns {Route['handler']}
 */
const batchUpload = (tenantLevel) => async (req, res, ctx) => {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const { tokens } = await readJson(req);
  if (!Array.isArray(tokens)) throw new HttpError(400, ERRORS.missingArguments, 'tokens must be an array of tokens to upload');
  /** @type {Upload[]} */
  const uploads = [];
  /** @type {Array<Record<string, string>>} */
  const failures = [];
  tokens.forEach((item, i) => {
    try {
      uploads.push(readOAuthUpload(ctx, item, tenantLevel));
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      /** @type {Record<string, string>} */
      const failure = { appId: String(item?.appId ?? '') };
      if (tenantLevel) failure.tenantId = String(item?.tenantId ?? '');
      else failure.userId = String(item?.userId ?? '');
      failures.push({ ...failure, errorCode: err.body.errorCode, reason: `tokens[${i}]: ${err.body.errorMessage}` });
    }
  });
  if (!failures.length) for (const upload of uploads) store(ctx, upload);
  sendJson(res, 200, { failures });
};

/** An API key is stored as the token's access token; it never expires and has nothing to refresh. @param {boolean} tenantLevel @returns {Route['handler']} */
const uploadApiKey = (tenantLevel) => async (req, res, ctx) => {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const body = await readJson(req);
  const appId = /** @type {string} */ (stringField(body, 'appId', true));
  const userId = stringField(body, 'userId', !tenantLevel);
  const tenantId = stringField(body, 'tenantId', tenantLevel);
  const apiKey = /** @type {string} */ (stringField(body, 'apiKey', true));
  if (!ctx.store.apps.has(appId)) throw new HttpError(404, ERRORS.appNotFound, `Outbound application '${appId}' not found`);
  ctx.store.importConnection(
    { appId, userId: userId ?? '', tenantId, tenantLevel: tenantLevel || undefined, scopes: [], kind: 'apiKey' },
    { accessToken: apiKey, accessTokenType: 'apiKey', accessTokenExpiry: 0 },
  );
  sendJson(res, 200, {});
};

/** @type {Route[]} */
export const uploadRoutes = [
  { method: 'POST', path: '/v1/mgmt/outbound/app/user/apikey/upload', handler: uploadApiKey(false) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/tenant/apikey/upload', handler: uploadApiKey(true) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/user/oauthtoken/upload', handler: uploadToken(false) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/tenant/oauthtoken/upload', handler: uploadToken(true) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/user/oauthtoken/batch/upload', handler: batchUpload(false) },
  { method: 'POST', path: '/v1/mgmt/outbound/app/tenant/oauthtoken/batch/upload', handler: batchUpload(true) },
];

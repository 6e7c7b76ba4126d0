// @ts-check
/**
 * An outbound app as Descope's management API reads and answers it (docs "create outbound app",
 * node-sdk's `OutboundApplication`): which fields exist, their types, and the JSON an app is
 * answered as. Shared by the catalog endpoints, the consent page and the app-management routes.
 */
import { ERRORS, HttpError } from './errors.js';

/** @typedef {import('./store.js').App} App */

const STRING_FIELDS = /** @type {const} */ ([
  'name', 'description', 'clientId', 'logo', 'discoveryUrl', 'authorizationUrl', 'tokenUrl', 'revocationUrl',
  'defaultRedirectUrl', 'callbackDomain', 'accessType', 'appType', 'dcrUrl', 'tenantId',
]);
const BOOLEAN_FIELDS = /** @type {const} */ (['pkce', 'useDcr']);
const URL_PARAM_FIELDS = /** @type {const} */ (['authorizationUrlParams', 'tokenUrlParams']);
const STRING_LIST_FIELDS = /** @type {const} */ (['defaultScopes', 'prompt']);
const PROMPTS = ['none', 'login', 'consent', 'select_account'];
/** What may follow `/v1/mgmt/outbound/app/` in node-sdk's loadApplication URL, which it does not encode. */
export const APP_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** Every field an app is answered with, besides id, name, description, logo and defaultScopes. */
const ANSWERED_FIELDS = [...STRING_FIELDS, ...BOOLEAN_FIELDS, ...URL_PARAM_FIELDS, ...STRING_LIST_FIELDS]
  .filter((key) => !['name', 'description', 'logo', 'defaultScopes'].includes(key));

/**
 * The app as Descope's outbound app object, with its logo made absolute on the emulator origin.
 * The client secret is stored but never answered (the emulator's reading: a secret goes in, not out).
 * @param {{ baseUrl: string }} ctx
 * @param {App} app
 */
export function publicApp(ctx, app) {
  const logo = app.logo?.startsWith('/') ? ctx.baseUrl + app.logo : (app.logo ?? '');
  /** @type {Record<string, unknown>} */
  const out = { id: app.id, name: app.name, description: app.description ?? '', logo, defaultScopes: app.defaultScopes ?? [] };
  const fields = /** @type {Record<string, unknown>} */ (app);
  for (const key of ANSWERED_FIELDS) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}

/**
 * Reads the app fields of a request body, checking each type; unknown fields are ignored, as a
 * JSON-to-protobuf server does. `clientSecret` is read too.
 * @param {Record<string, any>} body
 * @param {string} where the body's name in error messages (`app`, `overrides`)
 * @returns {Partial<App> & Record<string, unknown>}
 */
export function readAppFields(body, where) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, ERRORS.invalidArguments, `${where} must be an object`);
  /** @type {Record<string, unknown>} */
  const app = {};
  const wrong = (/** @type {string} */ key, /** @type {string} */ what) => new HttpError(400, ERRORS.invalidArguments, `${where}.${key} must be ${what}`);
  for (const key of [...STRING_FIELDS, 'clientSecret']) {
    if (body[key] === undefined || body[key] === null) continue;
    if (typeof body[key] !== 'string') throw wrong(key, 'a string');
    app[key] = body[key];
  }
  for (const key of BOOLEAN_FIELDS) {
    if (body[key] === undefined || body[key] === null) continue;
    if (typeof body[key] !== 'boolean') throw wrong(key, 'a boolean');
    app[key] = body[key];
  }
  for (const key of URL_PARAM_FIELDS) {
    if (body[key] === undefined || body[key] === null) continue;
    const ok = Array.isArray(body[key]) && body[key].every((/** @type {any} */ p) => p && typeof p.key === 'string' && typeof p.value === 'string');
    if (!ok) throw wrong(key, 'an array of { key, value } strings');
    app[key] = body[key].map((/** @type {any} */ p) => ({ key: p.key, value: p.value }));
  }
  for (const key of STRING_LIST_FIELDS) {
    if (body[key] === undefined || body[key] === null) continue;
    if (!(Array.isArray(body[key]) && body[key].every((/** @type {unknown} */ s) => typeof s === 'string'))) throw wrong(key, 'an array of strings');
    app[key] = [...body[key]];
  }
  if (app.accessType !== undefined && app.accessType !== '' && !['offline', 'online'].includes(/** @type {string} */ (app.accessType))) {
    throw wrong('accessType', "'offline' or 'online'");
  }
  const prompt = /** @type {string[] | undefined} */ (app.prompt);
  if (prompt?.some((p) => !PROMPTS.includes(p))) throw wrong('prompt', `a list of ${PROMPTS.join(', ')}`);
  return /** @type {any} */ (app);
}

/**
 * An app ID a request names, when it names one.
 * @param {unknown} id
 * @param {string} where
 */
export function checkAppId(id, where) {
  if (typeof id !== 'string' || !APP_ID_PATTERN.test(id)) {
    throw new HttpError(400, ERRORS.invalidArguments, `${where} must be 1-100 letters, digits, '-' or '_'`);
  }
  return id;
}

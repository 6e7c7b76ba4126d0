// @ts-check
/**
 * Outbound Apps: `connect` (what `sdk.outbound.connect` calls), Descope's own OAuth callback,
 * and the two catalog endpoints the outbound-applications widget reads with a user's session.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ERRORS, HttpError, errorBodyForStatus } from '../errors.js';
import { readJson, redirect, sendJson, sendMessagePage } from '../http.js';
import { requireUser, tokenOf } from '../session.js';
import { authorizeManagement } from '../mgmt-auth.js';
import { publicApp } from '../app-fields.js';

/** @typedef {import('../server.js').Ctx} Ctx */
/** @typedef {import('../server.js').Route} Route */
/** @typedef {import('../store.js').App} App */

export const CALLBACK_PATH = '/v1/outbound/oauth/callback';

/**
 * Answers with a test fault registered for the app (see emulator-admin.js), if any.
 * @param {import('node:http').ServerResponse} res
 * @param {import('../store.js').Fault} fault
 */
async function answerFault(res, fault) {
  if (fault.delayMs) await delay(fault.delayMs, undefined, { ref: false });
  if (res.destroyed) return;
  if (fault.body === 'not-json') {
    res.writeHead(fault.status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<html><body><h1>Bad gateway</h1></body></html>');
    return;
  }
  const headers = fault.status === 429 ? { 'Retry-After': '7' } : undefined;
  sendJson(res, fault.status, fault.body ?? errorBodyForStatus(fault.status), headers);
}

/**
 * The approved-domains check Descope applies to redirect URLs.
 * @param {Ctx} ctx
 * @param {string} raw
 * @returns {string} the URL serialised (percent-encoded), as it can go into a Location header
 */
function checkRedirectUrl(ctx, raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new HttpError(400, ERRORS.invalidArguments, `redirectUrl '${raw}' is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError(400, ERRORS.invalidArguments, `redirectUrl must be http(s), got '${url.protocol}'`);
  }
  if (!ctx.allowedRedirectHosts.includes(url.hostname)) {
    throw new HttpError(400, ERRORS.invalidArguments,
      `redirect URL host '${url.hostname}' is not in the project's approved domains (${ctx.allowedRedirectHosts.join(', ')})`);
  }
  return url.href;
}

/** @type {Route['handler']} */
async function connect(req, res, ctx) {
  tokenOf(ctx, req);
  const body = await readJson(req);
  const { appId, tenantId, tenantLevel } = body;
  const options = body.options ?? {};
  if (typeof appId !== 'string' || !appId) throw new HttpError(400, ERRORS.missingArguments, 'appId is required');

  // Faults fire before anything else that could fail, so a test gets exactly what it asked for,
  // even for an app ID the emulator does not know.
  const fault = ctx.store.takeFault(appId);
  if (fault) return answerFault(res, fault);

  const { user } = await requireUser(ctx, req);
  if (typeof options !== 'object' || Array.isArray(options)) throw new HttpError(400, ERRORS.invalidArguments, 'options must be an object');
  const { scopes, externalIdentifier } = options;
  if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) {
    throw new HttpError(400, ERRORS.invalidArguments, 'options.scopes must be an array of strings');
  }
  if (tenantId !== undefined && typeof tenantId !== 'string') throw new HttpError(400, ERRORS.invalidArguments, 'tenantId must be a string');
  if (tenantLevel !== undefined && typeof tenantLevel !== 'boolean') throw new HttpError(400, ERRORS.invalidArguments, 'tenantLevel must be a boolean');
  // A tenant-level token belongs to a tenant: without one, no fetchTenantToken could ever find it.
  if (tenantLevel && !tenantId) throw new HttpError(400, ERRORS.missingArguments, 'tenantLevel needs tenantId (the tenant the token is for)');
  if (externalIdentifier !== undefined && typeof externalIdentifier !== 'string') {
    throw new HttpError(400, ERRORS.invalidArguments, 'options.externalIdentifier must be a string');
  }

  const app = ctx.store.apps.get(appId);
  if (!app) throw new HttpError(404, ERRORS.appNotFound, `Outbound application '${appId}' not found`);

  // The server reads `redirectUrl` only; the docs' old spelling `redirectURL` is silently ignored.
  if (options.redirectURL !== undefined && options.redirectUrl === undefined) {
    ctx.warn(`connect(${appId}): options.redirectURL (capital URL) is ignored by Descope; send options.redirectUrl`);
  }
  const requested = typeof options.redirectUrl === 'string' && options.redirectUrl ? options.redirectUrl : app.defaultRedirectUrl;
  if (!requested) throw new HttpError(400, ERRORS.missingArguments, 'redirectUrl is required (options.redirectUrl), and the app has no default redirect URL');
  // Kept serialised: a raw non-Latin-1 character would make the callback's Location header throw.
  const redirectUrl = checkRedirectUrl(ctx, requested);

  const granted = scopes?.length ? scopes : (app.defaultScopes ?? []);
  const state = ctx.store.addPending({
    appId, userId: user.userId, tenantId, tenantLevel, scopes: granted, redirectUrl, externalIdentifier,
  });
  const query = new URLSearchParams({
    client_id: `emulator-${appId}`,
    redirect_uri: ctx.baseUrl + CALLBACK_PATH,
    response_type: 'code',
    scope: granted.join(' '),
    state,
  });
  sendJson(res, 200, { url: `${ctx.baseUrl}/emulator/provider/${encodeURIComponent(appId)}/authorize?${query}` });
}

/**
 * Descope's callback: records the connection, then sends the browser back to `redirectUrl`.
 * On success the URL is used as given (serialised, so non-ASCII characters are percent-encoded). On a provider error, `error` and
 * `error_description` are appended to its query: that is the emulator's assumption, since which
 * parameters Descope adds on return is not public.
 * @type {Route['handler']}
 */
function callback(_req, res, ctx, { url }) {
  const state = url.searchParams.get('state') ?? '';
  const pending = ctx.store.getPending(state);
  if (!pending) {
    return sendMessagePage(res, 400, 'Authorisation expired', 'This authorisation is unknown, expired or was already used. Start the connection again.');
  }
  const error = url.searchParams.get('error');
  if (error) {
    ctx.store.consumePending(state);
    const target = new URL(pending.redirectUrl);
    target.searchParams.append('error', error);
    target.searchParams.append('error_description', url.searchParams.get('error_description') ?? '');
    return redirect(res, target.href);
  }
  if (!pending.code || url.searchParams.get('code') !== pending.code) {
    return sendMessagePage(res, 400, 'Invalid code', 'The provider returned no valid authorisation code.');
  }
  ctx.store.consumePending(state);
  ctx.store.upsertConnection({
    appId: pending.appId, userId: pending.userId, tenantId: pending.tenantId, tenantLevel: pending.tenantLevel,
    scopes: pending.scopes, externalIdentifier: pending.externalIdentifier,
  });
  redirect(res, pending.redirectUrl);
}

/**
 * The catalog endpoints take a user's session (the widget) or the management key (node-sdk's
 * loadAllApplications / listAppsWithUserToken); the user is null for the key.
 * @param {Ctx} ctx
 * @param {import('node:http').IncomingMessage} req
 */
async function sessionOrManagementKey(ctx, req) {
  const secret = /^Bearer\s+[^:\s]+:(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (secret && secret.split('.').length !== 3) {
    await authorizeManagement(ctx, req, { allowAccessToken: false });
    return null;
  }
  return (await requireUser(ctx, req)).user;
}

/** `GET /v1/mgmt/outbound/apps` → `{ apps }`. @type {Route['handler']} */
async function listApps(req, res, ctx) {
  await sessionOrManagementKey(ctx, req);
  sendJson(res, 200, { apps: [...ctx.store.apps.values()].map((app) => publicApp(ctx, app)) });
}

/** `GET /v1/mgmt/outbound/apps-with-user-token?userId=[&tenantId=]` → `{ appIds }`. @type {Route['handler']} */
async function appsWithUserToken(req, res, ctx, { url }) {
  const user = await sessionOrManagementKey(ctx, req);
  const userId = url.searchParams.get('userId') || user?.userId;
  if (!userId) throw new HttpError(400, ERRORS.missingArguments, 'userId is required');
  // A user's session may only read its own connections (a management key may read any).
  if (user && userId !== user.userId) throw new HttpError(403, ERRORS.forbidden, 'A user session can only list its own connected apps');
  const tenantId = url.searchParams.get('tenantId');
  const appIds = ctx.store.listConnections({ userId })
    .filter((c) => !tenantId || c.tenantId === tenantId)
    .map((c) => c.appId);
  sendJson(res, 200, { appIds: [...new Set(appIds)] });
}

/** @type {Route[]} */
export const outboundRoutes = [
  { method: 'POST', path: '/v1/outbound/oauth/connect', handler: connect },
  { method: 'POST', path: '/v1/mgmt/outbound/app/connect', handler: connect }, // documented alias
  { method: 'GET', path: CALLBACK_PATH, handler: callback },
  { method: 'GET', path: '/v1/mgmt/outbound/apps', handler: listApps },
  { method: 'GET', path: '/v1/mgmt/outbound/apps-with-user-token', handler: appsWithUserToken },
];

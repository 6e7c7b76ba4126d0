// @ts-check
/**
 * Descope's management API for the outbound apps themselves, as node-sdk's
 * `management.outboundApplication` calls it (paths and bodies from its dist, answers from the docs'
 * "create / update / delete / get outbound app" pages):
 *
 *   POST /v1/mgmt/outbound/app/create             createApplication            { id?, name, …, clientSecret? } → { app }
 *   POST /v1/mgmt/outbound/app/create/bytemplate  createApplicationByTemplate  { templateId, id?, clientId?, clientSecret?, tenantId?, overrides? } → { app }
 *   POST /v1/mgmt/outbound/app/update             updateApplication            { app: { id, name, … } } → { app }
 *   POST /v1/mgmt/outbound/app/delete             deleteApplication            { id } → {}
 *   GET  /v1/mgmt/outbound/app/<id>               loadApplication              → { app }
 *
 * (`GET /v1/mgmt/outbound/apps`, loadAllApplications, is the catalog endpoint in outbound.js.)
 * A change shows at once wherever apps do: the catalog, connect, the consent page, the token
 * fetches and the state file. Management key only.
 */
import { ERRORS, HttpError } from '../errors.js';
import { readJson, sendJson } from '../http.js';
import { authorizeManagement } from '../mgmt-auth.js';
import { checkAppId, publicApp, readAppFields } from '../app-fields.js';
import { providerOf } from './provider-api.js';
import { randomId } from '../ids.js';

/** @typedef {import('../server.js').Route} Route */
/** @typedef {import('../server.js').Ctx} Ctx */
/** @typedef {import('../store.js').App} App */

/** @param {Ctx} ctx @param {string} id */
function appOf(ctx, id) {
  const app = ctx.store.apps.get(id);
  if (!app) throw new HttpError(404, ERRORS.appNotFound, `Outbound application '${id}' not found`);
  return app;
}

/** The ID a create asks for, or a new one. @param {Ctx} ctx @param {unknown} id */
function newAppId(ctx, id) {
  if (id === undefined || id === null || id === '') return randomId('OA', 26);
  const wanted = checkAppId(id, 'id');
  if (ctx.store.apps.has(wanted)) throw new HttpError(400, ERRORS.invalidArguments, `An outbound application with ID '${wanted}' already exists`);
  return wanted;
}

/** @param {Record<string, unknown>} fields */
function requireName(fields) {
  if (typeof fields.name !== 'string' || !fields.name.trim()) throw new HttpError(400, ERRORS.missingArguments, 'name is required');
}

/** @type {Route['handler']} */
async function createApp(req, res, ctx) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const body = await readJson(req);
  const fields = readAppFields(body, 'app');
  requireName(fields);
  const id = newAppId(ctx, body.id);
  const app = ctx.store.putApp(/** @type {App} */ ({ ...fields, id }));
  sendJson(res, 200, { app: publicApp(ctx, app) });
}

/**
 * The emulator's templates are the apps of its built-in catalog (emulator/apps.json), whatever
 * --apps says: Descope's template library is not public. An app made from one keeps its
 * template's fake provider, so its tokens work at the provider API.
 * @type {Route['handler']}
 */
async function createAppByTemplate(req, res, ctx) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const body = await readJson(req);
  const { templateId } = body;
  if (typeof templateId !== 'string' || !templateId) throw new HttpError(400, ERRORS.missingArguments, 'templateId is required');
  const template = ctx.templates.get(templateId);
  if (!template) {
    throw new HttpError(404, ERRORS.appNotFound, `No outbound app template '${templateId}'; the emulator's templates are ${[...ctx.templates.keys()].join(', ')}`);
  }
  const own = readAppFields({ clientId: body.clientId, clientSecret: body.clientSecret, tenantId: body.tenantId }, 'body');
  const overrides = body.overrides === undefined || body.overrides === null ? {} : readAppFields(body.overrides, 'overrides');
  const id = newAppId(ctx, body.id);
  /** @type {Partial<App>} */
  const base = { ...template };
  delete base.id;
  const app = ctx.store.putApp(/** @type {App} */ ({ ...base, ...overrides, ...own, id, provider: providerOf(template) }));
  sendJson(res, 200, { app: publicApp(ctx, app) });
}

/** Replaces every field but the ID (and the emulator's fake provider). @type {Route['handler']} */
async function updateApp(req, res, ctx) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const body = await readJson(req);
  if (body.app === undefined || body.app === null) throw new HttpError(400, ERRORS.missingArguments, 'app is required: { "app": { "id": …, "name": … } }');
  const fields = readAppFields(body.app, 'app');
  if (body.app.id === undefined || body.app.id === '') throw new HttpError(400, ERRORS.missingArguments, 'app.id is required');
  const current = appOf(ctx, checkAppId(body.app.id, 'app.id'));
  requireName(fields);
  const app = ctx.store.putApp(/** @type {App} */ ({ ...fields, id: current.id, provider: providerOf(current) }));
  sendJson(res, 200, { app: publicApp(ctx, app) });
}

/** Deletes the app and every token stored for it. @type {Route['handler']} */
async function deleteApp(req, res, ctx) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  const { id } = await readJson(req);
  if (id === undefined || id === '') throw new HttpError(400, ERRORS.missingArguments, 'id is required');
  const appId = checkAppId(id, 'id');
  appOf(ctx, appId);
  ctx.store.deleteApp(appId);
  sendJson(res, 200, {});
}

/** @type {Route['handler']} */
async function loadApp(req, res, ctx, { params }) {
  await authorizeManagement(ctx, req, { allowAccessToken: false });
  sendJson(res, 200, { app: publicApp(ctx, appOf(ctx, params[0])) });
}

/** @type {Route[]} */
export const appRoutes = [
  { method: 'POST', path: '/v1/mgmt/outbound/app/create', handler: createApp },
  { method: 'POST', path: '/v1/mgmt/outbound/app/create/bytemplate', handler: createAppByTemplate },
  { method: 'POST', path: '/v1/mgmt/outbound/app/update', handler: updateApp },
  { method: 'POST', path: '/v1/mgmt/outbound/app/delete', handler: deleteApp },
  // server.js tries exact paths first, so `create`, `update`… never reach this as IDs.
  { method: 'GET', path: /^\/v1\/mgmt\/outbound\/app\/([^/]+)$/, handler: loadApp },
];

// @ts-check
/**
 * A local stand-in for the Descope API, just large enough for Outbound Apps: password sign-in,
 * sessions, `outbound.connect`, a fake provider consent page and Descope's callback, the
 * management API for the stored tokens (what @descope/node-sdk calls), a fake provider API, a
 * token-management page, plus test hooks under `/emulator/`. It speaks the wire format of the
 * real SDKs (descope-wire-facts.md). No dependency beyond Node: the `outbound-emulator` bin runs
 * from an installed package as is.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { ERRORS, HttpError, errorBody } from './errors.js';
import { applyCors, isDescopePath, sendJson } from './http.js';
import { createStore } from './store.js';
import { createTokens } from './tokens.js';
import { authRoutes } from './routes/auth.js';
import { outboundRoutes } from './routes/outbound.js';
import { providerRoutes } from './routes/provider.js';
import { adminRoutes } from './routes/emulator-admin.js';
import { staticRoutes } from './routes/static.js';
import { managementRoutes } from './routes/management.js';
import { appRoutes } from './routes/apps.js';
import { uploadRoutes } from './routes/uploads.js';
import { providerApiRoutes } from './routes/provider-api.js';
import { tokenPageRoutes } from './routes/token-page.js';
import { DEFAULT_MANAGEMENT_KEY } from './mgmt-auth.js';
import { createStateWriter, readStateFile } from './state-file.js';
import { hostAllowed, originAllowed, parseOrigin } from './local-only.js';

/** 28 characters, like every Descope project ID; `slice(1, -27)` is '' so the SDK sees no region. */
export const DEFAULT_PROJECT_ID = 'P2OutboundElementsEmulator01';

/**
 * @typedef {{ projectId: string, managementKey: string, baseUrl: string, allowedRedirectHosts: string[],
 *   store: import('./store.js').Store, tokens: import('./tokens.js').Tokens,
 *   templates: Map<string, import('./store.js').App>,
 *   warn: (message: string) => void, consentOpenerPolicy?: string }} Ctx
 * @typedef {{ params: string[], url: URL }} Match
 * @typedef {{ method: string, path: string | RegExp,
 *   handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *     ctx: Ctx, match: Match) => void | Promise<void> }} Route
 * @typedef {{ host?: string, port?: number, projectId?: string, managementKey?: string,
 *   apps?: import('./store.js').App[], allowedRedirectHosts?: string[], quiet?: boolean,
 *   stateFile?: string, consentOpenerPolicy?: string, allowedOrigins?: string[],
 *   limits?: import('./store.js').Limits }} EmulatorOptions
 *   managementKey: the secret of `Bearer <projectId>:<managementKey>` (default DEFAULT_MANAGEMENT_KEY);
 *   stateFile: keep users, connections and tokens in this JSON file across restarts;
 *   consentOpenerPolicy: a `Cross-Origin-Opener-Policy` value (e.g. `same-origin`) for the
 *   provider's consent page, as some real providers send (it cuts a popup's `window.opener`);
 *   allowedOrigins: page origins besides loopback ones that may call the emulator (local-only.js);
 *   limits: how many users, connections, pending authorisations and logged-out sessions it keeps
 */

export { DEFAULT_MANAGEMENT_KEY };

const routes = [
  ...authRoutes, ...outboundRoutes, ...managementRoutes, ...appRoutes, ...uploadRoutes, ...providerRoutes, ...providerApiRoutes,
  ...tokenPageRoutes, ...adminRoutes, ...staticRoutes,
];

/**
 * Checks an apps list (from --apps or the option) so a typo fails at start, not mid-test.
 * @param {unknown} apps
 * @returns {import('./store.js').App[]}
 */
export function validateApps(apps) {
  if (!Array.isArray(apps) || !apps.length) throw new Error('apps must be a non-empty JSON array of outbound apps');
  const seen = new Set();
  apps.forEach((app, i) => {
    const where = `apps[${i}]`;
    if (!app || typeof app !== 'object') throw new Error(`${where} must be an object`);
    if (typeof app.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(app.id)) throw new Error(`${where}.id must be letters, digits, '-' or '_'`);
    if (seen.has(app.id)) throw new Error(`${where}.id '${app.id}' appears twice`);
    seen.add(app.id);
    if (typeof app.name !== 'string' || !app.name) throw new Error(`${where}.name must be a non-empty string`);
    for (const key of ['description', 'logo', 'defaultRedirectUrl', 'provider']) {
      if (app[key] !== undefined && typeof app[key] !== 'string') throw new Error(`${where}.${key} must be a string`);
    }
    if (app.defaultScopes !== undefined && !(Array.isArray(app.defaultScopes) && app.defaultScopes.every((/** @type {unknown} */ s) => typeof s === 'string'))) {
      throw new Error(`${where}.defaultScopes must be an array of strings`);
    }
  });
  return apps;
}

/**
 * @param {Route} route
 * @param {string} path
 * @returns {string[] | null} the decoded capture groups when the path matches
 */
function matchPath(route, path) {
  if (typeof route.path === 'string') return route.path === path ? [] : null;
  const m = route.path.exec(path);
  if (!m) return null;
  try {
    return m.slice(1).map((p) => decodeURIComponent(p));
  } catch {
    return null; // a malformed %-escape matches nothing: 404
  }
}

/**
 * A running emulator: its address, credentials and state, and how to stop it.
 * @typedef {{ baseUrl: string, projectId: string, managementKey: string, store: import('./store.js').Store,
 *   allowOrigin(origin: string): void, close(): Promise<void> }} Emulator
 */

/**
 * Starts the emulator; `port: 0` picks a free port.
 * @param {EmulatorOptions} [options]
 * @returns {Promise<Emulator>}
 */
export async function startEmulator(options = {}) {
  const {
    host = '127.0.0.1', port = 0, projectId = DEFAULT_PROJECT_ID, managementKey = DEFAULT_MANAGEMENT_KEY,
    allowedRedirectHosts = ['localhost', '127.0.0.1'], quiet = true, stateFile,
  } = options;
  if (!/^[A-Za-z0-9]+$/.test(projectId)) throw new Error(`Invalid project ID '${projectId}'`);
  if (!/^[\x21-\x7e]+$/.test(managementKey) || managementKey.split('.').length === 3) {
    throw new Error('The management key must be printable ASCII without spaces, and not shaped like a JWT');
  }
  const builtIn = validateApps(JSON.parse(await readFile(new URL('./apps.json', import.meta.url), 'utf8')));
  const apps = options.apps ? validateApps(options.apps) : builtIn;
  /** @param {string} message */
  const warn = (message) => { if (!quiet) console.warn(`[emulator] warning: ${message}`); };

  const saved = stateFile ? await readStateFile(stateFile) : undefined;
  /** @type {ReturnType<typeof createStateWriter> | undefined} */
  let writer;
  const store = createStore(apps, { onChange: () => writer?.schedule(), limits: options.limits });
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map(parseOrigin));
  const policy = { selfOrigin: '', allowedOrigins };
  if (saved) store.restore(saved);
  if (stateFile) {
    // State-file problems must be seen even in quiet mode: they lose a test's data.
    writer = createStateWriter(stateFile, store.snapshot, (message) => console.warn(`[emulator] warning: ${message}`));
    writer.schedule(); // create it now, so a host's CI sees the file as soon as the emulator is up
  }

  /** @type {Ctx} */
  const ctx = {
    projectId, managementKey, baseUrl: '', allowedRedirectHosts, store,
    templates: new Map(builtIn.map((app) => [app.id, app])),
    tokens: await createTokens(projectId),
    warn,
    consentOpenerPolicy: options.consentOpenerPolicy,
  };

  const server = createServer(async (req, res) => {
    const started = Date.now();
    // Prefixing the origin keeps `//x` a path (not a protocol-relative URL) and never throws.
    const url = new URL(`http://emulator.invalid${req.url?.startsWith('/') ? req.url : '/'}`);
    const path = url.pathname;
    if (path !== '/emulator/requests') {
      store.logRequest({ method: req.method ?? '', path, origin: req.headers.origin ?? null, time: started });
    }
    if (!quiet) res.on('finish', () => console.log(`${req.method} ${path} → ${res.statusCode} (${Date.now() - started} ms)`));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Only this machine's pages (local-only.js): a foreign Host is DNS rebinding, a foreign
    // Origin another website acting through the visitor's browser. Neither gets anything.
    if (!hostAllowed(req.headers.host, host)) {
      sendJson(res, 403, errorBody(ERRORS.forbidden, `Host '${req.headers.host ?? ''}' is not served: the emulator answers only to loopback names (localhost, 127.0.0.1, [::1]) or its --host '${host}'`));
      return;
    }
    const originOk = originAllowed(req.headers.origin, policy);
    // The fake provider's API is for backends: no CORS, as a provider token has no place in a page.
    if (!path.startsWith('/provider/')) applyCors(req, res, originOk);
    if (!originOk) {
      sendJson(res, 403, errorBody(ERRORS.forbidden, `Origin '${req.headers.origin}' may not call the emulator: it answers only pages on loopback origins; start it with --allow-origin ${req.headers.origin} to allow this one`));
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    try {
      const allowed = [];
      // An exact path wins over a pattern: `GET /v1/mgmt/outbound/app/create` is a wrong method
      // on create, not loadApplication('create').
      const exact = routes.some((route) => route.path === path);
      for (const route of routes) {
        if (exact && typeof route.path !== 'string') continue;
        const params = matchPath(route, path);
        if (!params) continue;
        if (route.method === req.method) {
          await route.handler(req, res, ctx, { params, url });
          return;
        }
        allowed.push(route.method);
      }
      if (allowed.length) {
        res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
        // Descope documents a 500 for any method but POST on its POST endpoints; elsewhere a 405.
        const status = allowed.includes('POST') && isDescopePath(path) ? 500 : 405;
        throw new HttpError(status, ERRORS.methodNotAllowed, `${req.method} is not allowed on ${path}: use ${allowed.join(' or ')}`);
      }
      throw new HttpError(404, ERRORS.routeNotFound, `No route for ${req.method} ${path}`);
    } catch (err) {
      if (res.headersSent) { res.destroy(); return; }
      if (err instanceof HttpError) { sendJson(res, err.status, err.body); return; }
      if (!quiet) console.error('[emulator] internal error:', err);
      sendJson(res, 500, errorBody(ERRORS.internal, err instanceof Error ? err.message : String(err)));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(undefined); });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  // A wildcard bind is still reached through loopback; IPv6 literals need brackets in URLs.
  const publicHost = ['0.0.0.0', '::'].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  ctx.baseUrl = `http://${publicHost}:${address.port}`;
  policy.selfOrigin = ctx.baseUrl; // its own pages (the consent form, the token page) post to it

  return {
    baseUrl: ctx.baseUrl,
    projectId,
    managementKey,
    store,
    /** Lets pages of one more origin call the emulator (the demo page on a non-loopback --host). @param {string} origin */
    allowOrigin: (origin) => { allowedOrigins.add(parseOrigin(origin)); },
    /**
     * Stops listening, drops keep-alive sockets so the process can exit at once, and waits for
     * the state file to hold the last change.
     * @returns {Promise<void>}
     */
    close: async () => {
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      await writer?.flush();
    },
  };
}

// @ts-check
/**
 * A local stand-in for the Descope API, just large enough for Outbound Apps: password sign-in,
 * sessions, `outbound.connect`, a fake provider consent page and Descope's callback, plus test
 * hooks under `/emulator/`. It speaks the wire format of the real SDK (descope-wire-facts.md).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { ERRORS, HttpError, errorBody } from './errors.js';
import { applyCors, sendJson } from './http.js';
import { createStore } from './store.js';
import { createTokens } from './tokens.js';
import { authRoutes } from './routes/auth.js';
import { outboundRoutes } from './routes/outbound.js';
import { providerRoutes } from './routes/provider.js';
import { adminRoutes } from './routes/emulator-admin.js';
import { staticRoutes } from './routes/static.js';

/** 28 characters, like every Descope project ID; `slice(1, -27)` is '' so the SDK sees no region. */
export const DEFAULT_PROJECT_ID = 'P2OutboundElementsEmulator01';

/**
 * @typedef {{ projectId: string, baseUrl: string, allowedRedirectHosts: string[],
 *   store: import('./store.js').Store, tokens: import('./tokens.js').Tokens,
 *   warn: (message: string) => void, consentOpenerPolicy?: string }} Ctx
 * @typedef {{ params: string[], url: URL }} Match
 * @typedef {{ method: string, path: string | RegExp,
 *   handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *     ctx: Ctx, match: Match) => void | Promise<void> }} Route
 * @typedef {{ host?: string, port?: number, projectId?: string,
 *   apps?: import('./store.js').App[], allowedRedirectHosts?: string[], quiet?: boolean,
 *   consentOpenerPolicy?: string }} EmulatorOptions
 *   consentOpenerPolicy: a `Cross-Origin-Opener-Policy` value (e.g. `same-origin`) for the
 *   provider's consent page, as some real providers send (it cuts a popup's `window.opener`)
 */

const routes = [...authRoutes, ...outboundRoutes, ...providerRoutes, ...adminRoutes, ...staticRoutes];

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
 * Starts the emulator; `port: 0` picks a free port.
 * @param {EmulatorOptions} [options]
 */
export async function startEmulator(options = {}) {
  const {
    host = '127.0.0.1', port = 0, projectId = DEFAULT_PROJECT_ID,
    allowedRedirectHosts = ['localhost', '127.0.0.1'], quiet = true,
  } = options;
  if (!/^[A-Za-z0-9]+$/.test(projectId)) throw new Error(`Invalid project ID '${projectId}'`);
  const apps = options.apps ?? JSON.parse(await readFile(new URL('./apps.json', import.meta.url), 'utf8'));
  const store = createStore(apps);

  /** @type {Ctx} */
  const ctx = {
    projectId, baseUrl: '', allowedRedirectHosts, store,
    tokens: await createTokens(projectId),
    warn: (message) => { if (!quiet) console.warn(`[emulator] warning: ${message}`); },
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
    applyCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    try {
      const allowed = [];
      for (const route of routes) {
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
        throw new HttpError(405, ERRORS.methodNotAllowed, `${req.method} is not allowed on ${path}`);
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

  return {
    baseUrl: ctx.baseUrl,
    projectId,
    store,
    /** Stops listening and drops keep-alive sockets so the process can exit at once. @returns {Promise<void>} */
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

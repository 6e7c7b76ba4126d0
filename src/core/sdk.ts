/**
 * Talking to Descope: the token a call is authenticated with, and one `@descope/web-js-sdk`
 * instance per project, base URL and storage prefix, created on first use. The SDK module is
 * imported lazily so the elements paint without it.
 *
 * The instance persists tokens like the host's own Descope SDK (`persistTokens: true` with the
 * same `storagePrefix`), so the connect call finds the session the page already has. Creating it
 * makes no network request.
 */
import { enclosingProviders, type OutboundConfig, type OutboundSdk } from './config.js';
import { OutboundError } from './errors.js';
import { parse } from './url-parse.js';

export function notConfiguredError(): OutboundError {
  return new OutboundError(
    'not-configured',
    'No Descope project: set project-id (and base-url) on the element, an <outbound-connect> or configure(), or pass an sdk.',
  );
}

const instances = new Map<string, Promise<OutboundSdk>>();

export function getSdk(config: OutboundConfig): Promise<OutboundSdk> {
  if (config.sdk) {
    return typeof config.sdk.outbound?.connect === 'function'
      ? Promise.resolve(config.sdk)
      : Promise.reject(new OutboundError('invalid-option', 'sdk must be a @descope/web-js-sdk instance (it has no outbound.connect).'));
  }
  const { projectId, baseUrl, storagePrefix = '' } = config;
  if (!projectId) return Promise.reject(notConfiguredError());
  const key = JSON.stringify([projectId, baseUrl ?? '', storagePrefix]);
  let instance = instances.get(key);
  if (!instance) {
    instance = createSdk(projectId, baseUrl, storagePrefix);
    instances.set(key, instance);
    // A failed chunk load must not be cached forever: the next click tries again.
    instance.catch(() => instances.delete(key));
  }
  return instance;
}

let sdkModule: Promise<typeof import('@descope/web-js-sdk')> | undefined;

/** Loads the SDK module (no instance, no request to Descope); a failed load is retried next time. */
export function loadSdkModule(): Promise<typeof import('@descope/web-js-sdk')> {
  sdkModule ??= import('@descope/web-js-sdk').catch((error: unknown) => {
    sdkModule = undefined;
    throw error;
  });
  return sdkModule;
}

async function createSdk(projectId: string, baseUrl: string | undefined, storagePrefix: string): Promise<OutboundSdk> {
  // A failed chunk load rejects with a TypeError, which connect() reports as `network`.
  const module = await loadSdkModule();
  return module.default({
    projectId,
    ...(baseUrl ? { baseUrl } : {}),
    persistTokens: true,
    storagePrefix,
    autoRefresh: false,
    // Only the host's own SDK should write its "last user" and flow-nonce keys.
    storeLastAuthenticatedUser: false,
    enableFlowNonce: false,
  }) as unknown as OutboundSdk;
}

/**
 * The token a Descope call is authenticated with, as the host gave it: `getToken()` (asked each
 * time, wins), else `token`, else none (the SDK's persisted session). Shared by the connect call
 * and the catalog reads, so both accept and refuse the same things.
 */
export async function resolveToken(config: OutboundConfig): Promise<string | undefined> {
  if (config.getToken !== undefined) {
    if (typeof config.getToken !== 'function') {
      throw new OutboundError('invalid-option', 'getToken must be a function returning a token.');
    }
    let token: unknown;
    try {
      token = await config.getToken();
    } catch (error) {
      throw new OutboundError('unauthenticated', `getToken() failed: ${(error as Error)?.message ?? error}`, {
        cause: error,
      });
    }
    if (typeof token !== 'string' || token === '') {
      throw new OutboundError('unauthenticated', 'getToken() returned no token. Is the user signed in?');
    }
    return token;
  }
  if (config.token !== undefined && (typeof config.token !== 'string' || config.token === '')) {
    throw new OutboundError('invalid-option', 'token must be a non-empty string.');
  }
  return config.token;
}

// ---- Where the session may be sent ------------------------------------------------------------

/*
 * Where the page's session may be sent. Markup is not a choice of the page: user content (a
 * comment, a profile field) can carry `<outbound-app-list base-url="https://attacker…">`, and the
 * elements read the catalog with the persisted session on load. So a session (persisted, `token`
 * or `getToken`) goes only to a Descope API the page itself chose:
 *
 * - Descope's own API hosts (`https://api.descope.com`, `https://api.<region>.descope.com`);
 * - a base URL set with `configure()`, or the host's own `sdk` (its base URL is its business);
 * - a base URL on the page's own site: same scheme and registrable domain (`auth.example.com` for a
 *   page on `app.example.com`), or on loopback the same host name (any port).
 *
 * A base URL set on an element (attribute or property, its own or an enclosing
 * `<outbound-connect>`'s) that is none of these is refused: `not-configured`, and no request.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The base URL an element or an enclosing `<outbound-connect>` sets, if any: the markup's choice. */
function baseUrlFromMarkup(element: Element): unknown {
  for (const layer of [element, ...enclosingProviders(element)]) {
    try {
      const value = (layer as OutboundConfig).baseUrl;
      if (value != null) return value;
    } catch {
      return undefined; // a throwing getter: read as unset everywhere else too
    }
  }
  return undefined;
}

/**
 * `not-configured` when `element`'s resolved settings would send the session to a base URL the
 * page did not choose; `undefined` when the call may go ahead.
 */
export function untrustedApiError(element: Element, config: OutboundConfig): OutboundError | undefined {
  if (config.sdk) return undefined; // the host's SDK is used as is
  const fromMarkup = baseUrlFromMarkup(element);
  if (fromMarkup === undefined || isTrustedApi(fromMarkup, location.href)) return undefined;
  return new OutboundError(
    'not-configured',
    `base-url ${JSON.stringify(String(fromMarkup).slice(0, 200))} is not Descope's API nor on this page's site, so the session is not sent there. ` +
      'If this API is yours, set it from your script: configure({ baseUrl }) (or pass your own sdk).',
  );
}

/** Whether `baseUrl` is a Descope API host, or on the site of `pageUrl` (see the module comment). */
export function isTrustedApi(baseUrl: unknown, pageUrl: string, site = pageSite): boolean {
  const api = typeof baseUrl === 'string' ? parse(baseUrl) : undefined;
  const page = parse(pageUrl);
  if (!api || !page || api.username || api.password) return false;
  if (api.protocol === 'https:' && (api.hostname === 'descope.com' || api.hostname.endsWith('.descope.com'))) return true;
  if (LOOPBACK.has(page.hostname)) return api.hostname === page.hostname;
  if (api.protocol !== page.protocol) return false;
  const registrable = site(page.hostname);
  return api.hostname === registrable || api.hostname.endsWith(`.${registrable}`);
}

const sites = new Map<string, string>();

/**
 * The registrable domain of `hostname` ("example.co.uk" for "app.example.co.uk"), as the
 * browser's own public-suffix list says: a cookie for a public suffix is refused, so the shortest
 * suffix that takes a (short-lived, at once removed) cookie is the site. An IP address, or a page
 * whose cookies are blocked, is its own site (an exact host match).
 */
function pageSite(hostname: string): string {
  let site = sites.get(hostname);
  if (site) return site;
  site = hostname;
  const labels = hostname.split('.');
  if (!/^[\d.]+$|^\[/.test(hostname)) {
    for (let i = labels.length - 2; i >= 0; i--) {
      const candidate = labels.slice(i).join('.');
      if (takesCookie(candidate)) {
        site = candidate;
        break;
      }
    }
  }
  sites.set(hostname, site);
  return site;
}

function takesCookie(domain: string): boolean {
  const probe = `outbound-elements-site=${Math.random().toString(36).slice(2)}`;
  try {
    document.cookie = `${probe}; domain=${domain}; path=/; max-age=10; SameSite=Lax`;
    const taken = document.cookie.includes(probe);
    if (taken) document.cookie = `${probe.split('=')[0]}=; domain=${domain}; path=/; max-age=0; SameSite=Lax`;
    return taken;
  } catch {
    return false; // a sandboxed document: no cookies at all
  }
}

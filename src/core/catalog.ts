/**
 * The app catalog and the user's connections, read from the same endpoints Descope's own
 * outbound-applications widget uses, through the same SDK instance and session as the connect
 * call:
 *
 * - `GET /v1/mgmt/outbound/apps` → `{ apps: [{ id, name, description, logo }] }` (the catalog);
 * - `GET /v1/auth/me` → the user (`userId`);
 * - `GET /v1/mgmt/outbound/apps-with-user-token?userId=…[&tenantId=…]` → `{ appIds }` (status).
 *
 * However many elements ask, each endpoint is requested at most once per page and scope (project,
 * base URL, storage prefix, credentials; tenant for status): every caller shares the one promise.
 * The catalog (never the status, which is per user) is also kept in sessionStorage for a short
 * time and served stale while it is revalidated. Nothing is requested without a session: no
 * token, no `getToken`, no host `sdk`, and no persisted Descope session means "signed out".
 */
import { resolveConfig, type OutboundConfig, type OutboundSdk, type SdkResponse } from './config.js';
import { connectionIdOf, noteKnownStatus } from './connection-state.js';
import { errorFromException, errorFromResponse } from './error-mapping.js';
import { OutboundError, type DescopeErrorBody } from './errors.js';
import { getSdk, resolveToken, untrustedApiError } from './sdk.js';
import { hasSession, sessionMaybeChanged } from './session-hint.js';

export const CATALOG_PATH = '/v1/mgmt/outbound/apps';
export const ME_PATH = '/v1/auth/me';
export const CONNECTED_PATH = '/v1/mgmt/outbound/apps-with-user-token';

/** A catalog entry younger than this is used without asking Descope again. */
export const CATALOG_FRESH_MS = 2 * 60_000;
/** An older one, up to this age, is shown at once while a fresh copy is fetched. */
export const CATALOG_STALE_MS = 30 * 60_000;

const STORAGE_PREFIX = 'outbound-elements:catalog:';
export const CATALOG_CHANNEL = 'outbound-elements:catalog';

/** One Outbound App as the catalog lists it. Strings from the network: render them as text. */
export interface CatalogApp {
  id: string;
  name: string;
  description: string;
  logo: string;
}

/** What a read gives: the value, "no session" (nothing to show, nothing to report), or an error. */
export type CatalogResult<T> =
  | { state: 'ready'; value: T }
  | { state: 'signed-out' }
  | { state: 'error'; error: OutboundError };

/** The parts of web-js-sdk the catalog needs besides `outbound.connect`. */
export interface CatalogSdk extends OutboundSdk {
  me?: (token?: string) => Promise<SdkResponse<{ userId?: string }>>;
  httpClient?: {
    get: (path: string, config?: { queryParams?: Record<string, string>; token?: string }) => Promise<Response>;
  };
}

interface Entry<T> {
  promise: Promise<CatalogResult<T>>;
  /** For status entries: which tenant the connections were filtered by. */
  tenantId?: string;
}

const catalogs = new Map<string, Entry<CatalogApp[]>>();
const users = new Map<string, Entry<string>>();
const connections = new Map<string, Entry<string[]>>();
const listeners = new Set<() => void>();

const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(object: object): number {
  let id = ids.get(object);
  if (id === undefined) ids.set(object, (id = ++nextId));
  return id;
}

/**
 * Who is asking: the same SDK and the same credentials share every answer. Kept in memory only
 * (a passed-in token is part of the key, so it must never be written anywhere).
 */
function scopeOf(config: OutboundConfig): string {
  const sdk = config.sdk ? `sdk#${idOf(config.sdk)}` : JSON.stringify([config.projectId ?? '', config.baseUrl ?? '', config.storagePrefix ?? '']);
  const credential =
    typeof config.getToken === 'function' ? `getToken#${idOf(config.getToken)}` : config.token ? `token:${config.token}` : 'session';
  return `${sdk}|${credential}`;
}

/** The sessionStorage key of a project's catalog; none for a host SDK of an unknown project. */
function storageKeyOf(config: OutboundConfig): string | undefined {
  if (!config.projectId) return undefined;
  return STORAGE_PREFIX + JSON.stringify([config.projectId, config.baseUrl ?? '']);
}

/**
 * The project's apps. Shared, cached for the page, and for a short time in sessionStorage.
 * `configure()` fills in what `options` leaves out. Never rejects.
 */
export function readCatalog(options: OutboundConfig): Promise<CatalogResult<CatalogApp[]>> {
  const config = resolveConfig(undefined, options);
  if (!hasSession(config)) return Promise.resolve({ state: 'signed-out' });
  const key = scopeOf(config);
  const cached = catalogs.get(key);
  if (cached) return cached.promise;

  const stored = readStored(config);
  const age = stored ? Date.now() - stored.savedAt : Infinity;
  if (stored && age < CATALOG_STALE_MS) {
    const entry: Entry<CatalogApp[]> = { promise: Promise.resolve({ state: 'ready', value: stored.apps }) };
    catalogs.set(key, entry);
    if (age >= CATALOG_FRESH_MS) revalidate(config, key, entry);
    return entry.promise;
  }
  const entry: Entry<CatalogApp[]> = { promise: fetchCatalog(config) };
  catalogs.set(key, entry);
  void entry.promise.then((result) => {
    if (result.state === 'ready') writeStored(config, result.value);
  });
  return entry.promise;
}

/** Stale-while-revalidate: the stale list stays until a fresh one arrives, then listeners re-read. */
function revalidate(config: OutboundConfig, key: string, stale: Entry<CatalogApp[]>): void {
  void fetchCatalog(config).then((result) => {
    if (result.state !== 'ready' || catalogs.get(key) !== stale) return;
    writeStored(config, result.value);
    catalogs.set(key, { promise: Promise.resolve(result) });
    notify();
  });
}

/** The IDs of the apps the signed-in user has connected (for `tenantId`, if configured). Never rejects. */
export function readConnectedAppIds(options: OutboundConfig): Promise<CatalogResult<string[]>> {
  const config = resolveConfig(undefined, options);
  if (!hasSession(config)) return Promise.resolve({ state: 'signed-out' });
  const scope = scopeOf(config);
  const key = `${scope}|${config.tenantId ?? ''}`;
  let entry = connections.get(key);
  if (!entry) {
    entry = { promise: fetchConnected(config, scope), tenantId: config.tenantId };
    connections.set(key, entry);
  }
  return entry.promise;
}

/**
 * Called when a connection succeeded in this tab (the redirect return, or a popup): the app
 * counts as connected at once, without asking Descope again, and other tabs are told to re-read.
 */
export function noteConnected(appId: string, tenantId?: string): void {
  for (const entry of connections.values()) {
    // apps-with-user-token filtered by a tenant lists only that tenant's connections.
    if (entry.tenantId && entry.tenantId !== tenantId) continue;
    entry.promise = entry.promise.then((result) =>
      result.state === 'ready' && !result.value.includes(appId) ? { state: 'ready', value: [...result.value, appId] } : result,
    );
  }
  notify();
  broadcast({ type: 'connected' });
}

/**
 * Forgets everything read so far (the stored catalog too) and tells every listener, in this tab
 * and the others, to read again: after a disconnect, a sign-in, or a failure worth retrying. The
 * elements that skipped the catalog while the visitor was signed out look again too.
 */
export function refreshCatalog(): void {
  forgetAll();
  notify();
  broadcast({ type: 'refresh' });
  sessionMaybeChanged();
}

const refused = new Set<string>();

export interface CatalogView {
  apps?: CatalogResult<CatalogApp[]>;
  connected?: CatalogResult<string[]>;
}

/**
 * Reads what an element wants with its resolved configuration, and writes what Descope says of
 * the connections of `appIds` (default: every app of the catalog) into the connection state. An
 * element with no project and no SDK yet (its configuration may still be on its way) reads
 * nothing and reports nothing.
 */
export async function readCatalogFor(element: Element, want: { apps: boolean; status: boolean }, appIds?: string[]): Promise<CatalogView> {
  const config = resolveConfig(element);
  if (!config.sdk && !config.projectId) return {};
  const refusal = untrustedApiError(element, config);
  if (refusal) {
    // Not one request: the session stays where the page chose. Said once per base URL.
    if (!refused.has(refusal.message)) console.error(`[outbound-elements] not-configured: ${refusal.message}`);
    refused.add(refusal.message);
    return want.apps ? { apps: { state: 'error', error: refusal } } : {};
  }
  const [apps, connected] = await Promise.all([
    want.apps ? readCatalog(config) : undefined,
    want.status ? readConnectedAppIds(config) : undefined,
  ]);
  if (connected?.state === 'ready') {
    const [, tenantId] = connectionIdOf('', config.tenantId);
    const ids = appIds ?? (apps?.state === 'ready' ? apps.value.map((app) => app.id) : []);
    for (const appId of ids) noteKnownStatus(appId, tenantId, connected.value.includes(appId));
  }
  return { ...(apps ? { apps } : {}), ...(connected ? { connected } : {}) };
}

function forgetAll(): void {
  catalogs.clear();
  users.clear();
  connections.clear();
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(STORAGE_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // storage blocked: nothing was stored
  }
}

/**
 * Calls `listener` whenever what the catalog or the connections say may have changed (here or in
 * another tab of this origin). Returns the unsubscribe function.
 */
export function onCatalogChange(listener: () => void): () => void {
  listeners.add(listener);
  listenToOtherTabs();
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error('[outbound-elements]', error);
    }
  }
}

// ---- Other tabs ------------------------------------------------------------------------------

type TabMessage = { type: 'connected' | 'refresh'; from?: string };
let channel: BroadcastChannel | undefined;
/** Our own messages reach our listening channel too (another object): they are recognised by this. */
const thisPage = Math.random().toString(36).slice(2);

/** Opened only by pages that show the catalog or a status: an idle page holds no channel. */
function listenToOtherTabs(): void {
  if (channel || typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(CATALOG_CHANNEL);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    // Another tab connected or refreshed: our connections (and, on refresh, the catalog) are stale.
    if (event.data?.from === thisPage) return;
    if (event.data?.type === 'refresh') forgetAll();
    else if (event.data?.type === 'connected') connections.clear();
    else return;
    notify();
  };
}

function broadcast(message: TabMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  // A channel of its own, closed at once: a page that only sends keeps no channel open.
  const sender = new BroadcastChannel(CATALOG_CHANNEL);
  sender.postMessage({ ...message, from: thisPage });
  sender.close();
}

// ---- Requests --------------------------------------------------------------------------------

async function fetchCatalog(config: OutboundConfig): Promise<CatalogResult<CatalogApp[]>> {
  return settle(async () => {
    const { sdk, token } = await clientFor(config);
    const body = await getJson<{ apps?: unknown }>(sdk, CATALOG_PATH, token);
    if (!Array.isArray(body.apps)) throw invalidResponse(CATALOG_PATH, 'apps');
    return body.apps.flatMap(toCatalogApp);
  }, CATALOG_PATH);
}

async function fetchConnected(config: OutboundConfig, scope: string): Promise<CatalogResult<string[]>> {
  let user = users.get(scope);
  if (!user) {
    user = { promise: settle(() => fetchUserId(config), ME_PATH) };
    users.set(scope, user);
  }
  const userId = await user.promise;
  if (userId.state !== 'ready') return userId;
  return settle(async () => {
    const { sdk, token } = await clientFor(config);
    const queryParams: Record<string, string> = { userId: userId.value };
    // An undefined query parameter would be sent as the string "undefined".
    if (config.tenantId) queryParams.tenantId = config.tenantId;
    const body = await getJson<{ appIds?: unknown }>(sdk, CONNECTED_PATH, token, queryParams);
    if (!Array.isArray(body.appIds)) throw invalidResponse(CONNECTED_PATH, 'appIds');
    return body.appIds.filter((id): id is string => typeof id === 'string');
  }, CONNECTED_PATH);
}

async function fetchUserId(config: OutboundConfig): Promise<string> {
  const { sdk, token } = await clientFor(config);
  if (typeof sdk.me !== 'function') throw notAnSdk();
  const response = await sdk.me(token);
  if (!response?.ok) throw errorFromResponse(response?.code, response?.error);
  const userId = response.data?.userId;
  if (typeof userId !== 'string' || !userId) throw invalidResponse(ME_PATH, 'userId');
  return userId;
}

async function clientFor(config: OutboundConfig): Promise<{ sdk: CatalogSdk; token: string | undefined }> {
  // A getToken() that fails or gives no token is `unauthenticated`: "signed out" here.
  const token = await resolveToken(config);
  return { sdk: (await getSdk(config)) as CatalogSdk, token };
}

async function getJson<T>(sdk: CatalogSdk, path: string, token: string | undefined, queryParams?: Record<string, string>): Promise<T> {
  if (typeof sdk.httpClient?.get !== 'function') throw notAnSdk();
  const response = await sdk.httpClient.get(path, { ...(queryParams ? { queryParams } : {}), ...(token ? { token } : {}) });
  const body: unknown = await response.json();
  if (!response.ok) throw errorFromResponse(response.status, body as DescopeErrorBody);
  if (!body || typeof body !== 'object') throw invalidResponse(path, 'a JSON object');
  return body as T;
}

/** Runs a request; 401 (or no token from `getToken`) is "signed out", anything else an error said once. */
async function settle<T>(request: () => Promise<T>, path: string): Promise<CatalogResult<T>> {
  try {
    return { state: 'ready', value: await request() };
  } catch (exception) {
    const error = errorFromException(exception);
    if (error.code === 'unauthenticated') return { state: 'signed-out' };
    console.warn(`[outbound-elements] ${path}: ${error.code}: ${error.message}`);
    return { state: 'error', error };
  }
}

/** Keeps well-formed entries only, every field a string. */
function toCatalogApp(raw: unknown): CatalogApp[] {
  if (!raw || typeof raw !== 'object') return [];
  const { id, name, description, logo } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || !id) return [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return [{ id, name: text(name) || id, description: text(description), logo: text(logo) }];
}

function invalidResponse(path: string, what: string): OutboundError {
  return new OutboundError('invalid-response', `Descope's answer to ${path} has no ${what}; check base-url.`);
}

function notAnSdk(): OutboundError {
  return new OutboundError('invalid-option', 'sdk must be a @descope/web-js-sdk instance (it has no me() or httpClient).');
}

// ---- sessionStorage --------------------------------------------------------------------------

function readStored(config: OutboundConfig): { savedAt: number; apps: CatalogApp[] } | undefined {
  const key = storageKeyOf(config);
  if (!key) return undefined;
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { savedAt?: unknown; apps?: unknown } | null;
    if (!stored || typeof stored.savedAt !== 'number' || !Array.isArray(stored.apps)) return undefined;
    return { savedAt: stored.savedAt, apps: stored.apps.flatMap(toCatalogApp) };
  } catch {
    return undefined;
  }
}

function writeStored(config: OutboundConfig, apps: CatalogApp[]): void {
  const key = storageKeyOf(config);
  if (!key) return;
  try {
    sessionStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), apps }));
  } catch {
    // storage blocked or full: the page cache still serves this page
  }
}

/**
 * Configuration: what an element, an ancestor `<outbound-connect>` or `configure()` may set,
 * and how the layers merge (first defined value wins).
 */

import type { StringOverrides } from '../elements/strings.js';

export type ConnectMode = 'redirect' | 'popup' | 'auto';

/** What popup mode does when the browser blocks the popup. */
export type PopupFallback = 'redirect' | 'error';

/** The part of `@descope/web-js-sdk` the elements use; a host may pass its own instance. */
export interface OutboundSdk {
  outbound: {
    connect(
      appId: string,
      options?: {
        redirectUrl?: string;
        scopes?: string[];
        tenantId?: string;
        tenantLevel?: boolean;
      },
      token?: string,
    ): Promise<SdkResponse<{ url?: string }>>;
  };
}

export interface SdkResponse<T> {
  ok: boolean;
  code?: number;
  data?: T;
  error?: { errorCode?: string; errorDescription?: string; errorMessage?: string; retryAfter?: number | string };
}

/** Settings shared by every element and by `configure()`. */
export interface OutboundConfig {
  /** Descope project ID; with `baseUrl` it is enough to create the SDK. */
  projectId?: string;
  /** Descope API base URL (regional, custom domain, or the local emulator). */
  baseUrl?: string;
  /** An existing `@descope/web-js-sdk` instance of the host page, used as is. */
  sdk?: OutboundSdk;
  /** The `storagePrefix` of the host's own Descope SDK, so its persisted session is found. */
  storagePrefix?: string;
  /** A session or refresh token for the connect call. Kept in memory only. */
  token?: string;
  /** Asked at click time for a token; wins over `token`. */
  getToken?: () => string | Promise<string>;
  /** Where the browser lands after consent; default: the current page. */
  redirectUrl?: string;
  /** `redirect` (default), `popup` or `auto`. */
  mode?: ConnectMode;
  /** Popup blocked: `redirect` (default) connects with a full-page redirect, `error` reports `popup-blocked`. */
  popupFallback?: PopupFallback;
  /** Connect on behalf of this tenant. */
  tenantId?: string;
  /** A tenant-level connection. */
  tenantLevel?: boolean;
  /** Any JSON-serialisable value, handed back in the result events after the round trip. */
  returnState?: unknown;
  /** The elements' language, e.g. `fr`; default: the nearest `lang` attribute. */
  locale?: string;
  /** String tables by language tag, e.g. `{ fr }` from `outbound-elements/locales/fr`. */
  locales?: Record<string, StringOverrides>;
  /** Replacements for any of the elements' strings, over every locale. */
  strings?: StringOverrides;
  /** Show whether the user has already connected the app (asks Descope once per page). */
  checkStatus?: boolean;
  /** Print `diagnose()`'s report once and log each connect step in the console. */
  debug?: boolean;
}

export const CONFIG_KEYS = [
  'projectId',
  'baseUrl',
  'sdk',
  'storagePrefix',
  'token',
  'getToken',
  'redirectUrl',
  'mode',
  'popupFallback',
  'tenantId',
  'tenantLevel',
  'returnState',
  'locale',
  'locales',
  'strings',
  'checkStatus',
  'debug',
] as const satisfies readonly (keyof OutboundConfig)[];

const pageConfig: OutboundConfig = {};
let pageVersion = 0;

/** Counts `configure()` calls: what is derived from the page-wide settings is stale when it moves. */
export function pageConfigVersion(): number {
  return pageVersion;
}
const changeListeners = new Set<() => void>();
let changeQueued = false;

/**
 * Calls `listener` after configuration an element inherits may have changed: a `configure()`
 * call, or an `<outbound-connect>` whose settings changed (a framework sets them a moment after
 * the elements inside read theirs). Batched to once per microtask. Returns the unsubscribe function.
 */
export function onConfigChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Tells every `onConfigChange` listener, once per microtask. */
export function configChanged(): void {
  if (changeQueued || changeListeners.size === 0) return;
  changeQueued = true;
  queueMicrotask(() => {
    changeQueued = false;
    for (const listener of [...changeListeners]) listener();
  });
}

/**
 * Sets page-wide defaults, the last layer of configuration (an element's own settings and those
 * of an ancestor `<outbound-connect>` win over it). Keys given as `undefined` are cleared.
 *
 * @example configure({ projectId: 'P2abc…', baseUrl: 'https://auth.example.com' })
 */
export function configure(config: OutboundConfig): void {
  if (config === null || typeof config !== 'object') {
    console.error('[outbound-elements] configure() takes an object: configure({ projectId }).');
    return;
  }
  for (const key of Object.keys(config)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      console.warn(`[outbound-elements] configure(): unknown option "${key}" ignored.`);
      continue;
    }
    const value = config[key as keyof OutboundConfig];
    if (value === undefined) delete pageConfig[key as keyof OutboundConfig];
    else (pageConfig as Record<string, unknown>)[key] = value;
  }
  pageVersion++;
  configChanged();
}

/**
 * What `configure()` has set so far, read-only and not copied: every element's render reads it
 * (a copy per render would be a thousand objects for a page of buttons).
 */
export function getPageConfig(): Readonly<OutboundConfig> {
  return pageConfig;
}

/** Merges layers, most specific first: for each key the first value that is neither `undefined` nor `null` wins. */
export function mergeConfig(...layers: (Partial<OutboundConfig> | undefined)[]): OutboundConfig {
  const merged: Record<string, unknown> = {};
  const said = new Set<unknown>();
  for (const key of CONFIG_KEYS) {
    for (const layer of layers) {
      const value = readSetting(layer, key, said);
      if (value !== undefined && value !== null) {
        merged[key] = value;
        break;
      }
    }
  }
  return merged as OutboundConfig;
}

/**
 * A host's getter (or a Proxy) may throw: such a setting counts as unset, and the console says so
 * once per layer.
 */
function readSetting(layer: Partial<OutboundConfig> | undefined, key: keyof OutboundConfig, said: Set<unknown>): unknown {
  try {
    return layer?.[key];
  } catch (error) {
    if (!said.has(layer)) console.error(`[outbound-elements] ${key} threw when read; ignored:`, error);
    said.add(layer);
    return undefined;
  }
}

/** `popup`, or `auto` inside a frame (where a top-level redirect would fail; a server renders no frame). */
export function wantsPopup(mode: unknown): boolean {
  return mode === 'popup' || (mode === 'auto' && typeof window !== 'undefined' && window.top !== window);
}

/**
 * The `<outbound-connect>` elements around `node`, nearest first, across shadow roots; an
 * `<outbound-app-list>` counts as one for the buttons of its rows.
 */
export function* enclosingProviders(node: Node): Generator<Element> {
  let current: Node | null = node.parentNode ?? null;
  while (current) {
    if (current instanceof ShadowRoot) current = current.host;
    // Matched by tag, not class: a second copy of the package defines no class of its own.
    if (current instanceof Element && (current.localName === 'outbound-connect' || current.localName === 'outbound-app-list')) yield current;
    current = current.parentNode;
  }
}

/**
 * The one resolver of configuration: `own` settings (default: the element's own properties),
 * then each enclosing `<outbound-connect>` (nearest first, across shadow roots), then
 * `configure()`. Every element and every core function reads its settings through it.
 */
export function resolveConfig(element?: Element, own: Partial<OutboundConfig> = (element ?? {}) as Partial<OutboundConfig>): OutboundConfig {
  const layers: Partial<OutboundConfig>[] = [own];
  if (element) for (const provider of enclosingProviders(element)) layers.push(provider as Partial<OutboundConfig>);
  layers.push(pageConfig);
  return mergeConfig(...layers);
}

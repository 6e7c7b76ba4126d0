/**
 * Validates what a host asked for and turns it into one normalised connect request, or into an
 * `invalid-option` / `missing-app-id` error whose message says what to fix. Nothing leaves the
 * page before this passes.
 */
import type { ConnectMode, OutboundConfig, PopupFallback } from './config.js';
import { OutboundError } from './errors.js';
import { resolveRedirectUrl } from './url-safety.js';

export const CONNECT_MODES: readonly ConnectMode[] = ['redirect', 'popup', 'auto'];
export const POPUP_FALLBACKS: readonly PopupFallback[] = ['redirect', 'error'];

/** Per-connection options of `connect(appId, options)`. */
export interface ConnectOptions {
  scopes?: string[];
  redirectUrl?: string;
  tenantId?: string;
  tenantLevel?: boolean;
  mode?: ConnectMode;
  returnState?: unknown;
}

export interface ConnectRequest {
  appId: string;
  scopes: string[] | undefined;
  /** Absolute, safe, without hash. */
  redirectUrl: string;
  /** The hash of the requested redirect URL, restored on return. */
  hash: string;
  tenantId?: string;
  tenantLevel?: boolean;
  mode: ConnectMode;
  popupFallback: PopupFallback;
  returnState?: unknown;
}

const invalid = (message: string) => new OutboundError('invalid-option', message);

function checkScopes(scopes: unknown): string[] | undefined | OutboundError {
  if (scopes === undefined || scopes === null) return undefined;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) {
    return invalid('scopes must be an array of strings, or a space-separated attribute.');
  }
  const list = scopes as string[];
  const bad = list.find((s) => s.trim() === '' || /[\s,]/.test(s));
  if (bad !== undefined) {
    return invalid(`scope ${JSON.stringify(bad)} is malformed: separate scopes with spaces, not commas.`);
  }
  return list.length ? [...list] : undefined;
}

export function buildConnectRequest(
  appId: unknown,
  scopes: unknown,
  config: OutboundConfig,
  pageUrl: string,
): ConnectRequest | OutboundError {
  if (typeof appId !== 'string' || appId.trim() === '') {
    return new OutboundError(
      'missing-app-id',
      'Set app-id to the Outbound App ID from the Descope console, e.g. app-id="google-contacts".',
    );
  }
  const checkedScopes = checkScopes(scopes);
  if (checkedScopes instanceof OutboundError) return checkedScopes;

  const requested = config.redirectUrl ?? pageUrl;
  const redirect = typeof requested === 'string' ? resolveRedirectUrl(requested, pageUrl) : undefined;
  if (!redirect) return invalid(`redirect-url ${JSON.stringify(requested)} must be an https: URL (http: only on localhost).`);

  const mode = config.mode ?? 'redirect';
  if (!CONNECT_MODES.includes(mode)) {
    return invalid(`mode ${JSON.stringify(mode)} must be one of ${CONNECT_MODES.join(', ')}.`);
  }
  const popupFallback = config.popupFallback ?? 'redirect';
  if (!POPUP_FALLBACKS.includes(popupFallback)) {
    return invalid(`popup-fallback ${JSON.stringify(popupFallback)} must be one of ${POPUP_FALLBACKS.join(', ')}.`);
  }
  if (config.tenantId !== undefined && (typeof config.tenantId !== 'string' || config.tenantId.trim() === '')) {
    return invalid('tenant-id must be a non-empty string.');
  }
  if (config.tenantLevel !== undefined && typeof config.tenantLevel !== 'boolean') {
    return invalid('tenantLevel must be a boolean.');
  }
  if (config.returnState !== undefined && !isJsonSerialisable(config.returnState)) {
    return invalid('returnState must be JSON-serialisable: it is kept in sessionStorage.');
  }

  // Optional keys may be undefined: JSON (the SDK's body, the pending record) and the events
  // leave them out.
  return {
    appId: appId.trim(),
    scopes: checkedScopes,
    redirectUrl: redirect.url,
    hash: redirect.hash,
    mode,
    popupFallback,
    tenantId: config.tenantId,
    tenantLevel: config.tenantLevel,
    returnState: config.returnState,
  };
}

function isJsonSerialisable(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

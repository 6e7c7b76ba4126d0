/**
 * Validates what a host asked for and turns it into one normalised connect request, or into an
 * `invalid-option` / `missing-app-id` error whose message says what to fix. Nothing leaves the
 * page before this passes.
 */
import type { ConnectMode, OutboundConfig, PopupFallback } from './config.js';
import { OutboundError } from './errors.js';
import { canStoreForReturn } from './pending-store.js';
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
const unreadable = () => invalid('an option could not be read (a getter or Proxy threw): pass plain values.');

/** The parts of `connect()`'s options that are not configuration. */
interface CallOptions {
  target?: EventTarget;
  popup?: Window | null;
}

/**
 * Reads `connect()`'s options once into a plain object, so that a throwing getter, a Proxy trap
 * or a value of the wrong kind becomes an `invalid-option` here rather than an exception (and a
 * rejected promise) wherever it is first read. `target` and `popup` are checked too: the error
 * event itself is dispatched on `target`.
 */
export function readCallOptions<T extends CallOptions>(options: unknown): { options: T } | { error: OutboundError; target?: EventTarget } {
  if (options === undefined || options === null) return { options: {} as T };
  if (typeof options !== 'object') return { error: invalid('options must be an object.') };
  const copy: Record<string, unknown> = {};
  let isWindow = true;
  try {
    for (const key of Object.keys(options)) copy[key] = (options as Record<string, unknown>)[key];
    // A window from `window.open` may be another realm's: `instanceof Window` cannot tell.
    isWindow = copy.popup == null || typeof (copy.popup as Window).closed === 'boolean';
  } catch {
    return { error: unreadable() };
  }
  const target = copy.target;
  if (target !== undefined && !(target instanceof EventTarget)) return { error: invalid('target must be an EventTarget.') };
  if (!isWindow) return { error: invalid('popup must be the window opened in the click, or null.'), target };
  return { options: copy as T };
}

/** More scopes than any provider grants; a longer list is a mistake, not a request. */
const MAX_SCOPES = 1000;

function checkScopes(scopes: unknown): string[] | undefined | OutboundError {
  if (scopes === undefined || scopes === null) return undefined;
  const notAList = invalid('scopes must be an array of strings, or a space-separated attribute.');
  if (!Array.isArray(scopes) || scopes.length > MAX_SCOPES) return notAList;
  // A copy taken once: a Proxy or a getter must not answer differently to the check and the use.
  const list: unknown[] = Array.from(scopes as unknown[]);
  if (list.some((s) => typeof s !== 'string')) return notAList;
  const bad = (list as string[]).find((s) => s.trim() === '' || /[\s,]/.test(s));
  if (bad !== undefined) {
    return invalid(`scope ${describe(bad)} is malformed: separate scopes with spaces, not commas.`);
  }
  return list.length ? (list as string[]) : undefined;
}

/**
 * What the host passed, for a message: a string quoted and cut short, anything else by its type
 * (printing it could run a getter, or throw on a cycle or a revoked Proxy).
 */
export function describe(value: unknown): string {
  let text = typeof value === 'string' ? JSON.stringify(value) : `(${typeof value})`;
  if (text.length > 80) text = `${text.slice(0, 77)}…`;
  return text;
}

export function buildConnectRequest(
  appId: unknown,
  scopes: unknown,
  config: OutboundConfig,
  pageUrl: string,
): ConnectRequest | OutboundError {
  try {
    return checkRequest(appId, scopes, config, pageUrl);
  } catch {
    // A throwing getter or Proxy trap in what the host passed: refused, never thrown at the host.
    return invalid('an option could not be read (a getter or Proxy threw): pass plain values.');
  }
}

function checkRequest(appId: unknown, scopes: unknown, config: OutboundConfig, pageUrl: string): ConnectRequest | OutboundError {
  if (typeof appId !== 'string' || appId.trim() === '') {
    return new OutboundError(
      'missing-app-id',
      'Set app-id to the Outbound App ID from the Descope console, e.g. app-id="google-contacts".',
    );
  }
  const checkedScopes = checkScopes(scopes);
  if (checkedScopes instanceof OutboundError) return checkedScopes;

  const requested: unknown = config.redirectUrl ?? pageUrl;
  if (typeof requested !== 'string') return invalid(`redirect-url must be a URL string, not ${describe(requested)}.`);
  const redirect = resolveRedirectUrl(requested, pageUrl);
  if ('refusal' in redirect) return invalid(`redirect-url ${describe(requested)} ${redirect.refusal}.`);

  const choices = checkChoices(config);
  if (choices instanceof OutboundError) return choices;
  const returnState = checkReturnState(config.returnState);
  if (returnState instanceof OutboundError) return returnState;

  // Optional keys may be undefined: JSON (the SDK's body, the pending record) and the events
  // leave them out.
  return {
    appId: appId.trim(),
    scopes: checkedScopes,
    redirectUrl: redirect.url,
    hash: redirect.hash,
    ...choices,
    tenantId: config.tenantId,
    tenantLevel: config.tenantLevel,
    returnState: returnState?.value,
  };
}

/** `mode`, `popup-fallback`, `tenant-id` and `tenant-level`, or what is wrong with them. */
function checkChoices(config: OutboundConfig): { mode: ConnectMode; popupFallback: PopupFallback } | OutboundError {
  const mode = config.mode ?? 'redirect';
  if (!CONNECT_MODES.includes(mode)) {
    return invalid(`mode ${describe(mode)} must be one of ${CONNECT_MODES.join(', ')}.`);
  }
  const popupFallback = config.popupFallback ?? 'redirect';
  if (!POPUP_FALLBACKS.includes(popupFallback)) {
    return invalid(`popup-fallback ${describe(popupFallback)} must be one of ${POPUP_FALLBACKS.join(', ')}.`);
  }
  if (config.tenantId !== undefined && (typeof config.tenantId !== 'string' || config.tenantId.trim() === '')) {
    return invalid('tenant-id must be a non-empty string.');
  }
  if (config.tenantLevel !== undefined && typeof config.tenantLevel !== 'boolean') {
    return invalid('tenantLevel must be a boolean.');
  }
  return { mode, popupFallback };
}

/**
 * The host's `returnState` as it will come back (a plain copy: no getter runs twice), or what is
 * wrong with it. Checked now, not when leaving: a record that does not fit would let the redirect
 * go ahead and the outcome would never be reported.
 */
function checkReturnState(value: unknown): { value: unknown } | undefined | OutboundError {
  if (value === undefined) return undefined;
  const json = toJson(value);
  if (json === undefined) return invalid('returnState must be JSON-serialisable: it is kept in sessionStorage.');
  if (!canStoreForReturn(json)) {
    return invalid('returnState is too large for sessionStorage: keep an ID there, the data elsewhere.');
  }
  return { value: JSON.parse(json) };
}

/** `value` as JSON, or `undefined` when it has none (cycles, BigInt, a 200,000-deep array). */
function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

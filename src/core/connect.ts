/**
 * `connect()`: from a host's request to the provider's consent screen.
 *
 * validate → `outbound-connect-start` (cancelable) → token → SDK → `sdk.outbound.connect` →
 * check the URL → save the pending record → navigate (or, in popup mode, point the popup at it:
 * the popup branch in popup-flow.ts). Every failure becomes one
 * `outbound-connect-error` with a contract code and a `console.error` that says what to fix;
 * the returned promise never rejects.
 */
import { dispatchOutboundEvent } from '../events.js';
import { CONFIG_KEYS, enclosingProviders, mergeConfig, resolveConfig, wantsPopup, type OutboundConfig } from './config.js';
import { debugStep, tokenSource } from './debug-log.js';
import { claimConnection, connectionIdOf, notePopupShowing, releaseConnection, settleConnection } from './connection-state.js';
import { errorFromException, errorFromResponse } from './error-mapping.js';
import { OutboundError } from './errors.js';
import { checkPopupRedirect, closeUnusedPopup, connectInPopup, focusPopupFlow, popupFlowFor } from './popup-flow.js';
import { markRedirectUrl, newNonce, rememberStarter, savePending } from './pending-store.js';
import { buildConnectRequest, readCallOptions, type ConnectOptions, type ConnectRequest } from './request.js';
import { getSdk, loadSdkModule, notConfiguredError, resolveToken, untrustedApiError } from './sdk.js';
import { assertSafeConsentUrl } from './url-safety.js';

/**
 * The one place that leaves the page. Kept as a replaceable object so that unit tests of our own
 * logic can observe a navigation without leaving the test page; end-to-end tests use the real one.
 */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

export interface CoreConnectOptions extends OutboundConfig, ConnectOptions {
  /** Where the events are dispatched; default `document`. */
  target?: EventTarget;
  /**
   * Popup mode only: a blank window the caller opened with `window.open('', 'outbound-elements:'
   * + appId, …)` inside the user's click, or `null` when the browser blocked it. Without it,
   * `connect()` opens the popup itself before its first `await`, which is still inside the click
   * when it is called from the click handler.
   */
  popup?: Window | null;
}

export type ConnectResult =
  | { status: 'redirecting'; url: string }
  | { status: 'popup'; url: string }
  | { status: 'canceled' }
  | { status: 'error'; error: OutboundError };

/**
 * Starts a connection to an Outbound App. Page-wide `configure()` settings fill in what
 * `options` leaves out. While one is under way for the app, another call starts nothing (in popup
 * mode it brings the popup to the front).
 *
 * @returns `redirecting` when the browser is on its way to the provider, `popup` when the
 *   provider's page is showing in a popup (the outcome follows as an event), `canceled` when a
 *   listener prevented `outbound-connect-start` or a connection for the app was already under
 *   way, or `error` (also reported as an event).
 */
export async function connect(appId: string, options: CoreConnectOptions = {}): Promise<ConnectResult> {
  const [id, tenantId] = connectionIdOf(appId, resolveConfig(undefined, options).tenantId);
  if (!claimConnection(id, tenantId)) {
    const read = readCallOptions<CoreConnectOptions>(options);
    const { popup, target = document } = 'options' in read ? read.options : {};
    closeUnusedPopup(popup);
    focusPopupFlow(id);
    // The caller whose popup is open is answered as the first time; anyone else starts nothing.
    const flow = popupFlowFor(id);
    return flow?.target === target && flow.consentUrl ? { status: 'popup', url: flow.consentUrl } : { status: 'canceled' };
  }
  return connectClaimed(appId, options);
}

/**
 * `connect()` for a caller that already claimed the connection (`claimConnection`, inside the
 * click, so the element shows `connecting` before any code loads). Every way out settles or
 * releases the claim.
 */
export async function connectClaimed(appId: string, options: CoreConnectOptions = {}, refusal?: OutboundError): Promise<ConnectResult> {
  // Read defensively first: whatever a host passed (a throwing getter, a Proxy), the claim ends.
  const [id, tenantId] = connectionIdOf(appId, resolveConfig(undefined, options).tenantId);
  try {
    return await attempt(appId, options, id, tenantId, refusal);
  } catch (error) {
    const target = isEventTarget(options) ? options.target : document;
    return fail(target, id, tenantId, new OutboundError('invalid-option', `reading the connect options failed: ${String((error as Error)?.message ?? error)}`, { cause: error }), undefined);
  }
}

function isEventTarget(options: unknown): options is { target: EventTarget } {
  try {
    return (options as { target?: unknown })?.target instanceof EventTarget;
  } catch {
    return false;
  }
}

/** One attempt; `refusal` (a base URL the page did not choose, sdk.ts) fails it before the start. */
async function attempt(appId: string, options: CoreConnectOptions, id: string, tenantId: string | undefined, refusal?: OutboundError): Promise<ConnectResult> {
  // One read of what the host passed: a getter or a Proxy must not answer differently later.
  const read = readCallOptions<CoreConnectOptions>(options);
  if ('error' in read) return fail(read.target ?? document, id, tenantId, read.error, undefined);
  const { target = document, scopes, popup, ...rest } = read.options;
  warnUnknownOptions(rest);
  const config = resolveConfig(undefined, rest);
  const request = buildConnectRequest(appId, scopes, config, window.location.href);
  const inPopup = !(request instanceof OutboundError) && wantsPopup(request.mode);
  if (!inPopup && popup) closeUnusedPopup(popup);
  if (request instanceof OutboundError) return fail(target, id, tenantId, request, config.returnState);

  const setupError = refusal ?? (!config.sdk && !config.projectId ? notConfiguredError() : inPopup ? checkPopupRedirect(request) : undefined);
  if (setupError) {
    closeUnusedPopup(popup);
    return fail(target, id, tenantId, setupError, request.returnState);
  }

  if (!announceStart(target, request)) {
    closeUnusedPopup(popup);
    releaseConnection(id, tenantId);
    return { status: 'canceled' };
  }
  if (config.debug) debugStep(config, 'start', { appId: id, mode: request.mode, redirectUrl: request.redirectUrl, scopes: request.scopes, tenantId });

  if (inPopup) {
    const result = await connectInPopup(request, target, popup, {
      fail: (where, error) => fail(where, id, tenantId, error, request.returnState),
      consentUrl: () => requestConsentUrl(request, config, true),
    });
    if (result?.status === 'popup') notePopupShowing(id, tenantId);
    if (result) return result;
    // The browser blocked the popup and popup-fallback is `redirect`: carry on as a redirect.
  }
  return redirect(request, config, target).catch((error: unknown) => fail(target, id, tenantId, errorFromException(error), request.returnState));
}

/**
 * Asks Descope for the consent URL, saves the pending record and leaves the page. The state stays
 * `connecting`: the page is leaving (a Back restore reports the cancel).
 */
async function redirect(request: ConnectRequest, config: OutboundConfig, target: EventTarget): Promise<ConnectResult> {
  const url = await requestConsentUrl(request, config);
  const { mode: _mode, popupFallback: _fallback, ...connection } = request;
  if (!savePending({ ...connection, nonce: url.nonce, startedAt: Date.now() })) {
    console.warn('[outbound-elements] sessionStorage is blocked, so the return cannot be recognised; the connection still works.');
  }
  rememberStarter(url.nonce, target);
  if (config.debug) debugStep(config, 'navigate', { to: url.href.split('?')[0] });
  navigation.assign(url.href);
  return { status: 'redirecting', url: url.href };
}

/** `outbound-connect-start`, cancelable: `false` when a listener prevented it. */
function announceStart(target: EventTarget, request: ConnectRequest): boolean {
  return dispatchOutboundEvent(
    target,
    'outbound-connect-start',
    {
      appId: request.appId,
      scopes: request.scopes,
      redirectUrl: request.redirectUrl + request.hash,
      tenantId: request.tenantId,
      tenantLevel: request.tenantLevel,
      mode: request.mode,
    },
    { cancelable: true },
  );
}

/**
 * Connects with `element`'s resolved configuration, `options` winning, for a connection the
 * element has claimed inside the click (elements/on-demand.eager.ts). A base URL set in the
 * element's markup that the page did not choose is refused here (sdk.ts, `untrustedApiError`).
 */
export function connectFromElement(
  element: HTMLElement,
  appId: unknown,
  options: ConnectOptions,
  popup: Window | null | undefined,
): Promise<ConnectResult> {
  let scopes: unknown;
  try {
    if (options && typeof options === 'object') warnUnknownOptions(options);
    scopes = options?.scopes;
  } catch (error) {
    console.error('[outbound-elements] reading the connect options threw; they are ignored:', error);
  }
  const config = resolveConfig(element, mergeConfig(options as Partial<OutboundConfig>, element as Partial<OutboundConfig>));
  return connectClaimed(
    appId as string,
    { ...config, debug: debugFor(element, config), scopes: scopes as string[] | undefined, target: element, popup },
    untrustedApiError(element, config),
  );
}

/**
 * Whether `element` is in debug mode. The `debug` attribute is not a declared property (its code
 * would load before paint), so it is read here: the element, then each enclosing
 * `<outbound-connect>`, the first with the attribute or the property deciding; else `configure()`.
 * The step log (debug-log.ts) then runs only when it is on.
 */
function debugFor(element: Element, config: OutboundConfig): boolean {
  for (const candidate of [element, ...enclosingProviders(element)]) {
    if (candidate.hasAttribute('debug')) return candidate.getAttribute('debug') !== 'false';
    const own = (candidate as { debug?: unknown }).debug;
    if (own !== undefined && own !== null) return own === true;
  }
  return config.debug === true;
}

/** Fetches the SDK module ahead of a click, so the click does not wait for it. */
export function preloadSdk(): void {
  loadSdkModule().catch(() => undefined);
}

/**
 * Says which options are not ours: `redirectURL` (as Descope's docs spell it) would otherwise be
 * dropped without a word and the browser sent back to the current page.
 */
export function warnUnknownOptions(options: object): void {
  for (const key of Object.keys(options)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key) && key !== 'scopes' && key !== 'target') {
      console.warn(`[outbound-elements] unknown option "${key}" ignored${key === 'redirectURL' ? '; the SDK option is redirectUrl' : ''}.`);
    }
  }
}

async function requestConsentUrl(
  request: ConnectRequest,
  config: OutboundConfig,
  popup = false,
): Promise<{ href: string; nonce: string }> {
  const token = await resolveToken(config);
  const sdk = await getSdk(config);
  const nonce = newNonce();
  if (config.debug) debugStep(config, 'request', { appId: request.appId, token: tokenSource(config), baseUrl: config.baseUrl ?? "the SDK's default" });
  // A fresh options object every call: the SDK deletes tenantId/tenantLevel from the one it gets.
  // Undefined keys never reach the wire (the SDK's body goes through JSON.stringify).
  const response = await sdk.outbound.connect(
    request.appId,
    {
      redirectUrl: markRedirectUrl(request.redirectUrl, nonce, popup),
      scopes: request.scopes && [...request.scopes],
      tenantId: request.tenantId,
      tenantLevel: request.tenantLevel,
    },
    token,
  );
  if (config.debug) debugStep(config, 'answer', { status: response?.code, ok: response?.ok === true });
  if (!response?.ok) throw errorFromResponse(response?.code, response?.error);
  const href = response.data?.url;
  assertSafeConsentUrl(href);
  return { href, nonce };
}

/** The state says what failed, then the host is told: console and `outbound-connect-error`. */
function fail(target: EventTarget, appId: string, tenantId: string | undefined, error: OutboundError, returnState: unknown): ConnectResult {
  settleConnection(appId, tenantId, { kind: 'error', error: { code: error.code, message: error.message, status: error.status } });
  console.error(`[outbound-elements] ${appId ? `${appId}: ` : ''}${error.code}: ${error.message}`);
  dispatchOutboundEvent(target, 'outbound-connect-error', {
    appId,
    code: error.code,
    message: error.message,
    status: error.status,
    returnState,
  });
  return { status: 'error', error };
}

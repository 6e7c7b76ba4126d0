/**
 * `connect()`: from a host's request to the provider's consent screen.
 *
 * validate → `outbound-connect-start` (cancelable) → token → SDK → `sdk.outbound.connect` →
 * check the URL → save the pending record → navigate (or, in popup mode, point the popup at it:
 * connect-popup.ts). Every failure becomes one
 * `outbound-connect-error` with a contract code and a `console.error` that says what to fix;
 * the returned promise never rejects.
 */
import { dispatchOutboundEvent } from '../events.js';
import { CONFIG_KEYS, getPageConfig, type OutboundConfig } from './config.js';
import { mergeConfig } from './config-merge.js';
import { errorFromException, errorFromResponse } from './error-mapping.js';
import { OutboundError } from './errors.js';
import { navigation } from './navigation.js';
import { checkPopupRedirect, closeUnusedPopup, connectInPopup, focusRunningPopupFlow } from './connect-popup.js';
import { newNonce, savePending } from './pending-store.js';
import { markRedirectUrl, rememberStarter } from './redirect-return.js';
import { buildConnectRequest, readCallOptions, type ConnectOptions, type ConnectRequest } from './request.js';
import { getSdk, loadSdkModule, notConfiguredError } from './sdk.js';
import { wantsPopup } from './popup-window.js';
import { assertSafeConsentUrl } from './consent-url.js';
import { resolveToken } from './token.js';

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
 * `options` leaves out.
 *
 * @returns `redirecting` when the browser is on its way to the provider, `popup` when the
 *   provider's page is showing in a popup (the outcome follows as an event), `canceled` when a
 *   listener prevented `outbound-connect-start`, or `error` (also reported as an event).
 */
export async function connect(appId: string, options: CoreConnectOptions = {}): Promise<ConnectResult> {
  const read = readCallOptions<CoreConnectOptions>(options);
  if ('error' in read) return fail(read.target ?? document, typeof appId === 'string' ? appId : '', read.error, undefined);
  const { target = document, scopes, popup, ...rest } = read.options;
  warnUnknownOptions(rest);
  const config = mergeConfig(rest, getPageConfig());
  const request = buildConnectRequest(appId, scopes, config, window.location.href);
  const idForEvents = typeof appId === 'string' ? appId : '';
  const inPopup = !(request instanceof OutboundError) && wantsPopup(request.mode);
  if (!inPopup) closeUnusedPopup(popup);
  if (request instanceof OutboundError) return fail(target, idForEvents, request, config.returnState);

  const setupError = !config.sdk && !config.projectId ? notConfiguredError() : inPopup ? checkPopupRedirect(request) : undefined;
  if (setupError) {
    closeUnusedPopup(popup);
    return fail(target, request.appId, setupError, request.returnState);
  }

  if (inPopup) {
    const running = focusRunningPopupFlow(request.appId, target, popup);
    if (running) return running;
  }

  const proceed = dispatchOutboundEvent(
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
  if (!proceed) {
    closeUnusedPopup(popup);
    return { status: 'canceled' };
  }

  if (inPopup) {
    const result = connectInPopup(request, target, popup, {
      fail,
      consentUrl: () => requestConsentUrl(request, config, true),
    });
    if (result) return result;
    // The browser blocked the popup and popup-fallback is `redirect`: carry on as a redirect.
  }

  try {
    const url = await requestConsentUrl(request, config);
    const { mode: _mode, popupFallback: _fallback, ...connection } = request;
    if (!savePending({ ...connection, nonce: url.nonce, startedAt: Date.now() })) {
      console.warn(
        '[outbound-elements] sessionStorage is blocked, so the return cannot be recognised; the connection still works.',
      );
    }
    rememberStarter(url.nonce, target);
    navigation.assign(url.href);
    return { status: 'redirecting', url: url.href };
  } catch (error) {
    return fail(target, request.appId, errorFromException(error), request.returnState);
  }
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
  if (!response?.ok) throw errorFromResponse(response?.code, response?.error);
  const href = response.data?.url;
  assertSafeConsentUrl(href);
  return { href, nonce };
}

function fail(target: EventTarget, appId: string, error: OutboundError, returnState: unknown): ConnectResult {
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

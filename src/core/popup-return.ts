/**
 * The popup's side of a popup-mode connection: the provider sends the popup back to a page of
 * ours (the host page with the drop-in or `watchRedirectReturn()`, or the shipped callback page)
 * whose URL carries `outbound-return=<nonce>&outbound-popup=1`. That page reports the outcome to
 * the page that opened it and, once that page acknowledged the nonce, closes itself.
 *
 * The markers are only text in a URL: any site can open or link to
 * `https://host/page?outbound-return=x&outbound-popup=1`. So they act only in a window that is
 * ours: one the opener marked with this nonce (popup-channel.ts, `markPopupWindow`), one named
 * `outbound-elements:<appId>` (popup-window.ts), or one whose opener is a page of our origin.
 * Anywhere else they are removed from the URL and the page loads as it would without them. Even
 * in a window of ours, nothing closes until the opener says the nonce was its own.
 *
 * The popup cannot judge the return (the pending record lives in the opener's memory); it only
 * relays what the URL says. The opener accepts it only for a nonce it started.
 */
import { POPUP_MESSAGE_TYPE, POPUP_WINDOW_KEY, sendPopupReturn, waitForAck, withoutUndefined, type AckScope, type ChannelScope, type PopupReturnMessage } from './popup-channel.js';
import { joinQuery, splitQuery } from './query.js';
import { RETURN_PARAM } from './return-markers.js';

/** How popup-window.ts names the popups it opens (`popupName(appId)`). */
const POPUP_NAME_PREFIX = 'outbound-elements:';

/** What the provider adds to a refused return (OAuth 2.0, section 4.1.2.1). */
export const PROVIDER_ERROR_PARAMS = ['error', 'error_description', 'error_uri'];

/** Added next to `RETURN_PARAM` when the connection runs in a popup: the return relays and closes. */
export const POPUP_PARAM = 'outbound-popup';

/** What the popup's page uses; `window` in a browser, a narrower stand-in in a test. */
export interface PopupPageScope extends ChannelScope, AckScope {
  name: string;
  location: { origin: string; search: string; pathname: string; hash: string };
  history: { state: unknown; replaceState: History['replaceState'] };
  sessionStorage?: Storage;
  close(): void;
}

/** The message this page's URL carries, if it is the return of a popup-mode connection. */
export function readPopupReturn(search: string = window.location.search): PopupReturnMessage | undefined {
  const params = new URLSearchParams(search);
  const nonce = params.get(RETURN_PARAM);
  if (params.get(POPUP_PARAM) !== '1' || !nonce) return undefined;
  return withoutUndefined({
    type: POPUP_MESSAGE_TYPE,
    nonce,
    error: params.get('error') ?? undefined,
    errorDescription: params.get('error_description') ?? undefined,
  });
}

/**
 * Whether this window is a popup of ours for `nonce` (see the module comment). The opener's mark
 * is taken: a reload of the same URL in the same window no longer counts.
 */
export function isOurPopup(nonce: string, scope: PopupPageScope): boolean {
  try {
    const store = scope.sessionStorage;
    if (store?.getItem(POPUP_WINDOW_KEY) === nonce) {
      store.removeItem(POPUP_WINDOW_KEY);
      return true;
    }
  } catch {
    /* storage blocked: the name and the opener may still tell */
  }
  try {
    // Reading another origin's location throws; so does a detached opener.
    return scope.name.startsWith(POPUP_NAME_PREFIX) || (!!scope.opener && scope.opener.location.origin === scope.location.origin);
  } catch {
    return false;
  }
}

/**
 * If this page's URL carries the markers of a popup return: removes them from the URL (a reload
 * must not relay again); in a popup of ours, also relays the return to the opener and closes the
 * window once the opener acknowledged it. Returns whether it relayed: `false` means the page is an
 * ordinary one, and its own return handling goes on.
 */
export function relayPopupReturn(scope: PopupPageScope = window): boolean {
  const message = readPopupReturn(scope.location.search);
  if (!message) return false;
  const ours = isOurPopup(message.nonce, scope);
  // In a popup of ours the provider's answer goes too; elsewhere an `error` in the URL is the
  // host's own, and only our two markers are removed.
  const removed = ours ? [RETURN_PARAM, POPUP_PARAM, ...PROVIDER_ERROR_PARAMS] : [RETURN_PARAM, POPUP_PARAM];
  try {
    // The host's own query stays, should the window stay open (it then shows the host's page as
    // it was asked for).
    const kept = splitQuery(scope.location.search).filter((p) => !removed.includes(p.key));
    scope.history.replaceState(scope.history.state, '', scope.location.pathname + joinQuery(kept) + scope.location.hash);
  } catch {
    /* a sandboxed document may refuse; the relay (or not) still happens */
  }
  if (!ours) {
    console.warn('[outbound-elements] Popup markers ignored: not a popup of this page.');
    return false;
  }
  // Listening until the page goes: an opener slow to answer (a busy tab) still closes it.
  // Closing is allowed: the window was opened by script. Chromium still allows it after a
  // Cross-Origin-Opener-Policy page cut the opener relation (measured in Chromium 156).
  waitForAck(message.nonce, () => scope.close(), scope);
  sendPopupReturn(message, scope);
  return true;
}

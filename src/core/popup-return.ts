/**
 * The popup's side of a popup-mode connection: the provider sends the popup back to a page of
 * ours (the host page with the drop-in or `watchRedirectReturn()`, or the shipped callback page)
 * whose URL carries `outbound-return=<nonce>&outbound-popup=1`. That page reports the outcome to
 * the page that opened it and closes itself.
 *
 * The popup cannot judge the return (the pending record lives in the opener's memory); it only
 * relays what the URL says. The opener accepts it only for a nonce it started.
 */
import { POPUP_MESSAGE_TYPE, sendPopupReturn, withoutUndefined, type PopupReturnMessage } from './popup-channel.js';
import { joinQuery, splitQuery } from './query.js';
import { RETURN_PARAM } from './return-markers.js';

/** What the provider adds to a refused return (OAuth 2.0, section 4.1.2.1). */
export const PROVIDER_ERROR_PARAMS = ['error', 'error_description', 'error_uri'];

/** Added next to `RETURN_PARAM` when the connection runs in a popup: the return relays and closes. */
export const POPUP_PARAM = 'outbound-popup';

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
 * If this page is a popup's return: relays it to the opener, removes the markers from the URL
 * (a reload must not relay again) and closes the window. Returns whether it was one.
 */
export function relayPopupReturn(): boolean {
  const message = readPopupReturn();
  if (!message) return false;
  try {
    // Our markers and the provider's answer go; the host's own query stays, should the browser
    // keep this window open (it then shows the host's page as it was asked for).
    const kept = splitQuery(window.location.search).filter((p) => ![RETURN_PARAM, POPUP_PARAM, ...PROVIDER_ERROR_PARAMS].includes(p.key));
    history.replaceState(history.state, '', window.location.pathname + joinQuery(kept) + window.location.hash);
  } catch {
    /* a sandboxed document may refuse; the relay still happens */
  }
  sendPopupReturn(message);
  // Allowed: the window was opened by script. Chromium still allows it after a
  // Cross-Origin-Opener-Policy page cut the opener relation (measured in Chromium 156).
  window.close();
  return true;
}

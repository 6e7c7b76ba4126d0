/**
 * The return channel of a popup-mode connection, both ends: the popup, back on the host's origin,
 * tells the page that opened it how the connection ended (its side is at the end of this file).
 *
 * - `postMessage` to `window.opener`, with the page's own origin as target, when the opener
 *   relation still exists;
 * - else a `BroadcastChannel`: a provider page that sends `Cross-Origin-Opener-Policy` severs the
 *   opener relation (the popup's `window.opener` is `null` once back on our origin), yet a
 *   same-origin channel still reaches the opener;
 * - else a `localStorage` write removed at once (its `storage` event reaches every other
 *   same-origin document), for browsers without `BroadcastChannel`.
 *
 * A message carries the connection's nonce and what the provider's return said; never a token.
 * The receiving page trusts only its own origin and only nonces it started (popup-flow.ts), and
 * answers a nonce it took with an acknowledgement on the same channel: only then does the popup
 * close itself (its side, at the end of this file), so a page whose URL merely carries the markers stays open.
 */
import { joinQuery, splitQuery, RETURN_PARAM } from './redirect-return.eager.js';

export const POPUP_MESSAGE_TYPE = 'outbound-elements:popup-return';
/** `localStorage` key prefix of the storage fallback; the nonce follows. */
export const POPUP_STORAGE_PREFIX = `${POPUP_MESSAGE_TYPE}:`;
/** The opener's answer: "this nonce was mine, and I have it". */
export const POPUP_ACK_TYPE = 'outbound-elements:popup-ack';
/**
 * `sessionStorage` key the opener writes into its blank popup, with the nonce as value: the popup
 * keeps its `sessionStorage` on the way to the provider and back, also when a provider's
 * Cross-Origin-Opener-Policy cuts the opener relation and clears the window name.
 */
export const POPUP_WINDOW_KEY = 'outbound-elements:popup-nonce';

/** Marks `popup` (still a same-origin blank window) as the popup of connection `nonce`. */
export function markPopupWindow(popup: Window, nonce: string): void {
  try {
    popup.sessionStorage.setItem(POPUP_WINDOW_KEY, nonce);
  } catch {
    /* storage blocked: the window name and the opener still identify it */
  }
}

export interface PopupAck {
  type: typeof POPUP_ACK_TYPE;
  nonce: string;
}

function isAckFor(data: unknown, nonce: string): boolean {
  return typeof data === 'object' && data !== null && (data as PopupAck).type === POPUP_ACK_TYPE && (data as PopupAck).nonce === nonce;
}

export interface PopupReturnMessage {
  type: typeof POPUP_MESSAGE_TYPE;
  nonce: string;
  /** The OAuth `error` of the return, when the provider refused. */
  error?: string;
  /** The OAuth `error_description` of the return. */
  errorDescription?: string;
}

/** What a sender may use; `window` in a browser, something narrower in a test. */
export interface ChannelScope {
  opener: Window | null;
  location: { origin: string };
  BroadcastChannel?: typeof BroadcastChannel;
  localStorage?: Storage;
}

/** The message, if `data` is one of ours and well-formed; anything else is `undefined`. */
export function parsePopupMessage(data: unknown): PopupReturnMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, nonce, error, errorDescription } = data as Record<string, unknown>;
  if (type !== POPUP_MESSAGE_TYPE || typeof nonce !== 'string' || !/^[0-9a-f]{32}$/.test(nonce)) return undefined;
  if (error !== undefined && typeof error !== 'string') return undefined;
  if (errorDescription !== undefined && typeof errorDescription !== 'string') return undefined;
  return withoutUndefined({ type, nonce, error, errorDescription });
}

/** Optional keys absent rather than `undefined`, so every channel hands over the same object. */
export function withoutUndefined(message: PopupReturnMessage): PopupReturnMessage {
  const tidy = { ...message };
  if (tidy.error === undefined) delete tidy.error;
  if (tidy.errorDescription === undefined) delete tidy.errorDescription;
  return tidy;
}

/** Sends the result to the opener; says which channel carried it. Never throws. */
export function sendPopupReturn(
  message: PopupReturnMessage,
  scope: ChannelScope = window as unknown as ChannelScope,
): 'opener' | 'broadcast' | 'storage' | 'none' {
  try {
    const opener = scope.opener;
    if (opener && !opener.closed) {
      opener.postMessage(message, scope.location.origin);
      return 'opener';
    }
  } catch {
    /* an opener of another origin: fall through to the same-origin channels */
  }
  try {
    if (typeof scope.BroadcastChannel === 'function') {
      const channel = new scope.BroadcastChannel(POPUP_MESSAGE_TYPE);
      channel.postMessage(message);
      channel.close();
      return 'broadcast';
    }
  } catch {
    /* fall through */
  }
  try {
    const store = scope.localStorage;
    if (store) {
      const key = POPUP_STORAGE_PREFIX + message.nonce;
      store.setItem(key, JSON.stringify(message));
      store.removeItem(key); // the event has fired; nothing stays behind
      return 'storage';
    }
  } catch {
    /* storage blocked */
  }
  return 'none';
}

/**
 * Listens on every channel at once (the sender picks one) and hands each well-formed message to
 * `onMessage`, with `acknowledge`, which answers the popup on the channel the message came by;
 * a `message` event from any other origin is dropped here. Returns a function that stops listening.
 */
export function listenForPopupReturns(onMessage: (message: PopupReturnMessage, acknowledge: () => void) => void): () => void {
  const deliver = (data: unknown, reply: (ack: PopupAck) => void) => {
    const message = parsePopupMessage(data);
    if (!message) return;
    const ack: PopupAck = { type: POPUP_ACK_TYPE, nonce: message.nonce };
    onMessage(message, () => {
      try {
        reply(ack);
      } catch {
        /* the popup is gone: nothing is left to close */
      }
    });
  };
  const onWindowMessage = (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    deliver(event.data, (ack) => (event.source as Window | null)?.postMessage(ack, window.location.origin));
  };
  // No answer on the storage channel: it serves browsers without BroadcastChannel (none we
  // support lacks it), where the popup then stays open, as any page, rather than closing unasked.
  const onStorage = (event: StorageEvent) => deliver(storedMessage(event), () => undefined);
  window.addEventListener('message', onWindowMessage);
  window.addEventListener('storage', onStorage);
  let channel: BroadcastChannel | undefined;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(POPUP_MESSAGE_TYPE) : undefined;
    if (channel) channel.onmessage = (event) => deliver(event.data, (ack) => channel?.postMessage(ack));
  } catch {
    channel = undefined;
  }
  return () => {
    window.removeEventListener('message', onWindowMessage);
    window.removeEventListener('storage', onStorage);
    channel?.close();
  };
}

/** The message a `storage` event carries, if it is one of ours. */
function storedMessage(event: StorageEvent): unknown {
  if (!event.key?.startsWith(POPUP_STORAGE_PREFIX) || !event.newValue) return undefined;
  try {
    return JSON.parse(event.newValue);
  } catch {
    return undefined; // not ours
  }
}

/** What the popup listens with: `window` in a browser. */
export interface AckScope {
  location: { origin: string };
  addEventListener: Window['addEventListener'];
  removeEventListener: Window['removeEventListener'];
  BroadcastChannel?: typeof BroadcastChannel;
}

/**
 * The popup's side of the acknowledgement: calls `onAck` once when the opener answers `nonce`
 * (by `postMessage` to the popup, or on the BroadcastChannel). Returns a function that stops listening. Never throws.
 */
export function waitForAck(nonce: string, onAck: () => void, scope: AckScope = window): () => void {
  let channel: BroadcastChannel | undefined;
  const stop = () => {
    scope.removeEventListener('message', onWindowMessage);
    channel?.close();
    channel = undefined;
  };
  const heard = (data: unknown) => {
    if (!isAckFor(data, nonce)) return;
    stop();
    onAck();
  };
  function onWindowMessage(event: MessageEvent) {
    if (event.origin === scope.location.origin) heard(event.data);
  }
  scope.addEventListener('message', onWindowMessage);
  try {
    if (typeof scope.BroadcastChannel === 'function') {
      channel = new scope.BroadcastChannel(POPUP_MESSAGE_TYPE);
      channel.onmessage = (event) => heard(event.data);
    }
  } catch {
    channel = undefined;
  }
  return stop;
}

// ---- The popup's side: relaying its return -------------------------------------------------

/**
 * The popup's side of a popup-mode connection: the provider sends the popup back to a page of
 * ours (the host page with the drop-in or `watchRedirectReturn()`, or the shipped callback page)
 * whose URL carries `outbound-return=<nonce>&outbound-popup=1`. That page reports the outcome to
 * the page that opened it and, once that page acknowledged the nonce, closes itself.
 *
 * The markers are only text in a URL: any site can open or link to
 * `https://host/page?outbound-return=x&outbound-popup=1`. So they act only in a window that is
 * ours: one the opener marked with this nonce (popup-channel.ts, `markPopupWindow`), one named
 * `outbound-elements:<appId>` (popup-window.eager.ts), or one whose opener is a page of our origin.
 * Anywhere else they are removed from the URL and the page loads as it would without them. Even
 * in a window of ours, nothing closes until the opener says the nonce was its own.
 *
 * The popup cannot judge the return (the pending record lives in the opener's memory); it only
 * relays what the URL says. The opener accepts it only for a nonce it started.
 */
/** How popup-window.eager.ts names the popups it opens (`popupName(appId)`). */
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

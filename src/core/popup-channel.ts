/**
 * The return channel of a popup-mode connection: the popup, back on the host's origin, tells the
 * page that opened it how the connection ended.
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
 * close itself (popup-return.ts), so a page whose URL merely carries the markers stays open.
 */

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
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(POPUP_STORAGE_PREFIX) || !event.newValue) return;
    let data: unknown;
    try {
      data = JSON.parse(event.newValue);
    } catch {
      return; // not ours
    }
    // No answer on this channel: it serves browsers without BroadcastChannel (none we support
    // lacks it), where the popup then stays open, as any page, rather than closing unasked.
    deliver(data, () => undefined);
  };
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

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
 * The receiving page trusts only its own origin and only nonces it started (popup-flow.ts).
 */

export const POPUP_MESSAGE_TYPE = 'outbound-elements:popup-return';
/** `localStorage` key prefix of the storage fallback; the nonce follows. */
export const POPUP_STORAGE_PREFIX = `${POPUP_MESSAGE_TYPE}:`;

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
 * `onMessage`; a `message` event from any other origin is dropped here. Returns a function that
 * stops listening.
 */
export function listenForPopupReturns(onMessage: (message: PopupReturnMessage) => void): () => void {
  const deliver = (data: unknown) => {
    const message = parsePopupMessage(data);
    if (message) onMessage(message);
  };
  const onWindowMessage = (event: MessageEvent) => {
    if (event.origin === window.location.origin) deliver(event.data);
  };
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(POPUP_STORAGE_PREFIX) || !event.newValue) return;
    try {
      deliver(JSON.parse(event.newValue));
    } catch {
      /* not ours */
    }
  };
  window.addEventListener('message', onWindowMessage);
  window.addEventListener('storage', onStorage);
  let channel: BroadcastChannel | undefined;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(POPUP_MESSAGE_TYPE) : undefined;
    if (channel) channel.onmessage = (event) => deliver(event.data);
  } catch {
    channel = undefined;
  }
  return () => {
    window.removeEventListener('message', onWindowMessage);
    window.removeEventListener('storage', onStorage);
    channel?.close();
  };
}

/**
 * Connections this tab has started and not yet seen come back, kept in `sessionStorage`.
 *
 * `sessionStorage` belongs to one browser tab: a return URL opened in another tab, or replayed
 * after its record was taken, finds nothing here and is not trusted. Records hold no token.
 */
import { POPUP_PARAM } from './popup-channel.js';
import { PENDING_PREFIX as PREFIX, RETURN_PARAM } from './redirect-return.eager.js';

export interface PendingConnection {
  nonce: string;
  appId: string;
  scopes: string[] | undefined;
  tenantId?: string;
  tenantLevel?: boolean;
  returnState?: unknown;
  /** The redirect URL as sent to Descope, without our marker. */
  redirectUrl: string;
  /** The hash the host asked for; restored on return. */
  hash: string;
  startedAt: number;
}

/** A consent screen left open longer than this is abandoned, not pending. */
export const PENDING_TTL_MS = 60 * 60 * 1000;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // blocked storage (sandboxed frame, privacy settings)
  }
}

/** Saves a record; `false` when the browser refuses storage (the return then cannot be trusted). */
export function savePending(record: PendingConnection): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(PREFIX + record.nonce, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Room the rest of a record takes besides `returnState` (IDs, scopes, the redirect URL). */
const RECORD_OVERHEAD = 16 * 1024;

/**
 * Whether a record carrying `returnStateJson` fits in this tab's `sessionStorage`, found by
 * writing it once (quotas differ by browser and by what the host already keeps there). `true`
 * when storage is blocked altogether: that case is reported, and the connection still works.
 */
export function canStoreForReturn(returnStateJson: string): boolean {
  const store = storage();
  if (!store) return true;
  const probe = 'outbound-elements:storage-probe'; // not PREFIX: a probe is never a pending record
  try {
    store.setItem(probe, returnStateJson + ' '.repeat(RECORD_OVERHEAD));
    store.removeItem(probe);
    return true;
  } catch {
    return false; // QuotaExceededError: the one way setItem fails once storage is there
  }
}

/**
 * Removes a record and returns it if it is well-formed and recent (a consent screen left open
 * longer than the TTL is abandoned, not pending).
 */
function take(store: Storage, key: string): PendingConnection | undefined {
  const raw = store.getItem(key);
  store.removeItem(key); // even when unreadable: it must not make every later page load look for a return
  try {
    const record = JSON.parse(raw ?? 'null') as PendingConnection | null;
    return typeof record?.appId === 'string' && Date.now() - record.startedAt < PENDING_TTL_MS ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Removes and returns the record of one connection, if this tab started it recently. */
export function takePending(nonce: string): PendingConnection | undefined {
  const store = storage();
  return store && take(store, PREFIX + nonce);
}

/** Removes and returns every recent record of this tab. */
export function takeAllPending(): PendingConnection[] {
  const store = storage();
  if (!store) return [];
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key) => key?.startsWith(PREFIX));
  return keys.map((key) => take(store, key!)).filter((record): record is PendingConnection => !!record);
}

/** 122 random bits (a v4 UUID), URL-safe. */
export function newNonce(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

// ---- Before leaving: the marked redirect URL and the element that started it ---------------

/**
 * Adds our marker to a redirect URL (absolute, without hash). Appended as text: re-serialising
 * the query (as `URLSearchParams` does) would change the host's own encoding, e.g. `%20` to `+`.
 */
export function markRedirectUrl(redirectUrl: string, nonce: string, popup = false): string {
  const separator = /[?&]$/.test(redirectUrl) ? '' : redirectUrl.includes('?') ? '&' : '?';
  return `${redirectUrl}${separator}${RETURN_PARAM}=${nonce}${popup ? `&${POPUP_PARAM}=1` : ''}`;
}

/** Elements that started a connection and are still alive (they are, after a back/forward-cache restore). */
const startedBy = new Map<string, EventTarget>();

export function rememberStarter(nonce: string, target: EventTarget): void {
  startedBy.set(nonce, target);
}

/** The element that started `nonce`'s connection, if it is still known; it is forgotten as read. */
export function takeStarter(nonce: string): EventTarget | undefined {
  const target = startedBy.get(nonce);
  startedBy.delete(nonce);
  return target;
}

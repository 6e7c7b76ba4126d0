/**
 * Connections this tab has started and not yet seen come back, kept in `sessionStorage`.
 *
 * `sessionStorage` belongs to one browser tab: a return URL opened in another tab, or replayed
 * after its record was taken, finds nothing here and is not trusted. Records hold no token.
 */
import { PENDING_PREFIX as PREFIX } from './return-markers.js';

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

function read(store: Storage, key: string): PendingConnection | undefined {
  try {
    const record = JSON.parse(store.getItem(key) ?? 'null') as PendingConnection | null;
    if (!record || typeof record.appId !== 'string' || typeof record.startedAt !== 'number') return undefined;
    return record;
  } catch {
    return undefined;
  }
}

/** Removes and returns the record of one connection, if this tab started it recently. */
export function takePending(nonce: string): PendingConnection | undefined {
  const store = storage();
  if (!store) return undefined;
  const key = PREFIX + nonce;
  const record = read(store, key);
  store.removeItem(key);
  return record && Date.now() - record.startedAt < PENDING_TTL_MS ? record : undefined;
}

/** Removes and returns every recent record (stale ones are dropped silently). */
export function takeAllPending(): PendingConnection[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  const records: PendingConnection[] = [];
  for (const key of keys) {
    const record = read(store, key);
    store.removeItem(key);
    if (record && Date.now() - record.startedAt < PENDING_TTL_MS) records.push(record);
  }
  return records.sort((a, b) => a.startedAt - b.startedAt);
}

/** 122 random bits (a v4 UUID), URL-safe. */
export function newNonce(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * Whether an element could be signed in, decided without asking Descope or loading the SDK: part
 * of the first paint, so a signed-out visitor's buttons never load the catalog code.
 */
import { resolveConfig, type OutboundConfig } from './config.js';

/**
 * Whether a request could be authenticated without asking Descope: a token or `getToken`, a host
 * SDK (its session is its own business), or a session persisted by the host's Descope SDK. With
 * an element, its resolved settings (own, `<outbound-connect>`, `configure()`) are used.
 */
export function hasSession(config: Pick<OutboundConfig, 'sdk' | 'token' | 'getToken' | 'storagePrefix'> | Element): boolean {
  const settings = config instanceof Element ? resolveConfig(config) : config;
  if (settings.sdk || typeof settings.getToken === 'function' || settings.token) return true;
  return hasPersistedSession(settings.storagePrefix);
}

/**
 * Whether the page holds a Descope session that the host's SDK persisted: `<prefix>DSR` /
 * `<prefix>DS` in localStorage, or the `DSR` / `DS` cookie.
 */
export function hasPersistedSession(storagePrefix = ''): boolean {
  try {
    if (localStorage.getItem(`${storagePrefix}DSR`) || localStorage.getItem(`${storagePrefix}DS`)) return true;
  } catch {
    // storage blocked: look at the cookies
  }
  return /(?:^|;\s*)DSR?=[^;]/.test(document.cookie);
}

const waiting = new Set<() => void>();

/**
 * Calls `listener` when a session may have appeared (a list's `refresh()`, e.g. after sign-in):
 * for elements that skipped the catalog while signed out. Returns the unsubscribe function.
 */
export function onSessionMaybeChanged(listener: () => void): () => void {
  waiting.add(listener);
  return () => waiting.delete(listener);
}

export function sessionMaybeChanged(): void {
  for (const listener of [...waiting]) listener();
}

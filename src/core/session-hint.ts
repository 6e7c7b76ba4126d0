import type { OutboundConfig } from './config.js';

/**
 * Whether a request could be authenticated without asking Descope: a token or `getToken`, a host
 * SDK (its session is its own business), or a session persisted by the host's Descope SDK.
 */
export function hasSession(config: Pick<OutboundConfig, 'sdk' | 'token' | 'getToken' | 'storagePrefix'>): boolean {
  if (config.sdk || typeof config.getToken === 'function' || config.token) return true;
  return hasPersistedSession(config.storagePrefix);
}

/**
 * Whether the page holds a Descope session that the host's SDK persisted, without asking
 * Descope or loading the SDK: `<prefix>DSR` / `<prefix>DS` in localStorage, or the `DSR` / `DS`
 * cookie. Cheap enough for the first paint, so an element can skip loading the catalog code for
 * a signed-out visitor.
 */
export function hasPersistedSession(storagePrefix = ''): boolean {
  try {
    if (localStorage.getItem(`${storagePrefix}DSR`) || localStorage.getItem(`${storagePrefix}DS`)) return true;
  } catch {
    // storage blocked: look at the cookies
  }
  return /(?:^|;\s*)DSR?=[^;]/.test(document.cookie);
}

/**
 * Whether an element could read the app catalog: a token, `getToken` or host SDK on the element,
 * on an enclosing `<outbound-connect>` or in `configure()`; else a session the host's Descope SDK
 * persisted (with the first `storage-prefix` found in the same order). Part of the first paint:
 * a signed-out visitor's buttons then never load the catalog code.
 */
import { getPageConfig, type OutboundConfig } from '../core/config.js';
import { hasSession } from '../core/session-hint.js';
import { enclosingProviders } from './composed-ancestors.js';

type Settings = Pick<OutboundConfig, 'sdk' | 'token' | 'getToken' | 'storagePrefix'>;

export function mayHaveSession(element: Element): boolean {
  const layers: Settings[] = [element as Settings, ...(enclosingProviders(element) as Iterable<Settings>), getPageConfig()];
  // Each setting from the first layer that has it, as the catalog's merged configuration will.
  const first = <K extends keyof Settings>(key: K) => layers.find((layer) => layer[key] != null)?.[key];
  return hasSession({ sdk: first('sdk'), token: first('token'), getToken: first('getToken'), storagePrefix: first('storagePrefix') });
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

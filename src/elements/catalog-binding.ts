/**
 * How the elements read the app catalog and the user's connections: with the same configuration
 * as their connect call (their own, their `<outbound-connect>` ancestors', `configure()`'s).
 * Loaded on demand with the connect code, so painting an element never waits for it.
 */
import { getPageConfig, type OutboundConfig } from '../core/config.js';
import { mergeConfig, pickConfig } from '../core/config-merge.js';
import { readCatalog, readConnectedAppIds, refreshCatalog as refreshCatalogCache, type CatalogApp, type CatalogResult } from '../core/catalog.js';
import { sessionMaybeChanged } from './session-hint.js';
import { resolveConfig } from './inherited-config.js';

export { noteConnected, onCatalogChange, type CatalogApp, type CatalogResult } from '../core/catalog.js';

/**
 * Forgets what the page knows of the catalog and tells every reader, also the buttons that never
 * loaded the catalog code because the visitor was signed out when they appeared.
 */
export function refreshCatalog(): void {
  refreshCatalogCache();
  sessionMaybeChanged();
}

export interface CatalogView {
  apps?: CatalogResult<CatalogApp[]>;
  connected?: CatalogResult<string[]>;
}

/** The configuration an element reads the catalog with, `configure()` last. */
export function catalogConfigOf(element: Element): OutboundConfig {
  return mergeConfig(resolveConfig(element, pickConfig(element as Partial<Record<keyof OutboundConfig, unknown>>)), getPageConfig());
}

/**
 * Reads what `want` asks for. An element with no project and no SDK yet (its configuration may
 * still be on its way) reads nothing and reports nothing.
 */
export async function readCatalogFor(element: Element, want: { apps: boolean; status: boolean }): Promise<CatalogView> {
  const config = catalogConfigOf(element);
  if (!config.sdk && !config.projectId) return {};
  const [apps, connected] = await Promise.all([
    want.apps ? readCatalog(config) : undefined,
    want.status ? readConnectedAppIds(config) : undefined,
  ]);
  return { ...(apps ? { apps } : {}), ...(connected ? { connected } : {}) };
}

/**
 * Everything the elements load on demand, in one module so the drop-in fetches it as one file:
 * connecting (resolving an element's configuration: its own, its `<outbound-connect>` ancestors',
 * `configure()`'s), reporting a redirect return, the words for a failure, and the app catalog
 * client (names, logos and status for the buttons and `<outbound-app-list>`).
 */
import type { OutboundConfig } from '../core/config.js';
import { pickConfig } from '../core/config-merge.js';
import { connect, preloadSdk, warnUnknownOptions, type ConnectResult } from '../core/connect.js';
import type { ConnectOptions } from '../core/request.js';
import { resolveConfig } from './inherited-config.js';
import { noteConnected } from './catalog-binding.js';

// A connection that succeeds anywhere on the page (redirect return, popup) counts as connected at
// once for every status shown here, and other tabs are told. Loaded in a browser only.
if (typeof document !== 'undefined') {
  document.addEventListener(
    'outbound-connect-success',
    (event) => noteConnected(event.detail.appId, event.detail.tenantId),
    { capture: true },
  );
}

export { preloadSdk };
export { reportRedirectReturn } from '../core/redirect-return.js';
export { reasonFor } from './error-reasons.js';
export { cancelPopupFlow, focusPopupFlow } from '../core/popup-flow.js';
export { onCatalogChange, readCatalogFor, refreshCatalog } from './catalog-binding.js';

export function connectFromElement(
  element: HTMLElement,
  appId: string,
  options: ConnectOptions & { scopes?: unknown },
  popup?: Window | null,
): Promise<ConnectResult> {
  warnUnknownOptions(options);
  const own = { ...pickConfig(element as Partial<Record<keyof OutboundConfig, unknown>>) };
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && name !== 'scopes') (own as Record<string, unknown>)[name] = value;
  }
  return connect(appId, {
    ...resolveConfig(element, own),
    scopes: options.scopes as string[] | undefined,
    target: element,
    popup,
  });
}

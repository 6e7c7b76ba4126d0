/**
 * The half of the elements' code that loads on first use (`on-demand.eager.ts` loads it), in one
 * module so the drop-in fetches it as one file: connecting with an element's resolved
 * configuration, reporting a redirect return, the popup flow's controls, and the app catalog
 * client (names, logos and status for the buttons and `<outbound-app-list>`).
 */
import { mergeConfig, resolveConfig, type OutboundConfig } from '../core/config.js';
import { connectClaimed, preloadSdk, warnUnknownOptions, type ConnectResult } from '../core/connect.js';
import { noteConnected } from '../core/catalog.js';
import { onReturnOutcome } from '../core/connection-state.js';
import type { ConnectOptions } from '../core/request.js';

// A connection that succeeds anywhere on the page (redirect return, popup) counts as connected at
// once for every status the catalog shows, and other tabs are told. Loaded in a browser only.
if (typeof document !== 'undefined') {
  onReturnOutcome((outcome) => {
    if (outcome.kind === 'success') noteConnected(outcome.appId, outcome.tenantId);
  });
}

export { preloadSdk };
export { reportRedirectReturn } from '../core/redirect-return.js';
export { cancelPopupFlow, focusPopupFlow } from '../core/popup-flow.js';
export { onCatalogChange, readCatalogFor, refreshCatalog } from '../core/catalog.js';

/**
 * Connects with `element`'s resolved configuration, `options` winning, for a connection the
 * element has claimed (on-demand.eager.ts).
 */
export function connectFromElement(
  element: HTMLElement,
  appId: unknown,
  options: ConnectOptions,
  popup: Window | null | undefined,
): Promise<ConnectResult> {
  let scopes: unknown;
  try {
    if (options && typeof options === 'object') warnUnknownOptions(options);
    scopes = options?.scopes;
  } catch (error) {
    console.error('[outbound-elements] reading the connect options threw; they are ignored:', error);
  }
  return connectClaimed(appId as string, {
    ...resolveConfig(element, mergeConfig(options as Partial<OutboundConfig>, element as Partial<OutboundConfig>)),
    scopes: scopes as string[] | undefined,
    target: element,
    popup,
  });
}

/**
 * The connect code and the Descope SDK are not needed to paint a button, only to act on a click,
 * so they load on first use (and are warmed up when a pointer or focus reaches a button).
 */
import type { ConnectResult } from '../core/connect.js';
import type { ConnectOptions } from '../core/request.js';

type OnDemand = typeof import('./on-demand.js');
let loading: Promise<OnDemand> | undefined;

/** The on-demand module, fetched once (a failed fetch is retried on the next call). */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= import('./on-demand.js').catch((error: unknown) => {
    loading = undefined; // let the next click try again
    throw error;
  });
  return loading;
}

/** Starts loading what a click will need; errors are left for the click to report. */
export function warmUpConnect(): void {
  loadOnDemand().then(
    (module) => module.preloadSdk(),
    () => undefined,
  );
}

/**
 * Connects `appId` with `element`'s configuration (overridden by `options`), firing the events
 * on `element`. `popup`: the window opened in the click for popup mode (popup-gesture.ts).
 * Never rejects.
 */
export async function connectLazily(
  element: HTMLElement,
  appId: string,
  options: ConnectOptions & { scopes?: unknown },
  popup?: Window | null,
): Promise<Pick<ConnectResult, 'status'>> {
  let module: OnDemand;
  try {
    module = await loadOnDemand();
  } catch {
    if (popup) popup.close();
    // Reported by hand: the event helpers live in the module that failed to load.
    const message = 'Could not load the connect module; check the network.';
    console.error(`[outbound-elements] ${appId}: network: ${message}`);
    element.dispatchEvent(
      new CustomEvent('outbound-connect-error', { detail: { appId, code: 'network', message }, bubbles: true, composed: true }),
    );
    return { status: 'error' };
  }
  return module.connectFromElement(element, appId, options, popup);
}

/** The popup of `appId`'s connection: `focus` it, or `cancel` the connection (closing it). */
export function popupAction(appId: string, action: 'focus' | 'cancel'): void {
  loadOnDemand().then(
    (module) => (action === 'focus' ? module.focusPopupFlow(appId) : module.cancelPopupFlow(appId)),
    () => undefined, // no module, no popup
  );
}

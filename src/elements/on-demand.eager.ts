/**
 * The half of the elements' on-demand code that ships in the drop-in's entry (the other half,
 * `on-demand.ts`, loads on first use): loading that module once, warming it up while a pointer
 * or focus is on its way to a click, and the synchronous first step of a click, which must run
 * inside the user's gesture: claiming the connection (the element shows `connecting` at once,
 * and a second click starts nothing) and, in popup mode, opening the blank popup.
 */
import type { ConnectResult } from '../core/connect.js';
import { mergeConfig, resolveConfig, wantsPopup, type OutboundConfig } from '../core/config.js';
import { claimConnection, connectionIdOf, getConnection, settleConnection } from '../core/connection-state.js';
import { openBlankPopup } from '../core/popup-window.eager.js';
import type { ConnectOptions } from '../core/request.js';

type OnDemand = typeof import('./on-demand.js');
let loading: Promise<OnDemand> | undefined;
let loaded: OnDemand | undefined;

/** The on-demand module if it has loaded (it has, once a connection was attempted), else `undefined`. */
export function onDemandIfLoaded(): OnDemand | undefined {
  return loaded;
}

/** The on-demand module, fetched once (a failed fetch is retried on the next call). */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= import('./on-demand.js').then((module) => (loaded = module)).catch((error: unknown) => {
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

let approaching = false;
let warmed = false;

/** What an element of ours does when a pointer or focus reaches it (the button: its live region). */
export const APPROACHED = Symbol('outbound-elements.approached');

/**
 * When a pointer or focus reaches a button, a list or a headless trigger: the connect code starts
 * loading (once), and each element reached is told through its `APPROACHED` method (the button
 * puts its live region in place then, before any click). One pair of listeners for the whole
 * page, not two per element.
 */
export function warmUpOnApproach(): void {
  if (approaching) return;
  approaching = true;
  const onApproach = (event: Event) => {
    const reached = event.composedPath().filter(isConnectTarget);
    if (!reached.length) return;
    if (!warmed) warmUpConnect();
    warmed = true;
    for (const element of reached) (element as { [APPROACHED]?: () => void })[APPROACHED]?.();
  };
  document.addEventListener('pointerover', onApproach, { capture: true, passive: true });
  document.addEventListener('focusin', onApproach, true);
}

function isConnectTarget(node: EventTarget): boolean {
  return node instanceof Element && (node.localName.startsWith('outbound-app-') || node.hasAttribute('data-outbound-app-id'));
}

/**
 * Connects `appId` with `element`'s configuration (overridden by `options`), firing the events on
 * `element`. A click while the app's connection is under way starts nothing: it brings the popup
 * of a popup-mode connection to the front. Never rejects.
 */
export async function connectFrom(element: HTMLElement, appId: unknown, options: ConnectOptions = {}): Promise<ConnectResult['status'] | 'busy'> {
  const config = resolveConfig(element, mergeConfig(options as Partial<OutboundConfig>, element as Partial<OutboundConfig>));
  const [id, tenantId] = connectionIdOf(appId, config.tenantId);
  if (getConnection(id, tenantId).status === 'connecting') {
    popupAction(id, 'focus');
    return 'busy';
  }
  // Popup mode: the popup must open now, inside the click, before anything is awaited.
  const popup = wantsPopup(config.mode) && id ? openBlankPopup(id) : undefined;
  claimConnection(id, tenantId);
  try {
    const module = await loadOnDemand();
    return (await module.connectFromElement(element, appId, options, popup)).status;
  } catch (error) {
    popup?.close();
    // Reported by hand: the event helpers live in the module that may have failed to load.
    const message = 'Could not load the connect module; check the network.';
    console.error(`[outbound-elements] ${id}: network: ${message}`, error);
    settleConnection(id, tenantId, { kind: 'error', error: { code: 'network', message } });
    element.dispatchEvent(new CustomEvent('outbound-connect-error', { detail: { appId: id, code: 'network', message }, bubbles: true, composed: true }));
    return 'error';
  }
}

/**
 * The popup of `appId`'s connection: `focus` it, or `cancel` the connection (closing it); with
 * `owner`, only a flow that element started. Nothing is loaded for it: no module, no popup.
 */
export function popupAction(appId: string, action: 'focus' | 'cancel', owner?: EventTarget): void {
  const module = loaded;
  if (!module || (owner && module.popupFlowFor(appId)?.target !== owner)) return;
  if (action === 'focus') module.focusPopupFlow(appId);
  else module.cancelPopupFlow(appId);
}

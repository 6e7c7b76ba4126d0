/**
 * Where redirect returns are reported: on the `<outbound-app-button>` with the same app ID, else
 * the first `<outbound-connect>`, else `document` (the element that started the connection is
 * gone after a full page load). `outbound-elements/define` starts it; a host that registers the
 * classes itself (`outbound-elements/elements`) calls `reportReturnsToElements()` once.
 */
import { watchRedirectReturnLazily } from '../core/redirect-return.eager.js';
import { loadOnDemand } from './on-demand.eager.js';

/** The elements currently in the document, in the order they connected. */
const buttons = new Set<HTMLElement & { appId?: unknown }>();
const providers = new Set<HTMLElement>();

/** Called by the elements as they connect to and leave the document. */
export function trackElement(element: HTMLElement & { appId?: unknown }, kind: 'button' | 'provider', connected: boolean): void {
  const set = kind === 'button' ? buttons : providers;
  if (connected) set.add(element);
  else set.delete(element);
}

/** The `<outbound-app-button>` with this app ID, else the first `<outbound-connect>`, else nothing. */
export function returnTargetFor(appId: string): HTMLElement | undefined {
  for (const button of buttons) if (button.isConnected && button.appId === appId) return button;
  for (const provider of providers) if (provider.isConnected) return provider;
  return undefined;
}

const WATCHING = Symbol.for('outbound-elements.watching-returns');

/** Starts reporting redirect returns to the elements. Safe to call more than once, from any copy. */
export function reportReturnsToElements(): void {
  const page = window as unknown as Record<symbol, boolean>;
  if (page[WATCHING]) return;
  page[WATCHING] = true;
  watchRedirectReturnLazily(loadOnDemand, { resolveTarget: returnTargetFor });
}

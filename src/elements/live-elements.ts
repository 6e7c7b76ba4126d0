/**
 * The elements currently in the document, in the order they connected: where a redirect return
 * is reported when the element that started it is gone (after a full page load).
 */
const buttons = new Set<HTMLElement & { appId?: string }>();
const providers = new Set<HTMLElement>();

export function trackButton(element: HTMLElement & { appId?: string }, connected: boolean): void {
  if (connected) buttons.add(element);
  else buttons.delete(element);
}

export function trackProvider(element: HTMLElement, connected: boolean): void {
  if (connected) providers.add(element);
  else providers.delete(element);
}

/** The `<outbound-app-button>` with this app ID, else the first `<outbound-connect>`, else nothing. */
export function returnTargetFor(appId: string): HTMLElement | undefined {
  for (const button of buttons) if (button.isConnected && button.appId === appId) return button;
  for (const provider of providers) if (provider.isConnected) return provider;
  return undefined;
}

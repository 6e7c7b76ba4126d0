/**
 * The host's own UI as connect buttons inside `<outbound-connect>`: finding the trigger of a
 * click and showing a connection's state on it.
 */
export const TRIGGER_ATTRIBUTE = 'data-outbound-app-id';

export type TriggerStatus = 'connecting' | 'connected' | 'error' | 'idle';

/** The nearest element with `data-outbound-app-id` between the event's target and `boundary`. */
export function findTrigger(event: Event, boundary: Element): Element | undefined {
  for (const node of event.composedPath()) {
    if (node === boundary) return undefined;
    if (node instanceof Element && node.hasAttribute(TRIGGER_ATTRIBUTE)) return node;
  }
  return undefined;
}

/** `data-outbound-status` for the host's CSS, and `aria-busy` while connecting. */
export function setTriggerStatus(trigger: Element | undefined, status: TriggerStatus): void {
  if (!trigger) return;
  trigger.setAttribute('data-outbound-status', status);
  if (status === 'connecting') trigger.setAttribute('aria-busy', 'true');
  else trigger.removeAttribute('aria-busy');
}

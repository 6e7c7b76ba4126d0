/**
 * The DOM events of outbound-elements, declared in one place.
 *
 * Every event is a `CustomEvent` that bubbles and is composed, so a host page can listen on the
 * element, on any ancestor, or on `document`. No `detail` ever holds a token.
 */
import type { OutboundErrorCode } from './core/errors.js';
import type { ConnectMode } from './core/config.js';

/** `outbound-connect-start`: about to call Descope. Cancelable: `preventDefault()` stops it. */
export interface ConnectStartDetail {
  appId: string;
  scopes: string[] | undefined;
  redirectUrl: string;
  tenantId?: string;
  tenantLevel?: boolean;
  mode: ConnectMode;
}

/** `outbound-connect-success`: the browser came back from the provider with the app connected. */
export interface ConnectSuccessDetail {
  appId: string;
  scopes: string[] | undefined;
  tenantId?: string;
  tenantLevel?: boolean;
  returnState?: unknown;
}

/** `outbound-connect-error`: anything failed; `code` says what, `message` says how to fix it. */
export interface ConnectErrorDetail {
  appId: string;
  code: OutboundErrorCode;
  message: string;
  /** The HTTP status of Descope's answer, when there was one. */
  status?: number;
  returnState?: unknown;
}

/** `outbound-connect-cancel`: the user came back without finishing (Back button, popup closed). */
export interface ConnectCancelDetail {
  appId: string;
  returnState?: unknown;
}

/** `outbound-disconnect`: the user asked to disconnect an app. */
export interface DisconnectDetail {
  appId: string;
}

export interface OutboundEventDetails {
  'outbound-connect-start': ConnectStartDetail;
  'outbound-connect-success': ConnectSuccessDetail;
  'outbound-connect-error': ConnectErrorDetail;
  'outbound-connect-cancel': ConnectCancelDetail;
  'outbound-disconnect': DisconnectDetail;
}

export type OutboundEventName = keyof OutboundEventDetails;

declare global {
  interface HTMLElementEventMap {
    'outbound-connect-start': CustomEvent<ConnectStartDetail>;
    'outbound-connect-success': CustomEvent<ConnectSuccessDetail>;
    'outbound-connect-error': CustomEvent<ConnectErrorDetail>;
    'outbound-connect-cancel': CustomEvent<ConnectCancelDetail>;
    'outbound-disconnect': CustomEvent<DisconnectDetail>;
  }
  interface DocumentEventMap {
    'outbound-connect-start': CustomEvent<ConnectStartDetail>;
    'outbound-connect-success': CustomEvent<ConnectSuccessDetail>;
    'outbound-connect-error': CustomEvent<ConnectErrorDetail>;
    'outbound-connect-cancel': CustomEvent<ConnectCancelDetail>;
    'outbound-disconnect': CustomEvent<DisconnectDetail>;
  }
}

/**
 * Dispatches one of our events on `target`. Returns `false` when a listener called
 * `preventDefault()` on a cancelable event.
 *
 * A listener that throws must not break the element (the browser reports it, dispatch goes on),
 * which is what `dispatchEvent` already guarantees.
 */
export function dispatchOutboundEvent<K extends OutboundEventName>(
  target: EventTarget,
  name: K,
  detail: OutboundEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, {
      detail: withoutUndefined(detail),
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
    }),
  );
}

/** Keeps `detail` tidy: optional keys are absent rather than present with `undefined`. */
function withoutUndefined<T extends object>(detail: T): T {
  const tidy = { ...detail };
  for (const key of Object.keys(tidy) as (keyof T)[]) {
    if (tidy[key] === undefined && key !== 'scopes') delete tidy[key];
  }
  return tidy;
}

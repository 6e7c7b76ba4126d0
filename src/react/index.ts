/**
 * `outbound-elements/react`: React components for the elements (React 18 and 19), built with
 * `@lit/react`, so properties (`scopes`, `getToken`, `sdk`, `returnState`…) are set as
 * properties and the events arrive as `onConnectStart`, `onConnectSuccess`, `onConnectError`,
 * `onConnectCancel` and `onDisconnect`; and `useReturnOutcome()`, this page load's return
 * outcome, safe to render during hydration.
 *
 * Importing it registers the elements: in a browser, and under a server renderer's DOM shim
 * (@lit-labs/ssr), so they render on the server; redirect returns are handled in a browser only.
 */
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../define.js';
import { getReturnOutcomes, onReturnOutcome, type ReturnOutcome } from '../core/connection-state.js';
import { OutboundAppButton as ButtonElement } from '../elements/outbound-app-button.js';
import { OutboundAppList as ListElement } from '../elements/outbound-app-list.js';
import { OutboundConnect as ConnectElement } from '../elements/outbound-connect.js';
import type { ConnectCancelDetail, ConnectErrorDetail, ConnectStartDetail, ConnectSuccessDetail, DisconnectDetail } from '../events.js';
import type { OutboundAppButton as ButtonBinding, OutboundAppList as ListBinding } from '../types/bindings.js';

export type { ReturnOutcome } from '../core/connection-state.js';

const connectEvents = {
  /** `outbound-connect-start`; cancelable: `event.preventDefault()` stops the connection. */
  onConnectStart: 'outbound-connect-start' as EventName<CustomEvent<ConnectStartDetail>>,
  /** `outbound-connect-success`: the app is connected. */
  onConnectSuccess: 'outbound-connect-success' as EventName<CustomEvent<ConnectSuccessDetail>>,
  /** `outbound-connect-error`: anything failed; `event.detail.code` says what. */
  onConnectError: 'outbound-connect-error' as EventName<CustomEvent<ConnectErrorDetail>>,
  /** `outbound-connect-cancel`: the user came back without finishing, or closed the popup. */
  onConnectCancel: 'outbound-connect-cancel' as EventName<CustomEvent<ConnectCancelDetail>>,
};

const listEvents = {
  ...connectEvents,
  /** `outbound-disconnect`: the user asked to disconnect `event.detail.appId`. */
  onDisconnect: 'outbound-disconnect' as EventName<CustomEvent<DisconnectDetail>>,
};

type Events = Record<string, EventName>;

/**
 * A wrapper's props: the element's own properties as a binding sets them (`Binding`: not the
 * read-only `status` nor the methods), its events as `on…` props, React's HTML attributes; and a
 * `ref` to the element.
 */
type WrapperProps<Element extends HTMLElement, Binding, E extends Events> = Omit<
  React.HTMLAttributes<Element>,
  keyof E | Exclude<keyof Binding, keyof HTMLElement>
> & { [K in keyof E]?: (event: E[K]['__eventType']) => void } & Partial<
    Omit<Binding, keyof HTMLElement | 'status' | 'connect' | 'diagnose' | 'refresh'>
  >;

type Wrapper<Element extends HTMLElement, Binding, E extends Events> = React.ForwardRefExoticComponent<
  WrapperProps<Element, Binding, E> & React.RefAttributes<Element>
>;

export type OutboundAppButtonComponent = Wrapper<ButtonElement, ButtonBinding, typeof connectEvents>;
export type OutboundConnectComponent = Wrapper<ConnectElement, ConnectElement, typeof connectEvents>;
export type OutboundAppListComponent = Wrapper<ListElement, ListBinding, typeof listEvents>;

/**
 * `createComponent`, typed with the element's binding: @lit/react reads prop types from the
 * class's getters, where the `scopes` and `apps` setters also take a space-separated string.
 */
function wrap<Element extends HTMLElement, Binding, E extends Events>(
  tagName: string,
  elementClass: (new () => Element) & { readonly observedAttributes: string[] },
  events: E,
  displayName: string,
): Wrapper<Element, Binding, E> {
  // @lit/react sets a prop as a property when the class's prototype has it. Lit puts its
  // accessors there when the class is finalized, which defining it does in a browser; reading
  // observedAttributes does it on a server too, so server HTML carries no `appid="…"`
  // attribute that the client would not render (a hydration mismatch).
  void elementClass.observedAttributes;
  return createComponent({ react: React, tagName, elementClass, events, displayName }) as unknown as Wrapper<Element, Binding, E>;
}

/** `<outbound-app-button>`: `<OutboundAppButton appId="google-contacts" scopes={[…]} onConnectSuccess={…} />`. */
export const OutboundAppButton: OutboundAppButtonComponent = wrap('outbound-app-button', ButtonElement, connectEvents, 'OutboundAppButton');

/** `<outbound-connect>`: the configuration for the elements inside it, and headless triggers. */
export const OutboundConnect: OutboundConnectComponent = wrap('outbound-connect', ConnectElement, connectEvents, 'OutboundConnect');

/** `<outbound-app-list>`: the project's apps with their status and a connect button each. */
export const OutboundAppList: OutboundAppListComponent = wrap('outbound-app-list', ListElement, listEvents, 'OutboundAppList');

/** The latest outcome so far (for `appId`, if given): the same object until a newer one arrives. */
const latestOutcome = (appId: string | undefined): ReturnOutcome | undefined =>
  [...getReturnOutcomes()].reverse().find((outcome) => appId === undefined || outcome.appId === appId);

const subscribe = (changed: () => void): (() => void) => onReturnOutcome(changed);

/**
 * How this page load's connection came back from the provider (`kind`: `success`, `error` or
 * `cancel`, with `appId`, `returnState`…), for `appId` or any app; `undefined` until there is
 * one. Outcomes that arrived before the component mounted are replayed, so a component that
 * renders late (after hydration, behind a lazy route) still sees its return. On the server and
 * during hydration it is `undefined`, so the server's HTML and the first client render agree.
 */
export function useReturnOutcome(appId?: string): ReturnOutcome | undefined {
  return React.useSyncExternalStore(
    subscribe,
    () => latestOutcome(appId),
    () => undefined,
  );
}

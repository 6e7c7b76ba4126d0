/**
 * The opener's side of popup-mode connections: one flow per app, from the blank popup opened in
 * the click to the result relayed back by the popup (popup-channel.ts); the popup branch of
 * `connect()`; and what went wrong with the last popup, for `diagnose()`.
 *
 * What real browsers do, and how this copes (measured in Chromium 156 with playwright-core):
 * - The popup's `closed` is polled. When the user closes it, the flow reports
 *   `outbound-connect-cancel`.
 * - A provider page sending `Cross-Origin-Opener-Policy: same-origin` (or
 *   `same-origin-allow-popups`) moves the popup to another browsing context group: about 100 ms
 *   after the navigation our reference reads `closed === true` while the user is still on the
 *   consent page (a "false closed"), the popup loses its name, and back on our origin its
 *   `window.opener` is `null`. So a flow that saw its popup close still listens (same-origin
 *   channel) until `LINGER_MS` has passed: a result that arrives late is reported as it is
 *   (success after the cancel).
 * - A retry for an app whose flow is still listening never calls Descope again: it reopens the
 *   same consent URL (same nonce) in the new popup. A click while the popup is open focuses it.
 *
 * Flows live in memory only: popups report to the document that opened them.
 */
import type { PendingConnection } from './pending-store.js';
import { listenForPopupReturns, markPopupWindow, type PopupReturnMessage } from './popup-channel.js';
import { providerRefusal, reportOutcome } from './redirect-return.js';
import type { ConnectResult } from './connect.js';
import { errorFromException } from './error-mapping.js';
import { OutboundError } from './errors.js';
import { openBlankPopup } from './popup-window.eager.js';
import type { ConnectRequest } from './request.js';

/** How often the popup's `closed` is read. */
export const CLOSED_POLL_MS = 300;
/** How long a flow whose popup seems closed keeps listening (the provider's state outlives it rarely). */
export const LINGER_MS = 10 * 60 * 1000;

export interface PopupFlow {
  appId: string;
  tenantId?: string;
  target: EventTarget;
  popup: Window | null;
  /** The host's `returnState`, for a cancel before Descope answered (there is no record yet). */
  returnState?: unknown;
  /** Set once Descope answered: the record and the consent URL. */
  record?: PendingConnection;
  consentUrl?: string;
  /** `open`: the popup is (or seems) there; `lingering`: it seems closed, results still count. */
  state: 'starting' | 'open' | 'lingering';
  timer?: ReturnType<typeof setInterval> | ReturnType<typeof setTimeout>;
}

const flows = new Map<string, PopupFlow>();
let stopListening: (() => void) | undefined;

/** The flow of an app on this page, if one is under way or still listening. */
export function popupFlowFor(appId: string): PopupFlow | undefined {
  return flows.get(appId);
}

/** Reserves the app before the connect call, so a second click cannot start a second one. */
export function beginPopupFlow(appId: string, tenantId: string | undefined, target: EventTarget, popup: Window, returnState?: unknown): void {
  flows.set(appId, { appId, tenantId, target, popup, returnState, state: 'starting' });
  stopListening ??= listenForPopupReturns(onPopupMessage);
  watchClosed(flows.get(appId)!);
}

/**
 * Descope answered: points the popup at the consent page and waits for its result. `false` when
 * the flow was canceled meanwhile.
 */
export function navigatePopupFlow(appId: string, record: PendingConnection, consentUrl: string): boolean {
  const flow = flows.get(appId);
  if (!flow) return false;
  flow.record = record;
  flow.consentUrl = consentUrl;
  flow.state = 'open';
  if (flow.popup && !flow.popup.closed) {
    markPopupWindow(flow.popup, record.nonce);
    flow.popup.location.replace(consentUrl);
  } else detach(flow);
  return true;
}

/** Ends a flow that never reached the consent page (the connect call failed). */
export function abandonPopupFlow(appId: string): void {
  const flow = flows.get(appId);
  if (!flow) return;
  closeQuietly(flow.popup);
  end(flow);
}

/**
 * A retry for an app whose flow is under way or still listening. Focuses the open popup (its
 * outcome still goes to the element that started it), or shows the same consent page in `popup`
 * (a window opened in this click; the outcome then goes to `target`). Returns the consent URL,
 * or `undefined` when there is no flow to resume, or no window to resume it in (the caller
 * starts a new one, or applies popup-fallback).
 */
export function resumePopupFlow(appId: string, target: EventTarget, popup: Window | null): string | undefined {
  const flow = flows.get(appId);
  if (!flow) return undefined;
  if (flow.popup && !flow.popup.closed) {
    if (popup && popup !== flow.popup) closeQuietly(popup);
    flow.popup.focus();
    return flow.consentUrl ?? 'about:blank';
  }
  if (!flow.consentUrl) {
    // Still waiting for Descope, and its popup is gone: the answer will report the cancel.
    closeQuietly(popup);
    return 'about:blank';
  }
  // Blocked: nothing to resume into; the caller applies popup-fallback.
  if (!popup) return undefined;
  flow.target = target;
  flow.popup = popup;
  flow.state = 'open';
  clearTimeout(flow.timer);
  if (flow.record) markPopupWindow(popup, flow.record.nonce);
  popup.location.replace(flow.consentUrl);
  watchClosed(flow);
  popup.focus();
  return flow.consentUrl;
}

/** Whether `popup` is the window of a flow (it must not be closed as unused). */
export function isFlowPopup(popup: Window): boolean {
  return [...flows.values()].some((flow) => flow.popup === popup);
}

/** Focuses the app's popup, if it is open. */
export function focusPopupFlow(appId: string): void {
  const popup = flows.get(appId)?.popup;
  if (popup && !popup.closed) popup.focus();
}

/**
 * The user gave up from the page (the Cancel control): closes the popup and reports the cancel.
 * A result that still arrives (a popup the browser would not let us close) is reported as it is.
 */
export function cancelPopupFlow(appId: string): void {
  const flow = flows.get(appId);
  if (!flow || flow.state === 'lingering') return;
  closeQuietly(flow.popup);
  if (flow.state === 'starting') {
    end(flow);
    reportOutcome(outcomeTarget(flow), { kind: 'cancel', record: flow.record ?? { ...flow, scopes: undefined } }, 'popup');
    return;
  }
  detach(flow);
}

/**
 * Forgets every flow (their popups are closed, late results ignored), without events: for a page
 * that signs the user out, and for tests.
 */
export function forgetPopupFlows(): void {
  for (const flow of [...flows.values()]) {
    closeQuietly(flow.popup);
    end(flow);
  }
}

function watchClosed(flow: PopupFlow): void {
  clearInterval(flow.timer);
  flow.timer = setInterval(() => {
    if (!flow.popup?.closed || flows.get(flow.appId) !== flow) return;
    if (flow.state === 'open') detach(flow);
    // While Descope is still answering, the answer will find the popup closed and detach then.
  }, CLOSED_POLL_MS);
}

/** The popup seems closed: report the cancel now, keep listening for a late result. */
function detach(flow: PopupFlow): void {
  clearInterval(flow.timer);
  flow.state = 'lingering';
  flow.popup = null;
  flow.timer = setTimeout(() => end(flow), LINGER_MS);
  reportOutcome(outcomeTarget(flow), { kind: 'cancel', record: flow.record! }, 'popup');
}

function end(flow: PopupFlow): void {
  clearInterval(flow.timer);
  clearTimeout(flow.timer);
  if (flows.get(flow.appId) === flow) flows.delete(flow.appId);
  if (!flows.size) {
    stopListening?.();
    stopListening = undefined;
  }
}

function onPopupMessage(message: PopupReturnMessage, acknowledge: () => void): void {
  // Only a nonce this page started and still waits for; anything else (another tab's flow, a
  // replay, a forgery) is not ours to report, nor to acknowledge: that popup stays open.
  const flow = [...flows.values()].find((f) => f.record?.nonce === message.nonce);
  if (!flow) return;
  // The popup closes itself on this: our reference to it reads `closed` after a provider's
  // Cross-Origin-Opener-Policy, so closing it from here is not enough.
  acknowledge();
  const record = flow.record!;
  notePopupTrouble(flow.state === 'lingering' ? 'opener-cut' : undefined);
  end(flow);
  closeQuietly(flow.popup);
  const refusal = providerRefusal(record, message.error, message.errorDescription);
  reportOutcome(outcomeTarget(flow), refusal ? { kind: 'error', record, error: refusal } : { kind: 'success', record }, 'popup');
}

/**
 * Where an outcome is reported: the element that started the flow, or `document` when that
 * element has left the page meanwhile (a single-page app changed view while the popup was open),
 * so the page's listeners, and the other elements' connected status, still hear it.
 */
function outcomeTarget(flow: PopupFlow): EventTarget {
  return flow.target instanceof Node && !flow.target.isConnected ? document : flow.target;
}

function closeQuietly(popup: Window | null | undefined): void {
  try {
    if (popup && !popup.closed) popup.close();
  } catch {
    /* nothing to do */
  }
}

// ---- The popup branch of connect() --------------------------------------------------------

/**
 * The popup branch of `connect()`: reuse a flow already under way for the app, or open the
 * consent page in the popup, or apply `popup-fallback` when the browser blocked it.
 * The flow's bookkeeping is in popup-flow.ts.
 */
/** The steps of `connect()` this branch shares: reporting a failure, asking Descope for the URL. */
export interface ConnectSteps {
  fail: (target: EventTarget, error: OutboundError) => ConnectResult;
  /** Calls `sdk.outbound.connect` with a redirect URL marked for a popup return. */
  consentUrl: () => Promise<{ href: string; nonce: string }>;
}

/**
 * The popup reports back only to its own origin, so its return page must share the opener's:
 * an `invalid-option` error otherwise, before anything starts.
 */
export function checkPopupRedirect(request: ConnectRequest): OutboundError | undefined {
  const origin = new URL(request.redirectUrl).origin;
  if (origin === window.location.origin) return undefined;
  return new OutboundError(
    'invalid-option',
    `In popup mode, redirect-url must be on this page's origin (${window.location.origin}), where the popup can report back; ${origin} is not.`,
  );
}

/** Closes a blank popup the caller opened that will not be used (never a flow's own popup). */
export function closeUnusedPopup(popup: Window | null | undefined): void {
  if (popup && !popup.closed && !isFlowPopup(popup)) popup.close();
}

/**
 * After `outbound-connect-start`: resumes a flow that is still listening (its consent URL in the
 * new popup, no second connect call), or starts one. `undefined` means: the popup was blocked and
 * popup-fallback is `redirect`, so the caller redirects.
 */
export function connectInPopup(
  request: ConnectRequest,
  target: EventTarget,
  given: Window | null | undefined,
  steps: ConnectSteps,
): Promise<ConnectResult> | ConnectResult | undefined {
  const popup = given !== undefined ? given : openBlankPopup(request.appId);
  const resumed = resumePopupFlow(request.appId, target, popup);
  if (resumed) return { status: 'popup', url: resumed };
  if (popup) return startPopupFlow(request, target, popup, steps);
  notePopupTrouble('blocked');
  if (request.popupFallback === 'error') {
    return steps.fail(
      target,
      new OutboundError(
        'popup-blocked',
        'The browser blocked the popup. Start the connection from a click, or let the site open popups; popup-fallback="redirect" would use a full-page redirect instead.',
      ),
    );
  }
  console.warn('[outbound-elements] The browser blocked the popup, so this connection uses a full-page redirect (popup-fallback="redirect").');
  return undefined;
}

async function startPopupFlow(
  request: ConnectRequest,
  target: EventTarget,
  popup: Window,
  steps: ConnectSteps,
): Promise<ConnectResult> {
  beginPopupFlow(request.appId, request.tenantId, target, popup, request.returnState);
  try {
    const url = await steps.consentUrl();
    const { mode: _mode, popupFallback: _fallback, ...connection } = request;
    const record = { ...connection, nonce: url.nonce, startedAt: Date.now() };
    if (!navigatePopupFlow(request.appId, record, url.href)) return { status: 'canceled' };
    return { status: 'popup', url: url.href };
  } catch (error) {
    abandonPopupFlow(request.appId);
    return steps.fail(target, errorFromException(error));
  }
}

// ---- What went wrong with the last popup (for diagnose()) ----------------------------------

/**
 * What went wrong with the last popup, for `diagnose()`: the browser blocked it, or the provider's
 * page cut the opener relation (its `Cross-Origin-Opener-Policy` made the popup look closed while
 * the user was still on it). Written by the popup code, kept in sessionStorage too, because a
 * blocked popup falls back to a full-page redirect and the page that comes back is a new one.
 */
export type PopupTrouble = 'blocked' | 'opener-cut';

const KEY = 'outbound-elements:popup-trouble';
/** `null`: this page load saw a popup work. */
let last: PopupTrouble | null | undefined;

/** Remembers what went wrong with a popup just now; `undefined`: a popup worked, the trouble is history. Never throws. */
export function notePopupTrouble(trouble: PopupTrouble | undefined): void {
  last = trouble ?? null;
  try {
    if (trouble) sessionStorage.setItem(KEY, trouble);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage blocked: this page load still knows */
  }
}

/** What went wrong with the last popup of this tab, if anything. */
export function lastPopupTrouble(win: Window = window): PopupTrouble | undefined {
  if (win === window && last !== undefined) return last ?? undefined;
  try {
    const stored = win.sessionStorage.getItem(KEY);
    return stored === 'blocked' || stored === 'opener-cut' ? stored : undefined;
  } catch {
    return undefined;
  }
}

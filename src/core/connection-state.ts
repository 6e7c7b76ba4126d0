/**
 * The one connection state of the page: per app (and tenant), what the user sees on every
 * element for that app. `connect()`, the redirect return, the popup flow and the catalog write it;
 * the elements subscribe and render from it. The DOM events are announcements for the host, fired
 * after the state changed: nothing of ours ever reads them back, so a host listener that stops,
 * cancels or never hears an event cannot leave an element stuck.
 *
 * The outcomes of this page load's returns are kept too, for code that was not listening in time
 * (an element created after the return, a framework that hydrates late): `onReturnOutcome()`
 * replays them.
 *
 * Small and free of Lit: it ships in the drop-in's entry, so a click shows `connecting` at once.
 */
import type { OutboundErrorCode } from './errors.js';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'error';

/** The last thing that happened to a connection: what an element announces. */
export type ConnectionChange = 'started' | 'connected' | 'failed' | 'canceled' | 'stopped' | 'known';

/** Why the last attempt failed; never a token. */
export interface ConnectionFailure {
  code: OutboundErrorCode;
  message: string;
  /** The HTTP status of Descope's answer, when there was one. */
  status?: number;
}

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** While `connecting`: `popup` once a popup shows the provider's page (it can be focused or canceled). */
  readonly flow?: 'redirect' | 'popup';
  /** While `error`: what failed. */
  readonly error?: ConnectionFailure;
  readonly change?: ConnectionChange;
}

/** How a connection that left for the provider came back, in this page load. */
export interface ReturnOutcome {
  kind: 'success' | 'error' | 'cancel';
  appId: string;
  scopes?: string[];
  tenantId?: string;
  tenantLevel?: boolean;
  returnState?: unknown;
  /** For `error`: what the provider (or the popup) said. */
  error?: ConnectionFailure;
  /** `redirect`: this page load is the return; `popup`: the popup reported back. */
  via: 'redirect' | 'popup';
}

const IDLE: ConnectionState = { status: 'idle' };
const states = new Map<string, ConnectionState>();
/** The settled status an attempt started from, so a prevented start puts it back. */
const before = new Map<string, ConnectionStatus>();
const listeners = new Set<(appId?: string, tenantId?: string) => void>();
const outcomes: ReturnOutcome[] = [];
const outcomeListeners = new Set<(outcome: ReturnOutcome) => void>();

const keyOf = (appId: string, tenantId: string | undefined) => `${appId}\u0000${tenantId ?? ''}`;

/**
 * The app ID and tenant a connection is known by, from what a host passed (anything): trimmed
 * strings, `''` for no app ID and `undefined` for no tenant.
 */
export function connectionIdOf(appId: unknown, tenantId: unknown): [appId: string, tenantId: string | undefined] {
  const tenant = typeof tenantId === 'string' ? tenantId.trim() : '';
  return [typeof appId === 'string' ? appId.trim() : '', tenant || undefined];
}

/** The state of `appId`'s connection (for `tenantId`); `idle` when nothing happened yet. */
export function getConnection(appId: string, tenantId?: string): ConnectionState {
  return states.get(keyOf(appId, tenantId)) ?? IDLE;
}

function write(appId: string, tenantId: string | undefined, state: ConnectionState): void {
  states.set(keyOf(appId, tenantId), state);
  for (const listener of [...listeners]) {
    try {
      listener(appId, tenantId);
    } catch (error) {
      console.error('[outbound-elements]', error);
    }
  }
}

/**
 * Claims the connection for one attempt: `false` when one is already under way (one click, one
 * connect call). The caller must end the claim with `settleConnection` or `releaseConnection`.
 */
export function claimConnection(appId: string, tenantId?: string): boolean {
  const current = getConnection(appId, tenantId);
  if (current.status === 'connecting') return false;
  before.set(keyOf(appId, tenantId), current.status === 'connected' ? 'connected' : 'idle');
  write(appId, tenantId, { status: 'connecting', change: 'started' });
  return true;
}

/** The attempt never started (a listener prevented `outbound-connect-start`): back to how it was. */
export function releaseConnection(appId: string, tenantId?: string): void {
  const status = before.get(keyOf(appId, tenantId)) ?? 'idle';
  write(appId, tenantId, { status, change: 'stopped' });
}

/** The provider's page shows in a popup: the element offers to focus or cancel it. */
export function notePopupShowing(appId: string, tenantId?: string): void {
  const current = getConnection(appId, tenantId);
  if (current.status === 'connecting') write(appId, tenantId, { ...current, flow: 'popup' });
}

/** How an attempt ended. A cancel leaves a connected app connected (a canceled reconnect). */
export function settleConnection(
  appId: string,
  tenantId: string | undefined,
  outcome: { kind: 'success' } | { kind: 'cancel' } | { kind: 'error'; error: ConnectionFailure },
): void {
  const key = keyOf(appId, tenantId);
  if (outcome.kind === 'success') write(appId, tenantId, { status: 'connected', change: 'connected' });
  else if (outcome.kind === 'error') write(appId, tenantId, { status: 'error', error: outcome.error, change: 'failed' });
  else write(appId, tenantId, { status: before.get(key) ?? 'idle', change: 'canceled' });
  before.delete(key);
}

/**
 * What Descope says of the user's connections (the catalog's status read): shown unless an
 * attempt is under way or has just failed, which the user should see first.
 */
export function noteKnownStatus(appId: string, tenantId: string | undefined, connected: boolean): void {
  const current = getConnection(appId, tenantId);
  if (current.status === 'connecting' || current.status === 'error') return;
  const status = connected ? 'connected' : 'idle';
  if (current.status !== status) write(appId, tenantId, { status, change: 'known' });
}

let statusShown = false;

/** Whether an element of this page shows what Descope knows (a list): any app may turn connected in place. */
export function pageShowsStatus(): boolean {
  return statusShown;
}

/** Said by `<outbound-app-list>` as it connects: every element renders again (while the page parses, before it paints). */
export function noteStatusShown(): void {
  if (statusShown) return;
  statusShown = true;
  for (const listener of listeners) listener();
}

/**
 * Calls `listener(appId, tenantId)` after a connection's state changed, `listener()` after every
 * state was forgotten. Returns the unsubscribe function.
 */
export function onConnectionChange(listener: (appId?: string, tenantId?: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps a return's outcome for this page load and tells the subscribers. */
export function recordReturnOutcome(outcome: ReturnOutcome): void {
  outcomes.push(outcome);
  for (const listener of [...outcomeListeners]) {
    try {
      listener(outcome);
    } catch (error) {
      console.error('[outbound-elements]', error);
    }
  }
}

/**
 * Calls `listener` with every outcome of this page load's returns: at once for those that already
 * happened (a redirect return is read before the page's own scripts may be ready), then as they
 * come (a popup reporting back, a back/forward-cache restore). Nothing needs to listen in time.
 * Returns the unsubscribe function.
 *
 * @example onReturnOutcome((o) => { if (o.kind === 'success') showContacts(o.appId); });
 */
export function onReturnOutcome(listener: (outcome: ReturnOutcome) => void): () => void {
  outcomeListeners.add(listener);
  for (const outcome of [...outcomes]) {
    if (!outcomeListeners.has(listener)) break;
    try {
      listener(outcome);
    } catch (error) {
      console.error('[outbound-elements]', error);
    }
  }
  return () => outcomeListeners.delete(listener);
}

/** The outcomes of this page load's returns so far, oldest first. */
export function getReturnOutcomes(): readonly ReturnOutcome[] {
  return [...outcomes];
}

/**
 * Forgets every connection state and outcome: the page has left (a navigation replaced in a
 * test), or a page that signs the user out starts over.
 */
export function forgetConnections(): void {
  states.clear();
  before.clear();
  outcomes.length = 0;
  for (const listener of [...listeners]) listener();
}

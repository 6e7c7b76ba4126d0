/**
 * The redirect-return protocol.
 *
 * Before leaving, `connect()` saves a record under a random nonce and adds
 * `?outbound-return=<nonce>` to the redirect URL. When the browser comes back:
 * - the URL carries a nonce this tab saved → success (or `provider-error` when the return says the
 *   provider refused); the record is taken, so a replay finds nothing;
 * - the URL carries a nonce this tab did not save (forged, replayed, other tab) → ignored;
 * - this tab has a record but the URL has no nonce → the user came back without finishing
 *   (Back button, also from the back/forward cache) → cancel.
 * The URL is cleaned of what we added with `history.replaceState`, keeping the host's own
 * query, hash and history state.
 */
import { dispatchOutboundEvent } from '../events.js';
import { debugReturn } from './debug-log.js';
import { connectionIdOf, recordReturnOutcome, settleConnection } from './connection-state.js';
import { OutboundError } from './errors.js';
import { takeAllPending, takePending, takeStarter, type PendingConnection } from './pending-store.js';
import { PROVIDER_ERROR_PARAMS, relayPopupReturn } from './popup-channel.js';
import { RETURN_PARAM, joinQuery, splitQuery } from './redirect-return.eager.js';

export { RETURN_PARAM };

/** What an outcome needs of the connection: a pending record, or a popup flow's beginnings. */
export type OutcomeRecord = Pick<PendingConnection, 'appId' | 'scopes' | 'tenantId' | 'tenantLevel' | 'returnState'>;

export type RedirectOutcome<R extends OutcomeRecord = PendingConnection> =
  | { kind: 'success'; record: R }
  | { kind: 'error'; record: R; error: OutboundError }
  | { kind: 'cancel'; record: R };

/**
 * Reads the current URL and this tab's records, cleans the URL, and says what happened.
 * Synchronous and idempotent: a second call finds nothing more to report.
 */
export function readRedirectReturn(): RedirectOutcome[] {
  // In the popup of a popup-mode connection: relayed to the opener, nothing to report here.
  if (relayPopupReturn()) return [];
  const outcomes: RedirectOutcome[] = [];
  const location = window.location;
  const pairs = splitQuery(location.search);
  const marker = pairs.find((p) => p.key === RETURN_PARAM);

  if (marker) {
    const nonce = new URLSearchParams(marker.raw).get(RETURN_PARAM) ?? '';
    const record = takePending(nonce);
    const params = new URLSearchParams(location.search);
    // Only what the round trip added is removed: parameters the host's own redirect URL had stay.
    const hostKeys = record ? new Set(new URL(record.redirectUrl).searchParams.keys()) : new Set<string>();
    const kept = pairs.filter(
      (p) => p.key !== RETURN_PARAM && !(record && PROVIDER_ERROR_PARAMS.includes(p.key) && !hostKeys.has(p.key)),
    );
    const marked = location.href;
    const cleaned = `${location.pathname}${joinQuery(kept)}${location.hash || record?.hash || ''}`;
    cleanUrl(cleaned);
    keepClean(marked, cleaned);

    if (!record) {
      console.warn(
        '[outbound-elements] Ignored a return this tab did not start (another tab, reused, or forged).',
      );
    } else {
      const refusal = providerRefusal(record, params.get('error'), params.get('error_description'));
      outcomes.push(refusal ? { kind: 'error', record, error: refusal } : { kind: 'success', record });
    }
  }

  for (const record of takeAllPending()) outcomes.push({ kind: 'cancel', record });
  debugReturn(marker !== undefined, outcomes);
  return outcomes;
}

/**
 * A router that read the URL before it was cleaned (Next.js's App Router does, as its script
 * starts) puts it back as it hydrates: clean it again whenever the page's URL becomes the marked
 * one, as the Navigation API tells (where a browser has it).
 */
function keepClean(marked: string, cleaned: string): void {
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', () => {
    if (window.location.href === marked) cleanUrl(cleaned);
  });
}

function cleanUrl(url: string): void {
  try {
    history.replaceState(history.state, '', url);
  } catch {
    /* a sandboxed document may refuse; the return is still reported */
  }
}

/**
 * The provider's refusal carried by a return (the OAuth `error`, redirect or popup alike), unless
 * `error` is a parameter of the host's own redirect URL.
 */
export function providerRefusal(
  record: PendingConnection,
  error: string | null | undefined,
  description: string | null | undefined,
): OutboundError | undefined {
  if (error == null || new URL(record.redirectUrl).searchParams.has('error')) return undefined;
  return new OutboundError('provider-error', `The provider did not grant access: ${description || error || 'access denied'}.`);
}

export interface WatchOptions {
  /** Where to report a return for `appId` when the element that started it is gone. */
  resolveTarget?: (appId: string) => EventTarget | null | undefined;
}

/**
 * Reports redirect returns as DOM events: once for this page load, after `DOMContentLoaded` and
 * one more task, so a listener added by a later script or in a `DOMContentLoaded` handler still
 * hears it; and again whenever the page is restored from the back/forward cache.
 * Returns a function that stops watching.
 */
export function watchRedirectReturn(options: WatchOptions = {}): () => void {
  reportRedirectReturn(options);
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) reportRedirectReturn(options);
  };
  window.addEventListener('pageshow', onPageShow);
  return () => window.removeEventListener('pageshow', onPageShow);
}

/** Reads the return now (cleaning the URL at once) and reports it once the page is ready. */
export function reportRedirectReturn(options: WatchOptions = {}): void {
  const outcomes = readRedirectReturn();
  if (outcomes.length) afterPageReady(() => outcomes.forEach((outcome) => dispatchOutcome(outcome, options)));
}

/**
 * Runs `callback` one task after `DOMContentLoaded` has been dispatched. `readyState` is no
 * guide: it turns 'interactive' before deferred and module scripts run and before the event,
 * so the navigation timing entry says whether the event has started.
 */
function afterPageReady(callback: () => void): void {
  const timing = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (document.readyState === 'complete' || timing?.domContentLoadedEventStart) setTimeout(callback);
  else document.addEventListener('DOMContentLoaded', () => setTimeout(callback), { once: true });
}

function dispatchOutcome(outcome: RedirectOutcome, options: WatchOptions): void {
  const { record } = outcome;
  const starter = takeStarter(record.nonce);
  reportOutcome((starter && isAttached(starter) ? starter : undefined) ?? options.resolveTarget?.(record.appId) ?? document, outcome, 'redirect');
}

/**
 * How a connection came back: first the state (every element for the app shows it, and this page
 * load's outcomes keep it for late readers), then the host is told with the outcome's event on
 * `target` (a provider's refusal also goes to the console).
 */
export function reportOutcome(target: EventTarget, outcome: RedirectOutcome<OutcomeRecord>, via: 'redirect' | 'popup'): void {
  const { record } = outcome;
  const returnState = record.returnState;
  const [appId, tenantId] = connectionIdOf(record.appId, record.tenantId);
  const error = outcome.kind === 'error' ? { code: outcome.error.code, message: outcome.error.message } : undefined;
  settleConnection(appId, tenantId, error ? { kind: 'error', error } : { kind: outcome.kind === 'success' ? 'success' : 'cancel' });
  recordReturnOutcome(
    withoutUndefinedKeys({ kind: outcome.kind, appId: record.appId, scopes: record.scopes, tenantId: record.tenantId, tenantLevel: record.tenantLevel, returnState, error, via }),
  );
  if (outcome.kind === 'success') {
    dispatchOutboundEvent(target, 'outbound-connect-success', {
      appId: record.appId,
      scopes: record.scopes,
      tenantId: record.tenantId,
      tenantLevel: record.tenantLevel,
      returnState,
    });
  } else if (outcome.kind === 'error') {
    console.error(`[outbound-elements] ${record.appId}: ${outcome.error.message}`);
    dispatchOutboundEvent(target, 'outbound-connect-error', {
      appId: record.appId,
      code: outcome.error.code,
      message: outcome.error.message,
      returnState,
    });
  } else {
    dispatchOutboundEvent(target, 'outbound-connect-cancel', { appId: record.appId, returnState });
  }
}

function withoutUndefinedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function isAttached(target: EventTarget): boolean {
  return !(target instanceof Node) || target.isConnected;
}

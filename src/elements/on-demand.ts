/**
 * The half of the elements' code that loads on first use (`on-demand.eager.ts` loads it), in one
 * module so the drop-in fetches it as one file: connecting with an element's resolved
 * configuration, reporting a redirect return, the popup flow's controls, and the app catalog
 * client (names, logos and status for the buttons and `<outbound-app-list>`).
 */
import { noteConnected } from '../core/catalog.js';
import { onReturnOutcome } from '../core/connection-state.js';
import { printReportIfDebug } from '../core/debug-log.js';
import type { DiagnoseReport } from '../core/diagnose.js';
import type { OutboundErrorCode } from '../core/errors.js';
import type { FailureReasons } from './strings.js';

// A connection that succeeds anywhere on the page (redirect return, popup) counts as connected at
// once for every status the catalog shows, and other tabs are told. Loaded in a browser only.
if (typeof document !== 'undefined') {
  onReturnOutcome((outcome) => {
    if (outcome.kind === 'success') noteConnected(outcome.appId, outcome.tenantId);
  });
  printReportIfDebug();
}

export { connectFromElement, preloadSdk } from '../core/connect.js';
export { reportRedirectReturn } from '../core/redirect-return.js';
export { cancelPopupFlow, focusPopupFlow, popupFlowFor } from '../core/popup-flow.js';
export { onCatalogChange, readCatalogFor, refreshCatalog } from '../core/catalog.js';

/** `diagnose()` for an element: its code is a chunk of its own, loaded only when asked. */
export function diagnose(element: Element): Promise<DiagnoseReport> {
  return import('../core/diagnose.js').then((module) => module.diagnose(element));
}


// ---- The words for a failure: needed only once something failed, so they load with the rest ----

/**
 * What a person can do about each failure (English defaults). The developer's details go to the
 * console and the event; these are what the element shows.
 */
export const reasons: FailureReasons = {
  unauthenticated: 'Sign in, then try again.',
  forbidden: "You don't have access to this app.",
  'rate-limited': 'Too many attempts. Try again shortly.',
  network: 'Check your connection, then try again.',
  'provider-error': 'Access was not granted.',
  'popup-blocked': 'Allow pop-ups for this site, then try again.',
  default: 'Something went wrong. Try again later.',
};

/**
 * The reason for `code`. `overrides` (a locale's table, then the page's and the element's, least
 * specific first) replace English: the most specific reason for the code wins, else English's
 * reason for it, else the most specific `default`.
 */
export function reasonFor(code: OutboundErrorCode, overrides: (FailureReasons | undefined)[] = []): string {
  const merged: FailureReasons = Object.assign({}, reasons, ...overrides);
  return merged[code] ?? merged.default ?? '';
}

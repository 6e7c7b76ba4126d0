/**
 * Debug mode (`<outbound-connect debug>`, `configure({ debug: true })`): each step of a connection
 * logged as it happens, after `diagnose()`'s report (debug-report.ts, its own chunk, loaded on the
 * first step). Only the lazily loaded code imports this, so a page without debug mode pays
 * nothing before paint; with it off, each step costs one property read. Tokens are never logged:
 * only where one came from.
 */
import { resolveConfig, type OutboundConfig } from './config.js';
import type { RedirectOutcome } from './redirect-return.js';

export type DebugStep = 'start' | 'request' | 'answer' | 'navigate' | 'return';

/** Steps wait for the report, so the console reads in order: the report, then the steps. */
let reported: Promise<unknown> | undefined;

/** Logs a step of a connection when `config` has debug mode on (the report first, once per page). */
export function debugStep(config: OutboundConfig, step: DebugStep, detail: Record<string, unknown>): void {
  if (config.debug !== true) return;
  reported ??= printReportLazily(config);
  void reported.then(() => console.info(`[outbound-elements] debug: ${step}`, detail));
}

/** Loads the report's code and prints it once (a failed load prints the steps anyway). */
export function printReportLazily(own?: Partial<OutboundConfig>, element?: Element): Promise<unknown> {
  return import('./debug-report.js').then(
    (module) => module.printReportOnce(element, own),
    () => undefined,
  );
}

/** Where the token of a call comes from, in the order `resolveToken` and the SDK use them. */
export function tokenSource(config: OutboundConfig): string {
  if (config.getToken !== undefined) return 'getToken()';
  if (config.token) return 'token property';
  if (config.sdk) return "the host's sdk (its own session)";
  return `the persisted session (localStorage "${config.storagePrefix ?? ''}DSR", or the DSR cookie)`;
}

/** An element with the `debug` attribute, if the page has one. */
function debugElement(): Element | null {
  return document.querySelector(':is(outbound-connect, outbound-app-button, outbound-app-list)[debug]:not([debug="false"])');
}

/** Whether the page is in debug mode (a return has no element: `configure()`, or any element with `debug`). */
function pageInDebug(): boolean {
  return resolveConfig().debug === true || debugElement() !== null;
}

/**
 * In debug mode, prints the report as soon as the lazy code loads (a pointer or focus nearing a
 * button, a click, a return), for the element with `debug` when there is one.
 */
export function printReportIfDebug(): void {
  if (pageInDebug()) reported ??= printReportLazily(undefined, debugElement() ?? undefined);
}

/** Logs what a redirect return was judged to be, and why. */
export function debugReturn(marked: boolean, outcomes: readonly RedirectOutcome[]): void {
  if (!pageInDebug()) return;
  const debug = { debug: true };
  if (marked && !outcomes.some((outcome) => outcome.kind !== 'cancel')) {
    debugStep(debug, 'return', { recognised: false, why: 'the URL carries a return marker this tab did not save (another tab, a reused link, or forged)' });
  }
  for (const { kind, record } of outcomes) {
    const why = kind === 'cancel' ? 'this tab started the connection and came back without a return marker (Back button)' : 'the marker matches a connection this tab started';
    debugStep(debug, 'return', { recognised: true, appId: record.appId, outcome: kind, why });
  }
}

/**
 * The half of the redirect-return protocol that loads before paint: the URL markers and names it
 * writes, the cheap "might this load be a return?" check, and the watch that loads the handler
 * (redirect-return.ts) only when there may be something to report. The pending records are in
 * pending-store.ts.
 */
import type { WatchOptions } from './redirect-return.js';

/** Query parameter added to the redirect URL; its value is the connection's nonce. */
export const RETURN_PARAM = 'outbound-return';
/** `sessionStorage` key prefix of a pending connection's record. */
export const PENDING_PREFIX = 'outbound-elements:pending:';

/**
 * Whether this page load might be a return (or a Back) from a connection: our parameter is in
 * the URL or this tab has a pending record. Cheap, so the full handler loads only when needed.
 */
export function mayHaveReturn(): boolean {
  if (new URLSearchParams(window.location.search).has(RETURN_PARAM)) return true;
  try {
    const store = window.sessionStorage;
    for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(PENDING_PREFIX)) return true;
  } catch {
    /* storage blocked: nothing can be pending */
  }
  return false;
}

type ReturnReporter = { reportRedirectReturn: (options: WatchOptions) => void };

/**
 * Starts redirect-return reporting without loading the handler on every page view: the handler
 * module is imported only when `mayHaveReturn()` says there may be something to report, now or
 * when the page comes back from the back/forward cache.
 *
 * @param load imports a module exporting `reportRedirectReturn` (the elements pass the module
 *   they load for connecting anyway, so one file serves both).
 */
export function watchRedirectReturnLazily(load: () => Promise<ReturnReporter>, options: WatchOptions = {}): void {
  const report = () => {
    load().then(
      (module) => module.reportRedirectReturn(options),
      (error: unknown) => console.error('[outbound-elements] Could not load the return handler:', error),
    );
  };
  if (mayHaveReturn()) report();
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && mayHaveReturn()) report();
  });
}

// ---- The host's own query, kept as written --------------------------------------------------

/** The query as raw `name=value` pieces, so that what is kept is kept byte for byte. */
export function splitQuery(search: string): { key: string; raw: string }[] {
  return search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((raw) => ({ key: [...new URLSearchParams(raw).keys()][0] ?? '', raw }));
}

/** `?a=1&b=2` from the pieces, or `''` when none is left. */
export function joinQuery(pieces: { raw: string }[]): string {
  return pieces.length ? `?${pieces.map((p) => p.raw).join('&')}` : '';
}

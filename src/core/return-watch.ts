/**
 * Starts redirect-return reporting without loading the handler on every page view: the handler
 * module is imported only when `mayHaveReturn()` says there may be something to report, now or
 * when the page comes back from the back/forward cache.
 */
import { mayHaveReturn } from './return-markers.js';
import type { WatchOptions } from './redirect-return.js';

type ReturnReporter = { reportRedirectReturn: (options: WatchOptions) => void };

/**
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

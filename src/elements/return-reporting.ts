/**
 * Reports redirect returns to the elements: on the `<outbound-app-button>` with the same app ID,
 * else the first `<outbound-connect>`, else `document`. `outbound-elements/define` starts it;
 * a host that registers the classes itself (`outbound-elements/elements`) calls it once.
 */
import { watchRedirectReturnLazily } from '../core/return-watch.js';
import { returnTargetFor } from './live-elements.js';
import { loadOnDemand } from './on-demand-loader.js';

const WATCHING = Symbol.for('outbound-elements.watching-returns');

/** Starts reporting redirect returns to the elements. Safe to call more than once, from any copy. */
export function reportReturnsToElements(): void {
  const page = window as unknown as Record<symbol, boolean>;
  if (page[WATCHING]) return;
  page[WATCHING] = true;
  watchRedirectReturnLazily(loadOnDemand, { resolveTarget: returnTargetFor });
}

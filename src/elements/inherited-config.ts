/**
 * Configuration as an element sees it: its own settings, then those of each enclosing
 * `<outbound-connect>` (nearest first, across shadow roots). `connect()` adds `configure()`'s
 * page-wide settings as the last layer.
 */
import type { OutboundConfig } from '../core/config.js';
import { mergeConfig, pickConfig } from '../core/config-merge.js';
import { composedAncestors } from './composed-ancestors.js';

export const PROVIDER_TAG = 'outbound-connect';

export { composedAncestors };

export function resolveConfig(element: Element, own: Partial<OutboundConfig>): OutboundConfig {
  const layers: Partial<OutboundConfig>[] = [own];
  for (const ancestor of composedAncestors(element)) {
    // Matched by tag, not class: a second copy of the package defines no class of its own.
    if (ancestor.localName === PROVIDER_TAG) layers.push(pickConfig(ancestor as Partial<Record<keyof OutboundConfig, unknown>>));
  }
  return mergeConfig(...layers);
}

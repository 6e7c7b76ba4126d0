/**
 * Configuration as an element sees it: its own settings, then those of each enclosing
 * `<outbound-connect>` (nearest first, across shadow roots). `connect()` adds `configure()`'s
 * page-wide settings as the last layer.
 */
import type { OutboundConfig } from '../core/config.js';
import { mergeConfig, pickConfig } from '../core/config-merge.js';
import { enclosingProviders } from './composed-ancestors.js';

export function resolveConfig(element: Element, own: Partial<OutboundConfig>): OutboundConfig {
  const layers: Partial<OutboundConfig>[] = [own];
  for (const provider of enclosingProviders(element)) layers.push(pickConfig(provider as Partial<Record<keyof OutboundConfig, unknown>>));
  return mergeConfig(...layers);
}

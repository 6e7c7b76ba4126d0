/** How configuration layers combine. Loaded with the connect code. */
import { CONFIG_KEYS, type OutboundConfig } from './config.js';

/** Merges layers, most specific first: for each key the first value that is not `undefined` wins. */
export function mergeConfig(...layers: (Partial<OutboundConfig> | undefined)[]): OutboundConfig {
  const merged: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    for (const layer of layers) {
      const value = layer?.[key];
      if (value !== undefined && value !== null) {
        merged[key] = value;
        break;
      }
    }
  }
  return merged as OutboundConfig;
}

/** Reads the configuration keys an object (an element) has set. */
export function pickConfig(source: Partial<Record<keyof OutboundConfig, unknown>>): Partial<OutboundConfig> {
  const picked: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = source[key];
    if (value !== undefined && value !== null) picked[key] = value;
  }
  return picked as Partial<OutboundConfig>;
}

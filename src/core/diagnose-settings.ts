/**
 * Where each setting of a `diagnose()` report came from. The layers are `resolveConfig`'s own
 * (its walk, `enclosingProviders`, and its rule, `mergeConfig`: the first value that is neither
 * `undefined` nor `null` wins), read one at a time so the report can name the one that won.
 */
import { CONFIG_KEYS, enclosingProviders, getPageConfig, mergeConfig, type OutboundConfig } from './config.js';

export type DiagnosedSetting = (typeof CONFIG_KEYS)[number];

export interface SettingSource {
  /** The element's own `attribute` or `property`, an enclosing `<outbound-connect>`, or `configure()`. */
  from: 'attribute' | 'property' | '<outbound-connect>' | 'configure()';
  /** The value, for settings that are plain text, numbers or booleans; `'(set)'` for tokens, functions and objects. */
  value: string | boolean | number;
}

export type SettingSources = Partial<Record<DiagnosedSetting, SettingSource>>;

/** What a report may show of a value: never a token, a function's code or an SDK instance. */
const SECRET_OR_OPAQUE = new Set<DiagnosedSetting>(['token', 'getToken', 'sdk', 'returnState', 'locales', 'strings']);

const attributeOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function settingSources(element?: Element, own?: Partial<OutboundConfig>): SettingSources {
  const layers: [SettingSource['from'] | 'own', OutboundConfig][] = [['own', mergeConfig(own ?? ((element ?? {}) as Partial<OutboundConfig>))]];
  if (element) for (const provider of enclosingProviders(element)) layers.push(['<outbound-connect>', mergeConfig(provider as Partial<OutboundConfig>)]);
  layers.push(['configure()', mergeConfig(getPageConfig())]);
  const sources: SettingSources = {};
  for (const key of CONFIG_KEYS) {
    const winner = layers.find(([, layer]) => layer[key] !== undefined);
    if (!winner) continue;
    const [from, layer] = winner;
    const value = layer[key];
    sources[key] = {
      from: from !== 'own' ? from : element?.hasAttribute(attributeOf(key)) && !own ? 'attribute' : 'property',
      value: SECRET_OR_OPAQUE.has(key) || (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') ? '(set)' : value,
    };
  }
  return sources;
}

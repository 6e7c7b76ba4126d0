/**
 * Which words an element speaks. Layers, most specific first: the element's own `strings`,
 * `configure({ strings })`, the table of its locale, English. The locale is `configure({ locale })`
 * when set, else the nearest `lang` attribute (across shadow roots); a table registered for
 * `fr` also serves `fr-CA`. Tables are registered with `configure({ locales: { fr } })`, so no
 * language but English is in the download unless the page imports it.
 */
import { getPageConfig } from '../core/config.js';
import { strings as english, type FailureReasons, type OutboundStrings, type StringOverrides } from './strings.js';

/** The nearest `lang` in the composed tree, starting at `node` itself. */
export function langOf(node: Node): string {
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    const lang = n instanceof Element && n.getAttribute('lang');
    if (lang) return lang;
  }
  return '';
}

function tableFor(tag: string, locales: Record<string, StringOverrides | undefined>): StringOverrides | undefined {
  const wanted = tag.toLowerCase();
  const entries = Object.entries(locales);
  const find = (name: string) => entries.find(([key]) => key.toLowerCase() === name)?.[1];
  return find(wanted) ?? find(wanted.split('-')[0]!);
}

type Words = (...args: string[]) => string;

/**
 * `'Link {app}'` → `(app) => 'Link ' + app`. A host's function that throws or returns no string
 * falls back to English (with a console.error), so a bad translation never breaks the button.
 */
function asFunction(value: unknown, key: keyof OutboundStrings): Words | undefined {
  if (typeof value === 'string') return (app = '', reason = '') => value.replace(/\{app\}/g, app).replace(/\{reason\}/g, reason);
  if (typeof value !== 'function') {
    if (value != null) console.error(`[outbound-elements] strings.${key} must be a function or a string; using the default.`);
    return undefined;
  }
  return (...args) => {
    try {
      const text = (value as Words)(...args);
      if (typeof text === 'string') return text;
    } catch {
      // reported below
    }
    console.error(`[outbound-elements] strings.${key}() did not return a string; using the default.`);
    return (english[key] as Words)(...args);
  };
}

export interface ResolvedStrings extends OutboundStrings {
  /** The reason layers above English, least specific first (for `reasonFor`). */
  reasons: (FailureReasons | undefined)[];
}

let saidBadLocale = false;

/** The strings `element` shows, with `own` (its `strings` property) as the most specific layer. */
export function stringsFor(element: Element, own?: StringOverrides): ResolvedStrings {
  const page = getPageConfig();
  let locale: unknown = page.locale;
  if (locale != null && typeof locale !== 'string') {
    // e.g. navigator.languages (an array): ignored, rather than breaking every element's render.
    if (!saidBadLocale) console.error('[outbound-elements] configure({ locale }) takes a language tag such as "fr"; ignored.');
    saidBadLocale = true;
    locale = undefined;
  }
  // No table registered (an English page): no need to walk up the tree for a `lang` on every render.
  const table = page.locales && tableFor((locale as string | undefined) || langOf(element), page.locales);
  const layers = [own, page.strings, table];
  const resolved = { reasons: layers.map((layer) => layer?.reasons).reverse() } as ResolvedStrings;
  for (const key of Object.keys(english) as (keyof OutboundStrings)[]) {
    let chosen: unknown = english[key];
    for (const layer of layers) {
      const candidate = asFunction(layer?.[key], key);
      if (candidate) {
        chosen = candidate;
        break;
      }
    }
    (resolved as unknown as Record<string, unknown>)[key] = chosen;
  }
  return resolved;
}

/**
 * Every user-visible string of the elements, in one place: the English defaults. A page replaces
 * any of them (configure({ strings }), the button's `strings` property, or a locale table such
 * as `outbound-elements/locales/fr`); the second half of this file picks and merges them.
 */
import { getPageConfig, pageConfigVersion } from '../core/config.js';
import type { OutboundErrorCode } from '../core/errors.js';

export const english = {
  connect: (app: string) => `Connect ${app}`,
  reconnect: (app: string) => `Reconnect ${app}`,
  connecting: (app: string) => `Connecting to ${app}…`,
  connected: (app: string) => `${app} connected`,
  canceled: (app: string) => `Connecting ${app} was canceled`,
  failed: (app: string, reason: string) => `Couldn't connect ${app}. ${reason}`,
  /** The name when there is neither `app-name` nor `app-id`. */
  unnamedApp: () => 'app',
  // <outbound-app-list>
  disconnect: (app: string) => `Disconnect ${app}`,
  listConnect: () => 'Connect',
  listReconnect: () => 'Reconnect',
  listDisconnect: () => 'Disconnect',
  listConnected: () => 'Connected',
  listNotConnected: () => 'Not connected',
  listConnecting: () => 'Connecting…',
  listLoading: () => 'Loading apps…',
  listEmpty: () => 'No apps to show.',
  listSignedOut: () => 'Sign in to see your apps.',
  listFailed: () => "Couldn't load the apps.",
  listRetry: () => 'Retry',
  inPopup: (app: string) => `Finish connecting ${app} in the popup window. Press the button to show it again, or Cancel.`,
  cancelConnecting: (app: string) => `Cancel connecting ${app}`,
};

/** The words of every state, as the elements use them: functions of the app name (and reason). */
export type OutboundStrings = typeof english;

/** Per failure code (or `default`): what the person can do about it. */
export type FailureReasons = Partial<Record<OutboundErrorCode | 'default', string>>;

/**
 * Replacements for some of the strings. Each is a function, or a template string in which `{app}`
 * stands for the app name and `{reason}` for the failure reason: `{ connect: 'Link {app}' }`.
 */
export type StringOverrides = {
  [K in keyof OutboundStrings]?: OutboundStrings[K] | string;
} & { reasons?: FailureReasons };

/** `google-contacts` → `Google Contacts`: a readable name until the app's own name is known. */
export function humanizeAppId(appId: unknown): string {
  if (typeof appId !== 'string') return '';
  return appId
    .split(/[-_\s.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** The stand-in logo when there is none (or it fails to load): the app name's first letter. */
export function monogramLetter(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}

// ---- Which words an element speaks ------------------------------------------------------------
/*
 * Which words an element speaks. Layers, most specific first: the element's own `strings`,
 * `configure({ strings })`, the table of its locale, English. The locale is `configure({ locale })`
 * when set, else the nearest `lang` attribute (across shadow roots); a table registered for
 * `fr` also serves `fr-CA`. Tables are registered with `configure({ locales: { fr } })`, so no
 * language but English is in the download unless the page /** The nearest `lang` in the composed tree, starting at `node` itself. */
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
  const layers = [own, page.strings, table].map((layer) => (layer !== null && typeof layer === 'object' ? layer : undefined));
  // The words depend only on which three tables apply, and a page's buttons mostly share them:
  // the last answer is kept (a page of 1,000 buttons resolves them once).
  if (last && last.version === pageConfigVersion() && layers.every((layer, i) => layer === last!.layers[i])) return last.resolved;
  last = { version: pageConfigVersion(), layers, resolved: resolveStrings(layers) };
  return last.resolved;
}

/** One entry of a host's table; a table that throws (a Proxy, a getter) counts as not having it. */
function readTable(layer: StringOverrides | undefined, key: string): unknown {
  try {
    return (layer as Record<string, unknown> | undefined)?.[key];
  } catch {
    console.error(`[outbound-elements] strings.${key} threw when read; using the default.`);
    return undefined;
  }
}

let last: { version: number; layers: (StringOverrides | undefined)[]; resolved: ResolvedStrings } | undefined;

function resolveStrings(layers: (StringOverrides | undefined)[]): ResolvedStrings {
  const resolved = { reasons: layers.map((layer) => readTable(layer, 'reasons') as FailureReasons | undefined).reverse() } as ResolvedStrings;
  for (const key of Object.keys(english) as (keyof OutboundStrings)[]) {
    let chosen: unknown = english[key];
    for (const layer of layers) {
      const candidate = asFunction(readTable(layer, key), key);
      if (candidate) {
        chosen = candidate;
        break;
      }
    }
    (resolved as unknown as Record<string, unknown>)[key] = chosen;
  }
  return resolved;
}

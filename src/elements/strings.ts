/**
 * Every user-visible string of the elements, in one place: the English defaults. A page replaces
 * any of them (configure({ strings }), the button's `strings` property, or a locale table such
 * as `outbound-elements/locales/fr`); `i18n.ts` picks and merges them.
 */
import type { OutboundErrorCode } from '../core/errors.js';

export const strings = {
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
  cancel: () => 'Cancel',
  cancelConnecting: (app: string) => `Cancel connecting ${app}`,
};

/** The words of every state, as the elements use them: functions of the app name (and reason). */
export type OutboundStrings = typeof strings;

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

/**
 * What a person can do about each failure (English defaults). The developer's details go to the
 * console and the event; these are what the element shows.
 */
export const reasons: FailureReasons = {
  unauthenticated: 'Sign in, then try again.',
  forbidden: "You don't have access to this app.",
  'rate-limited': 'Too many attempts. Try again shortly.',
  network: 'Check your connection, then try again.',
  'provider-error': 'Access was not granted.',
  'popup-blocked': 'Allow pop-ups for this site, then try again.',
  default: 'Something went wrong. Try again later.',
};

/**
 * The reason for `code`. `overrides` (a locale's table, then the page's and the element's, least
 * specific first) replace English: the most specific reason for the code wins, else English's
 * reason for it, else the most specific `default`.
 */
export function reasonFor(code: OutboundErrorCode, overrides: (FailureReasons | undefined)[] = []): string {
  const merged: FailureReasons = Object.assign({}, reasons, ...overrides);
  return merged[code] ?? merged.default ?? '';
}

/** The stand-in logo when there is none (or it fails to load): the app name's first letter. */
export function monogramLetter(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}

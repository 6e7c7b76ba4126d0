/**
 * Every user-visible string of the elements, in one place: the English defaults. A page replaces
 * any of them (configure({ strings }), the button's `strings` property, or a locale table such
 * as `outbound-elements/locales/fr`); `i18n.ts` picks and merges them. What a person can do about
 * each failure is in `error-reasons.ts`, loaded when a failure happens.
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
export function humanizeAppId(appId: string): string {
  return appId
    .split(/[-_\s.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

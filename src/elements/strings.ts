/**
 * Every user-visible string of the elements, in one place (English defaults). What to do about
 * each failure is in `error-reasons.ts`, loaded when a failure happens.
 */

export const strings = {
  connect: (app: string) => `Connect ${app}`,
  reconnect: (app: string) => `Reconnect ${app}`,
  connecting: (app: string) => `Connecting to ${app}…`,
  connected: (app: string) => `${app} connected`,
  canceled: (app: string) => `Connecting ${app} was canceled`,
  failed: (app: string, reason: string) => `Couldn't connect ${app}. ${reason}`,
  // <outbound-app-list>
  disconnect: (app: string) => `Disconnect ${app}`,
  listConnect: 'Connect',
  listReconnect: 'Reconnect',
  listDisconnect: 'Disconnect',
  listConnected: 'Connected',
  listNotConnected: 'Not connected',
  listConnecting: 'Connecting…',
  listLoading: 'Loading apps…',
  listEmpty: 'No apps to show.',
  listSignedOut: 'Sign in to see your apps.',
  listFailed: "Couldn't load the apps.",
  listRetry: 'Retry',
};


/** `google-contacts` → `Google Contacts`: a readable name until the app's own name is known. */
export function humanizeAppId(appId: string): string {
  return appId
    .split(/[-_\s.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

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
  inPopup: (app: string) => `Finish connecting ${app} in the popup window. Press the button to show it again, or Cancel.`,
  cancel: 'Cancel',
  cancelConnecting: (app: string) => `Cancel connecting ${app}`,
};


/** `google-contacts` → `Google Contacts`: a readable name until the app's own name is known. */
export function humanizeAppId(appId: string): string {
  return appId
    .split(/[-_\s.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

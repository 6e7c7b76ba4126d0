/**
 * Opening the popup of a popup-mode connection. This part runs synchronously inside the click
 * (the user gesture), before any code is fetched or awaited, or popup blockers refuse it; so it is
 * kept tiny and ships in the drop-in's entry. Everything else about popups loads on demand.
 */


/** One window name per app: a second click for the same app finds (and focuses) its popup. */
export function popupName(appId: string): string {
  return `outbound-elements:${appId}`;
}

/**
 * Opens (or finds, by name) the app's popup window, centred on this window and still blank
 * (same-origin `about:blank`): the consent URL is not known yet. `null` when the browser blocked it.
 */
export function openBlankPopup(appId: string): Window | null {
  const width = 500;
  const height = 640;
  const left = Math.round(window.screenX + (window.outerWidth - width) / 2);
  const top = Math.round(window.screenY + (window.outerHeight - height) / 2);
  try {
    return window.open('', popupName(appId), `popup,width=${width},height=${height},left=${left},top=${top}`);
  } catch {
    return null; // sandboxed frames without allow-popups throw in some browsers
  }
}

/**
 * The synchronous first step of a popup-mode click: the connect code loads on demand, and a popup
 * opened after that `await` would be blocked, so the element opens the blank popup here, in the
 * click, and hands it over. Deliberately tiny: it ships in the drop-in's entry.
 */
import { getPageConfig } from '../core/config.js';
import { openBlankPopup, wantsPopup } from '../core/popup-window.js';
import { enclosingProviders } from './composed-ancestors.js';

/**
 * Opens the app's popup when `element`'s mode (`override`, else its own, else the nearest
 * `<outbound-connect>`'s, else `configure()`'s) asks for one: the window, `null` when blocked, or
 * `undefined` when the mode is a redirect.
 */
export function openPopupInGesture(element: Element, appId: string, override?: unknown): Window | null | undefined {
  let mode = override ?? (element as { mode?: unknown }).mode;
  for (const provider of enclosingProviders(element)) {
    if (mode != null) break;
    mode = (provider as { mode?: unknown }).mode;
  }
  mode ??= getPageConfig().mode;
  return wantsPopup(mode) && appId ? openBlankPopup(appId) : undefined;
}

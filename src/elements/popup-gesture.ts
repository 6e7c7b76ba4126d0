/**
 * The synchronous first step of a popup-mode click: the connect code loads on demand, and a popup
 * opened after that `await` would be blocked, so the element opens the blank popup here, in the
 * click, and hands it over. Deliberately tiny: it ships in the drop-in's entry.
 */
import { getPageConfig } from '../core/config.js';
import { openBlankPopup, wantsPopup } from '../core/popup-window.js';

/**
 * Opens the app's popup when `element`'s mode (`override`, else its own, else the nearest
 * `<outbound-connect>`'s, else `configure()`'s) asks for one: the window, `null` when blocked, or
 * `undefined` when the mode is a redirect.
 */
export function openPopupInGesture(element: Element, appId: string, override?: unknown): Window | null | undefined {
  let mode = override ?? (element as { mode?: unknown }).mode;
  for (let node: Node | null = element.parentNode; mode == null && node; node = node.parentNode) {
    if (node instanceof ShadowRoot) node = node.host;
    // The tag, not inherited-config.ts's constant: importing that module would pull it into the entry.
    if ((node as Element).localName === 'outbound-connect') mode = (node as { mode?: unknown }).mode;
  }
  mode ??= getPageConfig().mode;
  return wantsPopup(mode) && appId ? openBlankPopup(appId) : undefined;
}

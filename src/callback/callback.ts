/**
 * The callback page's script (`dist/cdn/callback.js`, loaded by `dist/cdn/callback.html`): the
 * page a popup-mode connection may return to instead of the host page. Serve both files from the
 * host page's own origin and point `redirect-url` at the HTML file. It relays the outcome to the
 * page that opened the popup and closes the window; if the browser keeps the window open, it says
 * so. No Lit, no SDK: a few hundred bytes.
 */
import { relayPopupReturn } from '../core/popup-channel.js';

const message = document.getElementById('outbound-callback-message');
const say = (text: string) => {
  if (message) message.textContent = text;
};

if (relayPopupReturn()) {
  // Still here a moment later: the browser did not let the page close itself.
  setTimeout(() => say('Done. You can close this window.'), 500);
} else {
  say('This page finishes a connection started in a popup window. There is nothing to do here.');
}

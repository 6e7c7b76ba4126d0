// Step 8 of the demo: the backend half. After Google Contacts connects, ask the demo backend
// (same origin, so the page's CSP `connect-src 'self'` allows it) for the contacts; the backend
// fetches the provider token from Descope with @descope/node-sdk and calls the provider's API.
// The page sends its session and gets contacts back, never the token.
import demoConfig from '/demo-config.js';
import { hostSdk as sdk } from '/host-sdk.js';

const APP_ID = 'google-contacts';
const section = document.getElementById('contacts');
const list = document.getElementById('contacts-list');
const status = document.getElementById('contacts-status');
const button = document.getElementById('load-contacts');

// Listen first: a redirect return reports its success shortly after the page loads. The
// contacts are the payoff: once they are in, the page scrolls them into view.
document.addEventListener('outbound-connect-success', (event) => {
  if (event.detail?.appId !== APP_ID) return;
  showWhenIn = true;
  void loadContacts();
});
button.addEventListener('click', () => void loadContacts());

// The panel follows the Google Contacts button (check-status: what Descope knows): contacts when
// it is connected, none after a Disconnect, and no request (no 404) while it is not connected.
let showWhenIn = false;
const appButton = document.querySelector(`#apps outbound-app-button[app-id="${APP_ID}"]`);
let shown = false;
function followStatus() {
  const connected = appButton?.getAttribute('status') === 'connected';
  if (connected && !shown) void loadContacts({ quiet: true });
  if (!connected && shown) {
    list.replaceChildren();
    say('Connect Google Contacts (step 1) and your contacts appear here.');
  }
  shown = connected;
}
if (appButton) new MutationObserver(followStatus).observe(appButton, { attributes: true, attributeFilter: ['status'] });

function say(text, kind = '') {
  status.textContent = text;
  status.dataset.kind = kind;
}

/** A fresh session JWT (the stored one may have expired), or null when signed out. */
async function sessionJwt() {
  if (!sdk?.getRefreshToken?.()) return null; // signed out: no request (and no 401 in the console)
  const res = await sdk.refresh();
  return res.ok ? (res.data?.sessionJwt ?? null) : null;
}

/** @type {Promise<void> | undefined} */
let loading;

/** One request at a time (a return's success and the button's status both ask). */
function loadContacts(options) {
  loading ??= readContacts(options).finally(() => (loading = undefined));
  return loading;
}

/** @param {{ quiet?: boolean }} [options] quiet (on page load): "not yet" is a hint, not an error */
async function readContacts({ quiet = false } = {}) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  say('Asking the backend…');
  try {
    const jwt = await sessionJwt();
    if (!jwt) {
      list.replaceChildren();
      say('Sign in first (step 1): the backend needs your session.', quiet ? '' : 'error');
      return;
    }
    const res = await fetch('/api/contacts', { headers: { Authorization: `Bearer ${jwt}` }, cache: 'no-store' });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      list.replaceChildren();
      const notYet = quiet && res.status === 404;
      say(notYet ? 'Connect Google Contacts (step 2) and your contacts appear here.' : (body.message ?? `The backend answered HTTP ${res.status}.`), notYet ? '' : 'error');
      return;
    }
    list.replaceChildren(...body.contacts.map(renderContact));
    const expires = new Date(body.accessTokenExpiry * 1000).toLocaleTimeString();
    say(`${body.total} contacts, read by the backend with your ${APP_ID} token (it expires at ${expires}).`, 'ok');
    shown = true;
    // After a return: the payoff in view.
    if (showWhenIn) section.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
    showWhenIn = false;
  } catch (error) {
    say(`Could not reach the backend: ${error.message}`, 'error');
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Remote strings go in as text, never as markup. */
function renderContact({ name, email }) {
  const li = document.createElement('li');
  const strong = Object.assign(document.createElement('span'), { className: 'contact-name', textContent: name });
  const small = Object.assign(document.createElement('span'), { className: 'contact-email', textContent: email });
  li.append(strong, small);
  return li;
}

// The backend runs only next to the emulator (npm start), which says so in /demo-config.js.
if (demoConfig.backend) {
  section.hidden = false;
  say('Connect Google Contacts (step 1) and your contacts appear here.');
}

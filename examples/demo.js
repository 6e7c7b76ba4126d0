// The demo host page. It does what a real host page does: its own Descope SDK for the session,
// `configure()` once for the elements, listeners for their events. Everything below the
// "emulator only" comments is there to show what happens at Descope, not something a host needs.
import demoConfig from '/demo-config.js';
import { configure } from '/dist/cdn/outbound-elements.js';
import { hostSdk as sdk } from '/host-sdk.js';

const { projectId, baseUrl } = demoConfig;
const api = String(baseUrl).replace(/\/+$/, '');
const EVENTS = ['outbound-connect-start', 'outbound-connect-success', 'outbound-connect-error', 'outbound-connect-cancel'];
const DEMO_LOGIN = { loginId: 'demo@example.com', password: 'demo-password' };
const APP_NAMES = {
  'google-contacts': 'Google Contacts',
  slack: 'Slack',
  hubspot: 'HubSpot',
  github: 'GitHub',
  notion: 'Notion',
};
const LOG_KEY = 'outbound-demo:log';
const LOG_LIMIT = 40;

const $ = (id) => document.getElementById(id);

// ── Listen first: the result of a redirect return is dispatched shortly after the page loads ──
for (const name of EVENTS) document.addEventListener(name, onOutboundEvent);

// ── The elements: one page-wide configuration ──────────────────────────────────────────────────
configure({ projectId, baseUrl });

/** What the page knows. */
const state = {
  /** null while unknown, then true (the local emulator) or false (a real Descope API). */
  emulator: null,
  /** The signed-in user (`sdk.me()`), or null. */
  user: null,
  /** The user of the last passed-in token (emulator mode), for the connections list. */
  tokenUserId: null,
};

// ── Header facts ───────────────────────────────────────────────────────────────────────────────
$('fact-project').textContent = projectId;
$('fact-base-url').textContent = baseUrl;

// ── Logos: emulator URLs (skipped against real Descope, where the apps are yours) ───────────────
const logoUrl = (appId) => `${api}/emulator/logos/${encodeURIComponent(appId)}.svg`;
const looksLocal = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(api).hostname);

function applyLogos(show) {
  for (const button of document.querySelectorAll('outbound-app-button[data-logo]')) {
    if (show) button.setAttribute('logo', logoUrl(button.dataset.logo));
    else button.removeAttribute('logo');
  }
  for (const box of document.querySelectorAll('.integration-logo[data-logo]')) {
    box.replaceChildren(show ? logoImage(box.dataset.logo) : monogram(APP_NAMES[box.dataset.logo] ?? box.dataset.logo));
  }
}

function logoImage(appId) {
  const img = document.createElement('img');
  img.src = logoUrl(appId);
  img.alt = '';
  img.width = 32;
  img.height = 32;
  img.decoding = 'async';
  return img;
}

function monogram(name) {
  const span = document.createElement('span');
  span.className = 'monogram';
  span.textContent = (name.trim()[0] ?? '?').toUpperCase();
  return span;
}

// On localhost the emulator is by far the likeliest: show its logos at once, no flash of monograms.
applyLogos(looksLocal);

// ── returnState: set on every connect source, refreshed at click time ────────────────────────
const pagePath = () => `${location.pathname}${location.search}${location.hash}`;

function stampReturnState(element, from) {
  const stamp = () => {
    element.returnState = { from, at: Date.now(), page: pagePath() };
  };
  stamp();
  // Capture phase: runs before the element handles the click and reads its configuration.
  element.addEventListener('click', stamp, { capture: true });
  element.addEventListener('keydown', stamp, { capture: true });
}

for (const button of document.querySelectorAll('#apps outbound-app-button')) stampReturnState(button, 'drop-in');
stampReturnState($('token-button'), 'passed-in-token');
stampReturnState($('headless-connect'), 'headless');

// ── 1. Session ─────────────────────────────────────────────────────────────────────────────────
const form = $('sign-in-form');
const signInButton = $('sign-in-button');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!sdk) return;
  const loginId = $('login-id').value.trim();
  const password = $('password').value;
  if (!loginId || !password) {
    showSignInError('Enter a login ID and a password.');
    return;
  }
  showSignInError('');
  signInButton.disabled = true;
  signInButton.setAttribute('aria-busy', 'true');
  try {
    const res = await sdk.password.signIn(loginId, password);
    if (!res.ok) {
      showSignInError(res.error?.errorDescription || res.error?.errorMessage || `Sign-in failed (${res.code ?? 'network'}).`);
      return;
    }
    await loadUser();
    document.dispatchEvent(new Event('demo-session-change')); // examples/app-list.js refreshes its list
    if (state.user) (quickStart ? document.querySelector('#apps outbound-app-button') : $('sign-out-button')).focus();
  } catch (error) {
    showSignInError(`Sign-in failed: ${error?.message ?? error}`);
  } finally {
    quickStart = false;
    signInButton.disabled = false;
    signInButton.removeAttribute('aria-busy');
  }
});

// One click to try: sign in as the emulator's demo user, then put focus on the first app.
$('quick-start').addEventListener('click', () => {
  $('login-id').value = DEMO_LOGIN.loginId;
  $('password').value = DEMO_LOGIN.password;
  quickStart = true;
  form.requestSubmit();
});
let quickStart = false;

$('sign-out-button').addEventListener('click', async () => {
  if (!sdk) return;
  const button = $('sign-out-button');
  button.disabled = true;
  try {
    await sdk.logout();
  } catch (error) {
    console.warn('demo: logout failed', error);
  } finally {
    button.disabled = false;
  }
  state.user = null;
  renderSession();
  document.dispatchEvent(new Event('demo-session-change'));
  void refreshConnections();
  $('login-id').focus();
});

function showSignInError(message) {
  const box = $('sign-in-error');
  box.textContent = message;
  box.hidden = !message;
}

/** Reads the user of the persisted session with `sdk.me()`; no session → signed out. */
async function loadUser() {
  state.user = null;
  if (sdk && sdk.getRefreshToken?.()) {
    try {
      const res = await sdk.me();
      if (res.ok) state.user = res.data;
    } catch (error) {
      console.warn('demo: me() failed', error);
    }
  }
  renderSession();
  void refreshConnections();
}

function renderSession() {
  const status = $('session-status');
  const text = $('session-status-text');
  const user = state.user;
  if (!sdk) {
    status.dataset.state = 'error';
    text.textContent = 'The Descope SDK did not load.';
  } else if (user) {
    status.dataset.state = 'in';
    text.textContent = 'Signed in';
  } else {
    status.dataset.state = 'out';
    text.textContent = 'Signed out';
  }
  document.documentElement.dataset.session = user ? 'in' : 'out';
  form.hidden = Boolean(user) || !sdk;
  $('signed-in-panel').hidden = !user;
  if (user) {
    const name = user.name || user.email || user.loginIds?.[0] || 'Signed-in user';
    $('user-name').textContent = name;
    $('user-email').textContent = user.email || user.loginIds?.[0] || '';
    $('user-avatar').textContent = initials(name);
  }
}

function initials(name) {
  const parts = name.replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}

// ── 2. Passed-in token ────────────────────────────────────────────────────────────────────────
const tokenButton = $('token-button');

tokenButton.getToken = async () => {
  if (state.emulator === false) {
    const pasted = $('token-input').value.trim();
    if (!pasted) throw new Error('paste a refresh token in the field first');
    return pasted;
  }
  // Emulator only: a test hook mints a session, standing in for the host's own backend.
  const res = await fetch(`${api}/emulator/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ loginId: DEMO_LOGIN.loginId }),
  });
  if (!res.ok) throw new Error(`the emulator answered ${res.status}`);
  const body = await res.json();
  // Who the token is for (never the token): kept for the connections list after the round trip.
  rememberTokenUser({ userId: body.user?.userId, email: body.user?.email, at: Date.now() });
  return body.refreshJwt;
};

const TOKEN_USER_KEY = 'outbound-demo:token-user';

function rememberTokenUser(user) {
  try {
    sessionStorage.setItem(TOKEN_USER_KEY, JSON.stringify(user));
  } catch {
    /* storage blocked */
  }
  showTokenUser(user);
}

function showTokenUser(user) {
  if (!user?.userId) return;
  state.tokenUserId = user.userId;
  $('token-status').textContent =
    `Last getToken(): a session for ${user.email || user.userId}, minted at ${clock(user.at)}. The token itself is never shown.`;
}

try {
  showTokenUser(JSON.parse(sessionStorage.getItem(TOKEN_USER_KEY) ?? 'null'));
} catch {
  /* nothing remembered */
}

// ── 3. Event log ──────────────────────────────────────────────────────────────────────────────
const logList = $('log-list');
let log = readLog();

function readLog() {
  try {
    const entries = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]');
    return Array.isArray(entries) ? entries : [];
  } catch {
    return [];
  }
}

function writeLog() {
  try {
    sessionStorage.setItem(LOG_KEY, JSON.stringify(log.slice(-LOG_LIMIT)));
  } catch {
    /* storage blocked: the log still works for this page view */
  }
}

function addLogEntry(entry) {
  log.push(entry);
  log = log.slice(-LOG_LIMIT);
  writeLog();
  logList.prepend(renderLogEntry(entry));
  while (logList.children.length > LOG_LIMIT) logList.lastElementChild.remove();
  showLogEmpty(false);
}

function showLogEmpty(empty) {
  $('log-empty').hidden = !empty;
  $('log-scroll').hidden = empty;
}

function renderLog() {
  logList.replaceChildren(...log.map(renderLogEntry).reverse());
  showLogEmpty(log.length === 0);
}

function renderLogEntry(entry) {
  const li = document.createElement('li');
  li.className = 'log-entry';
  li.dataset.kind = entry.kind;
  const head = document.createElement('div');
  head.className = 'log-head';
  const time = document.createElement('time');
  time.dateTime = new Date(entry.t).toISOString();
  time.textContent = clock(entry.t);
  const name = document.createElement('span');
  name.className = 'log-name';
  name.textContent = entry.label ?? entry.name;
  head.append(time, name);
  if (entry.target) {
    const target = document.createElement('code');
    target.className = 'log-target';
    target.textContent = entry.target;
    head.append(target);
  }
  li.append(head);
  if (entry.text !== undefined) {
    const p = document.createElement('p');
    p.className = 'log-note';
    p.textContent = entry.text;
    li.append(p);
  } else {
    const pre = document.createElement('pre');
    pre.className = 'log-detail';
    pre.textContent = JSON.stringify(entry.detail, null, 2);
    li.append(pre);
  }
  return li;
}

function onOutboundEvent(event) {
  addLogEntry({
    kind: event.type.replace('outbound-connect-', ''),
    name: event.type,
    t: Date.now(),
    target: describeTarget(event.target),
    detail: redact(event.detail),
  });
  // The list is not a live region (its JSON would be read out); this one-line summary is.
  const appId = event.detail?.appId ? ` for ${event.detail.appId}` : '';
  const code = event.detail?.code ? ` (${event.detail.code})` : '';
  $('log-status').textContent = `${event.type}${appId}${code}`;
  updateUrlReadout();
  const returnState = event.detail?.returnState;
  // A result that followed a trip to the provider (not an error before leaving).
  const cameBack = event.type !== 'outbound-connect-start' && (event.type !== 'outbound-connect-error' || event.detail.code === 'provider-error');
  if (cameBack && returnState && typeof returnState.page === 'string') {
    showRoundTrip(event.type, returnState.page);
  }
  if (event.type === 'outbound-connect-success') void refreshConnections();
}

function describeTarget(target) {
  if (!(target instanceof Element)) return 'document';
  const tag = target.localName;
  const appId = target.getAttribute('app-id');
  if (appId) return `<${tag} app-id="${appId}">`;
  return target.id ? `<${tag} id="${target.id}">` : `<${tag}>`;
}

/** A copy of an event detail that can never show a token, whatever a future version puts in it. */
function redact(value, depth = 0) {
  if (depth > 6) return '…';
  if (typeof value === 'string') return /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(value) ? '[hidden]' : value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const copy = {};
    for (const [key, v] of Object.entries(value)) {
      copy[key] = /token|jwt|secret|password/i.test(key) ? '[hidden]' : redact(v, depth + 1);
    }
    return copy;
  }
  return value;
}

function clock(t) {
  return new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

$('clear-log').addEventListener('click', () => {
  log = [];
  writeLog();
  renderLog();
});

// A page load between entries is the trip to the provider and back: mark it.
if (log.length && log.at(-1).kind !== 'load') {
  log.push({ kind: 'load', label: 'page load', t: Date.now(), text: 'A new page view of this tab: back from the provider, or reloaded.' });
  writeLog();
}
renderLog();

// ── 4. Redirect return readout ────────────────────────────────────────────────────────────────
function updateUrlReadout() {
  $('url-now').textContent = pagePath();
}

function showRoundTrip(type, leftFrom) {
  const now = pagePath();
  const box = $('url-trip');
  const outcome = type.replace('outbound-connect-', '');
  const same = now === leftFrom;
  box.replaceChildren(
    `${outcome}: left from `, code(leftFrom), ', back at ', code(now), ' ',
    Object.assign(document.createElement('span'), {
      className: same ? 'ok' : 'warn',
      textContent: same ? '✓ same address' : '(different address)',
    }),
  );
}

function code(text) {
  return Object.assign(document.createElement('code'), { textContent: text });
}

updateUrlReadout();
window.addEventListener('hashchange', updateUrlReadout);
window.addEventListener('popstate', updateUrlReadout);
window.addEventListener('load', updateUrlReadout);

// ── 5. Connections at the emulator (emulator only) ────────────────────────────────────────────
const connectionsList = $('connections-list');

function connectionsUserId() {
  return state.user?.userId ?? state.tokenUserId ?? null;
}

async function refreshConnections() {
  if (state.emulator !== true) return;
  const userId = connectionsUserId();
  const empty = $('connections-empty');
  if (!userId) {
    connectionsList.replaceChildren();
    empty.textContent = 'Sign in, or use the passed-in token, to see the connections of that user.';
    empty.hidden = false;
    markConnected([]);
    return;
  }
  let connections;
  try {
    const res = await fetch(`${api}/emulator/connections?userId=${encodeURIComponent(userId)}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    ({ connections } = await res.json());
  } catch (error) {
    empty.textContent = `Could not read the connections (${error.message}).`;
    empty.hidden = false;
    return;
  }
  connections.sort((a, b) => b.createdAt - a.createdAt);
  connectionsList.replaceChildren(...connections.map((c) => renderConnection(c, userId)));
  empty.textContent = 'No connections yet: connect an app and allow it.';
  empty.hidden = connections.length > 0;
  markConnected(connections.map((c) => c.appId));
}

function renderConnection(connection, userId) {
  const name = APP_NAMES[connection.appId] ?? connection.appId;
  const li = document.createElement('li');
  li.className = 'connection';
  const logo = document.createElement('span');
  logo.className = 'connection-logo';
  logo.append(APP_NAMES[connection.appId] ? logoImage(connection.appId) : monogram(name));
  const text = document.createElement('div');
  text.className = 'connection-text';
  const title = document.createElement('p');
  title.className = 'connection-name';
  title.textContent = name;
  const meta = document.createElement('p');
  meta.className = 'connection-meta';
  meta.textContent = `Connected at ${clock(connection.createdAt)}${connection.tenantId ? ` · tenant ${connection.tenantId}` : ''}`;
  const scopes = document.createElement('ul');
  scopes.className = 'scopes';
  scopes.setAttribute('aria-label', 'Granted scopes');
  for (const scope of connection.scopes ?? []) {
    const item = document.createElement('li');
    item.append(code(scope));
    scopes.append(item);
  }
  if (!connection.scopes?.length) {
    scopes.append(Object.assign(document.createElement('li'), { className: 'muted', textContent: 'no scopes' }));
  }
  text.append(title, meta, scopes);
  const forget = document.createElement('button');
  forget.type = 'button';
  forget.className = 'btn btn-small';
  forget.textContent = 'Forget';
  forget.setAttribute('aria-label', `Forget the ${name} connection`);
  forget.addEventListener('click', () => void forgetConnection(connection.appId, userId, name));
  li.append(logo, text, forget);
  return li;
}

async function forgetConnection(appId, userId, name) {
  const query = new URLSearchParams({ userId, appId });
  try {
    const res = await fetch(`${api}/emulator/connections?${query}`, { method: 'DELETE' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    $('connections-status').textContent = `${name} forgotten.`;
    addLogEntry({ kind: 'note', label: 'emulator', t: Date.now(), text: `Forgot ${name} at the emulator (what your backend's deleteUserTokens does).` });
  } catch (error) {
    $('connections-status').textContent = `Could not forget ${name}: ${error.message}.`;
  }
  await refreshConnections();
  // Every element reads again (the list, the check-status buttons), so the panels agree.
  await document.getElementById('demo-app-list')?.refresh();
  $('refresh-connections').focus();
}

/** The host's own triggers show what the backend knows: Connect or Reconnect. */
function markConnected(appIds) {
  for (const trigger of document.querySelectorAll('#headless-connect [data-outbound-app-id]')) {
    trigger.toggleAttribute('data-connected', appIds.includes(trigger.dataset.outboundAppId));
  }
}

$('refresh-connections').addEventListener('click', () => void refreshConnections());
$('token-paste').addEventListener('submit', (event) => event.preventDefault());

// ── Which backend? Only the emulator answers its test hooks ───────────────────────────────────
async function detectEmulator() {
  try {
    const res = await fetch(`${api}/emulator/requests?since=${Date.now()}`, { cache: 'no-store' });
    if (!res.ok) return false;
    const body = await res.json();
    return Array.isArray(body?.requests);
  } catch {
    return false;
  }
}

function applyMode(emulator) {
  state.emulator = emulator;
  document.documentElement.dataset.backend = emulator ? 'emulator' : 'descope';
  const pill = $('fact-mode');
  pill.dataset.mode = emulator ? 'emulator' : 'descope';
  pill.textContent = emulator ? 'Local Descope emulator' : 'Descope';
  if (emulator !== looksLocal) applyLogos(emulator);
  // Emulator: its demo user. Real Descope: a password user of your project, if it has one.
  if (emulator) {
    $('login-id').value ||= DEMO_LOGIN.loginId;
    $('password').value ||= DEMO_LOGIN.password;
  } else {
    signInButton.textContent = 'Sign in';
  }
  $('token-source-emulator').hidden = !emulator;
  $('token-paste').hidden = emulator;
  $('connections').hidden = !emulator;
}

applyMode(await detectEmulator());
await loadUser();

// ── diagnose(): the report of the first button's resolved settings (a small panel) ─────────────
$('diagnose-button')?.addEventListener('click', async () => {
  const out = $('diagnose-report');
  try {
    const report = await document.querySelector('outbound-app-button').diagnose();
    const findings = report.findings.map((f) => `${f.severity.toUpperCase()} ${f.id}\n  seen: ${f.seen}\n  fix:  ${f.fix}`);
    out.textContent = [`project ${report.projectId ?? '(none)'} · session: ${report.session.source}`, ...(findings.length ? findings : ['Nothing in the way.'])].join('\n\n');
  } catch (error) {
    out.textContent = `diagnose() failed: ${error}`;
  }
});

// @ts-check
/* global document, location, Element, HTMLButtonElement */
// The token page's buttons (a file, not inline: the page's CSP allows only 'self' scripts).
// Refresh and Delete call the emulator's own JSON hooks, then reload the server-rendered table.
// Reveal and Copy fetch a token's values on demand: they are never in the page's HTML, never
// stored, and a revealed value is masked again by Hide or a reload.
const status = document.getElementById('token-status');
const MASK = '••••••••••••';

/** @param {string} text */
function say(text) {
  if (status) status.textContent = text;
}

/** @param {string} id @returns {Promise<{ accessToken: string, refreshToken: string }>} */
async function valuesOf(id) {
  const res = await fetch(`/emulator/tokens/${encodeURIComponent(id)}/values`);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.errorMessage || `HTTP ${res.status}`);
  return body;
}

/** The value a Reveal or Copy button stands for. @param {Element} cell @param {string} id */
async function secretOf(cell, id) {
  const values = await valuesOf(id);
  return cell.getAttribute('data-secret') === 'refresh' ? values.refreshToken : values.accessToken;
}

/** @param {HTMLButtonElement} button @param {Element} cell @param {string} id */
async function reveal(button, cell, id) {
  const code = cell.querySelector('code');
  if (!code) return;
  const label = cell.getAttribute('data-secret') === 'refresh' ? 'Refresh token' : 'Access token';
  if (button.getAttribute('aria-pressed') === 'true') {
    code.textContent = MASK;
    code.classList.add('masked');
    code.setAttribute('aria-label', `${label}, hidden`);
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Reveal';
    return;
  }
  code.textContent = await secretOf(cell, id);
  code.classList.remove('masked');
  code.removeAttribute('aria-label');
  button.setAttribute('aria-pressed', 'true');
  button.textContent = 'Hide';
}

/** @param {Element} cell @param {string} id */
async function copy(cell, id) {
  await navigator.clipboard.writeText(await secretOf(cell, id));
  say(`${cell.getAttribute('data-secret') === 'refresh' ? 'Refresh' : 'Access'} token of ${id} copied.`);
}

/** @param {string} action @param {string} id */
async function change(action, id) {
  const path = `/emulator/tokens/${encodeURIComponent(id)}${action === 'refresh' ? '/refresh' : ''}`;
  const res = await fetch(path, { method: action === 'refresh' ? 'POST' : 'DELETE' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.errorMessage || `HTTP ${res.status}`);
  const failed = action === 'refresh' && body.token?.lastRefreshError;
  const message = failed ? `Refreshing token ${id} failed: ${failed}` : action === 'refresh' ? `Token ${id} refreshed.` : `Token ${id} deleted.`;
  sessionStorage.setItem('token-page:status', message);
  location.reload();
}

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const row = button.closest('tr[data-token-id]');
  if (!row) return;
  const id = row.getAttribute('data-token-id') ?? '';
  const action = button.getAttribute('data-action') ?? '';
  const cell = button.closest('[data-secret]');
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    if (action === 'reveal' && cell) await reveal(button, cell, id);
    else if (action === 'copy' && cell) await copy(cell, id);
    else {
      await change(action, id);
      return; // the page reloads
    }
  } catch (error) {
    say(`Could not ${action} token ${id}: ${error instanceof Error ? error.message : error}`);
  }
  button.removeAttribute('aria-busy');
  button.disabled = false;
});

// The outcome of the action that reloaded the page (a message, never a token value).
const done = sessionStorage.getItem('token-page:status');
if (done) {
  sessionStorage.removeItem('token-page:status');
  say(done);
}

// @ts-check
/* global document, location, Element, HTMLButtonElement */
// The token page's buttons (a file, not inline: the page's CSP allows only 'self' scripts).
// Each button calls the emulator's own JSON hook, then reloads the server-rendered table.
const status = document.getElementById('token-status');

/** @param {string} text */
function say(text) {
  if (status) status.textContent = text;
}

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const row = button.closest('tr[data-token-id]');
  if (!row) return;
  const id = row.getAttribute('data-token-id') ?? '';
  const action = button.getAttribute('data-action');
  const path = `/emulator/tokens/${encodeURIComponent(id)}${action === 'refresh' ? '/refresh' : ''}`;
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const res = await fetch(path, { method: action === 'refresh' ? 'POST' : 'DELETE' });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.errorMessage || `HTTP ${res.status}`);
    const failed = action === 'refresh' && body.token?.lastRefreshError;
    const message = failed ? `Refreshing token ${id} failed: ${failed}` : action === 'refresh' ? `Token ${id} refreshed.` : `Token ${id} deleted.`;
    sessionStorage.setItem('token-page:status', message);
    location.reload();
  } catch (error) {
    say(`Could not ${action} token ${id}: ${error instanceof Error ? error.message : error}`);
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
});

// The outcome of the action that reloaded the page (a message, never a token value).
const done = sessionStorage.getItem('token-page:status');
if (done) {
  sessionStorage.removeItem('token-page:status');
  say(done);
}

// @ts-check
/**
 * The token-management page, like the Descope console's Token Management tab of an Outbound App:
 *
 *   GET    /emulator/tokens[?appId=&userId=]   the page (HTML; its script is a file, for a strict CSP)
 *   POST   /emulator/tokens/<id>/refresh        refresh now (a new access token)        → { token }
 *   POST   /emulator/tokens/<id>/expire         test hook: the access token expires now → { token }
 *   POST   /emulator/tokens/<id>/revoke         test hook: the user withdrew the access at the provider:
 *                                                its access tokens die, refreshes fail    → { token }
 *   DELETE /emulator/tokens/<id>                delete the token (disconnect)           → { deleted: 1 }
 *   GET    /emulator/tokens/<id>/values         the token values, for the page's Reveal and Copy
 *                                                → { accessToken, refreshToken }
 *
 * The page shows each value masked, never in its HTML: Reveal (or Copy) fetches it, as the
 * console's Token Management tab does. The other JSON answers carry the token without values.
 * Every value on the page is escaped: app IDs, scopes and tenant IDs come from callers.
 */
import { ERRORS, HttpError } from '../errors.js';
import { escapeHtml as e, page, sendHtml, sendJson } from '../http.js';
import { accessTokenExpired, connectionFilterOf } from '../store.js';
import { tokenResponse } from './management.js';

/** @typedef {import('../server.js').Route} Route */
/** @typedef {import('../store.js').Connection} Connection */

const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
  + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** @param {number} ms */
const when = (ms) => (ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '—');

/** The token without its secret values (for the page's script and the test hooks). @param {Connection} c */
export function publicToken(c) {
  const token = tokenResponse(c, false);
  delete token.accessToken;
  return token;
}

/**
 * A token value's cell: masked, with Reveal and Copy (token-page.js fetches the value on demand).
 * @param {Connection} c @param {'access' | 'refresh'} which @param {string} label
 */
function secretCell(c, which, label) {
  if (!(which === 'access' ? c.accessToken : c.refreshToken)) return '<td class="muted">none</td>';
  return `<td><div class="token-secret" data-secret="${which}">
    <code class="masked" aria-label="${label}, hidden">••••••••••••</code>
    <button type="button" class="secondary" data-action="reveal" aria-pressed="false" aria-label="Reveal the ${label.toLowerCase()} of token ${e(c.id)}">Reveal</button>
    <button type="button" class="secondary" data-action="copy" aria-label="Copy the ${label.toLowerCase()} of token ${e(c.id)}">Copy</button>
  </div></td>`;
}

/** @param {Connection} c */
function row(c) {
  const expired = accessTokenExpired(c);
  const scopes = c.scopes.length ? c.scopes.map((s) => `<li><code>${e(s)}</code></li>`).join('') : '<li class="muted">none</li>';
  // Actions come right after the ID, so the buttons are in view however wide the table scrolls.
  return `<tr data-token-id="${e(c.id)}">
  <td><code>${e(c.id)}</code></td>
  <td><div class="token-actions">
    <button type="button" class="secondary" data-action="refresh" aria-label="Refresh token ${e(c.id)}">Refresh</button>
    <button type="button" class="danger" data-action="delete" aria-label="Delete token ${e(c.id)}">Delete</button>
  </div></td>
  ${secretCell(c, 'access', 'Access token')}
  ${secretCell(c, 'refresh', 'Refresh token')}
  <td>${e(c.appId)}</td>
  <td>${c.tenantLevel ? '<span class="muted">tenant-level</span>' : `<code>${e(c.userId)}</code>`}</td>
  <td>${c.tenantId ? `<code>${e(c.tenantId)}</code>` : '—'}</td>
  <td><ul class="token-scopes">${scopes}</ul></td>
  <td${expired ? ' class="expired"' : ''}>${e(when(c.accessTokenExpiry))}${expired ? ' (expired)' : ''}</td>
  <td>${c.refreshToken ? 'Yes' : 'No'}</td>
  <td>${e(when(c.lastRefreshTime))}</td>
  <td>${c.lastRefreshError ? e(c.lastRefreshError) : '—'}</td>
  <td><code>${e(c.tokenSub)}</code></td>
  <td>${e(c.accessTokenType)}</td>
</tr>`;
}

/** @type {Route['handler']} */
function tokenPage(_req, res, ctx, { url }) {
  const tokens = ctx.store.listConnections(connectionFilterOf(url.searchParams)).slice().sort((a, b) => b.createdAt - a.createdAt);
  const body = `<main class="card wide">
  <p class="badge">Descope emulator · token management</p>
  <h1>Outbound app tokens</h1>
  <p class="muted">What the Descope console's Token Management tab shows: one row per stored token. Reveal shows a token value, Copy puts it on the clipboard; Refresh gets a new access token with the refresh token; Delete disconnects.</p>
  <p id="token-status" role="status" aria-live="polite"></p>
  ${tokens.length ? `<div class="table-wrap"><table>
  <caption class="visually-hidden">Stored tokens</caption>
  <thead><tr><th scope="col">ID</th><th scope="col">Actions</th><th scope="col">Access token</th><th scope="col">Refresh token</th><th scope="col">App</th><th scope="col">User</th><th scope="col">Tenant</th><th scope="col">Scopes</th>
  <th scope="col">Access token expiry</th><th scope="col">Has refresh token</th><th scope="col">Last refreshed</th>
  <th scope="col">Last refresh error</th><th scope="col">Token subject</th><th scope="col">Type</th></tr></thead>
  <tbody>
${tokens.map(row).join('\n')}
  </tbody></table></div>` : '<p class="empty">No tokens yet: connect an app and allow it.</p>'}
</main>`;
  const head = '<link rel="stylesheet" href="/emulator/assets/token-page.css">\n<script type="module" src="/emulator/assets/token-page.js"></script>\n';
  sendHtml(res, 200, page('Tokens · Descope emulator', body, head), CSP);
}

/** @param {import('../server.js').Ctx} ctx @param {string} id */
function connectionOf(ctx, id) {
  const c = ctx.store.getConnection(id);
  if (!c) throw new HttpError(404, ERRORS.tokenNotFound, `No token with ID '${id}'`);
  return c;
}

/** @type {Route[]} */
export const tokenPageRoutes = [
  { method: 'GET', path: '/emulator/tokens', handler: tokenPage },
  {
    method: 'POST', path: /^\/emulator\/tokens\/([A-Za-z0-9]+)\/refresh$/,
    handler: (_req, res, ctx, { params }) => sendJson(res, 200, { token: publicToken(ctx.store.refreshConnection(connectionOf(ctx, params[0]))) }),
  },
  {
    method: 'POST', path: /^\/emulator\/tokens\/([A-Za-z0-9]+)\/expire$/,
    handler: (_req, res, ctx, { params }) => sendJson(res, 200, { token: publicToken(ctx.store.expireAccessToken(connectionOf(ctx, params[0]))) }),
  },
  {
    method: 'POST', path: /^\/emulator\/tokens\/([A-Za-z0-9]+)\/revoke$/,
    handler: (_req, res, ctx, { params }) => sendJson(res, 200, { token: publicToken(ctx.store.revokeGrant(connectionOf(ctx, params[0]))) }),
  },
  {
    method: 'GET', path: /^\/emulator\/tokens\/([A-Za-z0-9]+)\/values$/,
    handler: (_req, res, ctx, { params }) => {
      const c = connectionOf(ctx, params[0]);
      sendJson(res, 200, { accessToken: c.accessToken, refreshToken: c.refreshToken });
    },
  },
  {
    method: 'DELETE', path: /^\/emulator\/tokens\/([A-Za-z0-9]+)$/,
    handler: (_req, res, ctx, { params }) => {
      connectionOf(ctx, params[0]);
      ctx.store.deleteConnection(params[0]);
      sendJson(res, 200, { deleted: 1 });
    },
  },
];

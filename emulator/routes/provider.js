// @ts-check
/**
 * A fake OAuth provider: its consent page and the form post that sends the browser back to
 * Descope's callback, the way Google or Slack would after the user answers.
 */
import { randomId } from '../ids.js';
import { escapeHtml, page, readForm, redirect, sendHtml, sendMessagePage } from '../http.js';
import { CALLBACK_PATH } from './outbound.js';
import { publicApp } from '../app-fields.js';

/** @typedef {import('../server.js').Route} Route */

/** @type {[string, string]} */
const EXPIRED = ['Authorisation expired', 'This authorisation request is unknown, expired or was already answered. Start the connection again from the app.'];

/** `GET /emulator/provider/<appId>/authorize?…&scope&state` → the consent page. @type {Route['handler']} */
function authorize(_req, res, ctx, { params, url }) {
  const appId = params[0];
  const state = url.searchParams.get('state') ?? '';
  const pending = ctx.store.getPending(state);
  const app = ctx.store.apps.get(appId);
  if (!pending || pending.appId !== appId || !app || pending.code || pending.denied) return sendMessagePage(res, 400, ...EXPIRED);
  const user = ctx.store.users.get(pending.userId);
  // A provider shows what its own URL asks for; this equals the scopes Descope stored.
  const scopes = (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean);
  const { logo } = publicApp(ctx, app);
  const e = escapeHtml;
  if (ctx.consentOpenerPolicy) res.setHeader('Cross-Origin-Opener-Policy', ctx.consentOpenerPolicy);
  sendHtml(res, 200, page(`Sign in to ${app.name}`, `<main class="card">
  <p class="badge">Descope emulator · simulated provider</p>
  ${logo ? `<img class="logo" src="${e(logo)}" alt="" width="56" height="56">` : ''}
  <h1>${e(app.name)} wants to access your account</h1>
  <p class="account">${e(user?.name ?? '')} (${e(user?.email || user?.loginId || '')})</p>
  <p>It is asking for:</p>
  ${scopes.length ? `<ul class="scopes">${scopes.map((s) => `<li><code>${e(s)}</code></li>`).join('')}</ul>` : '<p class="muted">No specific permissions.</p>'}
  <form method="post" action="/emulator/provider/${e(encodeURIComponent(appId))}/consent">
    <input type="hidden" name="state" value="${e(state)}">
    <div class="actions">
      <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
      <button type="submit" name="decision" value="allow" class="primary" autofocus>Allow</button>
    </div>
  </form>
</main>`));
}

/** `POST /emulator/provider/<appId>/consent` (form: state, decision) → 302 to Descope's callback. @type {Route['handler']} */
async function consent(req, res, ctx, { params }) {
  const form = await readForm(req);
  const state = form.get('state') ?? '';
  const decision = form.get('decision');
  const pending = ctx.store.getPending(state);
  if (!pending || pending.appId !== params[0] || pending.code || pending.denied) return sendMessagePage(res, 400, ...EXPIRED);
  if (decision !== 'allow' && decision !== 'deny') return sendMessagePage(res, 400, 'Invalid answer', 'Choose Allow or Deny.');
  const query = new URLSearchParams();
  if (decision === 'allow') {
    pending.code = randomId('', 32);
    query.set('code', pending.code);
  } else {
    pending.denied = true;
    query.set('error', 'access_denied');
    query.set('error_description', 'The user denied access');
  }
  query.set('state', state);
  redirect(res, `${ctx.baseUrl}${CALLBACK_PATH}?${query}`);
}

/** @type {Route[]} */
export const providerRoutes = [
  { method: 'GET', path: /^\/emulator\/provider\/([^/]+)\/authorize$/, handler: authorize },
  { method: 'POST', path: /^\/emulator\/provider\/([^/]+)\/consent$/, handler: consent },
];

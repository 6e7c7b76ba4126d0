// @ts-check
/**
 * Small HTTP helpers shared by every route: JSON and HTML answers, body parsing with a size
 * limit, and CORS. Every API answer is JSON, errors included, because the Descope SDK parses
 * every response body with `.json()` and a non-JSON body makes its promise reject.
 */
import { ERRORS, HttpError } from './errors.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

export const MAX_BODY_BYTES = 1024 * 1024;
// Past this we stop draining and drop the connection: a dev tool must not be kept busy forever.
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;

// Headers the Descope SDKs (core-js, web-js, widgets, node) send; see descope-wire-facts.md §1.
export const ALLOWED_HEADERS = [
  'authorization', 'content-type', 'x-descope-sdk-name', 'x-descope-sdk-version',
  'x-descope-sdk-session-id', 'x-descope-project-id', 'x-descope-refresh-cookie-name',
  'x-descope-trusted-device-token', 'x-descope-known-device-token', 'x-descope-widget-type',
  'x-descope-widget-id', 'x-descope-widget-version', 'x-descope-license',
];

/**
 * Credentialed CORS for an allowed origin (local-only.js decides which): the SDK sends
 * `credentials: 'include'` plus custom headers, so browsers preflight every call and refuse `*`;
 * the exact origin is echoed instead.
 * @param {Req} req
 * @param {Res} res
 * @param {boolean} allowed whether the request's origin may call the emulator
 */
export function applyCors(req, res, allowed) {
  res.setHeader('Vary', req.method === 'OPTIONS' ? 'Origin, Access-Control-Request-Headers' : 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowed) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, PATCH, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', allowHeadersFor(req.headers['access-control-request-headers']));
  res.setHeader('Access-Control-Expose-Headers', 'retry-after');
  res.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access asks this when a public page calls a local server: granted
  // only to the origins allowed above (a loopback page, or one named with --allow-origin).
  if (req.headers['access-control-request-private-network'] === 'true') {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
}

/**
 * Echo the requested headers when all are known; otherwise list the known ones, so the browser
 * names the unexpected header in its CORS error.
 * @param {string | undefined} requested
 */
function allowHeadersFor(requested) {
  const names = (requested ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (names.length && names.every((h) => ALLOWED_HEADERS.includes(h))) return names.join(', ');
  return ALLOWED_HEADERS.join(', ');
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

// Emulator pages have no script and no inline style. `form-action *` because Chromium also
// checks form-action against every redirect after a form post (consent → callback → host page).
const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action *; base-uri 'none'; frame-ancestors 'none'";

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} html
 * @param {string} [csp] a page with its own script file passes a policy that allows it
 */
export function sendHtml(res, status, html, csp = PAGE_CSP) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
  });
  res.end(html);
}

/**
 * A plain page for browser-facing errors (an expired consent, a reused callback).
 * @param {Res} res
 * @param {number} status
 * @param {string} title
 * @param {string} message
 */
export function sendMessagePage(res, status, title, message) {
  sendHtml(res, status, page(title, `<main class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`));
}

/**
 * @param {string} title
 * @param {string} body trusted HTML
 * @param {string} [head] trusted extra head elements (a page's own stylesheet or script file)
 */
export function page(title, body, head = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/emulator/assets/provider.css">
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * @param {Res} res
 * @param {string} location
 */
export function redirect(res, location) {
  res.writeHead(302, { Location: location });
  res.end();
}

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Reads the whole body. Past the limit it keeps draining (so the client gets a clean 413 rather
 * than a reset connection) but keeps nothing.
 * @param {Req} req
 * @returns {Promise<Buffer>}
 */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, ERRORS.bodyTooLarge, `Request body is larger than ${MAX_BODY_BYTES} bytes`));
      } else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => reject(new Error('request closed')));
  });
}

/**
 * A JSON object body; an empty body counts as `{}`.
 * @param {Req} req
 * @returns {Promise<Record<string, any>>}
 */
export async function readJson(req) {
  const text = (await readBody(req)).toString('utf8');
  if (!text.trim()) return {};
  // Descope answers a body it cannot parse with a 500 (its docs' error tables, which their own
  // error-handling examples branch on); the emulator's own hooks keep the plainer 400.
  const status = isDescopePath(req.url ?? '') ? 500 : 400;
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HttpError(status, ERRORS.badRequest, `Request body is not valid JSON (${err instanceof Error ? err.message : err})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(status, ERRORS.badRequest, `Request body must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}`);
  }
  return value;
}

/**
 * Whether a path is one of Descope's own (`/v1/…`, `/v2/…`), where the emulator answers with
 * Descope's statuses, rather than one of the emulator's hooks or the fake provider.
 * @param {string} path
 */
export function isDescopePath(path) {
  return path.startsWith('/v1/') || path.startsWith('/v2/');
}

/**
 * @param {Req} req
 */
export async function readForm(req) {
  return new URLSearchParams((await readBody(req)).toString('utf8'));
}

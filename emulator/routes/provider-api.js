// @ts-check
/**
 * The fake provider's API, what a host backend calls with the token it fetched from Descope:
 *
 *   GET /provider/google/v1/people/me/connections?personFields=names,emailAddresses[&pageSize&pageToken]
 *
 * shaped like Google People API's `people.connections.list`. It accepts only access tokens the
 * emulator issued for an app of that provider (the app's `provider`, else the part of its ID
 * before the first '-': `google-contacts` → google), answering in Google's error shape:
 * 401 for a missing, unknown, revoked or expired token, 403 without a contacts scope.
 *
 * No CORS here (server.js skips it for /provider/): a provider token belongs in a backend.
 */
import { sendJson } from '../http.js';

/** @typedef {import('../server.js').Route} Route */
/** @typedef {import('../store.js').App} App */

export const CONTACTS_SCOPES = [
  'https://www.googleapis.com/auth/contacts.readonly',
  'https://www.googleapis.com/auth/contacts',
];
const PERSON_FIELDS = ['names', 'emailAddresses', 'phoneNumbers', 'organizations'];

/** The same ten contacts for everyone: a test can assert on them. */
const PEOPLE = [
  ['Ada Lovelace', 'ada@example.com', '+44 20 7946 0001', 'Analytical Engines Ltd'],
  ['Alan Turing', 'alan@example.com', '+44 20 7946 0002', 'Bletchley Park'],
  ['Grace Hopper', 'grace@example.com', '+1 202 555 0103', 'US Navy'],
  ['Katherine Johnson', 'katherine@example.com', '+1 757 555 0104', 'NASA Langley'],
  ['Edsger Dijkstra', 'edsger@example.com', '+31 20 555 0105', 'Mathematisch Centrum'],
  ['Barbara Liskov', 'barbara@example.com', '+1 617 555 0106', 'MIT'],
  ['Donald Knuth', 'don@example.com', '+1 650 555 0107', 'Stanford'],
  ['Margaret Hamilton', 'margaret@example.com', '+1 617 555 0108', 'MIT Instrumentation Lab'],
  ['Tim Berners-Lee', 'tim@example.com', '+41 22 555 0109', 'CERN'],
  ['Radia Perlman', 'radia@example.com', '+1 978 555 0110', 'DEC'],
];

/** @param {App} app */
export const providerOf = (app) => app.provider ?? app.id.split('-')[0];

/**
 * Google's error JSON (`google.rpc.Status`).
 * @param {import('node:http').ServerResponse} res
 * @param {number} code
 * @param {string} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
function googleError(res, code, status, message, headers) {
  sendJson(res, code, { error: { code, message, status } }, headers);
}

/** @param {number} i @param {string[]} fields */
function person(i, fields) {
  const [name, email, phone, org] = PEOPLE[i];
  const [givenName, ...rest] = name.split(' ');
  /** @type {Record<string, unknown>} */
  const p = { resourceName: `people/c${1000 + i}`, etag: `%EgUBAi43PRoEAQIFByIM${i}` };
  const source = { type: 'CONTACT', id: String(1000 + i) };
  if (fields.includes('names')) p.names = [{ metadata: { primary: true, source }, displayName: name, givenName, familyName: rest.join(' ') }];
  if (fields.includes('emailAddresses')) p.emailAddresses = [{ metadata: { primary: true, source }, value: email, type: 'work' }];
  if (fields.includes('phoneNumbers')) p.phoneNumbers = [{ metadata: { primary: true, source }, value: phone, type: 'mobile' }];
  if (fields.includes('organizations')) p.organizations = [{ metadata: { primary: true, source }, name: org }];
  return p;
}

/** @type {Route['handler']} */
function listConnections(req, res, ctx, { url }) {
  const challenge = { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' };
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const found = match ? ctx.store.lookupAccessToken(match[1]) : undefined;
  const app = found && ctx.store.apps.get(found.connection.appId);
  if (!found || !app || providerOf(app) !== 'google') {
    return googleError(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', challenge);
  }
  if (found.expired) {
    return googleError(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials: the access token expired.', {
      'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    });
  }
  if (!found.connection.scopes.some((s) => CONTACTS_SCOPES.includes(s))) {
    return googleError(res, 403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.', {
      'WWW-Authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${CONTACTS_SCOPES[0]}"`,
    });
  }
  const fields = (url.searchParams.get('personFields') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (!fields.length) return googleError(res, 400, 'INVALID_ARGUMENT', 'personFields mask is required. Please specify one or more valid paths.');
  const unknown = fields.find((f) => !PERSON_FIELDS.includes(f));
  if (unknown) return googleError(res, 400, 'INVALID_ARGUMENT', `Invalid personFields mask path: "${unknown}". Supported here: ${PERSON_FIELDS.join(', ')}.`);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) return googleError(res, 400, 'INVALID_ARGUMENT', 'pageSize must be 1-1000.');
  const start = Number(url.searchParams.get('pageToken') || 0);
  if (!Number.isInteger(start) || start < 0 || start > PEOPLE.length) return googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid pageToken.');

  const end = Math.min(start + pageSize, PEOPLE.length);
  /** @type {Record<string, unknown>} */
  const body = { connections: PEOPLE.slice(start, end).map((_, i) => person(start + i, fields)), totalPeople: PEOPLE.length, totalItems: PEOPLE.length };
  if (end < PEOPLE.length) body.nextPageToken = String(end);
  sendJson(res, 200, body);
}

/** @type {Route[]} */
export const providerApiRoutes = [
  { method: 'GET', path: '/provider/google/v1/people/me/connections', handler: listConnections },
];

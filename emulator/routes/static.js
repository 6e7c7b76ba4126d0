// @ts-check
/**
 * The emulator's own files: app logos (shown by host pages, so readable cross-origin) and the
 * stylesheet of its pages.
 */
import { readFile } from 'node:fs/promises';
import { ERRORS, HttpError } from '../errors.js';

/** @typedef {import('../server.js').Route} Route */

const ROOT = new URL('../', import.meta.url);

/**
 * @param {string} relative a path checked against a strict pattern by the route
 * @param {string} type
 * @returns {Route['handler']}
 */
const serve = (relative, type) => async (_req, res) => {
  let data;
  try {
    data = await readFile(new URL(relative, ROOT));
  } catch {
    throw new HttpError(404, ERRORS.routeNotFound, 'No such file');
  }
  res.writeHead(200, { 'Content-Type': type, 'Cross-Origin-Resource-Policy': 'cross-origin' });
  res.end(data);
};

/** @type {Route[]} */
export const staticRoutes = [
  {
    method: 'GET',
    // Only plain file names: no traversal is possible through this pattern.
    path: /^\/emulator\/logos\/([a-z0-9-]+\.svg)$/,
    handler: (req, res, ctx, match) => serve(`logos/${match.params[0]}`, 'image/svg+xml')(req, res, ctx, match),
  },
  { method: 'GET', path: '/emulator/assets/provider.css', handler: serve('assets/provider.css', 'text/css; charset=utf-8') },
  { method: 'GET', path: '/emulator/assets/token-page.css', handler: serve('assets/token-page.css', 'text/css; charset=utf-8') },
  { method: 'GET', path: '/emulator/assets/token-page.js', handler: serve('assets/token-page.js', 'text/javascript; charset=utf-8') },
  // Browsers ask for it on every emulator page; an empty answer keeps their consoles free of 404s.
  { method: 'GET', path: '/favicon.ico', handler: (_req, res) => { res.writeHead(204); res.end(); } },
];

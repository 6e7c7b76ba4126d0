// @ts-check
/**
 * The host page's server for the demo: a different origin from the API, so the browser really
 * preflights and enforces CORS, and a strict CSP, so the elements are shown to work under one.
 *
 *   /                             → <root>/ (examples/ by default; index.html for directories)
 *   /dist/…                       → the package build
 *   /vendor/descope-web-js-sdk.js → @descope/web-js-sdk's UMD build, as a host page loads it
 *   /demo-config.js               → `export default { projectId, baseUrl }`
 *   /api/…                        → the demo backend, when given (demo-backend.js)
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The UMD file of the installed SDK; its package `exports` do not list it, so go via its entry. */
function sdkUmdPath() {
  const cjsEntry = createRequire(import.meta.url).resolve('@descope/web-js-sdk'); // …/dist/cjs/index.cjs.js
  return join(dirname(cjsEntry), '..', 'index.umd.js');
}

/**
 * Maps a URL path under a base directory, refusing anything that would leave it.
 * @param {string} base absolute directory
 * @param {string} urlPath already %-decoded, starting with '/'
 */
function inside(base, urlPath) {
  const file = resolve(base, `.${urlPath}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * @param {{ host?: string, port?: number, apiBaseUrl: string, projectId: string,
 *   root?: string, distDir?: string, sdkFile?: string,
 *   backend?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, path: string) => Promise<void> }} options
 *   root: the directory served at `/` (default: the repo's examples/)
 *   backend: answers every `/api/…` request (same origin as the page, so `connect-src 'self'`)
 */
export async function startDemoServer(options) {
  const { host = '127.0.0.1', port = 0, apiBaseUrl, projectId } = options;
  const root = resolve(options.root ?? join(REPO, 'examples'));
  const distDir = resolve(options.distDir ?? join(REPO, 'dist'));
  const sdkFile = options.sdkFile ?? sdkUmdPath();
  const apiOrigin = new URL(apiBaseUrl).origin;
  const csp = [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", `img-src 'self' data: ${apiOrigin}`,
    `connect-src 'self' ${apiOrigin}`, "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'",
  ].join('; ');
  // `backend: true` tells the page that /api/ answers (npm start), without a probing request.
  const config = `export default ${JSON.stringify({ projectId, baseUrl: apiBaseUrl, ...(options.backend ? { backend: true } : {}) })};\n`;

  /** @param {string} urlPath */
  async function locate(urlPath) {
    if (urlPath === '/vendor/descope-web-js-sdk.js') return sdkFile;
    const file = urlPath.startsWith('/dist/') ? inside(distDir, urlPath.slice('/dist'.length)) : inside(root, urlPath);
    if (!file) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) return (await stat(join(file, 'index.html')).catch(() => null))?.isFile() ? join(file, 'index.html') : null;
    return info?.isFile() ? file : null;
  }

  const server = createServer(async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    /** @param {number} status @param {string} text */
    const plain = (status, text) => { res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }); res.end(text); };
    if (options.backend && req.url?.startsWith('/api/')) return options.backend(req, res, req.url.split('?')[0]);
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.setHeader('Allow', 'GET, HEAD'); return plain(405, 'Method not allowed\n'); }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(`http://demo.invalid${req.url?.startsWith('/') ? req.url : '/'}`).pathname);
    } catch {
      return plain(400, 'Bad request\n');
    }
    if (urlPath.includes('\0')) return plain(400, 'Bad request\n');
    if (urlPath === '/demo-config.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js'] });
      return res.end(req.method === 'HEAD' ? undefined : config);
    }
    try {
      const file = await locate(urlPath);
      if (!file && urlPath === '/favicon.ico') { res.writeHead(204); return res.end(); } // no console 404
      if (!file) return plain(404, 'Not found\n');
      const data = await readFile(file);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      /** @type {Record<string, string>} */
      const headers = { 'Content-Type': type };
      if (type.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      plain(500, 'Could not read the file\n');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(undefined); });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  // The page is opened as http://localhost: a different site from the API's 127.0.0.1.
  const loopback = ['127.0.0.1', 'localhost', '0.0.0.0', '::', '::1'].includes(host);
  return {
    url: `http://${loopback ? 'localhost' : host}:${address.port}/`,
    /** @returns {Promise<void>} */
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

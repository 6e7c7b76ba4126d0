// @ts-check
/**
 * Who may talk to the emulator: pages on this machine, and no one else unless the user says so.
 *
 * The emulator has unauthenticated test hooks (sessions, access tokens, token values and
 * deletion) and a public default management key. Without these checks any website a developer
 * visits could use them through the developer's browser: by CORS (a credentialed answer to any
 * `Origin`, plus Chrome's Private Network Access grant), or by DNS rebinding (a foreign name that
 * resolves to 127.0.0.1, recognisable by its `Host` header). So:
 *
 * - `Origin`: a request that carries one is served, and gets CORS headers, only when it is a
 *   loopback origin (http(s) on localhost, *.localhost, 127.0.0.0/8 or [::1]), the emulator's
 *   own origin, or one the user named (`--allow-origin`). Any other is refused with a 403, so even
 *   a simple (non-preflighted) POST from another site does nothing.
 * - `Host`: must be a loopback name or the host the emulator was started on (`--host`).
 */

/**
 * localhost, *.localhost (RFC 6761 keeps them on loopback), 127.0.0.0/8, ::1.
 * @param {string} hostname as URL.hostname gives it (IPv6 in brackets)
 */
export function isLoopbackHostname(hostname) {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '[::1]' || name === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return Boolean(v4 && v4[1] === '127' && v4.slice(1).every((n) => Number(n) <= 255));
}

/**
 * An origin as `--allow-origin` takes it: `scheme://host[:port]`, nothing more.
 * @param {string} value
 * @returns {string} the origin serialised as browsers send it
 */
export function parseOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`'${value}' is not an origin (scheme://host[:port])`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin === 'null' || value.replace(/\/$/, '') !== url.origin) {
    throw new Error(`'${value}' is not an origin: give scheme://host[:port] only, e.g. https://dev.example.com`);
  }
  return url.origin;
}

/**
 * @param {string | undefined} origin the request's `Origin` header
 * @param {{ selfOrigin: string, allowedOrigins: Set<string> }} policy
 * @returns {boolean} whether a page of that origin may call the emulator
 */
export function originAllowed(origin, { selfOrigin, allowedOrigins }) {
  if (origin === undefined) return true; // not a browser page's cross-origin call: curl, node-sdk, a navigation
  if (origin === selfOrigin || allowedOrigins.has(origin)) return true;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a file: page) and anything unparsable
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin && isLoopbackHostname(url.hostname);
}

/**
 * @param {string | undefined} host the request's `Host` header
 * @param {string} configuredHost the interface the emulator listens on (`--host`)
 * @returns {boolean} whether the request was addressed to this machine by a name it answers to
 */
export function hostAllowed(host, configuredHost) {
  if (!host) return false;
  let hostname;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return false;
  }
  if (isLoopbackHostname(hostname)) return true;
  const configured = configuredHost.includes(':') && !configuredHost.startsWith('[') ? `[${configuredHost}]` : configuredHost;
  // A wildcard bind names no host: only loopback names are answered then.
  return !['0.0.0.0', '[::]'].includes(configured) && hostname === configured.toLowerCase();
}

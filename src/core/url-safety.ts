/**
 * Which URLs the elements will navigate to or show, and how the redirect URL is resolved.
 * Remote strings decide where the browser goes, so every check here errs on the side of refusing.
 */

/** The contract allows `http:` on these hosts only, for local development. */
export function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

export function parse(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** `https:` anywhere; `http:` only on localhost / 127.0.0.1. Nothing else, ever. */
export function isSafeNavigationUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && isLocalHost(parsed.hostname);
}

/**
 * Resolves a redirect URL (absolute or relative to the page) to an absolute one, or returns
 * `undefined` when it is malformed or unsafe. The hash is dropped: it never reaches the server
 * across a redirect, so the elements keep it themselves and restore it on return.
 */
export function resolveRedirectUrl(input: string, pageUrl: string): { url: string; hash: string } | undefined {
  const parsed = parse(input, pageUrl);
  if (!parsed || !isSafeNavigationUrl(parsed.href)) return undefined;
  const hash = parsed.hash;
  parsed.hash = '';
  return { url: parsed.href, hash };
}

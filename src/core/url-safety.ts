/**
 * Which URLs the elements will navigate to or show, and how the redirect URL is resolved.
 * Remote strings decide where the browser goes, so every check here errs on the side of refusing.
 */
import { OutboundError } from './errors.js';
import { isLocalHost, parse } from './url-parse.js';

/**
 * Longer than any real consent URL (Google's, with a dozen scopes, is under 2 KiB). A 2 MB URL
 * does not navigate: Chromium replaces the tab with `about:blank#blocked`, and a popup pointed at
 * one never comes back, so the flow would never end.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Why `url` is not a place to send the browser, or `undefined` when it is. `pageUrl` defaults to
 * this page's (none outside a browser: server-side rendering, build tools).
 */
export function navigationRefusal(url: unknown, pageUrl = typeof window === 'undefined' ? undefined : location.href): string | undefined {
  if (typeof url !== 'string' || url.length === 0) return 'it is not a URL';
  if (url.length > MAX_URL_LENGTH) return `it is over ${MAX_URL_LENGTH} characters`;
  const parsed = parse(url);
  if (!parsed) return 'it is not a URL';
  // `https://accounts.google.com@evil.example/` shows a trusted name and goes to evil.example.
  if (parsed.username || parsed.password) return 'it has a user name or password';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol !== 'http:' || !isLocalHost(parsed.hostname)) return 'it is not https:';
  // http: on loopback is for local development: a public page has no business sending its
  // visitors to a server on their own machine.
  const page = pageUrl === undefined ? undefined : parse(pageUrl);
  if (page && !isLocalHost(page.hostname)) return 'it is http: on localhost, and this page is not';
  return undefined;
}

/**
 * `https:` anywhere; `http:` only on localhost / 127.0.0.1, and only from a page there too. No
 * user name or password in the URL, nothing over `MAX_URL_LENGTH`. Nothing else, ever.
 */
export function isSafeNavigationUrl(url: unknown, pageUrl?: string): url is string {
  return navigationRefusal(url, pageUrl) === undefined;
}

/**
 * Resolves a redirect URL (absolute or relative to the page) to an absolute one on the page's
 * own origin, or explains why not. `//host` and `/\host` resolve as the browser resolves them
 * (to another host). Another origin can never see the return: the pending record lives in this
 * origin's `sessionStorage`, so the user would only carry the nonce elsewhere.
 * The hash is dropped: it never reaches the server across a redirect, so the elements keep it
 * themselves and restore it on return.
 */
export function resolveRedirectUrl(input: string, pageUrl: string): { url: string; hash: string } | { refusal: string } {
  const parsed = parse(input, pageUrl);
  const page = parse(pageUrl);
  if (!parsed || !page) return { refusal: 'is not a URL' };
  if (parsed.origin !== page.origin) {
    return { refusal: `must be on this page's origin (${page.origin}), where the return is recognised` };
  }
  const refusal = navigationRefusal(parsed.href, pageUrl);
  if (refusal) return { refusal: `is refused: ${refusal}` };
  const hash = parsed.hash;
  parsed.hash = '';
  return { url: parsed.href, hash };
}

/** The consent URL Descope returned may be followed; else an `invalid-response` that says why not. */
export function assertSafeConsentUrl(url: unknown, pageUrl?: string): asserts url is string {
  const refusal = navigationRefusal(url, pageUrl);
  if (refusal) {
    throw new OutboundError(
      'invalid-response',
      `Descope's consent URL was refused: ${refusal}. Check base-url.`,
    );
  }
}


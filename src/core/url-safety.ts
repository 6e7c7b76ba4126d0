/**
 * Which URLs the elements will navigate to or show, and how the redirect URL is resolved.
 * Remote strings decide where the browser goes, so every check here errs on the side of refusing.
 */
import { OutboundError } from './errors.js';

/** The contract allows `http:` on these hosts only, for local development. */
export function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

/**
 * Longer than any real consent URL (Google's, with a dozen scopes, is under 2 KiB). A 2 MB URL
 * does not navigate: Chromium replaces the tab with `about:blank#blocked`, and a popup pointed at
 * one never comes back, so the flow would never end.
 */
export const MAX_URL_LENGTH = 8 * 1024;

export function parse(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** The page's URL, or `undefined` outside a browser (server-side rendering, build tools). */
function currentPage(): string | undefined {
  return typeof window === 'undefined' ? undefined : window.location.href;
}

/** Why `url` is not a place to send the browser, or `undefined` when it is. */
export function navigationRefusal(url: unknown, pageUrl: string | undefined = currentPage()): string | undefined {
  if (typeof url !== 'string' || url.length === 0) return 'it is not a URL';
  if (url.length > MAX_URL_LENGTH) return `it is ${url.length} characters long (at most ${MAX_URL_LENGTH})`;
  const parsed = parse(url);
  if (!parsed) return 'it is not a URL';
  // `https://accounts.google.com@evil.example/` shows a trusted name and goes to evil.example.
  if (parsed.username || parsed.password) return 'it carries a user name or password before the host';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol !== 'http:' || !isLocalHost(parsed.hostname)) return 'it is not https:';
  // http: on loopback is for local development: a public page has no business sending its
  // visitors to a server on their own machine.
  const page = pageUrl === undefined ? undefined : parse(pageUrl);
  if (page && !isLocalHost(page.hostname)) return `it is http: on ${parsed.hostname}, and this page is not`;
  return undefined;
}

/**
 * `https:` anywhere; `http:` only on localhost / 127.0.0.1, and only from a page there too. No
 * user name or password in the URL, nothing over `MAX_URL_LENGTH`. Nothing else, ever.
 */
export function isSafeNavigationUrl(url: unknown, pageUrl?: string): url is string {
  return navigationRefusal(url, pageUrl ?? currentPage()) === undefined;
}

/** The consent URL Descope returned may be followed; else an `invalid-response` that says why not. */
export function assertSafeConsentUrl(url: unknown, pageUrl?: string): asserts url is string {
  const refusal = navigationRefusal(url, pageUrl ?? currentPage());
  if (refusal) {
    throw new OutboundError(
      'invalid-response',
      `Descope's consent URL was refused (${refusal}), so the browser stays here. Check base-url and the Outbound App's settings in the Descope console.`,
    );
  }
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
    return { refusal: `must be on this page's origin (${page.origin}), where the return is recognised; it resolves to ${parsed.origin}` };
  }
  const refusal = navigationRefusal(parsed.href, pageUrl);
  if (refusal) return { refusal: `must be an https: URL (http: only on localhost): ${refusal}` };
  const hash = parsed.hash;
  parsed.hash = '';
  return { url: parsed.href, hash };
}

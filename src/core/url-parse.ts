/**
 * The URL primitives the logo check (image-url.ts, in the drop-in's entry) and the navigation
 * rules (url-safety.ts, loaded with the connect code) share; apart, so the entry stays small.
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

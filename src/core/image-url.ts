/** Which logo URLs the elements will show. */
import { isLocalHost, parse } from './url-parse.js';

const IMAGE_DATA_URL = /^data:image\/[a-z0-9.+-]+[;,]/i;

/** `data:image/<type>;…` or `data:image/<type>,…`: an inline image, nothing else inline. */
function isImageDataUrl(url: URL): boolean {
  return IMAGE_DATA_URL.test(url.href);
}

/**
 * Whether an image URL may be shown: `https:`, `data:image/…`, `blob:`, same-origin, or
 * `http:` on localhost. Relative URLs resolve against the document.
 */
export function isSafeImageUrl(url: unknown, documentUrl: string): url is string {
  if (typeof url !== 'string' || url.trim() === '') return false;
  // Inline logos (the common case for bundled brand marks) need no URL parsing: a page of 1,000.
  if (IMAGE_DATA_URL.test(url.trim())) return true;
  const parsed = parse(url.trim(), documentUrl);
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return isImageDataUrl(parsed);
  if (parsed.protocol === 'blob:' || parsed.protocol === 'https:') return true;
  if (parsed.protocol !== 'http:') return false;
  return isLocalHost(parsed.hostname) || parsed.origin === parse(documentUrl)?.origin;
}

/**
 * Whether a logo that came from the network (the app catalog) may be shown: only `https:`,
 * `http:` on localhost / 127.0.0.1, or an inline `data:image/…`. Nothing relative, no `blob:`,
 * never `javascript:`.
 */
export function isSafeRemoteImageUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  const parsed = parse(url.trim());
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return isImageDataUrl(parsed);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLocalHost(parsed.hostname));
}

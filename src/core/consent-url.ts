/**
 * The check of the consent URL Descope returns, before the browser (or the popup) is sent there.
 * Apart from url-safety.ts, which the drop-in's entry loads for logos: this part loads with the
 * connect code.
 */
import { OutboundError } from './errors.js';
import { navigationRefusal } from './url-safety.js';

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


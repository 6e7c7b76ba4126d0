/**
 * What a person can do about each failure (English defaults). The developer's details go to the
 * console; these go to the button's tooltip and live region. Loaded on the first failure.
 */
import type { OutboundErrorCode } from '../core/errors.js';
import type { FailureReasons } from './strings.js';

export const reasons: FailureReasons = {
    unauthenticated: 'Sign in, then try again.',
    forbidden: "You don't have access to this app.",
    'rate-limited': 'Too many attempts. Try again shortly.',
    network: 'Check your connection, then try again.',
    'provider-error': 'Access was not granted.',
    'popup-blocked': 'Allow pop-ups for this site, then try again.',
    default: 'Something went wrong. Try again later.',
};

/**
 * The reason for `code`. `overrides` (a locale's table, then the page's and the element's, least
 * specific first) replace English: the most specific reason for the code wins, else English's
 * reason for it, else the most specific `default`.
 */
export function reasonFor(code: OutboundErrorCode, overrides: (FailureReasons | undefined)[] = []): string {
  const merged: FailureReasons = Object.assign({}, reasons, ...overrides);
  return merged[code] ?? merged.default ?? '';
}

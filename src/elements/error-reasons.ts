/**
 * What a person can do about each failure (English defaults). The developer's details go to the
 * console; these go to the button's tooltip and live region. Loaded on the first failure.
 */
import type { OutboundErrorCode } from '../core/errors.js';

export const reasons: Partial<Record<OutboundErrorCode | 'default', string>> = {
    unauthenticated: 'Sign in, then try again.',
    forbidden: "You don't have access to this app.",
    'rate-limited': 'Too many attempts. Try again shortly.',
    network: 'Check your connection, then try again.',
    'provider-error': 'Access was not granted.',
    default: 'Something went wrong. Try again later.',
};

export function reasonFor(code: OutboundErrorCode): string {
  return reasons[code] ?? reasons.default ?? '';
}

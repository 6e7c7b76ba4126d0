/**
 * The token a Descope call is authenticated with, as the host gave it: `getToken()` (asked each
 * time, wins), else `token`, else none (the SDK's persisted session). Shared by the connect call
 * and the catalog reads, so both accept and refuse the same things.
 */
import type { OutboundConfig } from './config.js';
import { OutboundError } from './errors.js';

export async function resolveToken(config: OutboundConfig): Promise<string | undefined> {
  if (config.getToken !== undefined) {
    if (typeof config.getToken !== 'function') {
      throw new OutboundError('invalid-option', 'getToken must be a function returning a token.');
    }
    let token: unknown;
    try {
      token = await config.getToken();
    } catch (error) {
      throw new OutboundError('unauthenticated', `getToken() failed: ${(error as Error)?.message ?? error}`, {
        cause: error,
      });
    }
    if (typeof token !== 'string' || token === '') {
      throw new OutboundError('unauthenticated', 'getToken() returned no token. Is the user signed in?');
    }
    return token;
  }
  if (config.token !== undefined && (typeof config.token !== 'string' || config.token === '')) {
    throw new OutboundError('invalid-option', 'token must be a non-empty string.');
  }
  return config.token;
}

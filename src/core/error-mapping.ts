/**
 * How a Descope answer or an exception maps onto the contract's error codes, with a message that
 * tells the developer what to do next. Loaded with the connect code, not before.
 */
import { OutboundError, type DescopeErrorBody, type OutboundErrorCode } from './errors.js';

/** What to do about each failure of Descope's API, appended to the server's own words. */
const HTTP_HINTS: Partial<Record<OutboundErrorCode, string>> = {
  'invalid-option': "Is redirect-url in the project's approved domains, and are the scopes allowed?",
  unauthenticated: 'No valid session: sign the user in (same project and storage-prefix) or pass a token.',
  forbidden: 'This user or token may not connect this app; check tenant-id.',
  'app-not-found': 'Check app-id against the Outbound Apps of the Descope project.',
  'rate-limited': 'Try again later.',
  server: 'Try again later.',
};

export function codeForStatus(status: number): OutboundErrorCode {
  if (status === 400) return 'invalid-option';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'app-not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unknown';
}

/** Maps a non-ok SDK response (`{ ok: false, code, error }`) onto the contract's codes. */
export function errorFromResponse(status: number | undefined, body: DescopeErrorBody | undefined): OutboundError {
  const code = status === undefined ? 'unknown' : codeForStatus(status);
  const serverWords = [body?.errorDescription, body?.errorMessage].filter(Boolean).join(': ');
  const retry = code === 'rate-limited' && body?.retryAfter !== undefined ? ` Retry after ${body.retryAfter} s.` : '';
  const ref = body?.errorCode ? ` [${body.errorCode}]` : '';
  const message = `${serverWords || `HTTP ${status ?? '?'}`}${ref}. ${HTTP_HINTS[code] ?? ''}${retry}`.trim();
  return new OutboundError(code, message, status === undefined ? {} : { status });
}

/**
 * Maps a rejected SDK call. The SDK rejects when `fetch` fails (a `TypeError`: offline, DNS,
 * CORS refused) and when the answer is not JSON (a `SyntaxError` from `res.json()`).
 */
export function errorFromException(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  if (error instanceof TypeError) {
    return new OutboundError(
      'network',
      `Could not reach Descope (${error.message}); check base-url and that Descope allows this origin.`,
      { cause: error },
    );
  }
  if (error instanceof SyntaxError) {
    return new OutboundError('invalid-response', 'Descope answered with something that is not JSON; check base-url.', {
      cause: error,
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new OutboundError('unknown', `Unexpected failure: ${text}`, { cause: error });
}

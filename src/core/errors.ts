/**
 * The contract's error codes and the error type that carries them, with a message that tells the
 * developer what to do next. How Descope's answers map onto the codes is in `error-mapping.ts`.
 */

export type OutboundErrorCode =
  | 'missing-app-id'
  | 'invalid-option'
  | 'not-configured'
  | 'unauthenticated'
  | 'forbidden'
  | 'app-not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-response'
  | 'popup-blocked'
  | 'provider-error'
  | 'unknown';

export const ERROR_CODES: readonly OutboundErrorCode[] = [
  'missing-app-id',
  'invalid-option',
  'not-configured',
  'unauthenticated',
  'forbidden',
  'app-not-found',
  'rate-limited',
  'server',
  'network',
  'invalid-response',
  'popup-blocked',
  'provider-error',
  'unknown',
];

/** The error body of Descope's API, as `@descope/core-js-sdk` hands it back in `res.error`. */
export interface DescopeErrorBody {
  errorCode?: string;
  errorDescription?: string;
  errorMessage?: string;
  retryAfter?: number | string;
}

export class OutboundError extends Error {
  override readonly name = 'OutboundError';
  readonly code: OutboundErrorCode;
  /** HTTP status of Descope's answer, when the error came from one. */
  readonly status?: number;

  constructor(code: OutboundErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
  }
}

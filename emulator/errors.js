// @ts-check
/**
 * Descope-shaped error bodies: `{ errorCode, errorDescription, errorMessage }`.
 *
 * Descope does not publish which code each endpoint answers with. The E0110xx codes are the ones
 * `@descope/node-sdk` knows by name (its `DescopeErrors`); every other code below is the
 * emulator's own choice, picked to look like Descope's and kept in this one module so that tests
 * and docs have a single place to look.
 */

/** @typedef {{ code: string, description: string }} ErrorKind */

export const ERRORS = /** @type {const} */ ({
  badRequest: { code: 'E011001', description: 'Bad request' }, // malformed JSON or form body
  missingArguments: { code: 'E011002', description: 'Missing arguments' },
  invalidRequest: { code: 'E011003', description: 'Request is invalid' }, // e.g. wrong project ID
  invalidArguments: { code: 'E011004', description: 'Invalid arguments' },
  // Emulator's choice from here on.
  unauthorized: { code: 'E061004', description: 'Unauthorized' },
  forbidden: { code: 'E061005', description: 'Forbidden' },
  invalidCredentials: { code: 'E061102', description: 'Invalid credentials' },
  appNotFound: { code: 'E073001', description: 'Outbound application not found' },
  tokenNotFound: { code: 'E073002', description: 'Outbound application token not found' },
  routeNotFound: { code: 'E010404', description: 'Not found' },
  methodNotAllowed: { code: 'E010405', description: 'Method not allowed' },
  bodyTooLarge: { code: 'E010413', description: 'Request body too large' },
  rateLimited: { code: 'E010429', description: 'Too many requests' },
  internal: { code: 'E010500', description: 'Internal server error' },
  unavailable: { code: 'E010503', description: 'Service unavailable' },
});

/**
 * @param {ErrorKind} kind
 * @param {string} [message]
 */
export function errorBody(kind, message) {
  return { errorCode: kind.code, errorDescription: kind.description, errorMessage: message ?? kind.description };
}

/**
 * The error body a test fault answers with when it names only a status.
 * @param {number} status
 */
export function errorBodyForStatus(status) {
  /** @type {Record<number, ErrorKind>} */
  const byStatus = {
    400: ERRORS.invalidRequest,
    401: ERRORS.unauthorized,
    403: ERRORS.forbidden,
    404: ERRORS.appNotFound,
    405: ERRORS.methodNotAllowed,
    413: ERRORS.bodyTooLarge,
    429: ERRORS.rateLimited,
    503: ERRORS.unavailable,
  };
  const kind = byStatus[status] ?? (status >= 500 ? ERRORS.internal : { code: `E010${status}`, description: `HTTP ${status}` });
  return errorBody(kind, `Emulated fault (HTTP ${status})`);
}

/** An error a route throws to answer with a Descope-shaped JSON body. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {ErrorKind} kind
   * @param {string} [message]
   */
  constructor(status, kind, message) {
    super(message ?? kind.description);
    this.status = status;
    this.body = errorBody(kind, message);
  }
}

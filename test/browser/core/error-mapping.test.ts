import { expect } from '@open-wc/testing';
import { codeForStatus, errorFromException, errorFromResponse } from '../../../src/core/error-mapping.js';

describe('error mapping', () => {
  it('maps each HTTP status to its contract code', () => {
    expect([400, 401, 403, 404, 429, 500, 503, 418].map(codeForStatus)).to.deep.equal([
      'invalid-option',
      'unauthenticated',
      'forbidden',
      'app-not-found',
      'rate-limited',
      'server',
      'server',
      'unknown',
    ]);
  });

  it("keeps Descope's own words, its error code and the retry delay", () => {
    const error = errorFromResponse(429, { errorCode: 'E0', errorDescription: 'Too many requests', retryAfter: 7 });
    expect(error.code).to.equal('rate-limited');
    expect(error.status).to.equal(429);
    expect(error.message).to.contain('Too many requests').and.contain('[E0]').and.contain('Retry after 7 s');
  });

  it('tells network failures from non-JSON answers', () => {
    expect(errorFromException(new TypeError('Failed to fetch')).code).to.equal('network');
    expect(errorFromException(new SyntaxError('Unexpected token <')).code).to.equal('invalid-response');
    expect(errorFromException('odd').code).to.equal('unknown');
  });
});

import { expect } from '@open-wc/testing';
import { OutboundError } from '../../../src/core/errors.js';
import { buildConnectRequest } from '../../../src/core/request.js';
import { parseScopes } from '../../../src/core/scopes.js';

const page = 'https://app.example.com/settings?tab=apps#connections';

function fails(result: unknown, code: string, words: RegExp) {
  expect(result).to.be.instanceOf(OutboundError);
  expect((result as OutboundError).code).to.equal(code);
  expect((result as OutboundError).message).to.match(words);
}

describe('a connect request', () => {
  it('defaults to the current page, without its hash, which is kept aside', () => {
    const request = buildConnectRequest('slack', undefined, {}, page);
    expect(request).to.deep.include({
      appId: 'slack',
      redirectUrl: 'https://app.example.com/settings?tab=apps',
      hash: '#connections',
      mode: 'redirect',
      scopes: undefined,
    });
  });

  it('resolves a relative redirect-url against the page', () => {
    const request = buildConnectRequest('slack', ['a'], { redirectUrl: '/done?x=1' }, page);
    expect((request as { redirectUrl: string }).redirectUrl).to.equal('https://app.example.com/done?x=1');
  });

  it('accepts http only on localhost', () => {
    expect(buildConnectRequest('a', undefined, { redirectUrl: 'http://localhost:3000/cb' }, page)).not.to.be.instanceOf(
      OutboundError,
    );
    fails(buildConnectRequest('a', undefined, { redirectUrl: 'http://app.example.com/cb' }, page), 'invalid-option', /redirect-url/);
    fails(buildConnectRequest('a', undefined, { redirectUrl: 'javascript:alert(1)' }, page), 'invalid-option', /https/);
  });

  it('needs an app ID', () => {
    fails(buildConnectRequest('', undefined, {}, page), 'missing-app-id', /app-id/);
    fails(buildConnectRequest('   ', undefined, {}, page), 'missing-app-id', /app-id/);
    fails(buildConnectRequest(undefined, undefined, {}, page), 'missing-app-id', /app-id/);
  });

  it('refuses malformed scopes with a hint', () => {
    fails(buildConnectRequest('a', ['contacts,email'], {}, page), 'invalid-option', /spaces, not commas/);
    fails(buildConnectRequest('a', ['ok', ''], {}, page), 'invalid-option', /malformed/);
    fails(buildConnectRequest('a', 'a b', {}, page), 'invalid-option', /array of strings/);
    fails(buildConnectRequest('a', [1], {}, page), 'invalid-option', /array of strings/);
  });

  it('checks mode, tenant options and returnState', () => {
    fails(buildConnectRequest('a', undefined, { mode: 'modal' as never }, page), 'invalid-option', /mode/);
    fails(buildConnectRequest('a', undefined, { tenantId: '' }, page), 'invalid-option', /tenant-id/);
    fails(buildConnectRequest('a', undefined, { tenantLevel: 'yes' as never }, page), 'invalid-option', /tenantLevel/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    fails(buildConnectRequest('a', undefined, { returnState: cyclic }, page), 'invalid-option', /JSON/);
  });

  it('keeps tenant options and returnState when valid', () => {
    const request = buildConnectRequest('a', ['s1', 's2'], { tenantId: 't1', tenantLevel: true, returnState: { v: 1 } }, page);
    expect(request).to.deep.include({ tenantId: 't1', tenantLevel: true, returnState: { v: 1 }, scopes: ['s1', 's2'] });
  });

  it('parses the scopes attribute', () => {
    expect(parseScopes(' a  b\tc ')).to.deep.equal(['a', 'b', 'c']);
    expect(parseScopes('')).to.equal(undefined);
    expect(parseScopes(null)).to.equal(undefined);
  });
});

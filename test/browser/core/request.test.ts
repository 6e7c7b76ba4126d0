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
    const localPage = 'http://localhost:3000/settings';
    expect(buildConnectRequest('a', undefined, { redirectUrl: 'http://localhost:3000/cb' }, localPage)).not.to.be.instanceOf(OutboundError);
    fails(buildConnectRequest('a', undefined, { redirectUrl: 'http://app.example.com/cb' }, page), 'invalid-option', /redirect-url/);
    fails(buildConnectRequest('a', undefined, {}, 'http://app.example.com/cb'), 'invalid-option', /https/);
    fails(buildConnectRequest('a', undefined, { redirectUrl: 'javascript:alert(1)' }, page), 'invalid-option', /origin/);
  });

  it('keeps redirect-url on the page\'s origin, in every mode, resolving // and /\\ as the browser does', () => {
    for (const mode of ['redirect', 'popup', 'auto'] as const) {
      for (const elsewhere of ['https://evil.example/', '//127.0.0.1:4510/x', '/\\127.0.0.1:4510/x', '\\\\evil.example/x', 'https://app.example.com:8443/', 'https://sub.app.example.com/']) {
        fails(buildConnectRequest('a', undefined, { redirectUrl: elsewhere, mode }, page), 'invalid-option', /must be on this page's origin \(https:\/\/app\.example\.com\)/);
      }
    }
    // What only looks odd but stays here is fine.
    expect((buildConnectRequest('a', undefined, { redirectUrl: '  /done  ' }, page) as { redirectUrl: string }).redirectUrl).to.equal('https://app.example.com/done');
    expect((buildConnectRequest('a', undefined, { redirectUrl: 'https://APP.example.com/x' }, page) as { redirectUrl: string }).redirectUrl).to.equal('https://app.example.com/x');
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

  it('refuses a returnState that sessionStorage cannot hold, before anything leaves', () => {
    // Over any browser's sessionStorage quota (5 to 10 MB): the record would not be saved, and the
    // return would never be reported.
    fails(buildConnectRequest('a', undefined, { returnState: { draft: 'x'.repeat(6 * 1024 * 1024) } }, page), 'invalid-option', /too large for sessionStorage/);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('outbound-elements:')), 'the probe leaves nothing').to.deep.equal([]);
    // Deep, but JSON all the same (V8 serialises it without recursing): kept, not thrown.
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(buildConnectRequest('a', undefined, { returnState: deep }, page) instanceof OutboundError).to.equal(false);
    fails(buildConnectRequest('a', undefined, { returnState: 10n }, page), 'invalid-option', /JSON-serialisable/);
  });

  it('refuses, never throws, when an option is a throwing getter or a hostile Proxy', () => {
    const trap = new Proxy([], { get() { throw new Error('boom'); } });
    fails(buildConnectRequest('a', trap, {}, page), 'invalid-option', /could not be read/);
    const throwing = { get toJSON() { throw new Error('boom'); } };
    fails(buildConnectRequest('a', undefined, { returnState: throwing }, page), 'invalid-option', /JSON/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    fails(buildConnectRequest('a', undefined, { redirectUrl: cyclic as never }, page), 'invalid-option', /redirect-url must be a URL string/);
    fails(buildConnectRequest('a', undefined, { mode: cyclic as never }, page), 'invalid-option', /mode \(object\) must be one of/);
    let deep: unknown[] = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    fails(buildConnectRequest('a', deep, {}, page), 'invalid-option', /array of strings/);
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

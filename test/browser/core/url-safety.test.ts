import { expect } from '@open-wc/testing';
import { isSafeImageUrl } from '../../../src/core/image-url.js';
import { assertSafeConsentUrl, isSafeNavigationUrl, MAX_URL_LENGTH } from '../../../src/core/url-safety.js';

const publicPage = 'https://app.example.com/settings';
const localPage = 'http://localhost:3000/settings';

describe('URL safety', () => {
  it('navigates only to https, or http on localhost from a page on localhost', () => {
    expect(isSafeNavigationUrl('https://accounts.google.com/o/oauth2', publicPage)).to.equal(true);
    expect(isSafeNavigationUrl('http://localhost:4510/x', localPage)).to.equal(true);
    expect(isSafeNavigationUrl('http://127.0.0.1/x', localPage)).to.equal(true);
    for (const bad of ['http://evil.example/x', 'javascript:alert(1)', 'data:text/html,hi', '//evil.example', '', 42, undefined]) {
      expect(isSafeNavigationUrl(bad, localPage), String(bad)).to.equal(false);
    }
  });

  it('does not send a visitor of a public page to a server on their own machine', () => {
    expect(isSafeNavigationUrl('http://localhost:4510/authorize', publicPage)).to.equal(false);
    expect(isSafeNavigationUrl('http://127.0.0.1:4510/authorize', publicPage)).to.equal(false);
    expect(isSafeNavigationUrl('https://localhost:4510/authorize', publicPage), 'https stays fine').to.equal(true);
  });

  it('refuses a URL whose user name part dresses it up as another site', () => {
    for (const bad of ['https://accounts.google.com@evil.example/', 'https://u:p@evil.example/', 'https://:p@evil.example/', 'http://u@localhost/']) {
      expect(isSafeNavigationUrl(bad, localPage), bad).to.equal(false);
    }
  });

  it(`refuses a URL over ${MAX_URL_LENGTH} characters`, () => {
    const base = 'https://accounts.google.com/o/oauth2/auth?state=';
    expect(isSafeNavigationUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length), publicPage)).to.equal(true);
    expect(isSafeNavigationUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1), publicPage)).to.equal(false);
    expect(isSafeNavigationUrl(base + 'a'.repeat(2_000_000), publicPage)).to.equal(false);
  });

  it('says why a consent URL was refused, as an invalid-response', () => {
    expect(() => assertSafeConsentUrl('https://u:p@evil.example/', publicPage))
      .to.throw(/user name or password/)
      .with.property('code', 'invalid-response');
    expect(() => assertSafeConsentUrl('http://localhost:1/', publicPage)).to.throw(/this page is not/);
    expect(() => assertSafeConsentUrl('https://x.example/' + 'a'.repeat(9000), publicPage)).to.throw(/over 8192 characters/);
    expect(() => assertSafeConsentUrl('https://accounts.google.com/', publicPage)).not.to.throw();
  });

  it('shows logos only from https, data:image, blob, same origin or localhost', () => {
    const doc = 'https://app.example.com/page';
    expect(isSafeImageUrl('https://cdn.example/logo.svg', doc)).to.equal(true);
    expect(isSafeImageUrl('data:image/png;base64,AAAA', doc)).to.equal(true);
    expect(isSafeImageUrl('/img/logo.svg', doc)).to.equal(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'http://evil.example/x.png', ' ', null]) {
      expect(isSafeImageUrl(bad, doc), String(bad)).to.equal(false);
    }
  });
});

import { expect } from '@open-wc/testing';
import { isSafeImageUrl } from '../../../src/core/image-url.js';
import { isSafeNavigationUrl } from '../../../src/core/url-safety.js';

describe('URL safety', () => {
  it('navigates only to https, or http on localhost', () => {
    expect(isSafeNavigationUrl('https://accounts.google.com/o/oauth2')).to.equal(true);
    expect(isSafeNavigationUrl('http://localhost:4510/x')).to.equal(true);
    expect(isSafeNavigationUrl('http://127.0.0.1/x')).to.equal(true);
    for (const bad of ['http://evil.example/x', 'javascript:alert(1)', 'data:text/html,hi', '//evil.example', '', 42, undefined]) {
      expect(isSafeNavigationUrl(bad), String(bad)).to.equal(false);
    }
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

/**
 * diagnose() and the page's security policies. In a file of its own: a Content-Security-Policy,
 * once in force, stays for the page's life.
 */
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import { diagnose } from '../../../src/core/diagnose.js';
import { emulator, isolateEachTest } from '../support.js';

/** Puts a policy in force, as a `<meta http-equiv>` in the head does. */
function enforce(policy: string): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
}

/** Chromium's Trusted Types factory (TypeScript's DOM library does not declare it yet). */
const trustedTypes = (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;

const violation = () => new Promise((resolve) => addEventListener('securitypolicyviolation', resolve, { once: true }));

describe('diagnose() and security policies', () => {
  isolateEachTest();
  afterEach(() => configure({ token: undefined }));

  it('before any violation: nothing; a connect-src that blocks the Descope API → csp-connect-src; a Trusted Types policy refusing lit-html → trusted-types', async () => {
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl, token: 'a-token' });
    expect(diagnose().findings).to.deep.equal([]);

    // The test server is 'self'; the emulator runs on another port, another origin.
    enforce("connect-src 'self'; trusted-types some-other-policy");
    let seen = violation();
    await fetch(`${emulator.baseUrl}/v1/auth/me`).catch(() => undefined);
    await seen;
    const blocked = diagnose().findings.find((f) => f.id === 'csp-connect-src');
    expect(blocked?.severity).to.equal('error');
    expect(blocked?.fix).to.contain(new URL(emulator.baseUrl).origin);

    seen = violation();
    expect(() => trustedTypes.createPolicy('lit-html', { createHTML: (s: string) => s })).to.throw();
    await seen;
    expect(diagnose().findings.map((f) => f.id)).to.deep.equal(['csp-connect-src', 'trusted-types']);

    configure({ baseUrl: 'https://api.descope.com' });
    expect(
      diagnose().findings.map((f) => f.id),
      'a blocked request to another origin than the Descope API is not ours',
    ).to.deep.equal(['trusted-types']);
  });
});

// @ts-check
/**
 * The emulator's consent page can send Cross-Origin-Opener-Policy, as some real providers do, so
 * popup mode is tested against a page that cuts `window.opener`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../emulator/server.js';
import { call, session } from './support/emulator-client.js';

/** Connects an app for a fresh session and fetches the consent page. @param {Awaited<ReturnType<typeof startEmulator>>} emulator */
async function consentPage({ baseUrl, projectId }) {
  const { refreshJwt } = await session(baseUrl, 'coop@example.com');
  const { json } = await call(baseUrl, '/v1/outbound/oauth/connect', {
    method: 'POST',
    headers: { Authorization: `Bearer ${projectId}:${refreshJwt}` },
    body: { appId: 'slack', options: { redirectUrl: 'http://localhost:1/app' } },
  });
  return fetch(json.url, { redirect: 'manual' });
}

test('consentOpenerPolicy sets Cross-Origin-Opener-Policy on the consent page; by default there is none', async () => {
  const strict = await startEmulator({ port: 0, consentOpenerPolicy: 'same-origin' });
  const plain = await startEmulator({ port: 0 });
  try {
    const withPolicy = await consentPage(strict);
    assert.equal(withPolicy.status, 200);
    assert.equal(withPolicy.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.match(withPolicy.headers.get('content-security-policy') ?? '', /default-src 'none'/, 'the usual headers stay');
    const without = await consentPage(plain);
    assert.equal(without.status, 200);
    assert.equal(without.headers.get('cross-origin-opener-policy'), null);
  } finally {
    await strict.close();
    await plain.close();
  }
});

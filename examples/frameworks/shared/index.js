// The host page's side of every example app: its own Descope SDK and the emulator's demo user.
// Nothing runs at import (the Next.js app imports this on the server too).
import createSdk from '@descope/web-js-sdk';
import { configure } from 'outbound-elements/core';

/** The local emulator's defaults (`npx outbound-emulator`); a page may set `window.descopeConfig` first. */
const DEFAULTS = { projectId: 'P2OutboundElementsEmulator01', baseUrl: 'http://127.0.0.1:4510' };

/**
 * The app keeps its session under a prefix of its own, so the elements do not find it by
 * themselves: they get it from the app through `getToken`, as the recipes show.
 */
const STORAGE_PREFIX = 'examples.';

/** @type {ReturnType<typeof createSdk> | undefined} */
let sdk;

export function descopeConfig() {
  return { ...DEFAULTS, ...(globalThis.descopeConfig ?? {}) };
}

/** The page's Descope SDK, created on first use; also tells the elements where the project is. */
export function hostSdk() {
  if (!sdk) {
    const { projectId, baseUrl } = descopeConfig();
    sdk = createSdk({ projectId, baseUrl, persistTokens: true, storagePrefix: STORAGE_PREFIX });
    configure({ projectId, baseUrl });
  }
  return sdk;
}

/** What the elements' `getToken` property is given: the session this page holds. */
export function getToken() {
  return hostSdk().getRefreshToken() ?? '';
}

export function isSignedIn() {
  return Boolean(getToken());
}

/** Signs the emulator's demo user in through the page's SDK (which persists the session). */
export async function signIn() {
  const res = await hostSdk().password.signIn('demo@example.com', 'demo-password');
  if (!res.ok) throw new Error(`sign-in failed: ${JSON.stringify(res.error)}`);
  return res.data.user.userId;
}

/**
 * Talking to Descope: the token a call is authenticated with, and one `@descope/web-js-sdk`
 * instance per project, base URL and storage prefix, created on first use. The SDK module is
 * imported lazily so the elements paint without it.
 *
 * The instance persists tokens like the host's own Descope SDK (`persistTokens: true` with the
 * same `storagePrefix`), so the connect call finds the session the page already has. Creating it
 * makes no network request.
 */
import type { OutboundConfig, OutboundSdk } from './config.js';
import { OutboundError } from './errors.js';

export function notConfiguredError(): OutboundError {
  return new OutboundError(
    'not-configured',
    'No Descope project: set project-id (and base-url) on the element, an <outbound-connect> or configure(), or pass an sdk.',
  );
}

const instances = new Map<string, Promise<OutboundSdk>>();

export function getSdk(config: OutboundConfig): Promise<OutboundSdk> {
  if (config.sdk) {
    return typeof config.sdk.outbound?.connect === 'function'
      ? Promise.resolve(config.sdk)
      : Promise.reject(new OutboundError('invalid-option', 'sdk must be a @descope/web-js-sdk instance (it has no outbound.connect).'));
  }
  const { projectId, baseUrl, storagePrefix = '' } = config;
  if (!projectId) return Promise.reject(notConfiguredError());
  const key = JSON.stringify([projectId, baseUrl ?? '', storagePrefix]);
  let instance = instances.get(key);
  if (!instance) {
    instance = createSdk(projectId, baseUrl, storagePrefix);
    instances.set(key, instance);
    // A failed chunk load must not be cached forever: the next click tries again.
    instance.catch(() => instances.delete(key));
  }
  return instance;
}

let sdkModule: Promise<typeof import('@descope/web-js-sdk')> | undefined;

/** Loads the SDK module (no instance, no request to Descope); a failed load is retried next time. */
export function loadSdkModule(): Promise<typeof import('@descope/web-js-sdk')> {
  sdkModule ??= import('@descope/web-js-sdk').catch((error: unknown) => {
    sdkModule = undefined;
    throw error;
  });
  return sdkModule;
}

async function createSdk(projectId: string, baseUrl: string | undefined, storagePrefix: string): Promise<OutboundSdk> {
  // A failed chunk load rejects with a TypeError, which connect() reports as `network`.
  const module = await loadSdkModule();
  return module.default({
    projectId,
    ...(baseUrl ? { baseUrl } : {}),
    persistTokens: true,
    storagePrefix,
    autoRefresh: false,
    // Only the host's own SDK should write its "last user" and flow-nonce keys.
    storeLastAuthenticatedUser: false,
    enableFlowNonce: false,
  }) as unknown as OutboundSdk;
}

/**
 * The token a Descope call is authenticated with, as the host gave it: `getToken()` (asked each
 * time, wins), else `token`, else none (the SDK's persisted session). Shared by the connect call
 * and the catalog reads, so both accept and refuse the same things.
 */
export async function resolveToken(config: OutboundConfig): Promise<string | undefined> {
  if (config.getToken !== undefined) {
    if (typeof config.getToken !== 'function') {
      throw new OutboundError('invalid-option', 'getToken must be a function returning a token.');
    }
    let token: unknown;
    try {
      token = await config.getToken();
    } catch (error) {
      throw new OutboundError('unauthenticated', `getToken() failed: ${(error as Error)?.message ?? error}`, {
        cause: error,
      });
    }
    if (typeof token !== 'string' || token === '') {
      throw new OutboundError('unauthenticated', 'getToken() returned no token. Is the user signed in?');
    }
    return token;
  }
  if (config.token !== undefined && (typeof config.token !== 'string' || config.token === '')) {
    throw new OutboundError('invalid-option', 'token must be a non-empty string.');
  }
  return config.token;
}

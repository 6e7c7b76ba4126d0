/**
 * Test helpers: the emulator the runner started, sessions, faults, and a recorder in place of
 * the one real navigation (so a test page is not sent away).
 */
import { waitUntil } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { forgetConnections } from '../../src/core/connection-state.js';
import { navigation } from '../../src/core/connect.js';

declare global {
  interface Window {
    __EMULATOR__: { baseUrl: string; projectId: string };
  }
}

export const emulator = window.__EMULATOR__;

export async function api<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(emulator.baseUrl + path, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  return (await response.json()) as T;
}

/** A fresh user session at the emulator: its refresh token and user ID. */
export async function newSession(): Promise<{ refreshJwt: string; userId: string }> {
  const session = await api<{ refreshJwt: string; user: { userId: string } }>('/emulator/sessions', {
    method: 'POST',
    body: JSON.stringify({ userId: `U-${crypto.randomUUID()}` }),
  });
  return { refreshJwt: session.refreshJwt, userId: session.user.userId };
}

/** Makes the next connect call(s) for `appId` answer with `status` (and `body`). */
export function fault(appId: string, status: number, body?: unknown, times = 1): Promise<unknown> {
  return api('/emulator/faults', { method: 'POST', body: JSON.stringify({ appId, status, body, times }) });
}

export async function requestsSince(since: number, path?: string): Promise<{ method: string; path: string }[]> {
  const { requests } = await api<{ requests: { method: string; path: string }[] }>(`/emulator/requests?since=${since}`);
  return path ? requests.filter((r) => r.path === path) : requests;
}

/** Records navigations instead of leaving the page, until `restore()`. */
export function recordNavigation(): { urls: string[]; next: () => Promise<string>; restore: () => void } {
  const original = navigation.assign;
  const urls: string[] = [];
  let waiters: ((url: string) => void)[] = [];
  navigation.assign = (url: string) => {
    urls.push(url);
    waiters.forEach((resolve) => resolve(url));
    waiters = [];
  };
  return {
    urls,
    next: () => new Promise((resolve) => waiters.push(resolve)),
    // A recorded navigation stands for a page that left: the next test's page starts over.
    restore: () => {
      navigation.assign = original;
      forgetConnections();
    },
  };
}

/** Resolves with the next event `name` on `target` (or rejects after `ms`). */
export function nextEvent<T = unknown>(target: EventTarget, name: string, ms = 6000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms);
    target.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** Polls until `check` passes (a catalog read, a popup, a status that arrives asynchronously). */
export function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  return waitUntil(check, `timed out waiting for ${what}`, { timeout: ms, interval: 20 });
}

/** Puts the URL of this page back to `path` without reloading. */
export function setUrl(path: string): void {
  history.replaceState(null, '', path);
}

export function clearStorage(): void {
  sessionStorage.clear();
  localStorage.clear();
}

/**
 * For a `describe` block: each test starts with empty storage, recorded navigation, no page-wide
 * configuration, and (with `signedIn`) a fresh session persisted like the host's Descope SDK does.
 * Returns a getter for the current test's navigation recorder.
 */
export function isolateEachTest(options: { signedIn?: boolean } = {}): () => ReturnType<typeof recordNavigation> {
  let navigation: ReturnType<typeof recordNavigation>;
  beforeEach(async () => {
    clearStorage();
    forgetConnections();
    navigation = recordNavigation();
    if (options.signedIn) localStorage.setItem('DSR', (await newSession()).refreshJwt);
  });
  afterEach(() => {
    navigation.restore();
    clearStorage();
    configure({ projectId: undefined, baseUrl: undefined, tenantId: undefined, redirectUrl: undefined });
  });
  return () => navigation;
}

/**
 * Collects what the code under test writes with console.warn and console.error (each call's
 * arguments) until `restore()`; nothing reaches the real console meanwhile.
 */
export function captureConsoleWarnings(): { said: unknown[][]; restore: () => void } {
  const said: unknown[][] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => said.push(args);
  console.error = (...args: unknown[]) => said.push(args);
  return { said, restore: () => Object.assign(console, { warn, error }) };
}

/**
 * The native button of a list row: the row's `<outbound-app-button compact>` holds it (its
 * `button` part is exported as the list's `connect` part). `null` until the row is there.
 */
export function rowButton(list: Element, appId: string): HTMLButtonElement | null {
  const host = list.shadowRoot?.querySelector(`li[data-app-id="${appId}"] outbound-app-button`);
  return host?.shadowRoot?.querySelector<HTMLButtonElement>('button[part="button"]') ?? null;
}

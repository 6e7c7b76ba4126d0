import type createSdk from '@descope/web-js-sdk';

declare global {
  // eslint-disable-next-line no-var
  var descopeConfig: { projectId?: string; baseUrl?: string } | undefined;
}

export function descopeConfig(): { projectId: string; baseUrl: string };
export function hostSdk(): ReturnType<typeof createSdk>;
export function getToken(): string;
export function isSignedIn(): boolean;
export function signIn(): Promise<string>;

/**
 * The session part of `diagnose()`: which session the connect call would use (as `resolveToken`
 * and the SDK pick it: `getToken`, then `token`, then the host's `sdk`, then what the host's
 * Descope SDK persisted under `storagePrefix`), and what is wrong with it. `getToken` is not
 * called (that could refresh a session): it is reported as present. Tokens are decoded for their
 * expiry and project only, and never returned.
 */
import type { OutboundConfig } from './config.js';
import type { Finding } from './diagnose.js';
import { hasExpired, jwtClaims, projectOf } from './jwt-claims.js';

export type SessionSource = 'getToken' | 'token' | 'sdk' | 'localStorage' | 'cookie' | 'none';

export interface SessionReport {
  /** Where the session the connect call would use was found. */
  source: SessionSource;
  /** For a persisted session: the localStorage key or cookie name (`<storagePrefix>DSR`, `DS`). */
  key?: string;
  /** The `storagePrefix` looked under. */
  storagePrefix: string;
  /** When the token found expires, if it says (ISO 8601). */
  expiresAt?: string;
}

interface Found {
  source: SessionSource;
  key?: string;
  token?: string;
}

export function sessionFindings(config: OutboundConfig, win: Window): { report: SessionReport; findings: Finding[] } {
  const storagePrefix = typeof config.storagePrefix === 'string' ? config.storagePrefix : '';
  const found = findSession(config, storagePrefix, win);
  const report: SessionReport = { source: found.source, storagePrefix, ...(found.key ? { key: found.key } : {}) };
  const findings: Finding[] = [];
  const claims = found.token ? jwtClaims(found.token) : undefined;
  if (claims?.exp !== undefined && typeof claims.exp === 'number') report.expiresAt = new Date(claims.exp * 1000).toISOString();
  if (claims && hasExpired(claims)) findings.push(expired(found, report.expiresAt));
  const project = claims && projectOf(claims);
  if (project && config.projectId && project !== config.projectId) findings.push(otherProject(found, project, config.projectId));
  if (found.source === 'none') findings.push(missing(storagePrefix, win));
  return { report, findings };
}

function findSession(config: OutboundConfig, prefix: string, win: Window): Found {
  if (config.getToken !== undefined) return { source: 'getToken' };
  if (typeof config.token === 'string' && config.token) return { source: 'token', token: config.token };
  if (config.sdk) return { source: 'sdk' };
  for (const key of [`${prefix}DSR`, `${prefix}DS`]) {
    const token = readLocal(win, key);
    if (token) return { source: 'localStorage', key, token };
  }
  const cookie = /(?:^|;\s*)(DSR?)=([^;]+)/.exec(readCookie(win));
  return cookie ? { source: 'cookie', key: cookie[1], token: decodeURIComponent(cookie[2]!) } : { source: 'none' };
}

function readLocal(win: Window, key: string): string | null {
  try {
    return win.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function readCookie(win: Window): string {
  try {
    return win.document.cookie;
  } catch {
    return '';
  }
}

/** `storagePrefix`es other than `prefix` under which a Descope refresh token is persisted. */
function otherPrefixes(prefix: string, win: Window): string[] {
  try {
    const keys = Array.from({ length: win.localStorage.length }, (_, i) => win.localStorage.key(i) ?? '');
    return keys.filter((key) => key.endsWith('DSR') && key !== `${prefix}DSR`).map((key) => key.slice(0, -3));
  } catch {
    return [];
  }
}

const where = (found: Found) => (found.key ? `The session in ${found.source} "${found.key}"` : `The ${found.source} token`);

function expired(found: Found, at: string | undefined): Finding {
  return {
    id: 'session-expired',
    severity: 'error',
    seen: `${where(found)} expired${at ? ` at ${at}` : ''}, so Descope answers 401 (unauthenticated).`,
    fix: 'Sign the user in again with your Descope SDK (or refresh the session before connecting); a getToken() that returns a fresh token avoids this.',
  };
}

function otherProject(found: Found, project: string, configured: string): Finding {
  return {
    id: 'session-other-project',
    severity: 'error',
    seen: `${where(found)} was issued for project ${project}, but the elements use project ${configured}.`,
    fix: 'Use the same project-id as the Descope SDK that signs the user in.',
  };
}

function missing(prefix: string, win: Window): Finding {
  const others = otherPrefixes(prefix, win);
  if (others.length) {
    const [other] = others;
    return {
      id: 'session-other-prefix',
      severity: 'error',
      seen: `A Descope session is persisted under storage prefix "${other}" (localStorage "${other}DSR"), but storage-prefix is "${prefix}".`,
      fix: `Set storage-prefix="${other}" (or configure({ storagePrefix: ${JSON.stringify(other)} })), the prefix your Descope SDK uses.`,
    };
  }
  return {
    id: 'no-session',
    severity: 'warning',
    seen: `No session: no token, no getToken, no sdk, and nothing persisted as localStorage "${prefix}DSR" / "${prefix}DS" or a DSR / DS cookie. The connect call will answer unauthenticated.`,
    fix: 'Sign the user in with your Descope SDK (persistTokens: true) first, or pass token / getToken, or the sdk instance you sign in with.',
  };
}

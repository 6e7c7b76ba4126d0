/**
 * The claims of a Descope JWT, read without verifying it: enough for `diagnose()` to say a
 * refresh token has expired or belongs to another project. Only the payload is decoded; the
 * token itself is never kept, returned or printed.
 */
export interface JwtClaims {
  /** Expiry, seconds since the epoch. */
  exp?: number;
  /** The project: Descope writes `P2abc…` or `https://api.descope.com/P2abc…`. */
  iss?: string;
}

/** The payload of `token`, or `undefined` when it is not a JWT. */
export function jwtClaims(token: string): JwtClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return claims !== null && typeof claims === 'object' ? (claims as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}

/** The project ID a token was issued for: the last path segment of `iss`. */
export function projectOf(claims: JwtClaims): string | undefined {
  return typeof claims.iss === 'string' ? claims.iss.split('/').filter(Boolean).pop() : undefined;
}

/** Whether the token's `exp` has passed (`now` in milliseconds). */
export function hasExpired(claims: JwtClaims, now = Date.now()): boolean {
  return typeof claims.exp === 'number' && claims.exp * 1000 <= now;
}

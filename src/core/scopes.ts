/** The `scopes` attribute: a space-separated list. */
/** `"a b  c"` → `['a','b','c']`; empty or missing → `undefined` (the app's default scopes). */
export function parseScopes(value: string | null | undefined): string[] | undefined {
  if (value == null) return undefined;
  const scopes = value.split(/\s+/).filter(Boolean);
  return scopes.length ? scopes : undefined;
}

/**
 * What a `scopes` property is set to, as the elements keep it: a space-separated string (what
 * frameworks pass from markup) becomes the list; an array or anything else is kept as given (a
 * malformed one is reported as `invalid-option` when connecting, not thrown here).
 */
export function toScopes(value: unknown): unknown {
  return typeof value === 'string' ? parseScopes(value) : (value ?? undefined);
}

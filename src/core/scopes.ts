/** The `scopes` attribute: a space-separated list. */
/** `"a b  c"` → `['a','b','c']`; empty or missing → `undefined` (the app's default scopes). */
export function parseScopes(value: string | null | undefined): string[] | undefined {
  if (value == null) return undefined;
  const scopes = value.split(/\s+/).filter(Boolean);
  return scopes.length ? scopes : undefined;
}

/** The query as raw `name=value` pieces, so that what is kept is kept byte for byte. */
export function splitQuery(search: string): { key: string; raw: string }[] {
  return search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((raw) => ({ key: [...new URLSearchParams(raw).keys()][0] ?? '', raw }));
}

/** `?a=1&b=2` from the pieces, or `''` when none is left. */
export function joinQuery(pieces: { raw: string }[]): string {
  return pieces.length ? `?${pieces.map((p) => p.raw).join('&')}` : '';
}

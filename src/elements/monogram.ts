/**
 * The stand-in logo when there is none (or it fails to load): the app name's first letter on a
 * neutral tile drawn from the button's own colours, so it suits any theme.
 */
export function monogramLetter(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}

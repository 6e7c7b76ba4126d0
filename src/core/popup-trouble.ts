/**
 * What went wrong with the last popup, for `diagnose()`: the browser blocked it, or the provider's
 * page cut the opener relation (its `Cross-Origin-Opener-Policy` made the popup look closed while
 * the user was still on it). Written by the popup code, kept in sessionStorage too, because a
 * blocked popup falls back to a full-page redirect and the page that comes back is a new one.
 */
export type PopupTrouble = 'blocked' | 'opener-cut';

const KEY = 'outbound-elements:popup-trouble';
/** `null`: this page load saw a popup work. */
let last: PopupTrouble | null | undefined;

/** Remembers what went wrong with a popup just now; `undefined`: a popup worked, the trouble is history. Never throws. */
export function notePopupTrouble(trouble: PopupTrouble | undefined): void {
  last = trouble ?? null;
  try {
    if (trouble) sessionStorage.setItem(KEY, trouble);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage blocked: this page load still knows */
  }
}

/** What went wrong with the last popup of this tab, if anything. */
export function lastPopupTrouble(win: Window = window): PopupTrouble | undefined {
  if (win === window && last !== undefined) return last ?? undefined;
  try {
    const stored = win.sessionStorage.getItem(KEY);
    return stored === 'blocked' || stored === 'opener-cut' ? stored : undefined;
  } catch {
    return undefined;
  }
}

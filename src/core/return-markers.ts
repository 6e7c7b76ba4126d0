/** The names our redirect-return protocol writes, shared by the cheap check and the full handler. */

/** Query parameter added to the redirect URL; its value is the connection's nonce. */
export const RETURN_PARAM = 'outbound-return';
/** `sessionStorage` key prefix of a pending connection's record. */
export const PENDING_PREFIX = 'outbound-elements:pending:';

/**
 * Whether this page load might be a return (or a Back) from a connection: our parameter is in
 * the URL or this tab has a pending record. Cheap, so the full handler loads only when needed.
 */
export function mayHaveReturn(): boolean {
  if (new URLSearchParams(window.location.search).has(RETURN_PARAM)) return true;
  try {
    const store = window.sessionStorage;
    for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(PENDING_PREFIX)) return true;
  } catch {
    /* storage blocked: nothing can be pending */
  }
  return false;
}

// The demo's <outbound-app-list> section: what a host page does around the list. The list reads
// the catalog and the status itself; the page only handles Disconnect (on its backend) and asks
// for a refresh when it knows the session or the connections changed.
import demoConfig from '/demo-config.js';
import { hostSdk } from '/host-sdk.js';

const api = String(demoConfig.baseUrl).replace(/\/+$/, '');
const list = /** @type {HTMLElement & { refresh(): Promise<void> }} */ (document.getElementById('demo-app-list'));
const status = document.getElementById('app-list-status');

/**
 * Removing provider tokens needs the management key, so a real page asks its backend
 * (`deleteUserTokens(appId, userId)`). Against the emulator, its test hook does the same.
 */
list.addEventListener('outbound-disconnect', async (event) => {
  const { appId } = event.detail;
  try {
    // The host's own SDK, for the signed-in user's ID.
    const me = await hostSdk?.me();
    if (!me?.ok) throw new Error('no session');
    const query = new URLSearchParams({ userId: me.data.userId, appId });
    const res = await fetch(`${api}/emulator/connections?${query}`, { method: 'DELETE' });
    if (!res.ok) throw new Error(`HTTP ${res.status} (against real Descope, disconnect on your backend)`);
    status.textContent = `${appId} disconnected.`;
  } catch (error) {
    status.textContent = `Could not disconnect ${appId}: ${error.message}.`;
  }
  await list.refresh();
  document.getElementById('refresh-connections')?.click(); // the emulator panel, if shown
});

document.getElementById('app-list-refresh').addEventListener('click', () => void list.refresh());

// Signing in or out happens in demo.js, which says so with this event: the list reads again.
document.addEventListener('demo-session-change', () => void list.refresh());

/**
 * A stand-in for `@descope/web-js-sdk` that answers the catalog endpoints from memory, for
 * stories and for tests of our own logic (no network). Pass it as the `sdk` property:
 *
 *   html`<outbound-app-list .sdk=${fakeCatalogSdk({ connected: ['slack'] })}></outbound-app-list>`
 *
 * `delayMs: Infinity` keeps every request pending (the loading state); `fail` answers the catalog
 * with that HTTP status; `connect` makes an app's connect call hang or fail; `calls` counts the
 * requests per path.
 */
export interface FakeApp {
  id: string;
  name: string;
  description?: string;
  logo?: string;
}

export interface FakeCatalogOptions {
  apps?: FakeApp[];
  connected?: string[];
  delayMs?: number;
  fail?: number;
  userId?: string;
  /** Per app ID, how its connect call answers: `pending` (never), or an HTTP status to fail with. */
  connect?: Record<string, 'pending' | number>;
}

/** Logos drawn inline (data:image/svg+xml), so stories need no server. */
const logo = (color: string, letter: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${color}"/><text x="16" y="22" font-family="system-ui,sans-serif" font-size="17" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`,
  )}`;

export const SAMPLE_APPS: FakeApp[] = [
  { id: 'slack', name: 'Slack', description: 'See your channels and post messages.', logo: logo('#4a154b', 'S') },
  { id: 'google-contacts', name: 'Google Contacts', description: 'Read the contacts in your Google account.', logo: logo('#1a73e8', 'G') },
  { id: 'hubspot', name: 'HubSpot', description: 'Read your CRM contacts.', logo: logo('#ff7a59', 'H') },
  { id: 'github', name: 'GitHub', description: 'Access your repositories and profile.', logo: logo('#24292f', 'G') },
  { id: 'notion', name: 'Notion', description: 'Read and edit the pages you share.' },
];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function fakeCatalogSdk(options: FakeCatalogOptions = {}) {
  const { apps = SAMPLE_APPS, delayMs = 0, fail, userId = 'U-story' } = options;
  const connected = [...(options.connected ?? [])];
  const calls: Record<string, number> = {};
  /** The `redirectUrl` of each connect call, in order (a popup flow's nonce is in it). */
  const redirectUrls: string[] = [];
  const wait = <T>(value: () => T): Promise<T> =>
    delayMs === Infinity ? new Promise<T>(() => undefined) : new Promise((resolve) => setTimeout(() => resolve(value()), delayMs));
  const count = (path: string) => (calls[path] = (calls[path] ?? 0) + 1);
  return {
    calls,
    connected,
    redirectUrls,
    outbound: {
      connect: async (appId: string, connectOptions?: { redirectUrl?: string }) => {
        redirectUrls.push(connectOptions?.redirectUrl ?? '');
        const answer = options.connect?.[appId];
        if (answer === 'pending') return new Promise<never>(() => undefined);
        if (answer) return { ok: false, code: answer, data: { url: '' }, error: { errorDescription: `HTTP ${answer}` } };
        return { ok: true, code: 200, data: { url: `https://provider.example/authorize?app=${appId}` } };
      },
    },
    me: (token?: string) => {
      void token;
      count('/v1/auth/me');
      return wait(() => ({ ok: true, code: 200, data: { userId } }));
    },
    httpClient: {
      get: (path: string) => {
        count(path);
        return wait(() => {
          if (path === '/v1/mgmt/outbound/apps') {
            return fail ? json(fail, { errorCode: 'E000000', errorDescription: 'Failure', errorMessage: `HTTP ${fail}` }) : json(200, { apps });
          }
          if (path === '/v1/mgmt/outbound/apps-with-user-token') return json(200, { appIds: [...connected] });
          return json(404, { errorCode: 'E011003', errorDescription: 'No route' });
        });
      },
    },
  };
}

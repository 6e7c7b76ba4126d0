import { expect } from '@open-wc/testing';
import {
  CATALOG_CHANNEL,
  CATALOG_FRESH_MS,
  CATALOG_PATH,
  CONNECTED_PATH,
  ME_PATH,
  noteConnected,
  onCatalogChange,
  readCatalog,
  readConnectedAppIds,
  refreshCatalog,
} from '../../../src/core/catalog.js';
import { isSafeRemoteImageUrl } from '../../../src/core/image-url.js';
import { fakeCatalogSdk } from '../../../stories/support/fake-catalog-sdk.js';
import { emulator, isolateEachTest, newSession, requestsSince, captureConsoleWarnings } from '../support.js';

const config = () => ({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
const storageKey = () => `outbound-elements:catalog:${JSON.stringify([emulator.projectId, emulator.baseUrl])}`;
const gets = async (since: number, path: string) => (await requestsSince(since, path)).filter((r) => r.method === 'GET').length;
const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves on the next change notification. */
const nextChange = () =>
  new Promise<void>((resolve) => {
    const stop = onCatalogChange(() => {
      stop();
      resolve();
    });
  });

describe('catalog client (src/core/catalog.ts)', () => {
  isolateEachTest({ signedIn: true });
  beforeEach(() => refreshCatalog());

  it('reads the apps from GET /v1/mgmt/outbound/apps with the page session, once for any number of readers', async () => {
    const since = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => readCatalog(config())));
    expect(results.every((r) => r === results[0])).to.equal(true);
    const first = results[0]!;
    expect(first.state).to.equal('ready');
    if (first.state !== 'ready') return;
    const slack = first.value.find((app) => app.id === 'slack')!;
    expect(slack).to.deep.equal({
      id: 'slack',
      name: 'Slack',
      description: 'See your channels and post messages.',
      logo: `${emulator.baseUrl}/emulator/logos/slack.svg`,
    });
    expect(await gets(since, CATALOG_PATH)).to.equal(1);
  });

  it('reads the connected app IDs through /v1/auth/me and apps-with-user-token, once each', async () => {
    const since = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => readConnectedAppIds(config())));
    expect(results[0]).to.deep.equal({ state: 'ready', value: [] });
    expect(await gets(since, ME_PATH)).to.equal(1);
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
  });

  it('makes no request without a session, and says "signed-out" without a console message', async () => {
    localStorage.clear();
    const since = Date.now();
    const { said, restore } = captureConsoleWarnings();
    try {
      expect(await readCatalog(config())).to.deep.equal({ state: 'signed-out' });
      expect(await readConnectedAppIds(config())).to.deep.equal({ state: 'signed-out' });
    } finally {
      restore();
    }
    expect(await requestsSince(since)).to.deep.equal([]);
    expect(said).to.deep.equal([]);
  });

  it('treats an expired or revoked session (401) as signed out, quietly', async () => {
    localStorage.setItem('DSR', 'not-a-valid-jwt');
    const { said, restore } = captureConsoleWarnings();
    try {
      expect(await readCatalog(config())).to.deep.equal({ state: 'signed-out' });
    } finally {
      restore();
    }
    expect(said).to.deep.equal([]);
  });

  it('reports other failures once, with a contract code (a wrong project ID: invalid-option)', async () => {
    const { said, restore } = captureConsoleWarnings();
    try {
      const wrong = { projectId: 'P2WrongProjectWrongProject01', baseUrl: emulator.baseUrl };
      const [a, b] = await Promise.all([readCatalog(wrong), readCatalog(wrong)]);
      expect(a.state).to.equal('error');
      expect(a).to.equal(b);
      if (a.state === 'error') expect(a.error.code).to.equal('invalid-option');
    } finally {
      restore();
    }
    expect(said).to.have.length(1);
    expect(said[0]!.join(' ')).to.contain(CATALOG_PATH);
  });

  it('uses a passed-in token instead of the persisted session', async () => {
    localStorage.clear();
    const { refreshJwt } = await newSession();
    const since = Date.now();
    expect(await readConnectedAppIds({ ...config(), token: refreshJwt })).to.deep.equal({ state: 'ready', value: [] });
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
  });

  it('refuses a token that is not a string, as the connect call does, without sending it', async () => {
    const since = Date.now();
    const console = captureConsoleWarnings();
    let result;
    try {
      result = await readCatalog({ ...config(), token: 42 as unknown as string });
    } finally {
      console.restore();
    }
    expect(result.state === 'error' && result.error.code).to.equal('invalid-option');
    expect(String(console.said[0])).to.contain('token must be a non-empty string');
    expect(await gets(since, CATALOG_PATH)).to.equal(0);
  });

  it('asks getToken for the token (wins over token); a getToken that throws means signed out, quietly', async () => {
    localStorage.clear();
    const { refreshJwt } = await newSession();
    let asked = 0;
    const getToken = async () => {
      asked++;
      return refreshJwt;
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => readConnectedAppIds({ ...config(), getToken, token: 'ignored' })));
    expect(results[0]).to.deep.equal({ state: 'ready', value: [] });
    expect(asked).to.equal(2); // once for /me, once for apps-with-user-token
    const { said, restore } = captureConsoleWarnings();
    try {
      const failing = () => Promise.reject(new Error('signed out'));
      expect(await readCatalog({ ...config(), getToken: failing })).to.deep.equal({ state: 'signed-out' });
    } finally {
      restore();
    }
    expect(said).to.deep.equal([]);
  });

  it('keeps the catalog (never the status) in sessionStorage, and serves it fresh without a request', async () => {
    await readCatalog(config());
    await readConnectedAppIds(config());
    const stored = JSON.parse(sessionStorage.getItem(storageKey())!);
    expect(stored.apps.map((app: { id: string }) => app.id)).to.include('slack');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('outbound-elements:catalog:'))).to.have.length(1);
    expect(JSON.stringify(sessionStorage)).not.to.contain('appIds');
    expect(JSON.stringify(sessionStorage)).not.to.contain(localStorage.getItem('DSR')!);

    // A new page (memory empty) with a fresh stored catalog: no request.
    const saved = sessionStorage.getItem(storageKey())!;
    refreshCatalog();
    sessionStorage.setItem(storageKey(), saved);
    const since = Date.now();
    expect((await readCatalog(config())).state).to.equal('ready');
    expect(await gets(since, CATALOG_PATH)).to.equal(0);
  });

  it('serves a stale stored catalog at once and revalidates it in the background (stale-while-revalidate)', async () => {
    const stale = { savedAt: Date.now() - CATALOG_FRESH_MS - 1000, apps: [{ id: 'slack', name: 'Old Slack', description: '', logo: '' }] };
    sessionStorage.setItem(storageKey(), JSON.stringify(stale));
    const since = Date.now();
    const changed = nextChange();
    const first = await readCatalog(config());
    expect(first.state === 'ready' && first.value.map((app) => app.name)).to.deep.equal(['Old Slack']);
    await changed;
    const second = await readCatalog(config());
    expect(second.state === 'ready' && second.value.find((app) => app.id === 'slack')?.name).to.equal('Slack');
    expect(await gets(since, CATALOG_PATH)).to.equal(1);
    expect(JSON.parse(sessionStorage.getItem(storageKey())!).apps.length).to.be.greaterThan(1);
  });

  it('ignores a stored catalog older than the stale limit, and a corrupt one', async () => {
    sessionStorage.setItem(storageKey(), JSON.stringify({ savedAt: 0, apps: [{ id: 'x', name: 'Ancient' }] }));
    let result = await readCatalog(config());
    expect(result.state === 'ready' && result.value.some((app) => app.name === 'Ancient')).to.equal(false);
    refreshCatalog();
    sessionStorage.setItem(storageKey(), '{not json');
    result = await readCatalog(config());
    expect(result.state).to.equal('ready');
  });

  it('counts an app as connected after a success in this tab without asking again, and tells other tabs', async () => {
    await readConnectedAppIds(config());
    const otherTab = new BroadcastChannel(CATALOG_CHANNEL);
    const heard = new Promise<unknown>((resolve) => (otherTab.onmessage = (event) => resolve(event.data)));
    const since = Date.now();
    const changed = nextChange();
    noteConnected('slack');
    await changed;
    expect(await readConnectedAppIds(config())).to.deep.equal({ state: 'ready', value: ['slack'] });
    expect((await heard) as { type: string }).to.include({ type: 'connected' });
    otherTab.close();
    expect(await gets(since, CONNECTED_PATH)).to.equal(0);
  });

  it('re-reads the status when another tab says it connected an app (BroadcastChannel)', async () => {
    const sdk = fakeCatalogSdk();
    const withSdk = { sdk };
    expect(await readConnectedAppIds(withSdk)).to.deep.equal({ state: 'ready', value: [] });
    sdk.connected.push('github'); // connected in the other tab
    const changed = nextChange();
    const otherTab = new BroadcastChannel(CATALOG_CHANNEL);
    otherTab.postMessage({ type: 'connected' });
    otherTab.close();
    await changed;
    expect(await readConnectedAppIds(withSdk)).to.deep.equal({ state: 'ready', value: ['github'] });
    expect(sdk.calls[CONNECTED_PATH]).to.equal(2);
    expect(sdk.calls[ME_PATH]).to.equal(1); // the user is still the same
  });

  it('refreshCatalog() forgets everything (stored catalog too) and the next read asks again', async () => {
    await readCatalog(config());
    await readConnectedAppIds(config());
    refreshCatalog();
    expect(sessionStorage.getItem(storageKey())).to.equal(null);
    const since = Date.now();
    await Promise.all([readCatalog(config()), readConnectedAppIds(config())]);
    await tick();
    expect(await gets(since, CATALOG_PATH)).to.equal(1);
    expect(await gets(since, ME_PATH)).to.equal(1);
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
  });

  it('keeps only well-formed apps and strings from the answer', async () => {
    const sdk = fakeCatalogSdk({
      apps: [
        { id: 'ok', name: 'OK' },
        { id: '', name: 'No ID' },
        { id: 'x', name: 42 as unknown as string, logo: { evil: true } as unknown as string },
      ],
    });
    const result = await readCatalog({ sdk });
    expect(result).to.deep.equal({
      state: 'ready',
      value: [
        { id: 'ok', name: 'OK', description: '', logo: '' },
        { id: 'x', name: 'x', description: '', logo: '' },
      ],
    });
  });

  it('accepts only https:, data:image/ and localhost http: logos from the network', () => {
    expect(isSafeRemoteImageUrl('https://cdn.example/slack.svg')).to.equal(true);
    expect(isSafeRemoteImageUrl('data:image/png;base64,iVBORw0KGgo=')).to.equal(true);
    expect(isSafeRemoteImageUrl('http://localhost:4510/logo.svg')).to.equal(true);
    expect(isSafeRemoteImageUrl('http://127.0.0.1:4510/logo.svg')).to.equal(true);
    expect(isSafeRemoteImageUrl('http://evil.example/logo.svg')).to.equal(false);
    expect(isSafeRemoteImageUrl('javascript:alert(1)')).to.equal(false);
    expect(isSafeRemoteImageUrl('JaVaScRiPt:alert(1)')).to.equal(false);
    expect(isSafeRemoteImageUrl('data:text/html,<script>alert(1)</script>')).to.equal(false);
    expect(isSafeRemoteImageUrl('/relative/logo.svg')).to.equal(false);
    expect(isSafeRemoteImageUrl('blob:https://x.example/1')).to.equal(false);
    expect(isSafeRemoteImageUrl(42)).to.equal(false);
  });
});

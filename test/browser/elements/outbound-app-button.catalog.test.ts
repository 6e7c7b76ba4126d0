import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { CATALOG_PATH, CONNECTED_PATH, ME_PATH, noteConnected, refreshCatalog } from '../../../src/core/catalog.js';
import { configure } from '../../../src/core/config.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import { fakeCatalogSdk, SAMPLE_APPS } from '../../../stories/support/fake-catalog-sdk.js';
import { forgetPopupFlows } from '../../../src/core/popup-flow.js';
import type { OutboundAppList } from '../../../src/elements/outbound-app-list.js';
import { emulator, isolateEachTest, newSession, nextEvent, recordNavigation, requestsSince, captureConsoleWarnings, until } from '../support.js';

const label = (el: OutboundAppButton) => el.shadowRoot!.querySelector('[part="label"] slot')!.textContent!.trim();
const logoImg = (el: OutboundAppButton) => el.shadowRoot!.querySelector<HTMLImageElement>('[part="logo"] img');
const monogram = (el: OutboundAppButton) => el.shadowRoot!.querySelector('.monogram')?.getAttribute('data-letter');
const gets = async (since: number, path: string) => (await requestsSince(since, path)).filter((r) => r.method === 'GET').length;

async function settle(ms = 300): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('<outbound-app-button> and the app catalog', () => {
  isolateEachTest({ signedIn: true });
  beforeEach(() => refreshCatalog());
  afterEach(() => configure({ checkStatus: undefined }));

  it('20 buttons without logo or name, with check-status: one request per endpoint, names and logos from the catalog', async () => {
    const since = Date.now();
    const ids = ['slack', 'github', 'hubspot', 'notion'];
    const container = await fixture<HTMLElement>(html`<outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl} check-status>
      ${Array.from({ length: 20 }, (_, i) => html`<outbound-app-button app-id=${ids[i % ids.length]!}></outbound-app-button>`)}
    </outbound-connect>`);
    const buttons = [...container.querySelectorAll('outbound-app-button')];
    await until(() => label(buttons[2]!) === 'Connect HubSpot', 'the catalog name of hubspot');
    await settle();
    expect(label(buttons[1]!)).to.equal('Connect GitHub');
    expect(logoImg(buttons[0]!)!.getAttribute('src')).to.equal(`${emulator.baseUrl}/emulator/logos/slack.svg`);
    expect(await gets(since, CATALOG_PATH)).to.equal(1);
    expect(await gets(since, ME_PATH)).to.equal(1);
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
    expect(buttons.every((b) => b.status === 'idle')).to.equal(true);
  });

  it('reads again when the project arrives later: on an <outbound-connect> set after the buttons, or with configure()', async () => {
    const provider = await fixture<HTMLElement>(html`<outbound-connect check-status>
      <outbound-app-button app-id="hubspot"></outbound-app-button>
    </outbound-connect>`);
    const inside = provider.querySelector('outbound-app-button')!;
    const alone = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="github"></outbound-app-button>`);
    await settle(300); // both have read already, with no project: nothing
    expect(label(inside)).to.equal('Connect Hubspot');
    provider.setAttribute('project-id', emulator.projectId);
    provider.setAttribute('base-url', emulator.baseUrl);
    await until(() => label(inside) === 'Connect HubSpot', 'the catalog name after the provider got its project');
    expect(label(alone)).to.equal('Connect Github');
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    await until(() => label(alone) === 'Connect GitHub', 'the catalog name after configure()');
  });

  it('makes no request when every button has its logo and name and no status is asked for', async () => {
    const since = Date.now();
    await fixture(html`<div>
      ${['slack', 'github'].map(
        (id) => html`<outbound-app-button app-id=${id} app-name=${id} logo="/logo.svg" project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>`,
      )}
    </div>`);
    await settle(400);
    expect(await requestsSince(since)).to.deep.equal([]);
  });

  it('asks for the status only (not the catalog) when the buttons have logo and name', async () => {
    const since = Date.now();
    await fixture(html`<outbound-app-button app-id="slack" app-name="Slack" logo="/logo.svg" check-status project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>`);
    await settle(500);
    expect(await gets(since, CATALOG_PATH)).to.equal(0);
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
  });

  it('shows connected (a check, Reconnect, described as Connected) for an app the user has connected; check-status from configure()', async () => {
    configure({ checkStatus: true });
    const sdk = fakeCatalogSdk({ connected: ['slack'] });
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" .sdk=${sdk}></outbound-app-button>`);
    await until(() => el.status === 'connected', 'status connected');
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('connected');
    expect(label(el)).to.equal('Reconnect Slack');
    // The check is drawn in the state box, whose word is the button's description.
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="state"]')!, '::after').content).to.equal('""');
    expect(el.shadowRoot!.querySelector('[part="button"]')!.getAttribute('aria-describedby')).to.equal('state');
    expect(el.shadowRoot!.getElementById('state')!.textContent).to.equal('Connected');
    expect(el.shadowRoot!.querySelector('[part="button"]')!.textContent!.trim()).to.equal('Reconnect Slack', 'no other text in the name');
    await expect(el).to.be.accessible();
  });

  it('a connected button reconnects on click (with its scopes)', async () => {
    const nav = recordNavigation();
    const sdk = fakeCatalogSdk({ connected: ['slack'] });
    let asked: unknown;
    sdk.outbound.connect = async (appId: string, options?: unknown) => {
      asked = options;
      return { ok: true, code: 200, data: { url: `https://provider.example/authorize?app=${appId}` } };
    };
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" scopes="chat:write files:read" check-status .sdk=${sdk}></outbound-app-button>`);
    await until(() => el.status === 'connected', 'status connected');
    const next = nav.next();
    el.shadowRoot!.querySelector('button')!.click();
    expect(await next).to.equal('https://provider.example/authorize?app=slack');
    expect((asked as { scopes: string[] }).scopes).to.deep.equal(['chat:write', 'files:read']);
    nav.restore();
  });

  it('check-status that arrives later (configure(), an <outbound-connect> attribute) reaches a button that has its own name and logo', async () => {
    const logo = SAMPLE_APPS[0]!.logo!;
    const sdk = fakeCatalogSdk({ connected: ['slack', 'github'] });
    const alone = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" app-name="Slack" logo=${logo} .sdk=${sdk}></outbound-app-button>`);
    const provider = await fixture<HTMLElement>(html`<outbound-connect .sdk=${sdk}>
      <outbound-app-button app-id="github" app-name="GitHub" logo=${logo}></outbound-app-button>
    </outbound-connect>`);
    const inside = provider.querySelector('outbound-app-button')!;
    await settle(200);
    expect(sdk.calls[CONNECTED_PATH], 'nothing asked for yet').to.equal(undefined);
    configure({ checkStatus: true });
    await until(() => alone.status === 'connected', 'the status after configure({ checkStatus })');
    configure({ checkStatus: undefined });
    provider.setAttribute('check-status', '');
    await until(() => inside.status === 'connected', 'the status after <outbound-connect check-status>');
  });

  it('a connected app whose reconnect is canceled (popup closed, Back) shows connected again, not idle', async () => {
    const sdk = fakeCatalogSdk({ connected: ['slack'] });
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" check-status mode="popup" .sdk=${sdk}></outbound-app-button>`);
    await until(() => el.status === 'connected', 'status connected');
    const cancelControl = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]');
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
      await until(() => !!cancelControl(), 'the popup flow');
      expect(el.status).to.equal('connecting');
      const canceled = nextEvent(el, 'outbound-connect-cancel');
      cancelControl()!.click();
      await canceled;
      await until(() => el.status === 'connected', 'connected again after the cancel');
      await el.updateComplete;
      expect(label(el)).to.equal('Reconnect Slack');
    } finally {
      forgetPopupFlows();
    }
  });

  it('becomes connected when a connection succeeds elsewhere on the page, and idle again after a refresh says otherwise', async () => {
    const sdk = fakeCatalogSdk();
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="github" check-status .sdk=${sdk}></outbound-app-button>`);
    await until(() => sdk.calls[CONNECTED_PATH] === 1, 'the status read');
    await settle(50);
    expect(el.status).to.equal('idle');
    noteConnected('github');
    await until(() => el.status === 'connected', 'connected after noteConnected');
    expect(sdk.calls[CONNECTED_PATH]).to.equal(1);
    refreshCatalog(); // e.g. after a disconnect: the fake still lists nothing
    await until(() => el.status === 'idle', 'idle after refresh');
  });

  it('refuses unsafe catalog logos (javascript:, http: on other hosts) and falls back to the monogram', async () => {
    const sdk = fakeCatalogSdk({
      apps: [
        { id: 'evil', name: 'Evil Corp', logo: 'javascript:alert(1)' },
        { id: 'plain', name: 'Plain Site', logo: 'http://evil.example/x.svg' },
        { id: 'inline', name: 'Inline Logo', logo: SAMPLE_APPS[0]!.logo! },
      ],
    });
    const [evil, plain, inline] = await Promise.all(
      ['evil', 'plain', 'inline'].map((id) => fixture<OutboundAppButton>(html`<outbound-app-button app-id=${id} .sdk=${sdk}></outbound-app-button>`)),
    );
    await until(() => label(inline!) === 'Connect Inline Logo', 'the catalog names');
    await until(() => label(evil!) === 'Connect Evil Corp' && label(plain!) === 'Connect Plain Site', 'all names');
    expect(logoImg(evil!)).to.equal(null);
    expect(monogram(evil!)).to.equal('E');
    expect(logoImg(plain!)).to.equal(null);
    expect(logoImg(inline!)!.getAttribute('src')).to.match(/^data:image\/svg\+xml,/);
    expect(sdk.calls[CATALOG_PATH]).to.equal(1);
  });

  it('a catalog logo that fails to load falls back to the monogram', async () => {
    const sdk = fakeCatalogSdk({ apps: [{ id: 'broken', name: 'Broken Logo', logo: `${emulator.baseUrl}/emulator/logos/missing.svg` }] });
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="broken" .sdk=${sdk}></outbound-app-button>`);
    await until(() => label(el) === 'Connect Broken Logo', 'the catalog name');
    await until(() => monogram(el) === 'B', 'the monogram after the image failed');
    expect(logoImg(el)).to.equal(null);
  });

  it("the button's own logo and app-name win over the catalog's", async () => {
    const sdk = fakeCatalogSdk();
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" app-name="Team chat" .sdk=${sdk}></outbound-app-button>`);
    await until(() => logoImg(el) !== null, 'the catalog logo');
    expect(label(el)).to.equal('Connect Team chat');
  });

  it('signed out: no request, the humanized name and monogram, no console noise', async () => {
    localStorage.clear();
    const since = Date.now();
    const { said, restore } = captureConsoleWarnings();
    try {
      const el = await fixture<OutboundAppButton>(
        html`<outbound-app-button app-id="google-contacts" check-status project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>`,
      );
      await settle(400);
      expect(label(el)).to.equal('Connect Google Contacts');
      expect(monogram(el)).to.equal('G');
      expect(el.status).to.equal('idle');
    } finally {
      restore();
    }
    expect(await requestsSince(since)).to.deep.equal([]);
    expect(said).to.deep.equal([]);
  });

  it('signed out, then signed in: a list\'s refresh() makes the buttons read the catalog', async () => {
    localStorage.clear();
    const page = await fixture<HTMLElement>(html`<outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
      <outbound-app-button app-id="hubspot"></outbound-app-button>
      <outbound-app-list></outbound-app-list>
    </outbound-connect>`);
    const button = page.querySelector('outbound-app-button')!;
    await settle(300);
    expect(label(button)).to.equal('Connect Hubspot', 'signed out: the readable app ID');

    localStorage.setItem('DSR', (await newSession()).refreshJwt);
    await page.querySelector<OutboundAppList>('outbound-app-list')!.refresh();
    await until(() => label(button) === 'Connect HubSpot', 'the catalog name after sign-in');
  });
});

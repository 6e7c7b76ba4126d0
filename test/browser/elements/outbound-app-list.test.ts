import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { CATALOG_PATH, CONNECTED_PATH, ME_PATH, refreshCatalog } from '../../../src/core/catalog.js';
import { POPUP_MESSAGE_TYPE } from '../../../src/core/popup-channel.js';
import { forgetPopupFlows } from '../../../src/core/popup-flow.js';
import type { OutboundAppList } from '../../../src/elements/outbound-app-list.js';
import type { ConnectStartDetail, ConnectSuccessDetail, DisconnectDetail } from '../../../src/events.js';
import { fakeCatalogSdk } from '../../../stories/support/fake-catalog-sdk.js';
import { emulator, isolateEachTest, nextEvent, recordNavigation, requestsSince, rowButton, until } from '../support.js';

const root = (el: OutboundAppList) => el.shadowRoot!;
const items = (el: OutboundAppList) => [...root(el).querySelectorAll('li[part="item"]')];
const names = (el: OutboundAppList) => items(el).map((li) => li.querySelector('[part="name"]')!.textContent!.trim());
const row = (el: OutboundAppList, appId: string) => root(el).querySelector(`li[data-app-id="${appId}"]`)!;
/** The visible words of a row's button, and what its live region says. */
const rowLabel = (el: OutboundAppList, appId: string) => rowButton(el, appId)!.querySelector('[part="label"]')!.textContent!.trim();
const rowSays = (el: OutboundAppList, appId: string) => (rowButton(el, appId)!.getRootNode() as ShadowRoot).querySelector('[role="status"]')!.textContent;
const gets = async (since: number, path: string) => (await requestsSince(since, path)).filter((r) => r.method === 'GET').length;

const ready = (el: OutboundAppList) => until(() => items(el).length > 0 || !!root(el).querySelector('[part~="empty"], [part~="error"]'), 'the list');

describe('<outbound-app-list>', () => {
  isolateEachTest({ signedIn: true });
  beforeEach(() => refreshCatalog());

  it('lists the project\'s apps from the emulator, sorted by name, each with logo, name, description, status and a named button', async () => {
    const since = Date.now();
    const el = await fixture<OutboundAppList>(html`<outbound-app-list project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-list>`);
    await ready(el);
    expect(names(el)).to.deep.equal(['GitHub', 'Google Contacts', 'HubSpot', 'Notion', 'Slack']);
    const slack = row(el, 'slack');
    expect(slack.querySelector('[part="description"]')!.textContent).to.equal('See your channels and post messages.');
    expect(slack.querySelector('[part="logo"] img')!.getAttribute('src')).to.equal(`${emulator.baseUrl}/emulator/logos/slack.svg`);
    expect(slack.querySelector('[part="status"]')!.textContent).to.equal('Not connected');
    const button = rowButton(el, 'slack')!;
    expect(button.getAttribute('aria-label')).to.equal('Connect Slack');
    expect(rowLabel(el, 'slack')).to.equal('Connect');
    expect(root(el).querySelector('ul[part="list"]')).not.to.equal(null);
    expect(await gets(since, CATALOG_PATH)).to.equal(1);
    expect(await gets(since, ME_PATH)).to.equal(1);
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows only the apps named in apps="…"', async () => {
    const el = await fixture<OutboundAppList>(html`<outbound-app-list apps="slack notion unknown" .sdk=${fakeCatalogSdk()}></outbound-app-list>`);
    await ready(el);
    expect(names(el)).to.deep.equal(['Notion', 'Slack']);
    el.apps = ['github'];
    await until(() => names(el).join() === 'GitHub', 'the new filter');
  });

  it('shows a loading skeleton (hidden from assistive tech, announced as loading) until the answer arrives', async () => {
    const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${fakeCatalogSdk({ delayMs: Infinity })}></outbound-app-list>`);
    await until(() => !!root(el).querySelector('.skeleton'), 'the skeleton');
    const skeleton = root(el).querySelector('ul.skeleton')!;
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect(skeleton.querySelectorAll('[part~="skeleton"]').length).to.equal(3);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Loading apps…');
    await expect(el).to.be.accessible();
  });

  it('shows connected apps as Connected with Reconnect, and Disconnect only with the disconnect attribute', async () => {
    const sdk = fakeCatalogSdk({ connected: ['slack'] });
    const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${sdk}></outbound-app-list>`);
    await ready(el);
    const slack = row(el, 'slack');
    expect(slack.querySelector('[part="status"]')!.textContent).to.equal('Connected');
    expect(rowButton(el, 'slack')!.getAttribute('aria-label')).to.equal('Reconnect Slack');
    expect(slack.querySelector('button[part="disconnect"]')).to.equal(null);

    el.disconnect = true;
    await el.updateComplete;
    const disconnect = row(el, 'slack').querySelector<HTMLButtonElement>('button[part="disconnect"]')!;
    expect(disconnect.getAttribute('aria-label')).to.equal('Disconnect Slack');
    expect(row(el, 'github').querySelector('button[part="disconnect"]')).to.equal(null, 'not for apps that are not connected');
    await expect(el).to.be.accessible();

    const asked = nextEvent<DisconnectDetail>(el, 'outbound-disconnect');
    disconnect.click();
    const event = await asked;
    expect(event.detail).to.deep.equal({ appId: 'slack' });
    expect(event.bubbles && event.composed).to.equal(true);

    // The host removes the tokens on its backend, then refreshes: the list reads again.
    sdk.connected.splice(0);
    await el.refresh();
    expect(row(el, 'slack').querySelector('[part="status"]')!.textContent).to.equal('Not connected');
    expect(sdk.calls[CATALOG_PATH]).to.equal(2);
    expect(sdk.calls[CONNECTED_PATH]).to.equal(2);
  });

  it('shows the empty state (its slot replaceable) when there is no app', async () => {
    const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${fakeCatalogSdk({ apps: [] })}></outbound-app-list>`);
    await ready(el);
    expect(root(el).querySelector('[part~="empty"]')!.textContent!.trim()).to.equal('No apps to show.');
    await expect(el).to.be.accessible();
    const custom = await fixture<OutboundAppList>(
      html`<outbound-app-list .sdk=${fakeCatalogSdk({ apps: [] })}><span slot="empty">Ask your admin to add apps.</span></outbound-app-list>`,
    );
    await ready(custom);
    const slot = root(custom).querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedNodes()[0]!.textContent).to.equal('Ask your admin to add apps.');
  });

  it('shows an error state with Retry when Descope fails; Retry reads again', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const failing = fakeCatalogSdk({ fail: 503 });
      const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${failing}></outbound-app-list>`);
      await ready(el);
      const error = root(el).querySelector('[part~="error"]')!;
      expect(error.textContent).to.contain("Couldn't load the apps.");
      await expect(el).to.be.accessible();
      const retry = error.querySelector<HTMLButtonElement>('button[part="retry"]')!;
      expect(retry.textContent!.trim()).to.equal('Retry');
      // The next answer succeeds.
      el.sdk = fakeCatalogSdk();
      await el.updateComplete;
      await until(() => items(el).length === 5, 'the list after the new sdk');
      el.sdk = failing;
      await until(() => !!root(el).querySelector('[part~="error"]'), 'the error again (cached for the page)');
      expect(failing.calls[CATALOG_PATH]).to.equal(1);
      root(el).querySelector<HTMLButtonElement>('button[part="retry"]')!.click();
      await until(() => failing.calls[CATALOG_PATH] === 2, 'a second request after Retry');
    } finally {
      console.warn = warn;
    }
  });

  it('signed out: says so, without any request', async () => {
    localStorage.clear();
    const since = Date.now();
    const el = await fixture<OutboundAppList>(html`<outbound-app-list project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-list>`);
    await ready(el);
    expect(root(el).querySelector('[part~="empty"]')!.textContent!.trim()).to.equal('Sign in to see your apps.');
    expect(await requestsSince(since)).to.deep.equal([]);
  });

  it('without a project: an error state and a console.error that says what to set', async () => {
    const said: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => said.push(args.join(' '));
    try {
      const el = await fixture<OutboundAppList>(html`<outbound-app-list></outbound-app-list>`);
      await ready(el);
      expect(root(el).querySelector('[part~="error"]')).not.to.equal(null);
    } finally {
      console.error = error;
    }
    expect(said.join('\n')).to.contain('not-configured').and.to.contain('project-id');
  });

  it('connects from a row with the keyboard: outbound-connect-start on the list, then the provider', async () => {
    const nav = recordNavigation();
    const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${fakeCatalogSdk()}></outbound-app-list>`);
    await ready(el);
    const start = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
    const navigated = nav.next();
    rowButton(el, 'notion')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await start).detail.appId).to.equal('notion');
    expect(await navigated).to.equal('https://provider.example/authorize?app=notion');
    await el.updateComplete;
    const button = rowButton(el, 'notion')!;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(rowLabel(el, 'notion')).to.equal('Connecting…');
    // What it shows and what it is called agree (WCAG 2.5.3): no "Connect Notion" while busy.
    expect(button.getAttribute('aria-label')).to.equal('Connecting to Notion…');
    nav.restore();
  });

  it('a row whose connect fails is usable again, and says so', async () => {
    const error = console.error;
    console.error = () => undefined;
    try {
      const sdk = fakeCatalogSdk();
      sdk.outbound.connect = async () => ({ ok: false, code: 503, data: { url: '' } });
      const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${sdk}></outbound-app-list>`);
      await ready(el);
      const failed = nextEvent(el, 'outbound-connect-error');
      rowButton(el, 'slack')!.click();
      await failed;
      await el.updateComplete;
      const message = () => (rowButton(el, 'slack')!.getRootNode() as ShadowRoot).querySelector('[part="message"]');
      await until(() => !!message()?.textContent, 'the message');
      expect(rowButton(el, 'slack')!.getAttribute('aria-busy')).to.equal(null);
      expect(rowSays(el, 'slack')).to.contain("Couldn't connect Slack");
      // The reason is on screen, in the row, and describes the row's button.
      expect(message()!.textContent).to.equal('Something went wrong. Try again later.');
      expect(message()!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(rowButton(el, 'slack')!.getAttribute('aria-describedby')).to.equal(message()!.id);
    } finally {
      console.error = error;
    }
  });

  it('a list and 20 check-status buttons on one page still make one request per endpoint', async () => {
    const since = Date.now();
    await fixture(html`<outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl} check-status>
      <outbound-app-list></outbound-app-list>
      ${Array.from({ length: 20 }, () => html`<outbound-app-button app-id="slack"></outbound-app-button>`)}
    </outbound-connect>`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await gets(since, CATALOG_PATH)).to.equal(1);
    expect(await gets(since, ME_PATH)).to.equal(1);
    expect(await gets(since, CONNECTED_PATH)).to.equal(1);
  });

  it('popup mode: a row opens the popup inside the click; the popup\'s success shows the app connected and frees the list', async () => {
    const sdk = fakeCatalogSdk();
    const { redirectUrls } = sdk;
    const el = await fixture<OutboundAppList>(html`<outbound-app-list mode="popup" .sdk=${sdk}></outbound-app-list>`);
    await ready(el);
    const open = window.open;
    let inClick = false;
    const openedInClick: boolean[] = [];
    window.open = (...args: Parameters<typeof window.open>) => {
      openedInClick.push(inClick);
      return open.apply(window, args);
    };
    try {
      const start = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
      inClick = true;
      rowButton(el, 'slack')!.click();
      inClick = false;
      expect((await start).detail.mode).to.equal('popup');
      // A popup opened after an await is refused by popup blockers (Safari, Firefox).
      expect(openedInClick, 'window.open called synchronously inside the click').to.deep.equal([true]);
      await until(() => redirectUrls.length === 1, 'the connect call');
      await el.updateComplete;
      expect(rowButton(el, 'slack')!.getAttribute('aria-busy')).to.equal('true');

      // The popup's return page relays the result (popup-channel.ts).
      const success = nextEvent<ConnectSuccessDetail>(el, 'outbound-connect-success');
      const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
      channel.postMessage({ type: POPUP_MESSAGE_TYPE, nonce: new URL(redirectUrls[0]!).searchParams.get('outbound-return') });
      channel.close();
      expect((await success).detail.appId).to.equal('slack');
      await until(() => row(el, 'slack').querySelector('[part="status"]')!.textContent === 'Connected', 'Slack shown connected');
      const slackButton = rowButton(el, 'slack')!;
      expect(slackButton.getAttribute('aria-busy')).to.equal(null);
      expect(rowLabel(el, 'slack')).to.equal('Reconnect');
      expect(rowSays(el, 'slack')).to.equal('Slack connected');

      // The list is free again: another row starts a connection.
      const next = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
      rowButton(el, 'notion')!.click();
      expect((await next).detail.appId).to.equal('notion');
    } finally {
      window.open = open;
      forgetPopupFlows();
    }
  });
});

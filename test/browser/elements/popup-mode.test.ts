import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import { CONNECTED_PATH } from '../../../src/core/catalog.js';
import { POPUP_MESSAGE_TYPE } from '../../../src/core/popup-channel.js';
import { forgetPopupFlows } from '../../../src/core/popup-flow.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { OutboundConnect } from '../../../src/elements/outbound-connect.js';
import type { ConnectErrorDetail, ConnectStartDetail, ConnectSuccessDetail } from '../../../src/events.js';
import { fr } from '../../../src/locales/fr.js';
import { fakeCatalogSdk } from '../../../stories/support/fake-catalog-sdk.js';
import { emulator, isolateEachTest, nextEvent, requestsSince, until } from '../support.js';

const inner = (el: OutboundAppButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;
const message = (el: OutboundAppButton) => el.shadowRoot!.querySelector('[part="message"]')?.textContent;
const cancelControl = (el: OutboundAppButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]');
const announcement = (el: OutboundAppButton) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const popupOf = (appId: string) => window.open('', `outbound-elements:${appId}`);

describe('popup mode on the elements', () => {
  const recorder = isolateEachTest({ signedIn: true });
  afterEach(() => {
    forgetPopupFlows();
    configure({ mode: undefined, popupFallback: undefined, locales: undefined });
  });

  async function popupButton(appId = 'hubspot', appName = 'HubSpot'): Promise<OutboundAppButton> {
    return fixture<OutboundAppButton>(
      html`<outbound-app-button app-id=${appId} app-name=${appName} mode="popup" project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>`,
    );
  }

  it('the button stays connecting with a Cancel control while the popup shows the consent page; announced; accessible', async () => {
    const el = await popupButton();
    const start = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
    inner(el).click();
    expect((await start).detail.mode).to.equal('popup');
    await until(() => !!cancelControl(el), 'the Cancel control');
    expect(el.status).to.equal('connecting');
    expect(recorder().urls, 'the page does not navigate').to.deep.equal([]);
    expect(cancelControl(el)!.getAttribute('aria-label')).to.equal('Cancel connecting HubSpot');
    expect(announcement(el)).to.contain('popup window');
    await expect(el).to.be.accessible();

    const cancel = nextEvent(el, 'outbound-connect-cancel');
    cancelControl(el)!.click();
    await cancel;
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(cancelControl(el)).to.equal(null);
    expect(popupOf('hubspot')?.location.href, 'the old popup is gone (a new blank one answers)').to.equal('about:blank');
    popupOf('hubspot')?.close();
  });

  it('clicking the busy button brings the popup back and calls Descope only once', async () => {
    const el = await popupButton('notion', 'Notion');
    const since = Date.now();
    inner(el).click();
    await until(() => !!cancelControl(el), 'the popup flow');
    inner(el).click();
    inner(el).click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const calls = await requestsSince(since, '/v1/outbound/oauth/connect');
    expect(calls.filter((c) => c.method === 'POST')).to.have.length(1);
    expect(el.status).to.equal('connecting');
  });

  it('the user closing the popup → cancel, idle', async () => {
    const el = await popupButton('github', 'GitHub');
    inner(el).click();
    await until(() => !!cancelControl(el), 'the popup flow');
    const cancel = nextEvent(el, 'outbound-connect-cancel');
    popupOf('github')!.close();
    await cancel;
    expect(el.status).to.equal('idle');
  });

  it('popup-fallback="error" is inherited from <outbound-connect> and configure(); blocked → popup-blocked', async () => {
    configure({ popupFallback: 'error' });
    const provider = await fixture<OutboundConnect>(html`<outbound-connect mode="popup" project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
      <outbound-app-button app-id="slack"></outbound-app-button>
    </outbound-connect>`);
    const el = provider.querySelector('outbound-app-button')!;
    // Blocked, as a popup blocker does: window.open answers null.
    const open = window.open;
    window.open = () => null;
    const error = nextEvent<ConnectErrorDetail>(el, 'outbound-connect-error');
    const quiet = console.error;
    console.error = () => undefined;
    try {
      inner(el).click();
      expect((await error).detail.code).to.equal('popup-blocked');
    } finally {
      window.open = open;
      console.error = quiet;
    }
    expect(recorder().urls).to.deep.equal([]);
    await el.updateComplete;
    expect(el.status).to.equal('error');
  });

  it('a headless trigger in popup mode: busy while the popup is open, idle after Cancel', async () => {
    const provider = await fixture<OutboundConnect>(html`<outbound-connect mode="popup" project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
      <button data-outbound-app-id="hubspot">Connect HubSpot</button>
    </outbound-connect>`);
    const trigger = provider.querySelector('button')!;
    const since = Date.now();
    trigger.click();
    const connectCalls = async () => (await requestsSince(since, '/v1/outbound/oauth/connect')).filter((c) => c.method === 'POST');
    for (let i = 0; i < 100 && (await connectCalls()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(trigger.getAttribute('data-outbound-status')).to.equal('connecting');
    trigger.click(); // focuses the popup, starts nothing
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await connectCalls()).to.have.length(1);
    const cancel = nextEvent(provider, 'outbound-connect-cancel');
    popupOf('hubspot')!.close();
    await cancel;
    expect(trigger.getAttribute('data-outbound-status')).to.equal('idle');
  });

  it('a popup success whose button left the page meanwhile is still heard: on document, and a check-status button shows the app connected', async () => {
    const sdk = fakeCatalogSdk();
    const { redirectUrls } = sdk;
    const view = await fixture<HTMLElement>(html`<div>
      <outbound-app-button id="starter" app-id="slack" app-name="Slack" mode="popup" .sdk=${sdk}></outbound-app-button>
    </div>`);
    const other = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" check-status .sdk=${sdk}></outbound-app-button>`);
    await until(() => sdk.calls[CONNECTED_PATH] === 1, 'the status read');
    const starter = view.querySelector<OutboundAppButton>('#starter')!;
    inner(starter).click();
    await until(() => !!cancelControl(starter) && redirectUrls.length === 1, 'the popup flow');
    starter.remove(); // the single-page app changed view while the popup was open

    const success = nextEvent<ConnectSuccessDetail>(document, 'outbound-connect-success');
    const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
    channel.postMessage({ type: POPUP_MESSAGE_TYPE, nonce: new URL(redirectUrls[0]!).searchParams.get('outbound-return') });
    channel.close();
    expect((await success).detail.appId).to.equal('slack');
    await until(() => other.status === 'connected', 'the other button connected');
  });

  it('a blocked popup (popup-fallback="error") tells the person to allow pop-ups, in their language', async () => {
    configure({ locales: { fr } });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <outbound-app-button app-id="slack" app-name="Slack" mode="popup" popup-fallback="error" project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>
      <outbound-app-button lang="fr" app-id="notion" app-name="Notion" mode="popup" popup-fallback="error" project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>
    </div>`);
    const [english, french] = [...wrapper.querySelectorAll('outbound-app-button')] as OutboundAppButton[];
    const open = window.open;
    window.open = () => null; // as a popup blocker answers
    const quiet = console.error;
    console.error = () => undefined;
    try {
      for (const el of [english!, french!]) {
        const error = nextEvent<ConnectErrorDetail>(el, 'outbound-connect-error');
        inner(el).click();
        expect((await error).detail.code).to.equal('popup-blocked');
      }
      await until(() => !!message(english!) && !!message(french!), 'the reasons');
    } finally {
      window.open = open;
      console.error = quiet;
    }
    expect(message(english!)).to.equal('Allow pop-ups for this site, then try again.');
    expect(announcement(english!)).to.equal("Couldn't connect Slack. Allow pop-ups for this site, then try again.");
    expect(message(french!)).to.equal('Autorisez les fenêtres pop-up pour ce site, puis réessayez.');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import { forgetPopupFlows } from '../../../src/core/popup-flow.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { OutboundConnect } from '../../../src/elements/outbound-connect.js';
import type { ConnectErrorDetail, ConnectStartDetail } from '../../../src/events.js';
import { captureConsoleWarnings, emulator, isolateEachTest, newSession, nextEvent, requestsSince } from '../support.js';

describe('<outbound-connect>', () => {
  const recorder = isolateEachTest({ signedIn: true });

  it("turns the host's own elements into connect triggers", async () => {
    const provider = await fixture<OutboundConnect>(html`
      <outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
        <a href="#never" data-outbound-app-id="slack" data-outbound-scopes="channels:read chat:write"><span>Slack</span></a>
      </outbound-connect>
    `);
    const trigger = provider.querySelector('a')!;
    const start = nextEvent<ConnectStartDetail>(provider, 'outbound-connect-start');
    trigger.querySelector('span')!.click();
    expect((await start).detail).to.include({ appId: 'slack', mode: 'redirect' });
    expect((await start).detail.scopes).to.deep.equal(['channels:read', 'chat:write']);
    expect(trigger.getAttribute('data-outbound-status')).to.equal('connecting');
    expect(trigger.getAttribute('aria-busy')).to.equal('true');
    await recorder().next();
    expect(location.hash).not.to.equal('#never');
  });

  it('ignores a second click on an app already connecting, and disabled triggers', async () => {
    const provider = await fixture<OutboundConnect>(html`
      <outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
        <button data-outbound-app-id="notion">Notion</button>
        <button data-outbound-app-id="github" disabled>GitHub</button>
      </outbound-connect>
    `);
    const since = Date.now();
    const [notion, github] = provider.querySelectorAll('button');
    notion!.click();
    notion!.click();
    github!.click();
    await recorder().next();
    expect((await requestsSince(since, '/v1/outbound/oauth/connect')).filter((r) => r.method === 'POST')).to.have.length(1);
  });

  it('marks the trigger on error, then lets it try again', async () => {
    localStorage.clear();
    const provider = await fixture<OutboundConnect>(html`
      <outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
        <button data-outbound-app-id="hubspot">HubSpot</button>
      </outbound-connect>
    `);
    const trigger = provider.querySelector('button')!;
    const error = nextEvent<ConnectErrorDetail>(provider, 'outbound-connect-error');
    trigger.click();
    expect((await error).detail.code).to.equal('unauthenticated');
    await new Promise((resolve) => setTimeout(resolve));
    expect(trigger.getAttribute('data-outbound-status')).to.equal('error');
    expect(trigger.hasAttribute('aria-busy')).to.equal(false);
    localStorage.setItem('DSR', (await newSession()).refreshJwt);
    trigger.click();
    await recorder().next();
  });

  it('connect(appId, options): options win over the element', async () => {
    const provider = await fixture<OutboundConnect>(
      html`<outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl} tenant-id="t-element"></outbound-connect>`,
    );
    const start = nextEvent<ConnectStartDetail>(provider, 'outbound-connect-start');
    await provider.connect('github', { scopes: ['repo'], tenantId: 't-option', tenantLevel: true, redirectUrl: '/after', returnState: { a: 1 } });
    expect((await start).detail).to.deep.equal({
      appId: 'github',
      scopes: ['repo'],
      redirectUrl: `${location.origin}/after`,
      tenantId: 't-option',
      tenantLevel: true,
      mode: 'redirect',
    });
    expect(recorder().urls).to.have.length(1);
  });

  it('reports bad input from connect() as an event, never a throw', async () => {
    const provider = await fixture<OutboundConnect>(html`<outbound-connect project-id="P"></outbound-connect>`);
    const error = nextEvent<ConnectErrorDetail>(provider, 'outbound-connect-error');
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await provider.connect('', {});
    } finally {
      console.error = quiet;
    }
    expect((await error).detail.code).to.equal('missing-app-id');
  });

  it('popup mode: the page stays where it is (the popup shows the consent page)', async () => {
    const provider = await fixture<OutboundConnect>(html`<outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-connect>`);
    try {
      await provider.connect('slack', { mode: 'popup' });
      expect(recorder().urls).to.deep.equal([]);
      expect(window.open('', 'outbound-elements:slack')?.closed).to.equal(false);
    } finally {
      forgetPopupFlows();
    }
  });

  it('redirects without a warning in auto mode at the top level', async () => {
    const provider = await fixture<OutboundConnect>(html`<outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl} mode="auto"></outbound-connect>`);
    const { said, restore } = captureConsoleWarnings();
    try {
      await provider.connect('slack');
    } finally {
      restore();
    }
    expect(said).to.deep.equal([]);
    expect(recorder().urls).to.have.length(1);
  });
});

describe('configuration precedence', () => {
  const recorder = isolateEachTest({ signedIn: true });

  it('element, then the nearest <outbound-connect> (across shadow roots), then configure()', async () => {
    configure({ projectId: 'P-page-wrong', baseUrl: 'http://127.0.0.1:9', tenantId: 't-page', redirectUrl: '/from-page' });
    const outer = await fixture<OutboundConnect>(html`
      <outbound-connect project-id="P-outer-wrong" tenant-id="t-outer">
        <outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
          <div id="host"></div>
        </outbound-connect>
      </outbound-connect>
    `);
    const host = outer.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<outbound-app-button app-id="slack"></outbound-app-button>';
    const el = root.querySelector<OutboundAppButton>('outbound-app-button')!;
    await el.updateComplete;

    const start = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
    await el.connect();
    const { detail } = await start;
    expect(detail.tenantId, 'outer provider wins over configure()').to.equal('t-outer');
    expect(detail.redirectUrl, 'configure() fills the rest').to.equal(`${location.origin}/from-page`);
    expect(recorder().urls, 'the inner provider project and base URL were used').to.have.length(1);

    el.tenantId = 't-own';
    el.redirectUrl = '/own';
    recorder().urls.length = 0;
    el.dispatchEvent(new CustomEvent('outbound-connect-cancel', { detail: { appId: 'slack' } }));
    const again = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
    await el.connect();
    expect((await again).detail).to.include({ tenantId: 't-own', redirectUrl: `${location.origin}/own` });
  });

  it('tenant-level is a boolean attribute that inherits when absent', async () => {
    const provider = await fixture<OutboundConnect>(html`
      <outbound-connect project-id=${emulator.projectId} base-url=${emulator.baseUrl} tenant-id="t1" tenant-level>
        <outbound-app-button app-id="slack"></outbound-app-button>
      </outbound-connect>
    `);
    const el = provider.querySelector<OutboundAppButton>('outbound-app-button')!;
    expect(el.tenantLevel).to.equal(undefined);
    const start = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
    await el.connect();
    expect((await start).detail).to.include({ tenantId: 't1', tenantLevel: true });
  });
});

describe('registration', () => {
  it('is safe to run twice, and leaves the first definition in place', async () => {
    const first = customElements.get('outbound-app-button');
    // @ts-expect-error a query string makes the browser evaluate the module a second time
    await import('../../../src/define.js?again');
    expect(customElements.get('outbound-app-button')).to.equal(first);
  });
});

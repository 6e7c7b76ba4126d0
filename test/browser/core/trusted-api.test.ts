// The session goes only where the page chose (issue: injected markup got the visitor's refresh
// token sent to an attacker, on page load, without a click).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import { isTrustedApi } from '../../../src/core/sdk.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { ConnectErrorDetail } from '../../../src/events.js';
import { captureConsoleWarnings, emulator, isolateEachTest, nextEvent, until } from '../support.js';

/** Records the URL of every fetch the page makes (the SDK's requests) until `restore()`. */
function recordFetches(): { urls: string[]; restore: () => void } {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return original(input, init);
  };
  return { urls, restore: () => (window.fetch = original) };
}

describe('isTrustedApi: where a base URL set in markup may take the session', () => {
  const site = (host: string) => (host.endsWith('example.co.uk') ? 'example.co.uk' : host.split('.').slice(-2).join('.'));

  it("trusts Descope's own API hosts, over https only", () => {
    for (const url of ['https://api.descope.com', 'https://api.euc1.descope.com/', 'https://descope.com']) {
      expect(isTrustedApi(url, 'https://shop.example/', site), url).to.equal(true);
    }
    for (const url of ['http://api.descope.com', 'https://descope.com.evil.example', 'https://evildescope.com', 'https://u:p@api.descope.com']) {
      expect(isTrustedApi(url, 'https://shop.example/', site), url).to.equal(false);
    }
  });

  it("trusts the page's own site (same scheme and registrable domain), nothing that only looks like it", () => {
    expect(isTrustedApi('https://auth.example.com', 'https://app.example.com/settings', site)).to.equal(true);
    expect(isTrustedApi('https://example.com/', 'https://app.example.com/', site)).to.equal(true);
    expect(isTrustedApi('https://auth.example.co.uk', 'https://app.example.co.uk/', site)).to.equal(true);
    expect(isTrustedApi('https://other.co.uk', 'https://app.example.co.uk/', site), 'another site under the same suffix').to.equal(false);
    expect(isTrustedApi('https://example.com.evil.example', 'https://app.example.com/', site)).to.equal(false);
    expect(isTrustedApi('http://auth.example.com', 'https://app.example.com/', site), 'another scheme').to.equal(false);
    expect(isTrustedApi('https://attacker.example', 'https://app.example.com/', site)).to.equal(false);
    expect(isTrustedApi('not a url', 'https://app.example.com/', site)).to.equal(false);
    expect(isTrustedApi(42, 'https://app.example.com/', site)).to.equal(false);
  });

  it('on loopback, trusts the same host name on any port, not another loopback name', () => {
    expect(isTrustedApi('http://127.0.0.1:4510', 'http://127.0.0.1:8000/', site)).to.equal(true);
    expect(isTrustedApi('http://localhost:4510', 'http://localhost:4511/', site)).to.equal(true);
    expect(isTrustedApi('http://localhost:4510', 'http://127.0.0.1:8000/', site)).to.equal(false);
    expect(isTrustedApi('http://127.0.0.1:4510', 'https://app.example.com/', site), 'a public page and a loopback API').to.equal(false);
  });
});

describe('elements whose markup names an API the page did not choose', () => {
  isolateEachTest({ signedIn: true });
  let fetches: ReturnType<typeof recordFetches>;
  beforeEach(() => (fetches = recordFetches()));
  afterEach(() => {
    fetches.restore();
    configure({ baseUrl: undefined });
  });
  const attacker = () => `https://attacker-${crypto.randomUUID().slice(0, 8)}.example`;

  it('injected <outbound-app-list> and logo-less <outbound-app-button>: no request at all on load, a console message says how to trust an API', async () => {
    const evil = attacker();
    const said = captureConsoleWarnings();
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <outbound-app-list base-url=${evil} project-id=${emulator.projectId}></outbound-app-list>
        <outbound-app-button app-id="slack" check-status base-url=${evil} project-id=${emulator.projectId}></outbound-app-button>
      </div>`);
      const list = page.querySelector('outbound-app-list')!;
      await until(() => !!list.shadowRoot!.querySelector('[part="error"]'), 'the list says it cannot load');
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      said.restore();
    }
    expect(fetches.urls.filter((url) => url.startsWith(evil)), 'requests to the attacker').to.deep.equal([]);
    expect(said.said.map(String).join('\n')).to.contain('configure({ baseUrl })');
  });

  it('a click gives not-configured, says what to do, and sends nothing; the button stays usable', async () => {
    const evil = attacker();
    const el = await fixture<OutboundAppButton>(
      html`<outbound-app-button app-id="slack" app-name="Slack" logo="data:image/png;base64,AA==" base-url=${evil} project-id=${emulator.projectId}></outbound-app-button>`,
    );
    const said = captureConsoleWarnings();
    const error = nextEvent<ConnectErrorDetail>(el, 'outbound-connect-error');
    el.shadowRoot!.querySelector('button')!.click();
    const { detail } = await error;
    said.restore();
    expect(detail.code).to.equal('not-configured');
    expect(detail.message).to.contain('configure({ baseUrl })');
    expect(el.status).to.equal('error');
    expect(fetches.urls.filter((url) => url.startsWith(evil))).to.deep.equal([]);
  });

  it("a base URL set with configure() is the page's choice: the call goes there", async () => {
    const chosen = attacker();
    configure({ baseUrl: chosen });
    const el = await fixture<OutboundAppButton>(
      html`<outbound-app-button app-id="slack" app-name="Slack" logo="data:image/png;base64,AA==" project-id=${emulator.projectId}></outbound-app-button>`,
    );
    const said = captureConsoleWarnings();
    const error = nextEvent<ConnectErrorDetail>(el, 'outbound-connect-error');
    el.shadowRoot!.querySelector('button')!.click();
    const { detail } = await error; // nothing answers at that name: a network error, after trying
    said.restore();
    expect(detail.code).to.equal('network');
    expect(fetches.urls.some((url) => url.startsWith(chosen)), 'the request went to the configured API').to.equal(true);
  });

  it("the page's own loopback host name (the emulator here) is the page's site", async () => {
    const el = await fixture<OutboundAppButton>(
      html`<outbound-app-button app-id="google-contacts" app-name="Google Contacts" logo="data:image/png;base64,AA==" base-url=${emulator.baseUrl} project-id=${emulator.projectId}></outbound-app-button>`,
    );
    expect(new URL(emulator.baseUrl).hostname).to.equal(location.hostname);
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => fetches.urls.some((url) => url.startsWith(emulator.baseUrl)), 'the connect call to the emulator');
  });
});

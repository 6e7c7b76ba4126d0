import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { savePending } from '../../../src/core/pending-store.js';
import { reportRedirectReturn } from '../../../src/core/redirect-return.js';
import { returnTargetFor } from '../../../src/elements/return-reporting.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { ConnectErrorDetail, ConnectStartDetail } from '../../../src/events.js';
import { emulator, fault, isolateEachTest, newSession, nextEvent, requestsSince, setUrl } from '../support.js';

const inner = (el: OutboundAppButton) => el.shadowRoot!.querySelector('button')!;
const label = (el: OutboundAppButton) => el.shadowRoot!.querySelector('[part="label"] slot')!.textContent!.trim();
const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;

async function button(attrs = '', appId = 'google-contacts'): Promise<OutboundAppButton> {
  const el = await fixture<OutboundAppButton>(
    html`<outbound-app-button app-id=${appId} project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>`,
  );
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    el.setAttribute(name!, value);
  }
  await el.updateComplete;
  return el;
}

/** Clicks and waits for the error event; returns its detail and what the console said. */
async function clickForError(el: OutboundAppButton): Promise<{ detail: ConnectErrorDetail; said: string }> {
  const original = console.error;
  const said: string[] = [];
  console.error = (...args: unknown[]) => said.push(args.join(' '));
  try {
    const error = nextEvent<ConnectErrorDetail>(el, 'outbound-connect-error');
    inner(el).click();
    const event = await error;
    await el.updateComplete;
    return { detail: event.detail, said: said.join('\n') };
  } finally {
    console.error = original;
  }
}

describe('<outbound-app-button>', () => {
  const recorder = isolateEachTest();

  describe('at rest', () => {
    it('is a native button in a shadow root, labelled with the app name', async () => {
      const el = await button('app-name=Google+Contacts');
      el.appName = 'Google Contacts';
      await el.updateComplete;
      expect(inner(el).type).to.equal('button');
      expect(label(el)).to.equal('Connect Google Contacts');
      expect(el.status).to.equal('idle');
      expect(el.getAttribute('status')).to.equal('idle');
      await expect(el).to.be.accessible();
    });

    it('exposes the parts button, logo, label and (while connecting) spinner', async () => {
      const el = await button();
      const parts = () => [...el.shadowRoot!.querySelectorAll('[part]')].map((node) => node.getAttribute('part'));
      expect(parts()).to.deep.equal(['button', 'logo', 'label', 'state']);
      el.getToken = () => new Promise(() => undefined); // stays connecting
      void el.connect();
      await el.updateComplete;
      expect(parts()).to.deep.equal(['button', 'logo', 'label', 'state spinner']);
    });

    it('makes a readable name from the app ID when there is no app-name', async () => {
      expect(label(await button('', 'hub-spot_crm'))).to.equal('Connect Hub Spot Crm');
    });

    it('uses label as given', async () => {
      const el = await button();
      el.label = 'Link your contacts';
      await el.updateComplete;
      expect(label(el)).to.equal('Link your contacts');
    });

    it('shows the logo, and a monogram when there is none, it fails, or it is unsafe', async () => {
      const el = await button();
      el.appName = 'Slack';
      el.logo = `${emulator.baseUrl}/emulator/logos/slack.svg`;
      await el.updateComplete;
      const img = el.shadowRoot!.querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal('');
      await new Promise((resolve) => (img.complete ? resolve(null) : img.addEventListener('load', resolve)));
      expect(img.naturalWidth).to.be.greaterThan(0);

      el.logo = `${emulator.baseUrl}/emulator/logos/missing.svg`;
      await el.updateComplete;
      await new Promise((resolve) => el.shadowRoot!.querySelector('img')!.addEventListener('error', resolve));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.monogram')!.getAttribute('data-letter')).to.equal('S');

      el.logo = 'javascript:alert(1)';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('takes a slotted logo and label', async () => {
      const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="x"
        ><svg slot="logo" viewBox="0 0 1 1" aria-hidden="true"></svg><b>Custom</b></outbound-app-button
      >`);
      const slots = el.shadowRoot!.querySelectorAll('slot');
      expect((slots[0] as HTMLSlotElement).assignedElements()[0]!.localName).to.equal('svg');
      expect((slots[1] as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Custom');
    });

    it('is disabled with the disabled attribute, and connect() then does nothing', async () => {
      const el = await button('disabled');
      expect(inner(el).disabled).to.equal(true);
      await el.connect();
      expect(el.status).to.equal('idle');
      await expect(el).to.be.accessible();
    });

    it('takes focus on its inner button and connects with Enter and Space', async () => {
      localStorage.setItem('DSR', (await newSession()).refreshJwt);
      const el = await button();
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(inner(el));
      const started = nextEvent(el, 'outbound-connect-start');
      // Listen before pressing: with the code already loaded, the navigation can come before sendKeys returns.
      const navigated = recorder().next();
      await sendKeys({ press: 'Enter' });
      await started;
      await navigated;
      expect(el.status).to.equal('connecting');
    });
  });

  describe('connecting', () => {
    it('calls Descope once, with redirectUrl and scopes, then goes to the consent screen', async () => {
      localStorage.setItem('DSR', (await newSession()).refreshJwt);
      const el = await button('scopes=https://www.googleapis.com/auth/contacts.readonly');
      const since = Date.now();
      const start = nextEvent<ConnectStartDetail>(el, 'outbound-connect-start');
      inner(el).click();
      inner(el).click();
      const { detail } = await start;
      expect(detail).to.deep.equal({
        appId: 'google-contacts',
        scopes: ['https://www.googleapis.com/auth/contacts.readonly'],
        redirectUrl: location.href,
        mode: 'redirect',
      });
      expect(el.status).to.equal('connecting');
      expect(inner(el).getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part~="spinner"]')).not.to.equal(null);
      await expect(el).to.be.accessible();

      const url = await recorder().next();
      inner(el).click();
      expect(url.startsWith(`${emulator.baseUrl}/emulator/provider/google-contacts/authorize?`)).to.equal(true);
      expect(new URL(url).searchParams.get('scope')).to.equal('https://www.googleapis.com/auth/contacts.readonly');
      const calls = await requestsSince(since, '/v1/outbound/oauth/connect');
      expect(calls.filter((c) => c.method === 'POST')).to.have.length(1);
      const records = Object.keys(sessionStorage).filter((k) => k.startsWith('outbound-elements:pending:'));
      expect(records).to.have.length(1);
    });

    it('stops when a listener cancels outbound-connect-start', async () => {
      const el = await button();
      const since = Date.now();
      el.addEventListener('outbound-connect-start', (e) => e.preventDefault(), { once: true });
      await el.connect();
      expect(el.status).to.equal('idle');
      expect(recorder().urls).to.have.length(0);
      expect(await requestsSince(since, '/v1/outbound/oauth/connect')).to.have.length(0);
    });

    it('uses a passed-in token, and getToken wins over token', async () => {
      const { refreshJwt } = await newSession();
      const el = await button();
      el.token = 'not-a-token';
      el.getToken = async () => refreshJwt;
      await el.connect();
      expect(recorder().urls).to.have.length(1);
      expect(el.hasAttribute('token')).to.equal(false);
    });

    it('finds the session persisted under the host SDK storage-prefix', async () => {
      localStorage.setItem('myappDSR', (await newSession()).refreshJwt);
      const el = await button('storage-prefix=myapp');
      await el.connect();
      expect(recorder().urls).to.have.length(1);
    });

    it('never puts a token in an event or an attribute', async () => {
      const { refreshJwt } = await newSession();
      const el = await button('', unique('fault'));
      el.token = refreshJwt;
      const details: unknown[] = [];
      for (const name of ['outbound-connect-start', 'outbound-connect-error']) el.addEventListener(name, (e) => details.push((e as CustomEvent).detail));
      await fault(el.appId!, 500);
      await clickForError(el);
      expect(JSON.stringify(details)).not.to.contain(refreshJwt);
      expect(el.outerHTML).not.to.contain(refreshJwt);
    });
  });

  describe('failing', () => {
    it('missing-app-id: says what to fix, calls nothing, stays usable', async () => {
      const el = await fixture<OutboundAppButton>(html`<outbound-app-button project-id="P"></outbound-app-button>`);
      const { detail, said } = await clickForError(el);
      expect(detail.code).to.equal('missing-app-id');
      expect(said).to.contain('app-id');
      expect(el.status).to.equal('error');
      await expect(el).to.be.accessible();
      el.appId = 'slack';
      el.projectId = emulator.projectId;
      el.baseUrl = emulator.baseUrl;
      localStorage.setItem('DSR', (await newSession()).refreshJwt);
      await el.connect();
      expect(recorder().urls).to.have.length(1);
    });

    it('invalid-option: malformed scopes, redirect-url and mode', async () => {
      for (const attrs of ['scopes=a,b', 'redirect-url=javascript:alert(1)', 'redirect-url=http://evil.example/', 'mode=modal']) {
        const { detail, said } = await clickForError(await button(attrs));
        expect(detail.code, attrs).to.equal('invalid-option');
        expect(said, attrs).to.match(/scope|redirect-url|mode/);
      }
    });

    it('invalid-option: an sdk property that is not a Descope SDK', async () => {
      const el = await button();
      el.sdk = {} as never;
      const { detail, said } = await clickForError(el);
      expect(detail.code).to.equal('invalid-option');
      expect(said).to.contain('outbound.connect');
    });

    it('uses the host SDK instance given as sdk', async () => {
      const calls: unknown[][] = [];
      const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" scopes="a"></outbound-app-button>`);
      el.sdk = {
        outbound: {
          connect: async (...args: unknown[]) => {
            calls.push(args);
            return { ok: true, data: { url: 'https://provider.example/authorize' } };
          },
        },
      };
      el.token = 'host-token';
      await el.connect();
      expect(recorder().urls).to.deep.equal(['https://provider.example/authorize']);
      const [appId, options, token] = calls[0] as [string, { redirectUrl: string; scopes: string[] }, string];
      expect(appId).to.equal('slack');
      expect(options.scopes).to.deep.equal(['a']);
      expect(options.redirectUrl).to.match(/[?&]outbound-return=[0-9a-f]{32}$/);
      expect(options).not.to.have.property('redirectURL');
      expect(token).to.equal('host-token');
    });

    it('not-configured: no project anywhere', async () => {
      const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack"></outbound-app-button>`);
      const { detail, said } = await clickForError(el);
      expect(detail.code).to.equal('not-configured');
      expect(said).to.contain('project-id');
    });

    it('unauthenticated: no session at all (Descope answers 401)', async () => {
      const { detail } = await clickForError(await button());
      expect(detail).to.include({ code: 'unauthenticated', status: 401 });
      expect(detail.message).to.contain('sign the user in');
    });

    it('unauthenticated: getToken failing', async () => {
      const el = await button();
      el.getToken = () => Promise.reject(new Error('signed out'));
      expect((await clickForError(el)).detail.code).to.equal('unauthenticated');
    });

    it('app-not-found: an app the project does not have', async () => {
      localStorage.setItem('DSR', (await newSession()).refreshJwt);
      const { detail } = await clickForError(await button('', 'no-such-app'));
      expect(detail).to.include({ code: 'app-not-found', status: 404 });
    });

    const statusCases: [number, string, unknown?][] = [
      [403, 'forbidden'],
      [429, 'rate-limited'],
      [500, 'server'],
      // (503 is retried by the SDK itself for up to ~10 s before it reports, so 504 stands in.)
      [504, 'server'],
      [418, 'unknown'],
      [400, 'invalid-option'],
      [200, 'invalid-response', { url: 'http://evil.example/authorize' }],
      [200, 'invalid-response', {}],
      [502, 'invalid-response', 'not-json'],
    ];
    for (const [status, code, body] of statusCases) {
      it(`${code}: Descope answering ${status}${body ? ` ${JSON.stringify(body)}` : ''}`, async () => {
        localStorage.setItem('DSR', (await newSession()).refreshJwt);
        const el = await button('', unique('fault'));
        await fault(el.appId!, status, body);
        const { detail } = await clickForError(el);
        expect(detail.code).to.equal(code);
        if (code === 'rate-limited') expect(detail.message).to.contain('Retry after 7');
        expect(recorder().urls).to.have.length(0);
        expect(el.status).to.equal('error');
      });
    }

    it('network: Descope unreachable', async () => {
      const el = await button();
      el.baseUrl = 'http://127.0.0.1:9';
      const { detail } = await clickForError(el);
      expect(detail.code).to.equal('network');
    });

    it('shows the error state accessibly and announces it', async () => {
      const el = await button();
      await clickForError(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('error');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Sign in');
      // On screen as text, not in a tooltip: the message part, describing the button.
      const message = el.shadowRoot!.querySelector<HTMLElement>('[part="message"]')!;
      expect(message.textContent).to.equal('Sign in, then try again.');
      expect(message.checkVisibility() && message.getBoundingClientRect().height > 0).to.equal(true);
      expect(inner(el).getAttribute('aria-describedby')).to.equal(message.id);
      expect(inner(el).hasAttribute('title')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('after the redirect return', () => {
    afterEach(() => setUrl(location.pathname));

    it('hears success on the button with the same app-id, becomes connected and offers Reconnect', async () => {
      const el = await button();
      el.appName = 'Google Contacts';
      savePending({ nonce: 'ret1', appId: 'google-contacts', scopes: ['s'], redirectUrl: location.href, hash: '', startedAt: Date.now() });
      setUrl(`${location.pathname}?outbound-return=ret1`);
      const success = nextEvent(el, 'outbound-connect-success');
      reportRedirectReturn({ resolveTarget: returnTargetFor });
      await success;
      await el.updateComplete;
      expect(el.status).to.equal('connected');
      expect(label(el)).to.equal('Reconnect Google Contacts');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Google Contacts connected');
      await expect(el).to.be.accessible();
    });

    it('returns to idle on cancel', async () => {
      const el = await button();
      savePending({ nonce: 'ret2', appId: 'google-contacts', scopes: undefined, redirectUrl: location.href, hash: '', startedAt: Date.now() });
      const cancel = nextEvent(el, 'outbound-connect-cancel');
      reportRedirectReturn({ resolveTarget: returnTargetFor });
      await cancel;
      expect(el.status).to.equal('idle');
    });
  });
});

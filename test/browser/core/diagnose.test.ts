import { expect, fixture, html } from '@open-wc/testing';
import { configure, type OutboundSdk } from '../../../src/core/config.js';
import { connect } from '../../../src/core/connect.js';
import { diagnose, type DiagnoseReport, type FindingId } from '../../../src/core/diagnose.js';
import { POPUP_MESSAGE_TYPE } from '../../../src/core/popup-channel.js';
import { forgetPopupFlows, notePopupTrouble } from '../../../src/core/popup-flow.js';
import { popupName } from '../../../src/core/popup-window.eager.js';
import { getSdk } from '../../../src/core/sdk.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { OutboundAppList } from '../../../src/elements/outbound-app-list.js';
import type { OutboundConnect } from '../../../src/elements/outbound-connect.js';
import { captureConsoleWarnings, emulator, isolateEachTest, newSession, nextEvent } from '../support.js';
import '../../../src/define.js';

/** A JWT with `claims` as payload (unsigned: diagnose() only reads the payload). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none' })}.${part(claims)}.signature`;
}

const hourAgo = () => Math.floor(Date.now() / 1000) - 3600;
const ids = (report: DiagnoseReport) => report.findings.map((finding) => finding.id);
const finding = (report: DiagnoseReport, id: FindingId) => report.findings.find((f) => f.id === id);

/** A same-origin frame: a page of its own (its own window, `top` is this page), sharing our storage. */
async function frame(): Promise<{ win: Window; element: Element; remove: () => void }> {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const win = iframe.contentWindow!;
  const element = win.document.createElement('div');
  win.document.body.append(element);
  return { win, element, remove: () => iframe.remove() };
}

describe('diagnose()', () => {
  isolateEachTest();
  beforeEach(() => notePopupTrouble(undefined));
  afterEach(() => configure({ storagePrefix: undefined, mode: undefined, sdk: undefined, token: undefined }));

  it('a configured page with a signed-in user finds nothing in the way', async () => {
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    localStorage.setItem('DSR', (await newSession()).refreshJwt);
    const report = diagnose();
    expect(report.findings).to.deep.equal([]);
    expect(report.session).to.deep.include({ source: 'localStorage', key: 'DSR', storagePrefix: '' });
    expect(report).to.deep.include({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
  });

  it('says where each setting came from: own attribute or property, <outbound-connect>, configure()', async () => {
    configure({ projectId: 'P-page', storagePrefix: 'app_', tenantId: 'T-page' });
    const provider = await fixture<OutboundConnect>(html`<outbound-connect base-url="https://auth.example.com" tenant-id="T-provider">
      <outbound-app-button app-id="slack" project-id="P-own"></outbound-app-button>
    </outbound-connect>`);
    const button = provider.querySelector('outbound-app-button')!;
    button.token = 'secret-token-value';
    const { settings, projectId } = diagnose(button);
    expect(projectId).to.equal('P-own');
    expect(settings.projectId).to.deep.equal({ from: 'attribute', value: 'P-own' });
    expect(settings.baseUrl).to.deep.equal({ from: '<outbound-connect>', value: 'https://auth.example.com' });
    expect(settings.tenantId).to.deep.equal({ from: '<outbound-connect>', value: 'T-provider' });
    expect(settings.storagePrefix).to.deep.equal({ from: 'configure()', value: 'app_' });
    expect(settings.token, 'a token is named, never shown').to.deep.equal({ from: 'property', value: '(set)' });
    configure({ tenantId: undefined });
  });

  it('no project anywhere → no-project (an error)', () => {
    const report = diagnose();
    expect(finding(report, 'no-project')?.severity).to.equal('error');
    expect(finding(report, 'no-project')?.fix).to.contain('project-id');
  });

  it('no session at all → no-session, naming the storage key it looked for', () => {
    configure({ projectId: emulator.projectId, storagePrefix: 'shop_' });
    const report = diagnose();
    expect(ids(report)).to.deep.equal(['no-session']);
    expect(report.session.source).to.equal('none');
    expect(finding(report, 'no-session')?.seen).to.contain('"shop_DSR"');
  });

  it('a session persisted under another storage prefix → session-other-prefix, saying which prefix to set', async () => {
    configure({ projectId: emulator.projectId });
    localStorage.setItem('myappDSR', (await newSession()).refreshJwt);
    const report = diagnose();
    expect(ids(report)).to.deep.equal(['session-other-prefix']);
    expect(finding(report, 'session-other-prefix')?.fix).to.contain('storage-prefix="myapp"');
    configure({ storagePrefix: 'myapp' });
    expect(ids(diagnose()), 'with the prefix set, the session is found').to.deep.equal([]);
  });

  it('a persisted refresh token whose exp has passed → session-expired, with when', () => {
    configure({ projectId: emulator.projectId });
    const exp = hourAgo();
    localStorage.setItem('DSR', jwt({ iss: emulator.projectId, exp }));
    const report = diagnose();
    expect(ids(report)).to.deep.equal(['session-expired']);
    expect(report.session.expiresAt).to.equal(new Date(exp * 1000).toISOString());
  });

  it('a session issued for another project → session-other-project (Descope writes iss as a URL too)', () => {
    configure({ projectId: emulator.projectId });
    localStorage.setItem('DSR', jwt({ iss: 'https://api.descope.com/P-someone-else', exp: hourAgo() + 7200 }));
    const report = diagnose();
    expect(ids(report)).to.deep.equal(['session-other-project']);
    expect(finding(report, 'session-other-project')?.seen).to.contain('P-someone-else');
  });

  it('a token property is the session it reports, expired or not, and the report never holds it', () => {
    const token = jwt({ iss: emulator.projectId, exp: hourAgo() });
    configure({ projectId: emulator.projectId, token });
    const report = diagnose();
    expect(report.session.source).to.equal('token');
    expect(ids(report)).to.deep.equal(['session-expired']);
    expect(JSON.stringify(report)).to.not.contain(token.split('.')[1]);
  });

  it('getToken and a host sdk count as a session; getToken is not called', () => {
    let asked = 0;
    configure({ projectId: emulator.projectId, getToken: () => String(++asked) });
    expect(diagnose().session.source).to.equal('getToken');
    expect(asked, 'no side effect: getToken() is not called').to.equal(0);
    configure({ getToken: undefined, sdk: { outbound: { connect: async () => ({ ok: true }) } } as OutboundSdk });
    const report = diagnose();
    expect(report.session.source).to.equal('sdk');
    expect(ids(report)).to.deep.equal([]);
  });

  it('sessionStorage full (or blocked) → session-storage-blocked, suggesting popup mode', () => {
    configure({ projectId: emulator.projectId, token: 'a-token' });
    // Fill the quota, as a full or refusing storage answers: setItem throws.
    for (let size = 1 << 22, i = 0; size >= 1; i++) {
      try {
        sessionStorage.setItem(`fill-${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
    try {
      const report = diagnose();
      expect(ids(report)).to.deep.equal(['session-storage-blocked']);
      expect(finding(report, 'session-storage-blocked')?.fix).to.contain('mode="popup"');
    } finally {
      sessionStorage.clear();
    }
    expect(ids(diagnose())).to.deep.equal([]);
  });

  it('a page in a frame with mode redirect → framed, suggesting mode="auto"; with auto, nothing', async () => {
    configure({ projectId: emulator.projectId, token: 'a-token' });
    const { element, remove } = await frame();
    try {
      const report = diagnose(element);
      expect(ids(report)).to.deep.equal(['framed']);
      expect(finding(report, 'framed')?.fix).to.contain('mode="auto"');
      expect(ids(diagnose(element, { mode: 'auto' }))).to.deep.equal([]);
    } finally {
      remove();
    }
  });

  it('an in-app browser (a webview user agent) → in-app-browser', async () => {
    configure({ projectId: emulator.projectId, token: 'a-token' });
    const { win, element, remove } = await frame();
    try {
      Object.defineProperty(win.navigator, 'userAgent', {
        value: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0',
      });
      expect(ids(diagnose(element, { mode: 'auto' }))).to.deep.equal(['in-app-browser']);
    } finally {
      remove();
    }
  });

  it('a cross-origin isolated page (COOP same-origin) in popup mode → cross-origin-isolated', async () => {
    configure({ projectId: emulator.projectId, token: 'a-token' });
    const { win, element, remove } = await frame();
    try {
      // What a page sending COOP same-origin and COEP reads; the test server sends neither.
      Object.defineProperty(win, 'crossOriginIsolated', { value: true });
      expect(ids(diagnose(element, { mode: 'popup' }))).to.deep.equal(['cross-origin-isolated']);
      expect(ids(diagnose(element, { mode: 'auto' })), 'framed, auto uses a popup too').to.deep.equal(['cross-origin-isolated']);
    } finally {
      remove();
    }
  });
});

describe('diagnose() and the last popup', () => {
  isolateEachTest({ signedIn: true });
  beforeEach(() => notePopupTrouble(undefined));
  afterEach(() => forgetPopupFlows());

  it('a popup the browser blocked → popup-blocked, also on the page that comes back after the fallback redirect', async () => {
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    const open = window.open;
    window.open = () => null; // as a popup blocker answers
    const quiet = captureConsoleWarnings();
    try {
      await connect('slack', { mode: 'popup', popupFallback: 'error', target: new EventTarget() });
    } finally {
      window.open = open;
      quiet.restore();
    }
    expect(ids(diagnose())).to.deep.equal(['popup-blocked']);
    expect(sessionStorage.getItem('outbound-elements:popup-trouble'), 'kept for the next page load').to.equal('blocked');
  });

  it('a result arriving after the popup seemed closed (the opener was cut) → popup-opener-cut; a popup that reports normally clears it', async () => {
    const real = await getSdk({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    const nonces: string[] = [];
    const sdk: OutboundSdk = {
      outbound: {
        connect: (appId, options, token) => {
          nonces.push(new URL(options!.redirectUrl!).searchParams.get('outbound-return')!);
          return real.outbound.connect(appId, options, token);
        },
      },
    };
    const relay = (nonce: string) => {
      const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
      channel.postMessage({ type: POPUP_MESSAGE_TYPE, nonce });
      channel.close();
    };
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    const target = new EventTarget();
    const popup = window.open('', popupName('slack'), 'popup,width=400,height=400');
    await connect('slack', { mode: 'popup', sdk, target, popup });
    const cancel = nextEvent(target, 'outbound-connect-cancel');
    popup!.close(); // what the opener sees when the provider's page cuts the opener relation
    await cancel;
    const success = nextEvent(target, 'outbound-connect-success');
    relay(nonces[0]!);
    await success;
    expect(ids(diagnose())).to.deep.equal(['popup-opener-cut']);

    const again = window.open('', popupName('hubspot'), 'popup,width=400,height=400');
    await connect('hubspot', { mode: 'popup', sdk, target, popup: again });
    const next = nextEvent(target, 'outbound-connect-success');
    relay(nonces[1]!);
    await next;
    expect(ids(diagnose())).to.deep.equal([]);
  });
});

describe('diagnose() on the elements', () => {
  isolateEachTest();

  it('<outbound-app-button>, <outbound-connect> and <outbound-app-list> report their own resolved settings', async () => {
    const provider = await fixture<OutboundConnect>(html`<outbound-connect project-id="P-provider" storage-prefix="shop_">
      <outbound-app-button app-id="slack" project-id="P-button"></outbound-app-button>
      <outbound-app-list></outbound-app-list>
    </outbound-connect>`);
    const button = provider.querySelector<OutboundAppButton>('outbound-app-button')!;
    const list = provider.querySelector<OutboundAppList>('outbound-app-list')!;
    const [own, inherited, outer] = await Promise.all([button.diagnose(), list.diagnose(), provider.diagnose()]);
    expect(own.settings.projectId).to.deep.equal({ from: 'attribute', value: 'P-button' });
    expect(inherited.settings.projectId).to.deep.equal({ from: '<outbound-connect>', value: 'P-provider' });
    expect(outer.settings.storagePrefix).to.deep.equal({ from: 'attribute', value: 'shop_' });
    expect(ids(own)).to.deep.equal(['no-session']);
    expect(own.findings[0]!.seen).to.contain('shop_DSR');
  });
});

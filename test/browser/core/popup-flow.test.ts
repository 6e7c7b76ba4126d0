import { expect } from '@open-wc/testing';
import { connect, type ConnectResult } from '../../../src/core/connect.js';
import type { OutboundSdk } from '../../../src/core/config.js';
import { POPUP_ACK_TYPE, POPUP_MESSAGE_TYPE } from '../../../src/core/popup-channel.js';
import { cancelPopupFlow, forgetPopupFlows } from '../../../src/core/popup-flow.js';
import { popupName } from '../../../src/core/popup-window.eager.js';
import { getSdk } from '../../../src/core/sdk.js';
import type { ConnectCancelDetail, ConnectErrorDetail, ConnectSuccessDetail } from '../../../src/events.js';
import { emulator, fault, isolateEachTest, nextEvent, until } from '../support.js';

type Call = Parameters<OutboundSdk['outbound']['connect']>;

/** The real SDK, with its connect calls recorded (to read the nonce we sent as redirect URL). */
async function recordingSdk(): Promise<{ sdk: OutboundSdk; calls: Call[] }> {
  const real = await getSdk({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
  const calls: Call[] = [];
  const sdk: OutboundSdk = {
    outbound: {
      connect: (...args: Call) => {
        calls.push(args);
        return real.outbound.connect(...args);
      },
    },
  };
  return { sdk, calls };
}

const nonceOf = (call: Call) => new URL(call[1]!.redirectUrl!).searchParams.get('outbound-return')!;

/** What the popup's return page sends (popup-channel.ts), on the same-origin channel. */
function relay(nonce: string, extra: { error?: string; errorDescription?: string } = {}): void {
  const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
  channel.postMessage({ type: POPUP_MESSAGE_TYPE, nonce, ...extra });
  channel.close();
}

const openPopup = (appId: string) => window.open('', popupName(appId), 'popup,width=400,height=400');
const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
  const [error, warn] = [console.error, console.warn];
  console.error = console.warn = () => undefined;
  try {
    return await run();
  } finally {
    [console.error, console.warn] = [error, warn];
  }
};

describe('popup mode (core connect)', () => {
  const recorder = isolateEachTest({ signedIn: true });
  afterEach(() => forgetPopupFlows());

  it('shows the consent page in the popup, stays on the page, and reports the popup\'s success', async () => {
    const { sdk, calls } = await recordingSdk();
    const target = new EventTarget();
    const popup = openPopup('hubspot');
    expect(popup, 'the test browser opens popups').to.not.equal(null);
    const result = await connect('hubspot', { mode: 'popup', sdk, target, popup, returnState: { tab: 2 } });
    expect(result.status).to.equal('popup');
    expect(recorder().urls, 'the page itself does not navigate').to.deep.equal([]);
    const redirect = new URL(calls[0]![1]!.redirectUrl!);
    expect(redirect.searchParams.get('outbound-popup')).to.equal('1');
    expect(nonceOf(calls[0]!)).to.match(/^[0-9a-f]{32}$/);

    const success = nextEvent<ConnectSuccessDetail>(target, 'outbound-connect-success');
    relay(nonceOf(calls[0]!));
    expect((await success).detail).to.deep.include({ appId: 'hubspot', returnState: { tab: 2 } });
    expect(popup!.closed, 'the opener closes what is left of the popup').to.equal(true);
  });

  it('acknowledges a nonce it started (so the popup closes itself), and no other', async () => {
    const { sdk, calls } = await recordingSdk();
    const target = new EventTarget();
    await connect('hubspot', { mode: 'popup', sdk, target, popup: openPopup('hubspot') });
    // Listening as the popup does, on the same-origin channel.
    const acks: unknown[] = [];
    const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
    channel.onmessage = (event) => {
      if ((event.data as { type?: string }).type === POPUP_ACK_TYPE) acks.push(event.data);
    };
    try {
      relay('0123456789abcdef0123456789abcdef'); // nobody's: must stay open
      const success = nextEvent(target, 'outbound-connect-success');
      relay(nonceOf(calls[0]!));
      await success;
      await until(() => acks.length > 0, 'the acknowledgement');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(acks).to.deep.equal([{ type: POPUP_ACK_TYPE, nonce: nonceOf(calls[0]!) }]);
    } finally {
      channel.close();
    }
  });

  it('keeps several flows apart and ignores nonces it did not start', async () => {
    const { sdk, calls } = await recordingSdk();
    const [a, b] = [new EventTarget(), new EventTarget()];
    const seen: string[] = [];
    for (const [name, t] of [['a', a], ['b', b]] as const) {
      t.addEventListener('outbound-connect-success', (e) => seen.push(`${name}:${(e as CustomEvent).detail.appId}`));
    }
    await connect('hubspot', { mode: 'popup', sdk, target: a, popup: openPopup('hubspot') });
    await connect('slack', { mode: 'popup', sdk, target: b, popup: openPopup('slack') });
    const bDone = nextEvent(b, 'outbound-connect-success');
    relay('0123456789abcdef0123456789abcdef'); // nobody's
    relay(nonceOf(calls[1]!));
    await bDone;
    await new Promise((resolve) => setTimeout(resolve, 100)); // a wrong delivery would have come by now
    expect(seen).to.deep.equal(['b:slack']);
    const aDone = nextEvent(a, 'outbound-connect-success');
    relay(nonceOf(calls[1]!)); // a replay: the flow is over
    relay(nonceOf(calls[0]!));
    await aDone;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).to.deep.equal(['b:slack', 'a:hubspot']);
  });

  it('a second click while the popup is open focuses it: one connect call, no second start', async () => {
    // A consent page on this origin, so the test can watch the popup's focus().
    const calls: Call[] = [];
    const sdk: OutboundSdk = {
      outbound: {
        connect: async (...args: Call) => {
          calls.push(args);
          return { ok: true, code: 200, data: { url: `${location.origin}/?consent=notion` } };
        },
      },
    };
    const target = new EventTarget();
    let starts = 0;
    target.addEventListener('outbound-connect-start', () => starts++);
    const popup = openPopup('notion')!;
    const first = await connect('notion', { mode: 'popup', sdk, target, popup });
    await until(() => popup.location.search === '?consent=notion' && popup.document.readyState === 'complete', 'the consent page in the popup');
    let focused = 0;
    popup.focus = () => focused++;
    const second = await connect('notion', { mode: 'popup', sdk, target, popup: openPopup('notion') });
    expect(second).to.deep.equal(first);
    expect(focused, 'the open popup is brought back').to.equal(1);
    expect(calls).to.have.length(1);
    expect(starts).to.equal(1);
    // Another element asking for the same app is answered "canceled": the popup belongs to the first.
    expect((await connect('notion', { mode: 'popup', sdk, target: new EventTarget(), popup: openPopup('notion') })).status).to.equal('canceled');
    expect(calls).to.have.length(1);
  });

  it('popup closed → cancel; the flow still listens (a result may come late), and a retry reopens the same consent page without calling Descope again', async () => {
    const { sdk, calls } = await recordingSdk();
    const target = new EventTarget();
    const popup = openPopup('github');
    const first = (await connect('github', { mode: 'popup', sdk, target, popup, returnState: 'r' })) as Extract<ConnectResult, { url: string }>;
    const cancel = nextEvent<ConnectCancelDetail>(target, 'outbound-connect-cancel');
    popup!.close();
    expect((await cancel).detail).to.deep.equal({ appId: 'github', returnState: 'r' });

    const start = nextEvent(target, 'outbound-connect-start');
    const retry = await connect('github', { mode: 'popup', sdk, target, popup: openPopup('github') });
    await start;
    expect(retry).to.deep.equal({ status: 'popup', url: first.url });
    expect(calls, 'no second connect call').to.have.length(1);

    const success = nextEvent<ConnectSuccessDetail>(target, 'outbound-connect-success');
    relay(nonceOf(calls[0]!));
    expect((await success).detail.appId).to.equal('github');
  });

  it('a result arriving after the popup seemed closed is still reported (Cross-Origin-Opener-Policy)', async () => {
    const { sdk, calls } = await recordingSdk();
    const target = new EventTarget();
    const popup = openPopup('slack');
    await connect('slack', { mode: 'popup', sdk, target, popup });
    const cancel = nextEvent(target, 'outbound-connect-cancel');
    popup!.close(); // what the opener sees when the provider's page cuts the opener relation
    await cancel;
    const success = nextEvent<ConnectSuccessDetail>(target, 'outbound-connect-success');
    relay(nonceOf(calls[0]!));
    expect((await success).detail.appId).to.equal('slack');
  });

  it('a retry with the popup blocked, while a closed popup\'s flow still listens, applies popup-fallback and keeps listening', async () => {
    const { sdk, calls } = await recordingSdk();
    const target = new EventTarget();
    const popup = openPopup('hubspot');
    await connect('hubspot', { mode: 'popup', sdk, target, popup });
    const cancel = nextEvent(target, 'outbound-connect-cancel');
    popup!.close();
    await cancel;
    const error = nextEvent<ConnectErrorDetail>(target, 'outbound-connect-error');
    const retry = await quietly(() => connect('hubspot', { mode: 'popup', popupFallback: 'error', sdk, target, popup: null }));
    expect(retry.status).to.equal('error');
    expect((await error).detail.code).to.equal('popup-blocked');
    expect(calls).to.have.length(1);
    const success = nextEvent<ConnectSuccessDetail>(target, 'outbound-connect-success');
    relay(nonceOf(calls[0]!));
    expect((await success).detail.appId).to.equal('hubspot');
  });

  it('cancelPopupFlow (the Cancel control) closes the popup and reports the cancel', async () => {
    const { sdk } = await recordingSdk();
    const target = new EventTarget();
    const popup = openPopup('hubspot');
    await connect('hubspot', { mode: 'popup', sdk, target, popup });
    const cancel = nextEvent(target, 'outbound-connect-cancel');
    cancelPopupFlow('hubspot');
    await cancel;
    expect(popup!.closed).to.equal(true);
  });

  it('cancelPopupFlow while Descope is still answering reports the cancel with its returnState', async () => {
    let answer!: (value: Awaited<ReturnType<OutboundSdk['outbound']['connect']>>) => void;
    const sdk: OutboundSdk = { outbound: { connect: () => new Promise((resolve) => (answer = resolve)) } };
    const target = new EventTarget();
    const popup = openPopup('slack');
    const started = connect('slack', { mode: 'popup', sdk, target, popup, returnState: { draft: 7 } });
    const cancel = nextEvent<ConnectCancelDetail>(target, 'outbound-connect-cancel');
    cancelPopupFlow('slack');
    expect((await cancel).detail).to.deep.equal({ appId: 'slack', returnState: { draft: 7 } });
    expect(popup!.closed).to.equal(true);
    // Descope's late answer starts nothing.
    await until(() => !!answer, 'the connect call to Descope');
    answer({ ok: true, code: 200, data: { url: 'https://provider.example/authorize' } });
    expect((await started).status).to.equal('canceled');
  });

  it('a provider refusal relayed by the popup → provider-error', async () => {
    const { sdk, calls } = await recordingSdk();
    const target = new EventTarget();
    await connect('hubspot', { mode: 'popup', sdk, target, popup: openPopup('hubspot') });
    const error = nextEvent<ConnectErrorDetail>(target, 'outbound-connect-error');
    await quietly(async () => {
      relay(nonceOf(calls[0]!), { error: 'access_denied', errorDescription: 'The user denied access' });
      expect((await error).detail).to.include({ appId: 'hubspot', code: 'provider-error' });
    });
    expect((await error).detail.message).to.contain('The user denied access');
  });

  it('blocked popup: popup-fallback "redirect" (default) redirects, "error" reports popup-blocked without calling Descope', async () => {
    const { sdk, calls } = await recordingSdk();
    const redirected = await quietly(() => connect('hubspot', { mode: 'popup', sdk, popup: null }));
    expect(redirected.status).to.equal('redirecting');
    expect(recorder().urls).to.have.length(1);
    expect(new URL(calls[0]![1]!.redirectUrl!).searchParams.has('outbound-popup'), 'a plain redirect return').to.equal(false);

    const target = new EventTarget();
    const error = nextEvent<ConnectErrorDetail>(target, 'outbound-connect-error');
    const refused = await quietly(() => connect('slack', { mode: 'popup', popupFallback: 'error', sdk, target, popup: null }));
    expect(refused.status).to.equal('error');
    expect((await error).detail).to.include({ appId: 'slack', code: 'popup-blocked' });
    expect(calls).to.have.length(1);
  });

  it('rejects an unknown popup-fallback with invalid-option, and closes the blank popup', async () => {
    const popup = openPopup('hubspot');
    const result = await quietly(() =>
      connect('hubspot', { mode: 'popup', popupFallback: 'never' as never, projectId: emulator.projectId, baseUrl: emulator.baseUrl, popup }),
    );
    expect(result.status === 'error' && result.error.code).to.equal('invalid-option');
    expect(result.status === 'error' && result.error.message).to.contain('popup-fallback');
    expect(popup!.closed).to.equal(true);
  });

  it('refuses a redirect-url on another origin (the popup could not report back), before anything starts', async () => {
    const { sdk, calls } = await recordingSdk();
    const popup = openPopup('slack');
    const result = await quietly(() => connect('slack', { mode: 'popup', sdk, popup, redirectUrl: 'https://elsewhere.example/callback' }));
    expect(result.status === 'error' && result.error.code).to.equal('invalid-option');
    expect(result.status === 'error' && result.error.message).to.contain('origin');
    expect(calls).to.have.length(0);
    expect(popup!.closed).to.equal(true);
  });

  it('a start listener that stops the connection, or a failed connect call, closes the blank popup', async () => {
    const target = new EventTarget();
    target.addEventListener('outbound-connect-start', (e) => e.preventDefault(), { once: true });
    const popup = openPopup('hubspot');
    const config = { mode: 'popup' as const, projectId: emulator.projectId, baseUrl: emulator.baseUrl, target };
    expect((await connect('hubspot', { ...config, popup })).status).to.equal('canceled');
    expect(popup!.closed).to.equal(true);

    await fault('hubspot', 404);
    const again = openPopup('hubspot');
    const result = await quietly(() => connect('hubspot', { ...config, popup: again }));
    expect(result.status === 'error' && result.error.code).to.equal('app-not-found');
    expect(again!.closed).to.equal(true);
  });

  it('without a window from the caller, connect() opens the popup itself (before its first await)', async () => {
    const { sdk } = await recordingSdk();
    const result = await connect('notion', { mode: 'popup', sdk });
    expect(result.status).to.equal('popup');
    const same = window.open('', popupName('notion'));
    expect(same, 'the named popup exists').to.not.equal(null);
    expect(same!.closed).to.equal(false);
  });

  it('mode auto at the top level redirects', async () => {
    const { sdk } = await recordingSdk();
    expect((await connect('hubspot', { mode: 'auto', sdk })).status).to.equal('redirecting');
  });
});

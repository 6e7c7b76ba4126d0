// An element's state is its own: a host listener that stops one of our events (in the capture
// phase on window, on document, or on the element itself) changes nothing in any element. Every
// event × every place × the button, a headless trigger and a list row × redirect and popup mode.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { getReturnOutcomes, onReturnOutcome, type ReturnOutcome } from '../../../src/core/connection-state.js';
import { POPUP_MESSAGE_TYPE } from '../../../src/core/popup-channel.js';
import { forgetPopupFlows } from '../../../src/core/popup-flow.js';
import { reportRedirectReturn } from '../../../src/core/redirect-return.js';
import { savePending } from '../../../src/core/pending-store.js';
import { returnTargetFor } from '../../../src/elements/return-reporting.js';
import { fakeCatalogSdk } from '../../../stories/support/fake-catalog-sdk.js';
import { captureConsoleWarnings, isolateEachTest, rowButton as rowButtonOf, setUrl, until } from '../support.js';

type Mode = 'redirect' | 'popup';
type EventName = 'outbound-connect-start' | 'outbound-connect-success' | 'outbound-connect-error' | 'outbound-connect-cancel';
type Place = 'window (capture)' | 'document (capture)' | 'the element';

/** What one kind of element looks like to the test: how to click it and what state it shows. */
interface Subject {
  name: string;
  mount(sdk: object, mode: Mode): Promise<HTMLElement>;
  click(el: HTMLElement): void;
  status(el: HTMLElement): string | null;
}

const APP = 'slack';

const subjects: Subject[] = [
  {
    name: '<outbound-app-button>',
    mount: (sdk, mode) => fixture(html`<outbound-app-button app-id=${APP} app-name="Slack" mode=${mode} .sdk=${sdk}></outbound-app-button>`),
    click: (el) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click(),
    status: (el) => el.getAttribute('status'),
  },
  {
    name: 'a headless trigger',
    mount: (sdk, mode) =>
      fixture(html`<outbound-connect mode=${mode} .sdk=${sdk}><button data-outbound-app-id=${APP}>Slack</button></outbound-connect>`),
    click: (el) => el.querySelector('button')!.click(),
    status: (el) => el.querySelector('button')!.getAttribute('data-outbound-status') ?? 'idle',
  },
  {
    name: 'a row of <outbound-app-list>',
    mount: async (sdk, mode) => {
      const el = await fixture<HTMLElement>(html`<outbound-app-list mode=${mode} apps=${APP} .sdk=${sdk}></outbound-app-list>`);
      await until(() => !!rowButton(el), 'the row');
      return el;
    },
    click: (el) => rowButton(el)!.click(),
    status: (el) => {
      const button = rowButton(el)!;
      if (button.getAttribute('aria-busy') === 'true') return 'connecting';
      return button.querySelector('[part="label"]')!.textContent!.trim() === 'Reconnect' ? 'connected' : 'idle';
    },
  },
];

function rowButton(list: HTMLElement): HTMLButtonElement | null {
  return rowButtonOf(list, APP);
}

/** A catalog SDK whose connect call succeeds (a same-origin consent page) or fails with 403. */
function sdkFor(outcome: 'ok' | 'fail') {
  const sdk = fakeCatalogSdk();
  let calls = 0;
  sdk.outbound.connect = async (_appId: string, options?: { redirectUrl?: string }) => {
    calls++;
    sdk.redirectUrls.push(options?.redirectUrl ?? '');
    return outcome === 'ok'
      ? { ok: true, code: 200, data: { url: `${location.origin}/?consent=${APP}` } }
      : ({ ok: false, code: 403, error: { errorCode: 'E000000', errorDescription: 'Forbidden' } } as never);
  };
  return Object.assign(sdk, { connectCalls: () => calls });
}

/** Stops every `name` event at `place`, as an analytics wrapper or a "swallow everything" handler does. */
function stopAt(place: Place, name: EventName, el: HTMLElement): () => void {
  const target: EventTarget = place === 'window (capture)' ? window : place === 'document (capture)' ? document : el;
  const stop = (event: Event) => event.stopImmediatePropagation();
  const capture = place !== 'the element';
  target.addEventListener(name, stop, { capture });
  return () => target.removeEventListener(name, stop, { capture });
}

const nonceOf = (redirectUrl: string) => new URL(redirectUrl).searchParams.get('outbound-return')!;

function relayFromPopup(nonce: string): void {
  const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
  channel.postMessage({ type: POPUP_MESSAGE_TYPE, nonce });
  channel.close();
}

describe('an element whose events a host stops', () => {
  const recorder = isolateEachTest();
  let unstop: () => void = () => undefined;
  afterEach(() => {
    unstop();
    forgetPopupFlows();
    window.open('', `outbound-elements:${APP}`)?.close();
    setUrl(location.pathname);
  });

  /** Clicks and waits until the flow is under way: the consent page in the popup, or the navigation. */
  async function start(subject: Subject, el: HTMLElement, mode: Mode, sdk: ReturnType<typeof sdkFor>): Promise<void> {
    subject.click(el);
    if (mode === 'redirect') await until(() => recorder().urls.length === 1, 'the navigation');
    else await until(() => sdk.redirectUrls.length === 1 && window.open('', `outbound-elements:${APP}`)!.location.search !== '', 'the consent page in the popup');
  }

  for (const subject of subjects) {
    for (const mode of ['redirect', 'popup'] as const) {
      for (const place of ['window (capture)', 'document (capture)', 'the element'] as const) {
        describe(`${subject.name}, ${mode} mode, stopped at ${place}`, () => {
          it('outbound-connect-start stopped: the connection still goes ahead, connecting', async () => {
            const sdk = sdkFor('ok');
            const el = await subject.mount(sdk, mode);
            unstop = stopAt(place, 'outbound-connect-start', el);
            await start(subject, el, mode, sdk);
            await until(() => subject.status(el) === 'connecting', 'connecting');
            expect(sdk.connectCalls()).to.equal(1);
          });

          it('outbound-connect-error stopped: the element shows the failure and connects again on the next click', async () => {
            const sdk = sdkFor('fail');
            const el = await subject.mount(sdk, mode);
            unstop = stopAt(place, 'outbound-connect-error', el);
            subject.click(el);
            await until(() => sdk.connectCalls() === 1 && subject.status(el) !== 'connecting', 'the failure');
            if (subject.name === '<outbound-app-button>' || subject.name === 'a headless trigger') expect(subject.status(el)).to.equal('error');
            subject.click(el);
            await until(() => sdk.connectCalls() === 2, 'a second connect call');
          });

          it('outbound-connect-success stopped: the element still shows the app connected', async () => {
            const sdk = sdkFor('ok');
            const el = await subject.mount(sdk, mode);
            unstop = stopAt(place, 'outbound-connect-success', el);
            await start(subject, el, mode, sdk);
            const nonce = nonceOf(sdk.redirectUrls[0]!);
            if (mode === 'popup') relayFromPopup(nonce);
            else {
              // The page came back from the provider: this load's URL carries the nonce.
              savePending({ nonce, appId: APP, scopes: undefined, redirectUrl: location.href, hash: '', startedAt: Date.now() });
              setUrl(`${location.pathname}?outbound-return=${nonce}`);
              reportRedirectReturn({ resolveTarget: returnTargetFor });
            }
            await until(() => subject.status(el) === 'connected', 'connected');
          });

          it('outbound-connect-cancel stopped: the element is idle again and connects on the next click', async () => {
            const sdk = sdkFor('ok');
            const el = await subject.mount(sdk, mode);
            unstop = stopAt(place, 'outbound-connect-cancel', el);
            await start(subject, el, mode, sdk);
            if (mode === 'popup') window.open('', `outbound-elements:${APP}`)!.close();
            else {
              // Back from the provider without finishing: a record, no marker in the URL.
              savePending({ nonce: nonceOf(sdk.redirectUrls[0]!), appId: APP, scopes: undefined, redirectUrl: location.href, hash: '', startedAt: Date.now() });
              reportRedirectReturn({ resolveTarget: returnTargetFor });
            }
            await until(() => subject.status(el) === 'idle', 'idle');
            subject.click(el);
            // A redirect asks Descope again; a popup flow reopens its consent page (same nonce).
            await until(() => subject.status(el) === 'connecting', 'connecting again');
            if (mode === 'redirect') await until(() => sdk.connectCalls() === 2, 'a second connect call');
          });
        });
      }
    }
  }
});

describe("this page load's return outcomes", () => {
  isolateEachTest();
  afterEach(() => setUrl(location.pathname));

  it('an element created after the return shows its outcome, and a late subscriber still hears it', async () => {
    savePending({ nonce: 'late1', appId: 'hubspot', scopes: ['crm'], redirectUrl: location.href, hash: '', startedAt: Date.now(), returnState: { view: 'crm' } });
    setUrl(`${location.pathname}?outbound-return=late1`);
    let heardOnDocument = 0;
    document.addEventListener('outbound-connect-success', () => heardOnDocument++, { once: true });
    reportRedirectReturn({ resolveTarget: returnTargetFor });
    await until(() => heardOnDocument === 1, 'the success on document (no element yet)');

    // A framework that hydrates late renders its button now, and subscribes now.
    const el = await fixture<HTMLElement>(html`<outbound-app-button app-id="hubspot" app-name="HubSpot" .sdk=${fakeCatalogSdk()}></outbound-app-button>`);
    expect(el.getAttribute('status')).to.equal('connected');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('HubSpot connected');
    const heard: ReturnOutcome[] = [];
    const stop = onReturnOutcome((outcome) => heard.push(outcome));
    stop();
    expect(heard).to.deep.equal([{ kind: 'success', appId: 'hubspot', scopes: ['crm'], returnState: { view: 'crm' }, via: 'redirect' }]);
    expect(getReturnOutcomes()).to.deep.equal(heard);
  });

  it('a subscriber that throws is reported, and the others still hear the outcome', async () => {
    savePending({ nonce: 'late2', appId: 'notion', scopes: undefined, redirectUrl: location.href, hash: '', startedAt: Date.now() });
    reportRedirectReturn({ resolveTarget: returnTargetFor }); // no marker: the user came back with Back
    await until(() => getReturnOutcomes().length === 1, 'the cancel');
    const errors = captureConsoleWarnings();
    const kinds: string[] = [];
    onReturnOutcome(() => {
      throw new Error('host bug');
    });
    onReturnOutcome((outcome) => kinds.push(outcome.kind));
    errors.restore();
    expect(kinds).to.deep.equal(['cancel']);
    expect(String(errors.said[0])).to.contain('[outbound-elements]');
  });
});

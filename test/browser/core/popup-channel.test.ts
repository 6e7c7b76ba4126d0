import { expect } from '@open-wc/testing';
import {
  listenForPopupReturns,
  parsePopupMessage,
  POPUP_MESSAGE_TYPE,
  POPUP_STORAGE_PREFIX,
  sendPopupReturn,
  type ChannelScope,
  type PopupReturnMessage,
} from '../../../src/core/popup-channel.js';
import { readPopupReturn } from '../../../src/core/popup-return.js';
import { until } from '../support.js';

const nonce = (n: number) => n.toString(16).padStart(32, '0');
const message = (n: number, extra: Partial<PopupReturnMessage> = {}): PopupReturnMessage => ({ type: POPUP_MESSAGE_TYPE, nonce: nonce(n), ...extra });
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Waits until `received` holds `count` messages (channels deliver asynchronously), then a bit more. */
async function receivedAtLeast(received: unknown[], count: number): Promise<void> {
  const deadline = Date.now() + 3000;
  while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await settle(); // anything that should not arrive has had its chance too
}

/** A same-origin iframe: its own document, so its storage writes fire `storage` events here. */
async function sameOriginFrame(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = '/';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('the popup return channel', () => {
  let received: PopupReturnMessage[];
  let stop: () => void;
  beforeEach(() => {
    received = [];
    stop = listenForPopupReturns((m) => received.push(m));
  });
  afterEach(() => stop());

  it('accepts only well-formed messages of ours', () => {
    expect(parsePopupMessage(message(1))).to.deep.equal(message(1));
    expect(parsePopupMessage(message(1, { error: 'access_denied', errorDescription: 'no' }))).to.include({ error: 'access_denied' });
    for (const bad of [null, 'x', 42, { ...message(1), type: 'other' }, { ...message(1), nonce: 'short' }, { ...message(1), nonce: 5 },
      { ...message(1), error: 3 }, { ...message(1), errorDescription: {} }]) {
      expect(parsePopupMessage(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('hears a postMessage from its own origin, and drops the same message from another origin', async () => {
    window.dispatchEvent(new MessageEvent('message', { data: message(2), origin: 'https://evil.example' }));
    window.dispatchEvent(new MessageEvent('message', { data: message(3), origin: 'null' }));
    window.postMessage(message(4), location.origin);
    await receivedAtLeast(received, 1);
    expect(received.map((m) => m.nonce)).to.deep.equal([nonce(4)]);
  });

  it('sends to the opener with the page\'s own origin as target: an opener on another origin gets nothing', async () => {
    const scope: ChannelScope = { opener: window, location: { origin: location.origin } };
    expect(sendPopupReturn(message(5), scope)).to.equal('opener');
    // The same call from a page of another origin: postMessage's targetOrigin check drops it.
    expect(sendPopupReturn(message(6), { opener: window, location: { origin: 'https://evil.example' } })).to.equal('opener');
    await receivedAtLeast(received, 1);
    expect(received.map((m) => m.nonce)).to.deep.equal([nonce(5)]);
  });

  it('without an opener (cut by Cross-Origin-Opener-Policy) uses a BroadcastChannel', async () => {
    const scope: ChannelScope = { opener: null, location, BroadcastChannel, localStorage };
    expect(sendPopupReturn(message(7, { error: 'access_denied' }), scope)).to.equal('broadcast');
    await receivedAtLeast(received, 1);
    expect(received).to.deep.equal([message(7, { error: 'access_denied' })]);
  });

  it('without BroadcastChannel falls back to a storage event, leaving nothing in localStorage', async () => {
    const frame = await sameOriginFrame();
    try {
      const scope: ChannelScope = { opener: null, location, localStorage: frame.contentWindow!.localStorage };
      expect(sendPopupReturn(message(8), scope)).to.equal('storage');
      await receivedAtLeast(received, 1);
      expect(received).to.deep.equal([message(8)]);
      expect(Object.keys(localStorage).filter((k) => k.startsWith(POPUP_STORAGE_PREFIX))).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('reports "none" when no channel is available, and never throws', () => {
    const throwing = { get opener(): Window { throw new Error('blocked'); }, location, get localStorage(): Storage { throw new Error('blocked'); } };
    expect(sendPopupReturn(message(9), throwing as ChannelScope)).to.equal('none');
    expect(sendPopupReturn(message(9), { opener: null, location })).to.equal('none');
  });

  it('stops listening when asked', async () => {
    stop();
    window.postMessage(message(10), location.origin);
    const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
    channel.postMessage(message(11));
    channel.close();
    await settle();
    expect(received).to.deep.equal([]);
  });
});

describe('reading a popup return URL', () => {
  it('needs both the nonce and the popup marker, and carries the provider\'s error', () => {
    expect(readPopupReturn(`?outbound-return=${nonce(1)}&outbound-popup=1`)).to.deep.equal({ type: POPUP_MESSAGE_TYPE, nonce: nonce(1) });
    expect(readPopupReturn(`?outbound-return=${nonce(1)}`)).to.equal(undefined);
    expect(readPopupReturn('?outbound-popup=1')).to.equal(undefined);
    expect(readPopupReturn(`?view=x&outbound-return=${nonce(2)}&outbound-popup=1&error=access_denied&error_description=The+user+denied`)).to.include({
      nonce: nonce(2),
      error: 'access_denied',
      errorDescription: 'The user denied',
    });
  });
});

describe('the popup\'s return page', () => {
  async function load(query: string): Promise<DOMStringMap> {
    const frame = document.createElement('iframe');
    frame.src = `/test/browser/fixtures/popup-return.html${query}`;
    document.body.append(frame);
    try {
      // While the frame navigates, its document may have no documentElement yet.
      await until(() => !!frame.contentDocument?.documentElement?.dataset.relayed, 'the return page to run');
      return { ...frame.contentDocument!.documentElement!.dataset };
    } finally {
      setTimeout(() => frame.remove(), 200);
    }
  }

  it('relays its nonce and the provider\'s error to the opener\'s channel and removes the markers from its URL', async () => {
    const received: PopupReturnMessage[] = [];
    const stop = listenForPopupReturns((m) => received.push(m));
    try {
      const page = await load(`?outbound-return=${nonce(12)}&outbound-popup=1&error=access_denied#x`);
      expect(page.relayed).to.equal('true');
      expect(page.url).to.equal('/test/browser/fixtures/popup-return.html#x');
      await receivedAtLeast(received, 1);
      expect(received).to.deep.equal([message(12, { error: 'access_denied' })]);
    } finally {
      stop();
    }
  });

  it('keeps the host\'s own query, byte for byte, when it removes the markers', async () => {
    const received: PopupReturnMessage[] = [];
    const stop = listenForPopupReturns((m) => received.push(m));
    try {
      const page = await load(`?view=a%20b&outbound-return=${nonce(14)}&outbound-popup=1&state=x`);
      expect(page.url).to.equal('/test/browser/fixtures/popup-return.html?view=a%20b&state=x');
      await receivedAtLeast(received, 1);
    } finally {
      stop();
    }
  });

  it('does nothing on a page that is not a popup return', async () => {
    const page = await load(`?outbound-return=${nonce(13)}`);
    expect(page.relayed).to.equal('false');
    expect(page.url).to.contain('outbound-return');
  });
});

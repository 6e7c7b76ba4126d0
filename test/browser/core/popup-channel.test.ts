import { expect } from '@open-wc/testing';
import {
  listenForPopupReturns,
  parsePopupMessage,
  POPUP_MESSAGE_TYPE,
  POPUP_STORAGE_PREFIX,
  POPUP_WINDOW_KEY,
  sendPopupReturn,
  type ChannelScope,
  type PopupReturnMessage,
} from '../../../src/core/popup-channel.js';
import { readPopupReturn } from '../../../src/core/popup-channel.js';
import { popupName } from '../../../src/core/popup-window.eager.js';
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
  const FIXTURE = '/test/browser/fixtures/popup-return.html';
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    frames.splice(0).forEach((f) => f.remove());
    sessionStorage.clear();
  });

  /** The fixture in a frame; `name` is the window name the page sees. */
  async function load(query: string, name = ''): Promise<HTMLIFrameElement> {
    const frame = document.createElement('iframe');
    frame.name = name;
    frame.src = `${FIXTURE}${query}`;
    document.body.append(frame);
    frames.push(frame);
    // While the frame navigates, its document may have no documentElement yet.
    await until(() => !!frame.contentDocument?.documentElement?.dataset.relayed, 'the return page to run');
    return frame;
  }
  const data = (frame: HTMLIFrameElement) => ({ ...frame.contentDocument!.documentElement!.dataset });

  /** An opener that acknowledges the nonces in `mine` and records every message it hears. */
  function opener(mine: string[]): { received: PopupReturnMessage[]; stop: () => void } {
    const received: PopupReturnMessage[] = [];
    const stop = listenForPopupReturns((m, acknowledge) => {
      received.push(m);
      if (mine.includes(m.nonce)) acknowledge();
    });
    return { received, stop };
  }

  it('in a window named as ours: relays the nonce and the provider\'s error, removes the markers, closes once acknowledged', async () => {
    const { received, stop } = opener([nonce(12)]);
    try {
      // The name popup-window.eager.ts gives the popups it opens.
      const frame = await load(`?outbound-return=${nonce(12)}&outbound-popup=1&error=access_denied#x`, popupName('hubspot'));
      expect(data(frame).relayed).to.equal('true');
      expect(data(frame).url).to.equal(`${FIXTURE}#x`);
      await receivedAtLeast(received, 1);
      expect(received).to.deep.equal([message(12, { error: 'access_denied' })]);
      await until(() => data(frame).closed === '1', 'the acknowledged popup to close');
    } finally {
      stop();
    }
  });

  it('stays open when no page acknowledges its nonce (the opener did not start it, or is gone)', async () => {
    const { received, stop } = opener([]); // hears it, does not own it
    try {
      const frame = await load(`?outbound-return=${nonce(15)}&outbound-popup=1`, 'outbound-elements:hubspot');
      await receivedAtLeast(received, 1);
      await settle();
      expect(data(frame).closed).to.equal('0');
    } finally {
      stop();
    }
  });

  it('in a window its opener marked with the nonce (name and opener lost to COOP): relays and closes once acknowledged', async () => {
    // A frame shares this tab's sessionStorage, as the popup keeps its own across the provider.
    sessionStorage.setItem(POPUP_WINDOW_KEY, nonce(16));
    const { received, stop } = opener([nonce(16)]);
    try {
      const frame = await load(`?outbound-return=${nonce(16)}&outbound-popup=1`);
      expect(data(frame).relayed).to.equal('true');
      await receivedAtLeast(received, 1);
      await until(() => data(frame).closed === '1', 'the acknowledged popup to close');
      expect(sessionStorage.getItem(POPUP_WINDOW_KEY), 'the mark is used once').to.equal(null);
    } finally {
      stop();
    }
  });

  it('in a real popup opened by a page of this origin: relays, and closes once acknowledged', async () => {
    const { received, stop } = opener([nonce(17)]);
    // No name of ours: what counts is an opener on this origin.
    const popup = window.open(`${FIXTURE}?outbound-return=${nonce(17)}&outbound-popup=1#really-close=1`, 'some-other-name', 'popup,width=300,height=300');
    try {
      expect(popup, 'the test browser opens popups').to.not.equal(null);
      await receivedAtLeast(received, 1);
      expect(received).to.deep.equal([message(17)]);
      await until(() => popup!.closed, 'the popup to close itself');
    } finally {
      stop();
      popup?.close();
    }
  });

  it('in a tab opened any other way (a link, another site\'s window.open): removes the markers and does nothing else', async () => {
    const { received, stop } = opener([nonce(13)]); // even an opener that would own the nonce
    try {
      const frame = await load(`?view=a%20b&outbound-return=${nonce(13)}&outbound-popup=1&error=mine`);
      expect(data(frame).relayed).to.equal('false');
      expect(data(frame).url, 'markers gone, the host\'s own query kept byte for byte').to.equal(`${FIXTURE}?view=a%20b&error=mine`);
      await settle();
      await settle();
      expect(received, 'nothing relayed').to.deep.equal([]);
      expect(data(frame).closed, 'not closed').to.equal('0');
    } finally {
      stop();
    }
  });

  it('keeps the host\'s own query, byte for byte, when it removes the markers', async () => {
    const { received, stop } = opener([]);
    try {
      const frame = await load(`?view=a%20b&outbound-return=${nonce(14)}&outbound-popup=1&state=x`, 'outbound-elements:x');
      expect(data(frame).url).to.equal(`${FIXTURE}?view=a%20b&state=x`);
      await receivedAtLeast(received, 1);
    } finally {
      stop();
    }
  });

  it('does nothing on a page that is not a popup return', async () => {
    const frame = await load(`?outbound-return=${nonce(13)}`, 'outbound-elements:x');
    expect(data(frame).relayed).to.equal('false');
    expect(data(frame).url).to.contain('outbound-return');
  });
});

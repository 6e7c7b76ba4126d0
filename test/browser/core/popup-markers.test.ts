/**
 * Popup-return markers in an ordinary tab (this test page: no opener, no window name of ours, no
 * opener's mark): any site can link to `?outbound-return=…&outbound-popup=1`. The markers go, the
 * tab stays, and the page's own redirect-return handling runs as on any other load.
 */
import { expect } from '@open-wc/testing';
import { POPUP_MESSAGE_TYPE, type PopupReturnMessage } from '../../../src/core/popup-channel.js';
import { savePending } from '../../../src/core/pending-store.js';
import { readRedirectReturn } from '../../../src/core/redirect-return.js';
import { captureConsoleWarnings, clearStorage, setUrl } from '../support.js';

const startPath = location.pathname + location.search;
const nonce = 'f'.repeat(32);

describe('popup-return markers in an ordinary tab', () => {
  let console_: ReturnType<typeof captureConsoleWarnings>;
  let closes: number;
  const close = window.close;
  beforeEach(() => {
    clearStorage();
    console_ = captureConsoleWarnings();
    closes = 0;
    // Had the markers their old effect, this page would close itself.
    window.close = () => void closes++;
  });
  afterEach(() => {
    window.close = close;
    console_.restore();
    setUrl(startPath);
    clearStorage();
  });

  it('a Back from a connection is still reported as a cancel; the markers are removed; nothing closes or relays', async () => {
    savePending({ nonce: 'a'.repeat(32), appId: 'slack', scopes: undefined, redirectUrl: location.href, hash: '', startedAt: Date.now(), returnState: { v: 1 } });
    const relayed: PopupReturnMessage[] = [];
    const channel = new BroadcastChannel(POPUP_MESSAGE_TYPE);
    channel.onmessage = (event) => relayed.push(event.data as PopupReturnMessage);
    try {
      setUrl(`${location.pathname}?view=apps&outbound-return=${nonce}&outbound-popup=1#top`);
      const outcomes = readRedirectReturn();
      expect(outcomes.map((o) => [o.kind, o.record.appId])).to.deep.equal([['cancel', 'slack']]);
      expect(location.search + location.hash).to.equal('?view=apps#top');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(relayed, 'nothing relayed').to.deep.equal([]);
      expect(closes, 'the tab did not close itself').to.equal(0);
      expect(console_.said.flat().join(' ')).to.contain('not a popup of this page');
    } finally {
      channel.close();
    }
  });
});

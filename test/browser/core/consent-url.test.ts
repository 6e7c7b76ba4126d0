/**
 * What `connect()` does with a consent URL that must not be followed: an `invalid-response`
 * error, no navigation, and nothing left running (in popup mode, the popup closes and the flow
 * ends, so the next click starts afresh).
 */
import { expect } from '@open-wc/testing';
import { connect } from '../../../src/core/connect.js';
import type { OutboundSdk } from '../../../src/core/config.js';
import { forgetPopupFlows, popupFlowFor } from '../../../src/core/popup-flow.js';
import { popupName } from '../../../src/core/popup-window.eager.js';
import type { ConnectErrorDetail } from '../../../src/events.js';
import { captureConsoleWarnings, isolateEachTest, nextEvent } from '../support.js';

/** A host SDK whose connect call answers with `url`. */
const answering = (url: string): OutboundSdk => ({ outbound: { connect: async () => ({ ok: true, code: 200, data: { url } }) } });

const refused = [
  ['a trusted name before an @', 'https://accounts.google.com@evil.example/o/oauth2'],
  ['a user name and password', 'https://u:p@evil.example/'],
  ['a 2 MB URL', `https://accounts.google.com/o/oauth2?state=${'a'.repeat(2_000_000)}`],
] as const;

describe('consent URLs connect() will not follow', () => {
  const recorder = isolateEachTest();
  let console_: ReturnType<typeof captureConsoleWarnings>;
  beforeEach(() => {
    console_ = captureConsoleWarnings();
  });
  afterEach(() => {
    console_.restore();
    forgetPopupFlows();
  });

  for (const [what, url] of refused) {
    it(`redirect mode, ${what}: invalid-response, the page stays`, async () => {
      const target = new EventTarget();
      const error = nextEvent<ConnectErrorDetail>(target, 'outbound-connect-error');
      const result = await connect('google-contacts', { sdk: answering(url), target });
      expect(result.status).to.equal('error');
      expect((await error).detail.code).to.equal('invalid-response');
      expect(recorder().urls).to.deep.equal([]);
      expect(console_.said.flat().join(' ')).to.match(/consent URL was refused/);
      expect(Object.keys(sessionStorage), 'no pending record: a later page load reports nothing').to.deep.equal([]);
    });

    it(`popup mode, ${what}: invalid-response, the popup closes, the flow ends`, async () => {
      const target = new EventTarget();
      const popup = window.open('', popupName('google-contacts'), 'popup,width=300,height=300');
      expect(popup, 'the test browser opens popups').to.not.equal(null);
      const error = nextEvent<ConnectErrorDetail>(target, 'outbound-connect-error');
      const result = await connect('google-contacts', { sdk: answering(url), target, mode: 'popup', popup });
      expect(result.status).to.equal('error');
      expect((await error).detail.code).to.equal('invalid-response');
      expect(popup!.closed, 'the popup is closed').to.equal(true);
      expect(popupFlowFor('google-contacts'), 'no flow left running').to.equal(undefined);
      expect(recorder().urls).to.deep.equal([]);
    });
  }

  it('follows an ordinary https consent URL (the refusals above are not blanket)', async () => {
    const result = await connect('google-contacts', { sdk: answering('https://accounts.google.com/o/oauth2?x=1') });
    expect(result.status).to.equal('redirecting');
    expect(recorder().urls).to.deep.equal(['https://accounts.google.com/o/oauth2?x=1']);
  });
});

import { expect } from '@open-wc/testing';
import { configure } from '../../../src/core/config.js';
import { connect } from '../../../src/core/connect.js';
import type { ConnectErrorDetail, ConnectStartDetail } from '../../../src/events.js';
import { emulator, isolateEachTest, nextEvent } from '../support.js';

describe('core connect(), without any element', () => {
  const recorder = isolateEachTest({ signedIn: true });

  it('connects with configure() settings and reports on document by default', async () => {
    configure({ projectId: emulator.projectId, baseUrl: emulator.baseUrl });
    const start = nextEvent<ConnectStartDetail>(document, 'outbound-connect-start');
    const result = await connect('hubspot', { scopes: ['crm.objects.contacts.read'] });
    expect(result.status).to.equal('redirecting');
    expect((await start).detail.appId).to.equal('hubspot');
    expect(recorder().urls).to.have.length(1);
    expect(result.status === 'redirecting' && result.url).to.equal(recorder().urls[0]);
  });

  it('resolves with the error (never rejects) and fires it on the target', async () => {
    const target = new EventTarget();
    const error = nextEvent<ConnectErrorDetail>(target, 'outbound-connect-error');
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const result = await connect('slack', { target, returnState: { step: 2 } });
      expect(result.status).to.equal('error');
      expect(result.status === 'error' && result.error.code).to.equal('not-configured');
    } finally {
      console.error = quiet;
    }
    expect((await error).detail).to.include({ appId: 'slack', code: 'not-configured' });
    expect((await error).detail.returnState).to.deep.equal({ step: 2 });
  });

  it('warns about redirectURL, the spelling Descope\'s docs use, and goes back to the page instead', async () => {
    const warn = console.warn;
    const said: string[] = [];
    console.warn = (message: string) => said.push(message);
    try {
      const start = nextEvent<ConnectStartDetail>(document, 'outbound-connect-start');
      await connect('slack', { projectId: emulator.projectId, baseUrl: emulator.baseUrl, redirectURL: 'https://x.example/' } as never);
      expect((await start).detail.redirectUrl).to.equal(location.href);
    } finally {
      console.warn = warn;
    }
    expect(said.join()).to.contain('redirectURL').and.contain('redirectUrl');
  });
});

import { expect } from '@open-wc/testing';
import { markRedirectUrl, savePending, type PendingConnection } from '../../../src/core/pending-store.js';
import { readRedirectReturn, reportRedirectReturn } from '../../../src/core/redirect-return.js';
import { mayHaveReturn } from '../../../src/core/redirect-return.eager.js';
import { clearStorage, nextEvent, setUrl } from '../support.js';

const startPath = location.pathname + location.search;

function pending(nonce: string, overrides: Partial<PendingConnection> = {}): PendingConnection {
  const record: PendingConnection = {
    nonce,
    appId: 'google-contacts',
    scopes: ['contacts.readonly'],
    redirectUrl: `${location.origin}${location.pathname}?view=settings`,
    hash: '#apps',
    startedAt: Date.now(),
    returnState: { draft: 42 },
    ...overrides,
  };
  savePending(record);
  return record;
}

describe('the redirect return', () => {
  let warnings: unknown[][];
  const warn = console.warn;
  const error = console.error;
  beforeEach(() => {
    clearStorage();
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    console.error = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
    console.error = error;
    setUrl(startPath);
    clearStorage();
  });

  it('recognises a return this tab started, once, and cleans the URL keeping the host query and hash', () => {
    const record = pending('n1');
    setUrl(new URL(markRedirectUrl(record.redirectUrl, 'n1')).pathname + '?view=settings&outbound-return=n1');
    expect(mayHaveReturn()).to.equal(true);

    const outcomes = readRedirectReturn();
    expect(outcomes.map((o) => o.kind)).to.deep.equal(['success']);
    expect(outcomes[0]!.record.returnState).to.deep.equal({ draft: 42 });
    expect(location.search).to.equal('?view=settings');
    expect(location.hash).to.equal('#apps');

    expect(readRedirectReturn()).to.deep.equal([]);
    expect(mayHaveReturn()).to.equal(false);
  });

  it('cleans the URL again when a router puts back the URL it read before (Next.js does, as it hydrates)', async () => {
    pending('n-router');
    const marked = `${location.pathname}?view=settings&outbound-return=n-router#apps`;
    setUrl(marked);
    readRedirectReturn();
    expect(location.search).to.equal('?view=settings');

    history.replaceState({ router: true }, '', marked); // the router's stale URL
    await new Promise((resolve) => setTimeout(resolve));
    expect(location.search).to.equal('?view=settings');
    expect(location.hash).to.equal('#apps');
    expect(history.state).to.deep.equal({ router: true }, "the router's history state is kept");

    history.replaceState(null, '', `${location.pathname}?other=1`); // any other URL is left alone
    await new Promise((resolve) => setTimeout(resolve));
    expect(location.search).to.equal('?other=1');
  });

  it('adds its marker without re-encoding the host query', () => {
    expect(markRedirectUrl('https://app.example/p?q=a%20b&x=%E2%9C%93', 'n')).to.equal(
      'https://app.example/p?q=a%20b&x=%E2%9C%93&outbound-return=n',
    );
    expect(markRedirectUrl('https://app.example/p', 'n')).to.equal('https://app.example/p?outbound-return=n');
    expect(markRedirectUrl('https://app.example/p?', 'n')).to.equal('https://app.example/p?outbound-return=n');
  });

  it('keeps the raw encoding of the host query', () => {
    pending('n2');
    setUrl(`${location.pathname}?q=a%20b&flag&outbound-return=n2&z=%E2%9C%93`);
    readRedirectReturn();
    expect(location.search).to.equal('?q=a%20b&flag&z=%E2%9C%93');
  });

  it('never trusts a return it did not start (forged, other tab, replayed)', () => {
    setUrl(`${location.pathname}?outbound-return=forged#top`);
    expect(readRedirectReturn()).to.deep.equal([]);
    expect(location.search).to.equal('');
    expect(location.hash).to.equal('#top');
    expect(String(warnings[0]?.[0])).to.contain('did not start');
  });

  it('reports the provider refusing as provider-error, and removes its parameters', () => {
    pending('n3');
    setUrl(`${location.pathname}?view=settings&outbound-return=n3&error=access_denied&error_description=The+user+denied+access`);
    const [outcome] = readRedirectReturn();
    expect(outcome?.kind).to.equal('error');
    expect(outcome?.kind === 'error' && outcome.error.code).to.equal('provider-error');
    expect(outcome?.kind === 'error' && outcome.error.message).to.contain('The user denied access');
    expect(location.search).to.equal('?view=settings');
  });

  it("leaves an 'error' parameter that was the host's own", () => {
    pending('n4', { redirectUrl: `${location.origin}${location.pathname}?error=shown` });
    setUrl(`${location.pathname}?error=shown&outbound-return=n4`);
    expect(readRedirectReturn().map((o) => o.kind)).to.deep.equal(['success']);
    expect(location.search).to.equal('?error=shown');
  });

  it('turns a record without a return into a cancel (the user came Back)', () => {
    pending('n5');
    expect(readRedirectReturn().map((o) => o.kind)).to.deep.equal(['cancel']);
  });

  it('drops an unreadable record, so later page loads do not look for a return', () => {
    sessionStorage.setItem('outbound-elements:pending:bad', '{not json');
    expect(mayHaveReturn()).to.equal(true);
    expect(readRedirectReturn()).to.deep.equal([]);
    expect(mayHaveReturn()).to.equal(false);
  });

  it('forgets records older than an hour', () => {
    pending('old', { startedAt: Date.now() - 2 * 60 * 60 * 1000 });
    expect(readRedirectReturn()).to.deep.equal([]);
  });

  it('reports after the page is ready, on the target the host resolves, with returnState', async () => {
    pending('n6');
    setUrl(`${location.pathname}?outbound-return=n6`);
    const target = document.createElement('div');
    document.body.append(target);
    let heardSynchronously = false;
    const heard = nextEvent<{ appId: string; scopes: string[]; returnState: unknown }>(target, 'outbound-connect-success');
    target.addEventListener('outbound-connect-success', () => (heardSynchronously = true), { once: true });
    reportRedirectReturn({ resolveTarget: (appId) => (appId === 'google-contacts' ? target : null) });
    expect(heardSynchronously, 'a listener added right after must still hear it').to.equal(false);
    const event = await heard;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ appId: 'google-contacts', scopes: ['contacts.readonly'], returnState: { draft: 42 } });
    target.remove();
  });

  it('reports on document when nothing matches', async () => {
    pending('n7');
    const heard = nextEvent<{ appId: string }>(document, 'outbound-connect-cancel');
    reportRedirectReturn();
    expect((await heard).detail.appId).to.equal('google-contacts');
  });
});

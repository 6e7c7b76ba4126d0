// outbound-elements/react with real React 19 and react-dom: what a React app sees. Props reach the
// elements as properties (a scopes array, a getToken function), the events arrive as
// onConnectStart / onConnectError / onDisconnect, and useReturnOutcome() replays this page
// load's return, also to a tree hydrated from server HTML.
import { expect } from '@open-wc/testing';
import { act, createElement as h, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { OutboundAppButton, OutboundAppList, OutboundConnect, useReturnOutcome } from '../../../src/react/index.js';
import type { OutboundAppButton as ButtonElement } from '../../../src/elements/outbound-app-button.js';
import type { OutboundAppList as ListElement } from '../../../src/elements/outbound-app-list.js';
import { savePending } from '../../../src/core/pending-store.js';
import { reportRedirectReturn } from '../../../src/core/redirect-return.js';
import { returnTargetFor } from '../../../src/elements/return-reporting.js';
import type { ConnectErrorDetail, ConnectStartDetail, DisconnectDetail } from '../../../src/events.js';
import { fakeCatalogSdk } from '../../../stories/support/fake-catalog-sdk.js';
import { captureConsoleWarnings, emulator, isolateEachTest, newSession, setUrl, until } from '../support.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('outbound-elements/react', () => {
  const navigation = isolateEachTest();
  let container: HTMLElement;
  let root: Root | undefined;

  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(async () => {
    await act(async () => root?.unmount());
    root = undefined;
    container.remove();
    setUrl(location.pathname);
  });

  async function render(tree: ReactNode): Promise<void> {
    root ??= createRoot(container);
    await act(async () => root!.render(tree));
  }

  const innerButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;

  /** This page load is the return of a connection to `appId` that this tab started. */
  function comeBackFrom(appId: string): void {
    const nonce = `react-${crypto.randomUUID()}`;
    savePending({ nonce, appId, scopes: undefined, redirectUrl: location.href, hash: '', startedAt: Date.now() });
    setUrl(`${location.pathname}?outbound-return=${nonce}`);
    reportRedirectReturn({ resolveTarget: returnTargetFor });
  }

  describe('the components', () => {
    it('set scopes and getToken as properties, and a click connects with them', async () => {
      const { refreshJwt } = await newSession();
      const getToken = async () => refreshJwt;
      const started: ConnectStartDetail[] = [];
      await render(
        h(
          OutboundConnect,
          { projectId: emulator.projectId, baseUrl: emulator.baseUrl },
          h(OutboundAppButton, { appId: 'google-contacts', scopes: ['contacts.readonly', 'profile'], getToken, onConnectStart: (e) => started.push(e.detail) }),
        ),
      );
      const el = container.querySelector<ButtonElement>('outbound-app-button')!;
      expect(el.scopes).to.deep.equal(['contacts.readonly', 'profile']);
      expect(el.getToken).to.equal(getToken);
      expect(el.hasAttribute('gettoken') || el.hasAttribute('getToken')).to.equal(false, 'a function is never an attribute');

      innerButton(el).click();
      await until(() => navigation().urls.length === 1, 'the consent screen');
      expect(started).to.have.length(1);
      expect(started[0]!.scopes).to.deep.equal(['contacts.readonly', 'profile']);
      expect(started[0]!.appId).to.equal('google-contacts');
    });

    it('take scopes as a space-separated string too', async () => {
      await render(h(OutboundAppButton, { appId: 'slack', scopes: 'chat:write  channels:read' }));
      expect(container.querySelector<ButtonElement>('outbound-app-button')!.scopes).to.deep.equal(['chat:write', 'channels:read']);
    });

    it('call onConnectError when connecting fails (no project configured), and the button stays usable', async () => {
      const console = captureConsoleWarnings();
      const errors: ConnectErrorDetail[] = [];
      try {
        await render(h(OutboundAppButton, { appId: 'slack', onConnectError: (e) => errors.push(e.detail) }));
        const el = container.querySelector<ButtonElement>('outbound-app-button')!;
        innerButton(el).click();
        await until(() => errors.length === 1, 'onConnectError');
        expect(errors[0]).to.include({ appId: 'slack', code: 'not-configured' });
        expect(el.status).to.equal('error');
        expect(innerButton(el).disabled).to.equal(false);
      } finally {
        console.restore();
      }
    });

    it('call the current handler after a re-render, and none once it is removed', async () => {
      const console = captureConsoleWarnings();
      const calls: string[] = [];
      try {
        await render(h(OutboundAppButton, { appId: 'slack', onConnectError: () => calls.push('first') }));
        await render(h(OutboundAppButton, { appId: 'slack', onConnectError: () => calls.push('second') }));
        const el = container.querySelector<ButtonElement>('outbound-app-button')!;
        await el.connect();
        await render(h(OutboundAppButton, { appId: 'slack' }));
        await el.connect();
        expect(calls).to.deep.equal(['second']);
      } finally {
        console.restore();
      }
    });

    it('call onDisconnect when a row of the list asks to disconnect its app', async () => {
      const asked: DisconnectDetail[] = [];
      await render(h(OutboundAppList, { sdk: fakeCatalogSdk({ connected: ['slack'] }), disconnect: true, onDisconnect: (e) => asked.push(e.detail) }));
      const list = container.querySelector<ListElement>('outbound-app-list')!;
      const disconnect = () => list.shadowRoot!.querySelector<HTMLButtonElement>('[data-app-id="slack"] button[part="disconnect"]');
      await until(() => !!disconnect(), 'the Disconnect button');
      disconnect()!.click();
      expect(asked).to.deep.equal([{ appId: 'slack' }]);
    });
  });

  describe('useReturnOutcome()', () => {
    function Outcome({ appId }: { appId?: string }) {
      const outcome = useReturnOutcome(appId);
      return h('output', null, outcome ? `${outcome.kind} ${outcome.appId}` : 'none');
    }
    const shown = () => container.querySelector('output')!.textContent;

    it('replays a return that happened before the component mounted', async () => {
      comeBackFrom('slack');
      await render(h('div', null, h(Outcome, { appId: 'slack' }), h(Outcome, { appId: 'github' })));
      const [slack, github] = [...container.querySelectorAll('output')].map((o) => o.textContent);
      expect(slack).to.equal('success slack');
      expect(github).to.equal('none', 'only the outcome of its own app');
    });

    it('re-renders when a return arrives after it mounted', async () => {
      await render(h(Outcome, {}));
      expect(shown()).to.equal('none');
      await act(async () => comeBackFrom('github'));
      expect(shown()).to.equal('success github');
    });

    it('hydrates server HTML without a mismatch, then shows the outcome', async () => {
      comeBackFrom('slack');
      container.innerHTML = renderToString(h(Outcome, { appId: 'slack' }));
      expect(shown()).to.equal('none', 'the server knows no outcome');
      const mismatches: unknown[] = [];
      await act(async () => {
        root = hydrateRoot(container, h(Outcome, { appId: 'slack' }), { onRecoverableError: (error) => mismatches.push(error) });
      });
      expect(mismatches).to.deep.equal([]);
      expect(shown()).to.equal('success slack');
    });
  });
});

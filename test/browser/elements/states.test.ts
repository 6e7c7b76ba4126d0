// What each state looks like and says (issue 12): the error's reason on screen, the same width in
// every state, names that say connecting and connected, contrast in both schemes, a list that
// reflows in a narrow container and a skeleton that survives forced colours.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, findAccessibilityNode } from '@web/test-runner-commands';
import '../../../src/define.js';
import { claimConnection, noteKnownStatus, notePopupShowing, settleConnection } from '../../../src/core/connection-state.js';
import { loadOnDemand } from '../../../src/elements/on-demand.eager.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import type { OutboundAppList } from '../../../src/elements/outbound-app-list.js';
import { fakeCatalogSdk, SAMPLE_APPS } from '../../../stories/support/fake-catalog-sdk.js';
import { isolateEachTest, until } from '../support.js';

type Status = 'idle' | 'connecting' | 'popup' | 'connected' | 'error';
const LOGO = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 20'%3E%3Crect width='20' height='20' fill='%2324292f'/%3E%3C/svg%3E";

/** Puts the page's connection of `appId` in `status`, as a click, a popup, the catalog or a failure would. */
async function setStatus(appId: string, status: Status): Promise<void> {
  await loadOnDemand(); // the words of a failure come with the connect code
  if (status === 'connecting' || status === 'popup' || status === 'error') claimConnection(appId);
  if (status === 'popup') notePopupShowing(appId);
  if (status === 'connected') noteKnownStatus(appId, undefined, true);
  if (status === 'error') settleConnection(appId, undefined, { kind: 'error', error: { code: 'unauthenticated', message: '(test)' } });
}

const inner = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;

/** A CSS colour as [r, g, b, a] (0–255), whatever syntax the browser computed (rgb(), color(srgb …)). */
function rgba(css: string): number[] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = css;
  context.fillRect(0, 0, 1, 1);
  return [...context.getImageData(0, 0, 1, 1).data];
}

/** WCAG contrast ratio of `fg` over `bg` (`fg` composited on `bg` when translucent). */
function contrast(fg: string, bg: string): number {
  const [br, bgG, bb] = rgba(bg);
  const [r, g, b, a] = rgba(fg);
  const mix = (c: number, under: number) => (c * a! + under * (255 - a!)) / 255;
  const lum = (c: number[]) =>
    c.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [l1, l2] = [lum([mix(r!, br!), mix(g!, bgG!), mix(b!, bb!)]), lum([br!, bgG!, bb!])];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

const opaque = (css: string) => rgba(css)[3] === 255;

describe('<outbound-app-button> in each state', () => {
  isolateEachTest();

  it('shows the reason of a failure as text under the button, describing it, with no tooltip', async () => {
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="t-error" app-name="Google Contacts" logo=${LOGO}></outbound-app-button>`);
    await setStatus('t-error', 'error');
    await el.updateComplete;
    const message = el.shadowRoot!.querySelector<HTMLElement>('[part="message"]')!;
    expect(message.textContent).to.equal('Sign in, then try again.');
    const [box, text] = [inner(el).getBoundingClientRect(), message.getBoundingClientRect()];
    expect(text.height, 'on screen').to.be.greaterThan(10);
    expect(text.top, 'under the button').to.be.at.least(box.bottom);
    expect(text.width, 'no wider than the button').to.be.at.most(box.width + 0.5);
    expect(inner(el).getAttribute('aria-describedby')).to.equal('message');
    expect(el.shadowRoot!.querySelector('[title]'), 'no title tooltip').to.equal(null);
    await expect(el).to.be.accessible();
  });

  // A button that may turn connected in place (check-status here) holds one width in all five
  // states; a plain redirect button (connected only after a page load) in the three it can reach.
  for (const variant of ['outline', 'filled', 'ghost']) {
    for (const kind of ['check-status', 'compact', 'redirect']) {
      it(`keeps its width in every state (${variant}, ${kind})`, async () => {
        const reached = kind === 'redirect' ? (['idle', 'connecting', 'error'] as const) : (['idle', 'connecting', 'popup', 'connected', 'error'] as const);
        const box = await fixture<HTMLDivElement>(html`<div>
          ${reached.map(
            (status) =>
              html`<outbound-app-button app-id=${`w-${kind}-${status}`} app-name="Google Contacts" logo=${LOGO} variant=${variant} ?compact=${kind === 'compact'} ?check-status=${kind !== 'redirect'}></outbound-app-button>`,
          )}
        </div>`);
        const buttons = [...box.querySelectorAll<OutboundAppButton>('outbound-app-button')];
        for (const status of reached) if (status !== 'idle') await setStatus(`w-${kind}-${status}`, status);
        await Promise.all(buttons.map((button) => button.updateComplete));
        expect(buttons.map((button) => button.status)).to.deep.equal(reached.map((status) => (status === 'popup' ? 'connecting' : status)));
        const widths = buttons.map((button) => Math.round(inner(button).getBoundingClientRect().width * 2) / 2);
        expect(new Set(widths).size, `widths ${widths.join(', ')}`).to.equal(1);
      });
    }
  }

  it('keeps its width when a list on the page shows the app connected', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <outbound-app-button app-id="slack" app-name="Slack" logo=${LOGO}></outbound-app-button>
      <outbound-app-list apps="slack" .sdk=${fakeCatalogSdk({ connected: ['slack'] })}></outbound-app-list>
    </div>`);
    const button = box.querySelector<OutboundAppButton>('outbound-app-button')!;
    await button.updateComplete;
    const idle = inner(button).getBoundingClientRect().width;
    await until(() => button.status === 'connected', 'Slack connected, from the list');
    await button.updateComplete;
    expect(inner(button).getBoundingClientRect().width).to.be.closeTo(idle, 0.5);
  });

  it('says connecting and connected in its accessible name and description', async () => {
    await fixture(html`<div>
      <outbound-app-button app-id="n-connecting" app-name="Google Contacts" logo=${LOGO}></outbound-app-button>
      <outbound-app-button app-id="n-connected" app-name="GitHub" logo=${LOGO}></outbound-app-button>
      <outbound-app-button app-id="n-row" app-name="Slack" logo=${LOGO} compact></outbound-app-button>
    </div>`);
    await setStatus('n-connecting', 'connecting');
    await setStatus('n-connected', 'connected');
    await setStatus('n-row', 'connecting');
    await new Promise((resolve) => setTimeout(resolve));
    const found: { name?: string; description?: string }[] = [];
    findAccessibilityNode((await a11ySnapshot({})) as never, (node: { role?: string; name?: string; description?: string }) => {
      if (node.role === 'button') found.push({ name: node.name, description: node.description });
      return false;
    });
    expect(found).to.deep.include({ name: 'Connecting to Google Contacts…', description: undefined });
    expect(found).to.deep.include({ name: 'Reconnect GitHub', description: 'Connected' });
    expect(found).to.deep.include({ name: 'Connecting to Slack…', description: undefined });
  });

  for (const scheme of ['light', 'dark']) {
    for (const variant of ['outline', 'filled', 'ghost']) {
      it(`has non-text contrast of at least 3:1 in every state (${scheme}, ${variant})`, async () => {
        const page = await fixture<HTMLDivElement>(html`<div style="color-scheme:${scheme};background:Canvas;padding:8px">
          ${(['idle', 'connected', 'error'] as const).map(
            (status) => html`<outbound-app-button app-id=${`c-${status}`} app-name="GitHub" logo=${LOGO} variant=${variant}></outbound-app-button>`,
          )}
        </div>`);
        await setStatus('c-connected', 'connected');
        await setStatus('c-error', 'error');
        const [idle, connected, failed] = [...page.querySelectorAll<OutboundAppButton>('outbound-app-button')];
        await Promise.all([idle!, connected!, failed!].map((el) => el.updateComplete));
        const pageBg = getComputedStyle(page).backgroundColor;
        const surface = (el: Element) => {
          const bg = getComputedStyle(inner(el)).backgroundColor;
          return opaque(bg) ? bg : pageBg;
        };
        const mark = (el: Element, pseudo: string) => getComputedStyle(el.shadowRoot!.querySelector('[part="state"]')!, pseudo);
        if (variant === 'outline') expect(contrast(getComputedStyle(inner(idle!)).borderTopColor, pageBg), 'idle border').to.be.at.least(3);
        expect(contrast(getComputedStyle(inner(failed!)).borderTopColor, pageBg), 'error ring against the page').to.be.at.least(3);
        expect(contrast(mark(failed!, '::before').backgroundColor, surface(failed!)), '"!" disc').to.be.at.least(3);
        expect(contrast(mark(failed!, '::before').color, mark(failed!, '::before').backgroundColor), '"!" on its disc').to.be.at.least(3);
        expect(contrast(mark(connected!, '::before').backgroundColor, surface(connected!)), 'check disc').to.be.at.least(3);
        expect(contrast(mark(connected!, '::after').borderRightColor, mark(connected!, '::before').backgroundColor), 'check on its disc').to.be.at.least(3);
        const message = failed!.shadowRoot!.querySelector('[part="message"]')!;
        expect(contrast(getComputedStyle(message).color, pageBg), 'message text').to.be.at.least(4.5);
        // A dark logo (GitHub's) keeps its contrast: on a light tile where the surface is dark.
        const tile = getComputedStyle(idle!.shadowRoot!.querySelector('img')!).backgroundColor;
        expect(contrast('#24292f', opaque(tile) ? tile : surface(idle!)), 'a dark logo on what is behind it').to.be.at.least(3);
      });
    }
  }
});

describe('<outbound-app-list> in a narrow container', () => {
  isolateEachTest();
  const apps = [
    ...SAMPLE_APPS,
    { id: 'long', name: 'Google Workspace Contacts and Directory (Enterprise Edition) for every team', description: 'Read every contact and directory entry of your organisation, including the shared ones.' },
  ];

  async function list(width: number): Promise<OutboundAppList> {
    const box = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}>
      <outbound-app-list disconnect .sdk=${fakeCatalogSdk({ apps, connected: ['slack', 'github'] })}></outbound-app-list>
    </div>`);
    const el = box.querySelector<OutboundAppList>('outbound-app-list')!;
    await until(() => el.shadowRoot!.querySelectorAll('li[part="item"] outbound-app-button').length === apps.length, 'the rows');
    await Promise.all([...el.shadowRoot!.querySelectorAll<OutboundAppButton>('outbound-app-button')].map((button) => button.updateComplete));
    return el;
  }

  const rect = (el: Element | null) => el!.getBoundingClientRect();
  const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

  it('at 320px (the window is wider): status and buttons move under the name, nothing overlaps or sticks out', async () => {
    expect(window.innerWidth, 'a container query, not a viewport one').to.be.greaterThan(600);
    const el = await list(320);
    const bounds = rect(el);
    for (const row of el.shadowRoot!.querySelectorAll('li[part="item"]')) {
      const text = rect(row.querySelector('.text'));
      const pieces = ['[part~="status"]', '[part~="actions"]'].map((selector) => rect(row.querySelector(selector)));
      for (const piece of pieces) expect(piece.top, `${row.getAttribute('data-app-id')}: on its own line`).to.be.at.least(text.bottom - 0.5);
      expect(overlap(pieces[0]!, pieces[1]!)).to.equal(false);
      const all = [row, ...row.querySelectorAll('*'), ...row.querySelector('outbound-app-button')!.shadowRoot!.querySelectorAll('*')];
      for (const node of all) {
        const r = rect(node);
        if (r.width === 0) continue;
        expect(r.left >= bounds.left - 0.5 && r.right <= bounds.right + 0.5, `${node.localName} inside the list`).to.equal(true);
      }
    }
    // A long name wraps: its whole text is on screen.
    const name = el.shadowRoot!.querySelector('li[data-app-id="long"] [part="name"]')!;
    expect(name.scrollWidth).to.be.at.most(name.clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it('at 640px: status and buttons on the name\'s line', async () => {
    const el = await list(640);
    const row = el.shadowRoot!.querySelector('li[data-app-id="slack"]')!;
    const [text, actions] = [rect(row.querySelector('.text')), rect(row.querySelector('[part~="actions"]'))];
    expect(actions.top).to.be.below(text.bottom);
    expect(actions.left).to.be.at.least(text.right);
  });

  it('shows its skeleton in forced colours', async () => {
    await executeServerCommand('emulate-forced-colors', 'active');
    try {
      const el = await fixture<OutboundAppList>(html`<outbound-app-list .sdk=${fakeCatalogSdk({ delayMs: Infinity })}></outbound-app-list>`);
      await until(() => !!el.shadowRoot!.querySelector('[part~="skeleton"]'), 'the skeleton');
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const surface = getComputedStyle(el.shadowRoot!.querySelector('ul')!).backgroundColor;
      for (const piece of el.shadowRoot!.querySelectorAll('.bar, [part~="skeleton"] [part~="logo"]')) {
        expect(contrast(getComputedStyle(piece).backgroundColor, surface), 'a placeholder against the card').to.be.at.least(3);
      }
    } finally {
      await executeServerCommand('emulate-forced-colors', 'none');
    }
  });

  it('shows a dark logo on a light tile in the dark scheme', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="color-scheme:dark;background:Canvas">
      <outbound-app-list .sdk=${fakeCatalogSdk()}></outbound-app-list>
    </div>`);
    const el = box.querySelector<OutboundAppList>('outbound-app-list')!;
    await until(() => !!el.shadowRoot!.querySelector('li[data-app-id="github"] img'), 'the GitHub row');
    const img = el.shadowRoot!.querySelector('li[data-app-id="github"] img')!;
    const tile = getComputedStyle(img).backgroundColor;
    expect(contrast(tile, getComputedStyle(el.shadowRoot!.querySelector('ul')!).backgroundColor)).to.be.at.least(3);
    expect(contrast('#24292f', tile)).to.be.at.least(3);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import { fr } from '../../../src/locales/fr.js';
import { emulator, fault, isolateEachTest, newSession, nextEvent } from '../support.js';

const inner = (el: OutboundAppButton) => el.shadowRoot!.querySelector('button')!;
const labelText = (el: OutboundAppButton) => el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
const part = (el: OutboundAppButton, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)!;
/** The inner button's colours once its transition has run. */
async function settledStyle(el: OutboundAppButton): Promise<CSSStyleDeclaration> {
  await el.updateComplete;
  await Promise.all(inner(el).getAnimations().map((animation) => animation.finished));
  return getComputedStyle(inner(el));
}

async function accessibleButtonNames(): Promise<string[]> {
  const names: string[] = [];
  const snapshot = await a11ySnapshot({});
  findAccessibilityNode(snapshot as never, (node: { role?: string; name?: string }) => {
    if (node.role === 'button') names.push(node.name ?? '');
    return false;
  });
  return names;
}

/** A button that fails with `status` from the emulator (a real session, a real SDK). */
async function failingButton(el: OutboundAppButton, status: number): Promise<void> {
  el.projectId = emulator.projectId;
  el.baseUrl = emulator.baseUrl;
  el.token = (await newSession()).refreshJwt;
  await fault(el.appId!, status);
  const original = console.error;
  console.error = () => undefined; // the developer message is tested elsewhere
  try {
    const error = nextEvent(el, 'outbound-connect-error');
    inner(el).click();
    await error;
  } finally {
    console.error = original;
  }
  // The reason comes with the lazily loaded words.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await el.updateComplete;
}

describe('<outbound-app-button> size, variant and accessible name', () => {
  isolateEachTest();

  it('reflects size and variant, md and outline by default (without writing the default attributes)', async () => {
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack"></outbound-app-button>`);
    expect([el.size, el.variant]).to.deep.equal(['md', 'outline']);
    expect([el.getAttribute('size'), el.getAttribute('variant')]).to.deep.equal([null, null]);
    el.size = 'lg';
    el.variant = 'filled';
    await el.updateComplete;
    expect(el.getAttribute('size')).to.equal('lg');
    expect(el.getAttribute('variant')).to.equal('filled');
  });

  it('is 32, 40 or 48 px tall for sm, md and lg, with the logo growing along', async () => {
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack"></outbound-app-button>`);
    const sizes: [string, number, number][] = [];
    for (const size of ['sm', 'md', 'lg'] as const) {
      el.setAttribute('size', size);
      await el.updateComplete;
      sizes.push([size, inner(el).getBoundingClientRect().height, part(el, 'logo').getBoundingClientRect().width]);
    }
    expect(sizes).to.deep.equal([
      ['sm', 32, 16],
      ['md', 40, 20],
      ['lg', 48, 24],
    ]);
  });

  it('filled has a solid dark surface and ghost none, in the light scheme', async () => {
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" variant="filled"></outbound-app-button>`);
    expect((await settledStyle(el)).backgroundColor).to.equal('rgb(31, 31, 31)');
    expect((await settledStyle(el)).color).to.equal('rgb(255, 255, 255)');
    el.variant = 'ghost';
    expect((await settledStyle(el)).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    el.variant = 'outline';
    expect((await settledStyle(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('forwards aria-label to the inner button: an icon-only button keeps its name', async () => {
    const el = await fixture<OutboundAppButton>(html`
      <div>
        <style>
          .icon-only::part(label) {
            display: none;
          }
        </style>
        <outbound-app-button class="icon-only" app-id="slack" app-name="Slack" aria-label="Connect Slack to Acme"></outbound-app-button>
      </div>
    `).then((wrapper) => wrapper.querySelector('outbound-app-button')!);
    await el.updateComplete;
    expect(inner(el).getAttribute('aria-label')).to.equal('Connect Slack to Acme');
    expect(await accessibleButtonNames()).to.deep.equal(['Connect Slack to Acme']);
    await expect(el.parentElement).to.be.accessible();

    el.ariaLabel = 'Link Slack';
    await el.updateComplete;
    expect(el.getAttribute('aria-label')).to.equal('Link Slack');
    expect(await accessibleButtonNames()).to.deep.equal(['Link Slack']);

    el.removeAttribute('aria-label');
    await el.updateComplete;
    expect(inner(el).hasAttribute('aria-label')).to.equal(false);
    el.classList.remove('icon-only');
    expect(await accessibleButtonNames()).to.deep.equal(['Connect Slack']);
  });

  it('keeps the full text as the accessible name when the label is cut with an ellipsis', async () => {
    const long = 'Connect your company-wide Google Workspace directory to import every contact';
    const el = await fixture<OutboundAppButton>(
      html`<div style="inline-size: 200px"><outbound-app-button app-id="google-contacts" label=${long}></outbound-app-button></div>`,
    ).then((wrapper) => wrapper.querySelector('outbound-app-button')!);
    await el.updateComplete;
    const label = part(el, 'label') as HTMLElement;
    expect(el.getBoundingClientRect().width).to.be.at.most(200);
    expect(label.scrollWidth).to.be.greaterThan(label.clientWidth);
    expect(await accessibleButtonNames()).to.deep.equal([long]);
  });

  it('has its live region in place once focus or a pointer reaches it, before any click (a page of idle buttons holds none)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <outbound-app-button app-id="slack"></outbound-app-button><outbound-app-button app-id="notion"></outbound-app-button>
    </div>`);
    const [keyboard, mouse] = [...wrapper.querySelectorAll('outbound-app-button')] as OutboundAppButton[];
    const region = (el: OutboundAppButton) => el.shadowRoot!.querySelector('[role="status"]');
    expect([region(keyboard!), region(mouse!)]).to.deep.equal([null, null]);
    keyboard!.focus();
    await keyboard!.updateComplete;
    expect(region(keyboard!), 'after focus').not.to.equal(null);
    inner(mouse!).dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await mouse!.updateComplete;
    expect(region(mouse!), 'after a pointer reached it').not.to.equal(null);
    await expect(mouse).to.be.accessible();
  });

  it('in a right-to-left page, puts the logo on the right of the label', async () => {
    const el = await fixture<OutboundAppButton>(
      html`<div dir="rtl"><outbound-app-button app-id="slack" app-name="Slack"></outbound-app-button></div>`,
    ).then((wrapper) => wrapper.querySelector('outbound-app-button')!);
    await el.updateComplete;
    expect(part(el, 'logo').getBoundingClientRect().left).to.be.greaterThan(part(el, 'label').getBoundingClientRect().right);
  });
});

describe('<outbound-app-button> strings and locale', () => {
  isolateEachTest();
  afterEach(() => configure({ locale: undefined, locales: undefined, strings: undefined }));

  it('takes its own strings, as functions or {app} templates, over configure() and English', async () => {
    configure({ strings: { connect: 'Link {app}', reconnect: (app: string) => `Link ${app} again` } });
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="google-contacts"></outbound-app-button>`);
    expect(labelText(el)).to.equal('Link Google Contacts');
    el.strings = { connect: (app: string) => `Add ${app}` };
    await el.updateComplete;
    expect(labelText(el)).to.equal('Add Google Contacts');
    el.strings = undefined;
    await el.updateComplete;
    expect(labelText(el)).to.equal('Link Google Contacts');
  });

  it('speaks French under lang="fr" (or fr-CA) once the French table is registered', async () => {
    configure({ locales: { fr } });
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <div lang="fr"><outbound-app-button app-id="google-contacts"></outbound-app-button></div>
        <div lang="fr-CA"><outbound-app-button app-id="slack"></outbound-app-button></div>
        <div lang="de"><outbound-app-button app-id="notion"></outbound-app-button></div>
      </div>
    `);
    const [french, canadian, german] = [...wrapper.querySelectorAll('outbound-app-button')];
    await Promise.all([french!.updateComplete, canadian!.updateComplete, german!.updateComplete]);
    expect(labelText(french!)).to.equal('Connecter Google Contacts');
    expect(labelText(canadian!)).to.equal('Connecter Slack');
    expect(labelText(german!)).to.equal('Connect Notion'); // no German table: English
  });

  it('configure({ locale }) wins over the page language', async () => {
    configure({ locales: { fr }, locale: 'fr' });
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" lang="en"></outbound-app-button>`);
    expect(labelText(el)).to.equal('Connecter Slack');
  });

  it('configure({ locale }) that is not a language tag (navigator.languages) is ignored with a console.error, not a broken render', async () => {
    const said: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => said.push(args.join(' '));
    try {
      configure({ locales: { fr }, locale: ['fr-FR', 'fr'] as unknown as string });
      const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack" lang="fr"></outbound-app-button>`);
      expect(labelText(el)).to.equal('Connecter Slack'); // the page language still serves
    } finally {
      console.error = original;
      configure({ locale: undefined });
    }
    expect(said.join('\n')).to.contain('configure({ locale })');
  });

  it('announces a failure and its reason in French, with a reason the page replaced', async () => {
    configure({ locales: { fr } });
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="hubspot" app-name="HubSpot" lang="fr"></outbound-app-button>`);
    await failingButton(el, 403);
    const live = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(live.textContent).to.equal('Impossible de connecter HubSpot. Vous n’avez pas accès à cette application.');
    expect(part(el, 'message').textContent).to.equal('Vous n’avez pas accès à cette application.');

    el.strings = { reasons: { forbidden: 'Demandez l’accès à votre administrateur.' } };
    await failingButton(el, 403);
    expect(live.textContent).to.equal('Impossible de connecter HubSpot. Demandez l’accès à votre administrateur.');
  });

  it('a string function that throws falls back to English and says so in the console', async () => {
    const said: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => said.push(args.join(' '));
    try {
      const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="slack"></outbound-app-button>`);
      el.strings = {
        connect: () => {
          throw new Error('bad translation');
        },
      };
      await el.updateComplete;
      expect(labelText(el)).to.equal('Connect Slack');
      expect(said.join('\n')).to.contain('strings.connect() did not return a string');
    } finally {
      console.error = original;
    }
  });
});

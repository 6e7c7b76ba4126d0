/**
 * `<outbound-app-list>` in each of its states, fed by a fake SDK (no network): `sdk` is the
 * element's property for a host's own web-js-sdk instance, and the fake answers the catalog
 * endpoints from memory. Connecting is stopped at `outbound-connect-start` so the story stays put.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeCatalogSdk, SAMPLE_APPS, type FakeCatalogOptions } from './support/fake-catalog-sdk.js';

interface ListArgs {
  apps: string;
  disconnect: boolean;
  connected: string[];
}

const stopConnecting = (event: Event) => event.preventDefault();

const list = (args: Partial<ListArgs>, options: FakeCatalogOptions = {}) => html`
  <outbound-app-list
    ?disconnect=${args.disconnect}
    .apps=${args.apps ? args.apps.split(/\s+/).filter(Boolean) : undefined}
    .sdk=${fakeCatalogSdk({ connected: args.connected ?? [], ...options })}
    @outbound-connect-start=${stopConnecting}
    style="max-width: 560px"
  ></outbound-app-list>
`;

/** One row per state: Slack connected, HubSpot connecting, Notion failed (its reason under its button). */
async function rowStates({ canvasElement }: { canvasElement: HTMLElement }) {
  const list = canvasElement.querySelector('outbound-app-list')!;
  const rowButton = async (appId: string) => {
    for (let i = 0; i < 100; i++) {
      const host = list.shadowRoot?.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(`li[data-app-id="${appId}"] outbound-app-button`);
      if (host?.shadowRoot?.querySelector('button')) return host;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no row for ${appId}`);
  };
  for (const appId of ['hubspot', 'notion']) {
    const host = await rowButton(appId);
    host.shadowRoot!.querySelector('button')!.click();
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const meta: Meta<ListArgs> = {
  title: 'Elements/outbound-app-list',
  component: 'outbound-app-list',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The project\'s apps with their status and a connect / reconnect button each (an `<outbound-app-button compact>`: the same states, words and look). Rows wrap by the list\'s own width: narrow, the status and the buttons move under the name.',
      },
    },
  },
  args: { apps: '', disconnect: false, connected: ['slack'] },
  argTypes: {
    apps: { control: 'text', description: 'Space-separated app IDs; empty: every app' },
    disconnect: { control: 'boolean' },
    connected: { control: 'check', options: ['slack', 'google-contacts', 'hubspot', 'github', 'notion'] },
  },
  render: (args) => list(args),
};
export default meta;

type Story = StoryObj<ListArgs>;

/** Every app of the project, sorted by name; Slack is connected (Reconnect). */
export const Ready: Story = {};

/**
 * Every row state at once: connected (Reconnect, Disconnect), connecting, and a failure whose
 * reason shows under its button. Resize the frame: below about 420 px the rows wrap.
 */
export const RowStates: Story = {
  tags: ['logs-errors'],
  args: { disconnect: true },
  render: (args) => html`<outbound-app-list
    ?disconnect=${args.disconnect}
    .sdk=${fakeCatalogSdk({ connected: ['slack'], connect: { hubspot: 'pending', notion: 503 } })}
    style="max-width: 560px"
  ></outbound-app-list>`,
  play: rowStates,
};

/** The same rows in a 320 px column: status and buttons on lines of their own, long names wrapped. */
export const Narrow: Story = {
  tags: ['logs-errors'],
  args: { disconnect: true },
  render: (args) => html`<div style="max-width: 320px">
    <outbound-app-list
      ?disconnect=${args.disconnect}
      .sdk=${fakeCatalogSdk({
        connected: ['slack'],
        connect: { hubspot: 'pending', notion: 503 },
        apps: [
          ...SAMPLE_APPS,
          { id: 'workspace', name: 'Google Workspace Directory (Enterprise)', description: 'Read every person and group in your organisation’s directory, including shared contacts.' },
        ],
      })}
    ></outbound-app-list>
  </div>`,
  play: rowStates,
};

/** With `disconnect`: connected apps also offer Disconnect (the host handles `outbound-disconnect`). */
export const WithDisconnect: Story = { args: { disconnect: true, connected: ['slack', 'github'] } };

/** Only the apps named in `apps`. */
export const SomeApps: Story = { args: { apps: 'slack github' } };

/** While the catalog is on its way: a skeleton (hidden from assistive tech, "Loading apps…" announced). */
export const Loading: Story = { render: (args) => list(args, { delayMs: Infinity }) };

/** No app to show; the `empty` slot replaces the text. */
export const Empty: Story = {
  render: (args) => html`${list(args, { apps: [] })}
    <p></p>
    <outbound-app-list .sdk=${fakeCatalogSdk({ apps: [] })} style="max-width: 560px">
      <span slot="empty">Ask your workspace admin to add apps.</span>
    </outbound-app-list>`,
};

/** Descope failed: an error with Retry. */
export const LoadFailed: Story = { render: (args) => list(args, { fail: 503 }) };

/** No session (Descope answers 401): the list says to sign in. */
export const SignedOut: Story = { render: (args) => list(args, { fail: 401 }) };

/** The same list in the dark scheme (light-dark() follows the page's color-scheme). */
export const Dark: Story = {
  args: { disconnect: true },
  render: (args) => html`<div style="color-scheme: dark; background: #1f1f1f; padding: 16px">${list(args)}</div>`,
};

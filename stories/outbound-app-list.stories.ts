/**
 * `<outbound-app-list>` in each of its states, fed by a fake SDK (no network): `sdk` is the
 * element's property for a host's own web-js-sdk instance, and the fake answers the catalog
 * endpoints from memory. Connecting is stopped at `outbound-connect-start` so the story stays put.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeCatalogSdk, type FakeCatalogOptions } from './support/fake-catalog-sdk.js';

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

const meta: Meta<ListArgs> = {
  title: 'Elements/outbound-app-list',
  component: 'outbound-app-list',
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

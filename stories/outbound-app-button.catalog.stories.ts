/**
 * `<outbound-app-button>` fed by the app catalog: no `logo` / `app-name` given, and `check-status`
 * showing the user's connections. A fake SDK answers from memory (no network); connecting is
 * stopped at `outbound-connect-start` so the story stays put.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeCatalogSdk } from './support/fake-catalog-sdk.js';

interface CatalogButtonArgs {
  appId: string;
  checkStatus: boolean;
  connected: string[];
}

const stopConnecting = (event: Event) => event.preventDefault();

const meta: Meta<CatalogButtonArgs> = {
  title: 'Elements/outbound-app-button/From the catalog',
  component: 'outbound-app-button',
  args: { appId: 'slack', checkStatus: true, connected: [] },
  argTypes: {
    appId: { control: 'select', options: ['slack', 'google-contacts', 'hubspot', 'github', 'notion'] },
    checkStatus: { control: 'boolean' },
    connected: { control: 'check', options: ['slack', 'google-contacts', 'hubspot', 'github', 'notion'] },
  },
  render: (args) => html`<outbound-app-button
    app-id=${args.appId}
    ?check-status=${args.checkStatus}
    .sdk=${fakeCatalogSdk({ connected: args.connected })}
    @outbound-connect-start=${stopConnecting}
  ></outbound-app-button>`,
};
export default meta;

type Story = StoryObj<CatalogButtonArgs>;

/** Name and logo from the catalog; not connected: "Connect Slack". */
export const NameAndLogoFromCatalog: Story = {};

/** With `check-status`, a connected app shows the check and "Reconnect". */
export const Connected: Story = { args: { connected: ['slack'] } };

/** An app without a logo in the catalog: the monogram. */
export const NoLogo: Story = { args: { appId: 'notion' } };

/** `check-status` on an `<outbound-connect>` applies to every button inside it; one request per endpoint for all. */
export const InheritedCheckStatus: Story = {
  render: () => {
    const sdk = fakeCatalogSdk({ connected: ['github', 'hubspot'] });
    return html`<outbound-connect check-status .sdk=${sdk} @outbound-connect-start=${stopConnecting}>
      <div style="display: flex; flex-wrap: wrap; gap: 8px">
        ${['google-contacts', 'slack', 'hubspot', 'github', 'notion'].map((id) => html`<outbound-app-button app-id=${id}></outbound-app-button>`)}
      </div>
    </outbound-connect>`;
  },
};

/** A catalog logo that is not https:/data:image/ (here javascript:) is never used: the monogram instead. */
export const UnsafeLogoRefused: Story = {
  render: () => html`<outbound-app-button
    app-id="evil"
    .sdk=${fakeCatalogSdk({ apps: [{ id: 'evil', name: 'Evil App', logo: 'javascript:alert(1)' }] })}
    @outbound-connect-start=${stopConnecting}
  ></outbound-app-button>`,
};

/**
 * The live examples of the "Theming" docs page: `--outbound-…` tokens and `::part()` recipes.
 * Each story is a recipe a host page can copy as is.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeSdk } from './support/fake-sdk.js';
import { logoOf, wellKnownApps } from './support/render.js';

interface ThemingArgs {
  size?: 'sm' | 'md' | 'lg';
  variant?: 'outline' | 'filled' | 'ghost';
}

const meta = {
  title: 'Theming/Recipes',
  args: {},
} satisfies Meta<ThemingArgs>;

export default meta;
type Story = StoryObj<ThemingArgs>;

const sdk = fakeSdk();

/** Brand colours through the tokens, per button (or on any ancestor: custom properties inherit). */
export const BrandColours: Story = {
  render: (args) => html`
    <style>
      .brand-slack {
        --outbound-button-background: #4a154b;
        --outbound-button-color: #fff;
        --outbound-button-border-color: #4a154b;
        --outbound-button-hover-background: #611f64;
        --outbound-logo-background: #fff;
      }
      .brand-hubspot {
        --outbound-button-background: #ff7a59;
        --outbound-button-color: #1f1f1f;
        --outbound-button-border-color: #ff7a59;
        --outbound-button-hover-background: #ff8f73;
        --outbound-focus-ring-color: #c2410c;
        --outbound-logo-background: #fff;
      }
    </style>
    <div style="display:flex;flex-wrap:wrap;gap:12px">
      <outbound-app-button class="brand-slack" app-id="slack" app-name="Slack" logo=${logoOf('slack')} size=${args.size ?? 'md'} .sdk=${sdk}></outbound-app-button>
      <outbound-app-button class="brand-hubspot" app-id="hubspot" app-name="HubSpot" logo=${logoOf('hubspot')} size=${args.size ?? 'md'} .sdk=${sdk}></outbound-app-button>
    </div>
  `,
};

/** A pill: one token. */
export const Pill: Story = {
  render: (args) => html`
    <outbound-app-button
      style="--outbound-button-radius: 999px"
      app-id="google-contacts"
      app-name="Google Contacts"
      logo=${logoOf('google-contacts')}
      size=${args.size ?? 'md'}
      variant=${args.variant ?? 'outline'}
      .sdk=${sdk}
    ></outbound-app-button>
  `,
};

/** Full width: the button fills its container, logo and label centred. */
export const FullWidth: Story = {
  render: (args) => html`
    <div style="max-width:360px;display:grid;gap:10px">
      ${wellKnownApps.slice(0, 3).map(
        (app) =>
          html`<outbound-app-button
            style="--outbound-button-width: 100%"
            app-id=${app.id}
            app-name=${app.name}
            logo=${logoOf(app.id)}
            size=${args.size ?? 'lg'}
            variant=${args.variant ?? 'outline'}
            .sdk=${sdk}
          ></outbound-app-button>`,
      )}
    </div>
  `,
};

/** Icon only: hide the label part, square the button, and give the name with `aria-label`. */
export const IconOnly: Story = {
  render: (args) => html`
    <style>
      outbound-app-button.icon-only::part(label) {
        display: none;
      }
      outbound-app-button.icon-only::part(button) {
        padding: 0;
        aspect-ratio: 1;
        justify-content: center;
      }
      /* The state mark (check, "!", spinner) moves to the corner. */
      outbound-app-button.icon-only::part(state) {
        position: absolute;
        inset-block-start: 2px;
        inset-inline-end: 2px;
        inline-size: 12px;
        block-size: 12px;
      }
    </style>
    <div style="display:flex;flex-wrap:wrap;gap:8px">
      ${wellKnownApps.map(
        (app) =>
          html`<outbound-app-button
            class="icon-only"
            aria-label=${`Connect ${app.name}`}
            style="--outbound-button-radius: 999px"
            app-id=${app.id}
            app-name=${app.name}
            logo=${logoOf(app.id)}
            size=${args.size ?? 'md'}
            variant=${args.variant ?? 'outline'}
            .sdk=${sdk}
          ></outbound-app-button>`,
      )}
    </div>
  `,
};

/** Parts for what tokens do not cover: here a heavier label and an uppercase look. */
export const PartsRecipe: Story = {
  render: (args) => html`
    <style>
      outbound-app-button.loud::part(button) {
        box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
      }
      outbound-app-button.loud::part(label) {
        font-weight: 650;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
    </style>
    <outbound-app-button
      class="loud"
      app-id="notion"
      app-name="Notion"
      logo=${logoOf('notion')}
      size=${args.size ?? 'md'}
      variant=${args.variant ?? 'outline'}
      .sdk=${sdk}
    ></outbound-app-button>
  `,
};

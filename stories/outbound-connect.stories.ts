/**
 * <outbound-connect>: configuration for the elements inside it, and the host's own buttons as
 * connect triggers (headless). The fake SDK is set once, on the provider.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeSdk, type FakeAnswer } from './support/fake-sdk.js';
import { argTypesFor } from './support/manifest-arg-types.js';
import { logoOf, wellKnownApps } from './support/render.js';

interface ConnectArgs {
  size?: 'sm' | 'md' | 'lg';
  variant?: 'outline' | 'filled' | 'ghost';
  answer: 'consent' | 'pending' | 'unauthenticated';
}

const answers: Record<ConnectArgs['answer'], FakeAnswer> = {
  consent: { consent: true },
  pending: { pending: true },
  unauthenticated: { status: 401, error: { errorDescription: 'Unauthorized' } },
};

const meta = {
  title: 'Elements/outbound-connect',
  component: 'outbound-connect',
  tags: ['autodocs'],
  args: { answer: 'consent' },
  argTypes: {
    ...argTypesFor('outbound-connect', []),
    answer: {
      control: 'inline-radio',
      options: Object.keys(answers),
      description: 'What the fake SDK answers to a click (story only)',
    },
  },
} satisfies Meta<ConnectArgs>;

export default meta;
type Story = StoryObj<ConnectArgs>;

/**
 * The host's own buttons, styled by the host: `data-outbound-app-id` makes them triggers, and
 * `data-outbound-status` / `aria-busy` show what is going on. Click one.
 */
export const HeadlessWithHostButtons: Story = {
  render: (args) => html`
    <style>
      .host-ui {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .host-ui button {
        font: inherit;
        padding: 8px 14px;
        border-radius: 999px;
        border: 1px solid currentColor;
        background: transparent;
        color: inherit;
        cursor: pointer;
      }
      .host-ui button:focus-visible {
        outline: 2px solid light-dark(#0b57d0, #a8c7fa);
        outline-offset: 2px;
      }
      .host-ui button[data-outbound-status='connecting']::after {
        content: ' …';
      }
      .host-ui button[data-outbound-status='connected']::after {
        content: ' ✓';
      }
      .host-ui button[data-outbound-status='error'] {
        border-style: dashed;
      }
    </style>
    <outbound-connect .sdk=${fakeSdk(answers[args.answer])}>
      <div class="host-ui">
        ${wellKnownApps.map((app) => html`<button type="button" data-outbound-app-id=${app.id}>${app.name}</button>`)}
      </div>
    </outbound-connect>
  `,
};

/** Configuration given once: every button inside inherits the provider's `sdk` (or project). */
export const ProviderAroundButtons: Story = {
  render: (args) => html`
    <outbound-connect .sdk=${fakeSdk(answers[args.answer])}>
      <div style="display:flex;flex-wrap:wrap;gap:10px">
        ${wellKnownApps
          .slice(0, 3)
          .map(
            (app) =>
              html`<outbound-app-button
                app-id=${app.id}
                app-name=${app.name}
                logo=${logoOf(app.id)}
                size=${args.size ?? 'md'}
                variant=${args.variant ?? 'outline'}
              ></outbound-app-button>`,
          )}
      </div>
    </outbound-connect>
  `,
};

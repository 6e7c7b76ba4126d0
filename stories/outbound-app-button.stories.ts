/**
 * <outbound-app-button> in every state. The states are reached the way a user reaches them: a
 * click, with a fake SDK (stories/support/fake-sdk.ts) answering instead of Descope, so no story
 * needs the network, except "Real round trip (emulator)".
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { configure } from '../src/core/config.js';
import { ERROR_CODES, type OutboundErrorCode } from '../src/core/errors.js';
import { dispatchOutboundEvent } from '../src/events.js';
import { fr } from '../src/locales/fr.js';
import { fakeSdk, type FakeAnswer } from './support/fake-sdk.js';
import { argTypesFor } from './support/manifest-arg-types.js';
import { appButton, buttonsIn, logoOf, reach, wellKnownApps, type ButtonArgs } from './support/render.js';

const meta = {
  title: 'Elements/outbound-app-button',
  component: 'outbound-app-button',
  tags: ['autodocs'],
  render: (args) => appButton(args),
  args: {
    'app-id': 'google-contacts',
    'app-name': 'Google Contacts',
    logo: logoOf('google-contacts'),
    size: 'md',
    variant: 'outline',
    disabled: false,
    sdk: fakeSdk(),
  },
  argTypes: {
    ...argTypesFor('outbound-app-button', ['app-id', 'app-name', 'label', 'logo', 'scopes', 'size', 'variant', 'disabled', 'aria-label']),
    sdk: { control: false, description: 'Here: a fake SDK (no network). In an app: your @descope/web-js-sdk instance, or nothing.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A native button that connects the signed-in user to an Outbound App. Click "Idle": the fake SDK answers with a consent URL and the story comes back connected, as after a real redirect.',
      },
    },
  },
} satisfies Meta<ButtonArgs>;

export default meta;
type Story = StoryObj<ButtonArgs>;

/** Clicks the story's button(s) and waits for `status`. */
const clickTo =
  (status: 'connecting' | 'connected' | 'error') =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    for (const button of buttonsIn(canvasElement)) {
      button.shadowRoot!.querySelector('button')!.click();
      await reach(button, status);
    }
  };

/** At rest. A click connects (simulated consent, then "connected"). */
export const Idle: Story = {};

export const Connecting: Story = {
  args: { sdk: fakeSdk({ pending: true }) },
  play: clickTo('connecting'),
};

/** After the round trip: a check in the state box, the label offers to reconnect, "Connected" describes it. */
export const Connected: Story = {
  args: { sdk: fakeSdk({ consent: true }, 0) },
  play: clickTo('connected'),
};

const answers: Partial<Record<OutboundErrorCode, FakeAnswer>> = {
  'invalid-option': { status: 400, error: { errorDescription: 'Invalid redirect URL' } },
  unauthenticated: { status: 401, error: { errorDescription: 'Unauthorized' } },
  forbidden: { status: 403, error: { errorDescription: 'Forbidden' } },
  'app-not-found': { status: 404, error: { errorDescription: 'Outbound app not found' } },
  'rate-limited': { status: 429, error: { errorDescription: 'Too many requests', retryAfter: 30 } },
  server: { status: 503, error: { errorDescription: 'Service unavailable' } },
  network: { offline: true },
  'invalid-response': { unsafeUrl: true },
};

/**
 * Puts a button into the error state for `code`: through the fake SDK where Descope's answer
 * causes it, else as the part of the library that reports it would (no app ID, no project,
 * a blocked popup, the provider's refusal on the way back).
 */
async function failWith(button: HTMLElement & { sdk?: unknown; appId?: string }, code: OutboundErrorCode) {
  const answer = answers[code];
  if (answer) button.sdk = fakeSdk(answer, 0);
  else if (code === 'missing-app-id') button.removeAttribute('app-id');
  else if (code === 'not-configured') button.sdk = undefined;
  if (answer || code === 'missing-app-id' || code === 'not-configured') {
    button.shadowRoot!.querySelector('button')!.click();
  } else {
    dispatchOutboundEvent(button, 'outbound-connect-error', { appId: button.appId ?? '', code, message: `(story) ${code}` });
  }
}

/** The reason a person reads under the button (and hears) for each error code. */
export const EveryErrorCode: Story = {
  // The library logs each failure for the developer (console.error); the story test allows it here.
  tags: ['logs-errors'],
  render: (args) => html`
    <div class="error-grid" style="display:grid;grid-template-columns:repeat(auto-fill,minmax(min(260px,100%),1fr));gap:20px 16px">
      ${ERROR_CODES.map(
        (code) => html`<figure style="margin:0;display:grid;gap:6px;justify-items:start" data-code=${code}>
          ${appButton({ ...args, sdk: fakeSdk({ pending: true }) })}
          <figcaption style="font-size:12px;opacity:.8"><code>${code}</code></figcaption>
        </figure>`,
      )}
    </div>
  `,
  play: async ({ canvasElement }) => {
    for (const figure of canvasElement.querySelectorAll<HTMLElement>('figure')) {
      const button = figure.querySelector('outbound-app-button')!;
      const code = figure.dataset.code as OutboundErrorCode;
      await failWith(button, code);
      await reach(button, 'error');
    }
    // The reason arrives with the lazily loaded words.
    await new Promise((resolve) => setTimeout(resolve, 50));
  },
};

/** One error, picked with the `code` control. */
export const OneError: StoryObj<ButtonArgs & { code: OutboundErrorCode }> = {
  name: 'Error',
  tags: ['logs-errors'],
  args: { code: 'unauthenticated' },
  argTypes: { code: { control: 'select', options: Object.keys(answers).concat(['popup-blocked', 'provider-error', 'unknown']) } },
  play: async ({ canvasElement, args }) => {
    const [button] = buttonsIn(canvasElement);
    await failWith(button!, args.code);
    await reach(button!, 'error');
  },
};

export const Disabled: Story = { args: { disabled: true } };

/** No logo: the first letter of the name on a tile drawn from the button's colours. */
export const NoLogoMonogram: Story = {
  args: { 'app-id': 'acme-crm', 'app-name': 'Acme CRM', logo: undefined },
};

/** The logo URL does not load: the monogram takes its place, same size. */
export const BrokenLogoUrl: Story = {
  // The browser logs the 404 of the logo; the story test allows that one message here.
  tags: ['broken-logo'],
  args: { 'app-id': 'zendesk', 'app-name': 'Zendesk', logo: 'logos/does-not-exist.svg' },
};

/** Long names never overflow: one line with an ellipsis (the full text stays the accessible name); or wrap, with a recipe. */
export const LongNamesAndLabels: Story = {
  render: (args) => html`
    <div style="display:grid;grid-template-columns:minmax(0,1fr);justify-items:start;gap:12px;max-width:280px">
      ${appButton({ ...args, 'app-name': 'Google Workspace Contacts and Directory (Enterprise)' })}
      ${appButton({ ...args, label: 'Connect your company-wide Google Workspace directory to import every contact' })}
      <div class="wrap-recipe">
        <style>
          .wrap-recipe outbound-app-button::part(label) {
            white-space: normal;
            overflow-wrap: anywhere;
            text-align: start;
            padding-block: 8px;
          }
        </style>
        ${appButton({ ...args, label: 'Wrapping instead: connect your company-wide Google Workspace directory' })}
      </div>
    </div>
  `,
};

/** Label content and logo of your own, through the default and `logo` slots. */
export const CustomLabelSlot: Story = {
  args: { 'app-id': 'slack', 'app-name': 'Slack', logo: logoOf('slack') },
  render: (args) => html`
    <outbound-app-button app-id=${args['app-id']!} app-name="Slack" logo=${args.logo!} size=${args.size!} variant=${args.variant!} .sdk=${args.sdk}>
      Add to <strong>Slack</strong>
    </outbound-app-button>
    <outbound-app-button app-id="github" app-name="GitHub" size=${args.size!} variant=${args.variant!} .sdk=${args.sdk}>
      <svg slot="logo" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
        <path
          d="M8 0C3.58 0 0 3.58 0 8c0 3.54 2.29 6.53 5.47 7.59.4.07.55-.17.55-.38 0-.19-.01-.82-.01-1.49-2.01.37-2.53-.49-2.69-.94-.09-.23-.48-.94-.82-1.13-.28-.15-.68-.52-.01-.53.63-.01 1.08.58 1.23.82.72 1.21 1.87.87 2.33.66.07-.52.28-.87.51-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-2.12 0 0 .67-.21 2.2.82.64-.18 1.32-.27 2-.27.68 0 1.36.09 2 .27 1.53-1.04 2.2-.82 2.2-.82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73.54 1.48 0 1.07-.01 1.93-.01 2.2 0 .21.15.46.55.38A8.013 8.013 0 0 0 16 8c0-4.42-3.58-8-8-8Z"
        />
      </svg>
      Continue with GitHub
    </outbound-app-button>
  `,
};

/** Every size and variant side by side (the toolbar switches all buttons of any story). */
export const SizesAndVariants: Story = {
  render: (args) => html`
    <div style="display:flex;flex-wrap:wrap;gap:16px;align-items:center">
      ${(['sm', 'md', 'lg'] as const).flatMap((size) =>
        (['outline', 'filled', 'ghost'] as const).map((variant) => appButton({ ...args, size, variant })),
      )}
    </div>
  `,
};

/** Icon only: the label hidden with `::part(label)`, the name given with `aria-label` (forwarded to the inner button). */
export const IconOnly: Story = {
  args: { 'aria-label': 'Connect Google Contacts' },
  render: (args) => html`
    <style>
      .icon-only outbound-app-button::part(label) {
        display: none;
      }
      .icon-only outbound-app-button::part(button) {
        padding: 0;
        aspect-ratio: 1;
        justify-content: center;
      }
      /* The state mark moves to the corner. */
      .icon-only outbound-app-button::part(state) {
        position: absolute;
        inset-block-start: 2px;
        inset-inline-end: 2px;
        inline-size: 12px;
        block-size: 12px;
      }
    </style>
    <div class="icon-only" style="display:flex;flex-wrap:wrap;gap:8px">
      ${wellKnownApps.map((app) =>
        appButton({ ...args, 'app-id': app.id, 'app-name': app.name, logo: logoOf(app.id), 'aria-label': `Connect ${app.name}` }),
      )}
    </div>
  `,
};

/** The apps people connect most, one per row, as on a settings page. */
export const WellKnownApps: Story = {
  render: (args) => html`
    <div style="display:grid;gap:10px;max-width:320px">
      ${wellKnownApps.map((app) =>
        appButton({ ...args, 'app-id': app.id, 'app-name': app.name, logo: logoOf(app.id), '--outbound-button-width': '100%' }),
      )}
    </div>
  `,
};

configure({ locales: { fr } });

/**
 * The same app in several states side by side: on a real page every button of one app shows that
 * app's one connection state, so each button here stands for a connection of its own.
 */
const asConnection = (args: ButtonArgs, state: string): ButtonArgs => ({ ...args, 'app-id': `${args['app-id']}-${state}` });

/**
 * French, picked from the nearest `lang` attribute (`configure({ locales: { fr } })` registered
 * the table from `outbound-elements/locales/fr`), in every state.
 */
export const FrenchLocale: Story = {
  render: (args) => html`
    <div lang="fr" style="display:flex;flex-wrap:wrap;gap:12px">
      ${appButton({ ...args, sdk: fakeSdk() })} ${appButton({ ...asConnection(args, 'connecting'), sdk: fakeSdk({ pending: true }) })}
      ${appButton({ ...asConnection(args, 'connected'), sdk: fakeSdk({ consent: true }, 0) })}
      ${appButton({ ...asConnection(args, 'error'), sdk: fakeSdk({ status: 401 }, 0) })}
    </div>
  `,
  tags: ['logs-errors'],
  play: async ({ canvasElement }) => {
    const [, connecting, connected, failed] = buttonsIn(canvasElement);
    for (const [button, status] of [
      [connecting, 'connecting'],
      [connected, 'connected'],
      [failed, 'error'],
    ] as const) {
      button!.shadowRoot!.querySelector('button')!.click();
      await reach(button!, status);
    }
  },
};

/** Right to left (also on the toolbar): logo at the start, the state box at the end. */
export const RightToLeft: Story = {
  render: (args) => html`
    <div dir="rtl" lang="ar" style="display:flex;flex-wrap:wrap;gap:12px">
      ${appButton({ ...args, strings: { connect: 'ربط {app}' } })}
      ${appButton({ ...asConnection(args, 'connecting'), sdk: fakeSdk({ pending: true }), strings: { connect: 'ربط {app}' } })}
      ${appButton({ ...asConnection(args, 'connected'), sdk: fakeSdk({ consent: true }, 0), strings: { reconnect: 'إعادة ربط {app}' } })}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const [, connecting, connected] = buttonsIn(canvasElement);
    connecting!.shadowRoot!.querySelector('button')!.click();
    connected!.shadowRoot!.querySelector('button')!.click();
    await reach(connecting!, 'connecting');
    await reach(connected!, 'connected');
  },
};

/**
 * The real thing, against the local emulator: start it first with `npm start` (API on
 * http://127.0.0.1:4510). A click asks the emulator for a session (standing in for your app's
 * sign-in), then for a consent URL; the frame goes to the emulator's consent screen and comes
 * back connected. Nothing is requested until you click.
 */
export const RealRoundTripWithEmulator: Story = {
  name: 'Real round trip (emulator)',
  args: { sdk: undefined },
  render: (args) => html`
    <outbound-app-button
      app-id="google-contacts"
      app-name="Google Contacts"
      logo=${logoOf('google-contacts')}
      size=${args.size!}
      variant=${args.variant!}
      project-id="P2OutboundElementsEmulator01"
      base-url="http://localhost:4510"
      .getToken=${async () => {
        const response = await fetch('http://127.0.0.1:4510/emulator/sessions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: 'U-storybook' }),
        });
        return ((await response.json()) as { refreshJwt: string }).refreshJwt;
      }}
    ></outbound-app-button>
    <p style="font-size:13px;max-width:48ch">
      Needs the local emulator: run <code>npm start</code> first. Without it, a click ends in an
      <code>unauthenticated</code> error (the session request fails).
    </p>
  `,
};

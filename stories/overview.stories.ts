/**
 * Every state of <outbound-app-button> on one screen, in the light and the dark scheme: the
 * design review's starting point, and the source of docs/states.png
 * (`node scripts/screenshot-states.mjs`).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OutboundAppButton } from '../src/elements/outbound-app-button.js';
import { fakeCatalogSdk } from './support/fake-catalog-sdk.js';
import { fakeSdk, type FakeAnswer } from './support/fake-sdk.js';
import { appButton, logoOf, reach } from './support/render.js';

interface OverviewArgs {
  size?: 'sm' | 'md' | 'lg';
}

const meta = {
  title: 'Overview',
  parameters: { layout: 'fullscreen' },
} satisfies Meta<OverviewArgs>;

export default meta;

type Row = { state: string; appId: string; name: string; logo?: string; answer?: FakeAnswer; disabled?: boolean; reach?: 'connecting' | 'connected' | 'error' };

const rows: Row[] = [
  { state: 'Idle', appId: 'google-contacts', name: 'Google Contacts', logo: logoOf('google-contacts') },
  { state: 'Connecting', appId: 'slack', name: 'Slack', logo: logoOf('slack'), answer: { pending: true }, reach: 'connecting' },
  { state: 'Connected', appId: 'github', name: 'GitHub', logo: logoOf('github'), answer: { consent: true }, reach: 'connected' },
  { state: 'Error', appId: 'hubspot', name: 'HubSpot', logo: logoOf('hubspot'), answer: { status: 403 }, reach: 'error' },
  { state: 'Disabled', appId: 'notion', name: 'Notion', logo: logoOf('notion'), disabled: true },
  { state: 'No logo', appId: 'acme-crm', name: 'Acme CRM' },
];

const variants = ['outline', 'filled', 'ghost'] as const;

function panel(scheme: 'light' | 'dark', args: OverviewArgs) {
  return html`<section class="panel" style=${`color-scheme:${scheme}`} aria-label=${`${scheme} scheme`}>
    <table>
      <thead>
        <tr>
          <th scope="col">${scheme === 'light' ? 'Light' : 'Dark'}</th>
          ${variants.map((variant) => html`<th scope="col">${variant}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">${row.state}</th>
            ${variants.map(
              (variant) =>
                html`<td data-reach=${row.reach ?? ''} data-variant=${variant}>
                  ${appButton({
                    'app-id': row.appId,
                    'app-name': row.name,
                    logo: row.logo,
                    size: args.size ?? 'md',
                    variant,
                    disabled: row.disabled,
                    sdk: fakeSdk(row.answer ?? { consent: true }, 0),
                  })}
                </td>`,
            )}
          </tr>`,
        )}
        <tr>
          <th scope="row">Focus</th>
          ${variants.map(
            (variant) =>
              html`<td class="focus-me" data-variant=${variant}>
                ${appButton({ 'app-id': 'google-contacts', 'app-name': 'Google Contacts', logo: logoOf('google-contacts'), size: args.size ?? 'md', variant, sdk: fakeSdk() })}
              </td>`,
          )}
        </tr>
      </tbody>
    </table>
  </section>`;
}

export const States: StoryObj<OverviewArgs> = {
  tags: ['logs-errors'],
  render: (args) => html`
    <style>
      .overview {
        display: grid;
        grid-template-columns: max-content max-content;
        width: max-content;
      }
      .overview .panel {
        background: Canvas;
        color: CanvasText;
        padding: 20px 24px;
        font: 13px/1.4 system-ui, sans-serif;
      }
      .overview th {
        font-weight: 600;
        text-align: start;
        padding: 8px 16px 8px 0;
        white-space: nowrap;
      }
      .overview thead th {
        font-weight: 500;
        color: color-mix(in srgb, CanvasText 65%, Canvas);
      }
      .overview td {
        padding: 8px 16px 8px 0;
        vertical-align: top;
      }
      /* A phone (or 200 % zoom): one panel, one button per line, each named by its variant. */
      @media (max-width: 760px) {
        .overview {
          grid-template-columns: minmax(0, 1fr);
          width: auto;
        }
        .overview :is(table, tbody, tr, th, td) {
          display: block;
        }
        .overview thead {
          display: none;
        }
        .overview td::before {
          content: attr(data-variant);
          display: block;
          font-size: 12px;
          color: color-mix(in srgb, CanvasText 65%, Canvas);
        }
      }
    </style>
    <div class="overview">${panel('light', args)} ${panel('dark', args)}</div>
  `,
  play: async ({ canvasElement }) => {
    // One round trip at a time: a return also reports every other pending connection of the tab
    // as canceled (the user came back without finishing), as after a real redirect.
    for (const cell of canvasElement.querySelectorAll<HTMLElement>('td[data-reach]')) {
      const status = cell.dataset.reach as 'connecting' | 'connected' | 'error' | '';
      const button = cell.querySelector<OutboundAppButton>('outbound-app-button')!;
      if (!status) continue;
      button.shadowRoot!.querySelector('button')!.click();
      await reach(button, status);
    }
    // One keyboard-style focus per page is all a browser shows: the light outline button.
    canvasElement.querySelector<HTMLElement>('.focus-me outbound-app-button')!.focus();
  },
};

/**
 * `<outbound-app-list disconnect>` in every row state (connected, connecting, a failure with its
 * reason), light and dark, and in a 320 px column where the rows wrap: the source of
 * docs/list-states.png (`node scripts/screenshot-states.mjs overview--list-states docs/list-states.png`).
 */
export const ListStates: StoryObj<OverviewArgs> = {
  tags: ['logs-errors'],
  render: () => {
    const sdk = () => fakeCatalogSdk({ connected: ['slack', 'github'], connect: { hubspot: 'pending', notion: 503 } });
    const list = (scheme: string, width: number) => html`<section
      class="panel"
      style=${`display:inline-block;vertical-align:top;box-sizing:border-box;max-width:100%;color-scheme:${scheme};background:Canvas;color:CanvasText;padding:20px 24px`}
      aria-label=${`${scheme} scheme, ${width} px`}
    >
      <outbound-app-list disconnect .sdk=${sdk()} style=${`width:${width}px;max-width:100%`}></outbound-app-list>
    </section>`;
    return html`<div class="overview">
      ${list('light', 560)} ${list('dark', 560)} ${list('light', 320)}
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('outbound-app-list')!;
    for (const appId of ['hubspot', 'notion']) {
      let host: HTMLElement | null | undefined;
      for (let i = 0; i < 200 && !host?.shadowRoot?.querySelector('button'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        host = list.shadowRoot?.querySelector<HTMLElement>(`li[data-app-id="${appId}"] outbound-app-button`);
      }
      host!.shadowRoot!.querySelector('button')!.click();
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  },
};

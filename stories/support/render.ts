/** Shared pieces of the stories: one button from args, and waiting for a state. */
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { OutboundSdk } from '../../src/core/config.js';
import type { ButtonStatus, OutboundAppButton } from '../../src/elements/outbound-app-button.js';
import type { StringOverrides } from '../../src/elements/strings.js';

export interface ButtonArgs {
  'app-id'?: string;
  'app-name'?: string;
  label?: string;
  logo?: string;
  scopes?: string;
  size?: 'sm' | 'md' | 'lg';
  variant?: 'outline' | 'filled' | 'ghost';
  disabled?: boolean;
  'aria-label'?: string;
  sdk?: OutboundSdk;
  strings?: StringOverrides;
  /** Any `--outbound-…` token, applied as an inline custom property. */
  [token: `--${string}`]: string | undefined;
}

/** The inline style of the `--outbound-…` args that are set. */
export function tokensOf(args: object): Record<string, string> {
  return Object.fromEntries(Object.entries(args).filter(([name, value]) => name.startsWith('--') && value));
}

export function appButton(args: ButtonArgs) {
  return html`<outbound-app-button
    app-id=${args['app-id'] ?? nothing}
    app-name=${args['app-name'] || nothing}
    label=${args.label || nothing}
    logo=${args.logo || nothing}
    scopes=${args.scopes || nothing}
    size=${args.size ?? nothing}
    variant=${args.variant ?? nothing}
    aria-label=${args['aria-label'] || nothing}
    ?disabled=${args.disabled}
    .sdk=${args.sdk}
    .strings=${args.strings}
    style=${styleMap(tokensOf(args))}
  ></outbound-app-button>`;
}

/** Resolves when `button` reaches `status` (or rejects after `ms`). */
export function reach(button: OutboundAppButton, status: ButtonStatus, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (button.status === status) return void button.updateComplete.then(() => resolve());
      if (Date.now() - started > ms) return reject(new Error(`${button.appId} did not reach ${status}`));
      setTimeout(check, 25);
    };
    check();
  });
}

/** Every `<outbound-app-button>` of a story. */
export function buttonsIn(root: HTMLElement): OutboundAppButton[] {
  return [...root.querySelectorAll('outbound-app-button')];
}

/** The emulator's logos, served by Storybook next to iframe.html (relative: works under any base path). */
export const logoOf = (appId: string) => `logos/${appId}.svg`;

export const wellKnownApps = [
  { id: 'google-contacts', name: 'Google Contacts' },
  { id: 'slack', name: 'Slack' },
  { id: 'hubspot', name: 'HubSpot' },
  { id: 'github', name: 'GitHub' },
  { id: 'notion', name: 'Notion' },
];

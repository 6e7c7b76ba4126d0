import { css } from 'lit';

/** The list's look: the button's tokens (`--outbound-*`), a card of rows, light and dark. */
export const listStyles = css`
  :host {
    display: block;
    --_bg: var(--outbound-list-background, var(--outbound-button-background, light-dark(#fff, #131314)));
    --_fg: var(--outbound-button-color, light-dark(#1f1f1f, #e3e3e3));
    --_muted: var(--outbound-list-muted-color, color-mix(in srgb, var(--_fg) 68%, var(--_bg)));
    --_border: var(--outbound-list-border-color, light-dark(#dadce0, #444746));
    --_button-border: var(--outbound-button-border-color, light-dark(#747775, #8e918f));
    --_ring: var(--outbound-focus-ring-color, light-dark(#0b57d0, #a8c7fa));
    --_success: var(--outbound-success-color, light-dark(#146c2e, #6dd58c));
    --_error: var(--outbound-error-color, light-dark(#b3261e, #f2b8b5));
    --_logo: var(--outbound-list-logo-size, 32px);
    --_radius: var(--outbound-button-radius, 6px);
    color: var(--_fg);
    font: 400 var(--outbound-button-font-size, 14px) / 1.4
      var(--outbound-button-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_bg);
    overflow: hidden;
  }
  li {
    display: flex;
    align-items: center;
    gap: var(--outbound-list-gap, 12px);
    padding: var(--outbound-list-item-padding, 12px 16px);
  }
  li + li {
    border-top: 1px solid var(--_border);
  }

  [part~='logo'],
  .monogram {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_logo);
    block-size: var(--_logo);
  }
  [part~='logo'] img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }
  .monogram {
    border-radius: var(--_radius);
    background: var(--outbound-monogram-background, color-mix(in srgb, var(--_fg) 72%, var(--_bg)));
    color: var(--outbound-monogram-color, var(--_bg));
    font-size: calc(var(--_logo) * 0.5);
    font-weight: 600;
  }

  .text {
    flex: 1;
    min-width: 0;
    display: grid;
  }
  [part~='name'] {
    font-weight: 600;
  }
  [part~='description'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='status'] {
    flex: none;
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='status'].connected {
    color: var(--_success);
  }
  [part~='status'].connected::before {
    content: '✓ ';
  }
  [part~='actions'] {
    flex: none;
    display: flex;
    gap: 8px;
  }

  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_button-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font-weight: var(--outbound-button-font-weight, 500);
    cursor: pointer;
  }
  button:hover {
    background: var(--outbound-button-hover-background, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
  }
  button:focus-visible {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  button[part~='disconnect'] {
    color: var(--_error);
  }

  .message {
    margin: 0;
    padding: 16px;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) * 2);
    color: var(--_muted);
    display: flex;
    align-items: center;
    gap: 12px;
  }
  [part~='error'] {
    border-style: solid;
    border-color: var(--_error);
    color: var(--_fg);
  }

  .skeleton .bar {
    display: block;
    block-size: 0.8em;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_fg) 12%, var(--_bg));
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .skeleton .bar.short {
    inline-size: 40%;
  }
  .skeleton [part~='logo'] {
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_fg) 12%, var(--_bg));
  }
  .skeleton .text {
    gap: 6px;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .bar {
      animation: none;
    }
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

import { css } from 'lit';

/** The list's look: the button's tokens (`--outbound-*`), a card of rows, light and dark. */
export const listStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
    --_bg: var(--outbound-list-background, var(--outbound-button-background, light-dark(#fff, #131314)));
    --_fg: var(--outbound-button-color, light-dark(#1f1f1f, #e3e3e3));
    --_muted: var(--outbound-list-muted-color, color-mix(in srgb, var(--_fg) 68%, var(--_bg)));
    --_border: var(--outbound-list-border-color, light-dark(#dadce0, #444746));
    --_button-border: var(--outbound-button-border-color, light-dark(#747775, #8e918f));
    --_ring: var(--outbound-focus-ring-color, light-dark(#0b57d0, #a8c7fa));
    --_success: var(--outbound-success-color, light-dark(#146c2e, #6dd58c));
    --_error: var(--outbound-error-color, light-dark(#b3261e, #f2b8b5));
    --_logo: var(--outbound-list-logo-size, 32px);
    --_radius: var(--outbound-button-radius, 4px);
    --_tile: var(--outbound-logo-background, light-dark(transparent, #fff));
    color: var(--_fg);
    font: 400 var(--outbound-button-font-size, 14px) / 1.4
      var(--outbound-button-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }

  /* A size container: its rows wrap by the list's own width, not the viewport's. Where nothing
     gives it a width (a flex row, an inline-block), it takes 30rem, and shrinks below that. */
  ul {
    container-type: inline-size;
    contain-intrinsic-inline-size: 30rem;
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_bg);
  }
  li {
    display: grid;
    grid-template-columns: var(--_logo) minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 8px var(--outbound-list-gap, 12px);
    padding: var(--outbound-list-item-padding, 12px 16px);
  }
  li + li {
    border-top: 1px solid var(--_border);
  }
  [part~='logo'],
  .monogram {
    display: grid;
    place-items: center;
    inline-size: var(--_logo);
    block-size: var(--_logo);
  }
  /* On a dark page a logo sits on a light tile (the button's token), so a dark mark stays visible. */
  [part~='logo'] img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
    border-radius: 4px;
    background: var(--_tile);
    outline: 4px solid var(--_tile);
  }
  .monogram {
    border-radius: var(--_radius);
    background: var(--outbound-monogram-background, color-mix(in srgb, var(--_fg) 72%, var(--_bg)));
    color: var(--outbound-monogram-color, var(--_bg));
    font-size: calc(var(--_logo) * 0.5);
    font-weight: 600;
  }

  /* Long names and descriptions wrap, at any character if they must: nothing is cut. */
  .text {
    display: grid;
    overflow-wrap: anywhere;
  }
  [part~='name'] {
    font-weight: 600;
  }
  [part~='description'],
  [part~='status'] {
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
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    align-items: start;
    gap: 8px;
    min-width: 0;
  }
  /* Narrow: the status and the buttons each on a line of their own, under the name. */
  @container (max-width: 420px) {
    li {
      grid-template-columns: var(--_logo) minmax(0, 1fr);
      padding: var(--outbound-list-item-padding, 12px);
    }
    li > :not([part~='logo']) {
      grid-column: 2;
    }
    [part~='actions'] {
      justify-content: start;
    }
  }
  /* Very narrow (a phone at 200 % zoom): the status and the buttons take the row's whole width. */
  @container (max-width: 260px) {
    li > :is([part~='status'], [part~='actions']) {
      grid-column: 1 / -1;
    }
  }

  /* The row's button shows the row's logo once, in the row. */
  outbound-app-button::part(logo) {
    display: none;
  }
  [part~='actions'] > * {
    max-width: 100%;
  }

  /* Disconnect and Retry: the row button's outline, without its states. */
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    min-height: 32px;
    padding: 0 10px;
    border: 1px solid var(--_button-border);
    border-radius: var(--_radius);
    color: var(--_fg);
    font-size: var(--outbound-button-font-size, 13px);
    font-weight: var(--outbound-button-font-weight, 500);
    letter-spacing: 0.25px;
    cursor: pointer;
  }
  button:hover {
    background: var(--outbound-button-hover-background, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
  }
  button:focus-visible {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
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
    flex-wrap: wrap;
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
  /* Forced colours drop backgrounds: the placeholders are drawn in the system's grey instead. */
  @media (forced-colors: active) {
    .skeleton .bar,
    .skeleton [part~='logo'] {
      forced-color-adjust: none;
      background: GrayText;
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

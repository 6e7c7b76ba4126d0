import { css } from 'lit';

export const buttonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
    /* light-dark() follows the color-scheme the element inherits from the page: light unless the
       page (or the element) sets color-scheme to dark, or to "light dark" (then the OS decides). */
    --_bg: var(--outbound-button-background, light-dark(#fff, #131314));
    --_fg: var(--outbound-button-color, light-dark(#1f1f1f, #e3e3e3));
    --_border: var(--outbound-button-border-color, light-dark(#747775, #8e918f));
    --_ring: var(--outbound-focus-ring-color, light-dark(#0b57d0, #a8c7fa));
    --_accent: var(--outbound-accent-color, light-dark(#0b57d0, #a8c7fa));
    --_success: var(--outbound-success-color, light-dark(#146c2e, #6dd58c));
    --_error: var(--outbound-error-color, light-dark(#b3261e, #f2b8b5));
    --_logo: var(--outbound-logo-size, 20px);
  }
  :host([hidden]) {
    display: none;
  }

  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: var(--outbound-button-gap, 10px);
    width: 100%;
    min-height: var(--outbound-button-height, 40px);
    padding: 0 var(--outbound-button-padding-inline, 12px);
    border: 1px solid var(--_border);
    border-radius: var(--outbound-button-radius, 6px);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--outbound-button-font-weight, 500) var(--outbound-button-font-size, 14px) / 1.25
      var(--outbound-button-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    cursor: pointer;
    transition: background-color 0.12s;
  }
  button:hover {
    background: var(--outbound-button-hover-background, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
  }
  button:active {
    background: var(--outbound-button-active-background, color-mix(in srgb, var(--_fg) 14%, var(--_bg)));
  }
  button:focus-visible {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  :host([status='error']) button {
    border-color: var(--_error);
  }

  .media,
  [part='logo'],
  .monogram,
  .badge {
    display: grid;
    place-items: center;
  }
  .media {
    position: relative;
    flex: none;
    inline-size: var(--_logo);
    block-size: var(--_logo);
  }
  [part='logo'],
  .monogram {
    inline-size: 100%;
    block-size: 100%;
  }
  [part='logo'].busy {
    visibility: hidden;
  }
  [part='logo'] img,
  ::slotted([slot='logo']) {
    display: block;
    inline-size: var(--_logo);
    block-size: var(--_logo);
    object-fit: contain;
  }
  .monogram {
    border-radius: 4px;
    background: var(--outbound-monogram-background, color-mix(in srgb, var(--_fg) 72%, var(--_bg)));
    color: var(--outbound-monogram-color, var(--_bg));
    font-size: calc(var(--_logo) * 0.6);
    font-weight: 600;
    line-height: 1;
  }

  [part='spinner'] {
    position: absolute;
    inset: 0;
    border-radius: 50%;
    border: 2px solid color-mix(in srgb, var(--_accent) 25%, transparent);
    border-top-color: var(--_accent);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation-duration: 2.4s;
    }
    button {
      transition: none;
    }
  }

  .badge {
    position: absolute;
    inset-block-end: -4px;
    inset-inline-end: -4px;
    inline-size: 12px;
    block-size: 12px;
    border-radius: 50%;
    border: 1.5px solid var(--_bg);
  }
  /* The check and the exclamation mark are drawn in CSS: crisp at any zoom, no font needed. */
  .badge::before {
    content: '';
    box-sizing: border-box;
    border: solid var(--_bg);
  }
  .badge.connected {
    background: var(--_success);
  }
  .badge.connected::before {
    inline-size: 4px;
    block-size: 7px;
    border-width: 0 1.5px 1.5px 0;
    transform: translateY(-1px) rotate(45deg);
  }
  .badge.error {
    background: var(--_error);
  }
  .badge.error::before {
    inline-size: 0;
    block-size: 6px;
    border-width: 0 0 0 1.5px;
    border-image: linear-gradient(var(--_bg) 60%, transparent 60% 75%, var(--_bg) 75%) 1;
  }

  [part='label'] {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
    [part='spinner'] {
      border-color: GrayText;
      border-top-color: Highlight;
    }
    .badge {
      forced-color-adjust: none;
      background: CanvasText;
      --_bg: Canvas;
    }
  }
`;

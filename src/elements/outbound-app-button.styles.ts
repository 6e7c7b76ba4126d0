import { css } from 'lit';

/**
 * The look of <outbound-app-button>: calm and neutral, so it sits beside Google's and GitHub's
 * own "Continue with…" buttons. Every colour and size comes from a public `--outbound-…` token
 * with a fallback; the private `--_…` variables are those fallbacks, switched by `size`,
 * `variant` and the colour scheme.
 */
export const buttonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
    /* In a flex or grid container too, the label shrinks to an ellipsis instead of overflowing. */
    min-width: 0;
    inline-size: var(--outbound-button-width, auto);
    /* light-dark() follows the color-scheme the element inherits from the page: light unless the
       page (or the element) sets color-scheme to dark, or to "light dark" (then the OS decides). */
    --_bg: var(--outbound-button-background, light-dark(#fff, #131314));
    --_fg: var(--outbound-button-color, light-dark(#1f1f1f, #e3e3e3));
    --_border: var(--outbound-button-border-color, light-dark(#747775, #8e918f));
    /* What the badges and the monogram letter are cut out of: the button's own surface. */
    --_surface: var(--_bg);
    --_ring: var(--outbound-focus-ring-color, light-dark(#0b57d0, #a8c7fa));
    --_accent: var(--outbound-accent-color, light-dark(#0b57d0, #a8c7fa));
    --_success: var(--outbound-success-color, light-dark(#146c2e, #6dd58c));
    --_error: var(--outbound-error-color, light-dark(#b3261e, #f2b8b5));
    --_logo-bg: var(--outbound-logo-background, transparent);
    --_logo-pad: 0px;
    --_h: var(--outbound-button-height, 40px);
    --_pad: var(--outbound-button-padding-inline, 12px);
    --_gap: var(--outbound-button-gap, 10px);
    --_fs: var(--outbound-button-font-size, 14px);
    --_logo: var(--outbound-logo-size, 20px);
  }
  :host([hidden]) {
    display: none;
  }

  :host([size='sm']) {
    --_h: var(--outbound-button-height, 32px);
    --_pad: var(--outbound-button-padding-inline, 10px);
    --_gap: var(--outbound-button-gap, 8px);
    --_fs: var(--outbound-button-font-size, 13px);
    --_logo: var(--outbound-logo-size, 16px);
  }
  :host([size='lg']) {
    --_h: var(--outbound-button-height, 48px);
    --_pad: var(--outbound-button-padding-inline, 16px);
    --_gap: var(--outbound-button-gap, 12px);
    --_fs: var(--outbound-button-font-size, 16px);
    --_logo: var(--outbound-logo-size, 24px);
  }

  /* Filled: high emphasis, the scheme's opposite surface. Brand logos sit on a white tile so a
     dark logo (GitHub, Notion) stays visible; status colours switch to their on-dark/on-light
     tones. */
  :host([variant='filled']) {
    --_bg: var(--outbound-button-background, light-dark(#1f1f1f, #e3e3e3));
    --_fg: var(--outbound-button-color, light-dark(#fff, #1f1f1f));
    --_border: var(--outbound-button-border-color, transparent);
    --_accent: var(--outbound-accent-color, var(--_fg));
    --_success: var(--outbound-success-color, light-dark(#6dd58c, #146c2e));
    --_error: var(--outbound-error-color, light-dark(#f2b8b5, #b3261e));
    --_logo-bg: var(--outbound-logo-background, #fff);
    --_logo-pad: calc(var(--_logo) * 0.14);
  }
  /* Ghost: no surface until hovered, for toolbars and dense lists. */
  :host([variant='ghost']) {
    --_bg: var(--outbound-button-background, transparent);
    --_border: var(--outbound-button-border-color, transparent);
    --_surface: Canvas;
  }

  /* Explicit resets rather than \`all: unset\`, which sets every CSS property on every button. */
  button {
    appearance: none;
    margin: 0;
    outline: none;
    text-align: inherit;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_gap);
    width: 100%;
    min-height: var(--_h);
    padding: 0 var(--_pad);
    border: 1px solid var(--_border);
    border-radius: var(--outbound-button-radius, 6px);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--outbound-button-font-weight, 500) var(--_fs) / 1.25
      var(--outbound-button-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    letter-spacing: 0.01em;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  /* The tint eases in on hover; declared here only, so a page of idle buttons tracks no transition. */
  button:hover:not(:disabled) {
    background: var(--outbound-button-hover-background, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
    transition: background-color 0.12s;
  }
  button:active:not(:disabled) {
    background: var(--outbound-button-active-background, color-mix(in srgb, var(--_fg) 14%, var(--_bg)));
  }
  /* WCAG 2.2 focus appearance: a 2px ring, offset from the button so it contrasts with the page
     (#0b57d0 on white 6.6:1, #a8c7fa on #131314 10:1), never with the button's own fill. */
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

  /* One fixed box for logo, monogram, spinner and badge: the label never moves when the state
     changes. Block and flex only: a grid per box costs layout time on a page of many buttons. */
  [part='logo'] {
    position: relative;
    flex: none;
    display: block;
    inline-size: var(--_logo);
    block-size: var(--_logo);
  }
  [part='logo'].busy slot {
    visibility: hidden;
  }
  /* The filled variant's tile sits behind an image logo (own or slotted), not behind the monogram. */
  [part='logo'] img,
  ::slotted([slot='logo']) {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
    padding: var(--_logo-pad);
    border-radius: calc(var(--_logo) * 0.22);
    background: var(--_logo-bg);
    object-fit: contain;
  }
  .monogram,
  .badge {
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .monogram {
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
    border-radius: calc(var(--_logo) * 0.22);
    background: var(--outbound-monogram-background, color-mix(in srgb, var(--_fg) 72%, var(--_surface)));
    color: var(--outbound-monogram-color, var(--_surface));
    font-size: calc(var(--_logo) * 0.6);
    font-weight: 600;
    line-height: 1;
  }

  [part='spinner'] {
    visibility: visible;
    position: absolute;
    inset: calc(var(--_logo) * 0.08);
    border-radius: 50%;
    border: 2px solid color-mix(in srgb, var(--_accent) 22%, transparent);
    border-top-color: var(--_accent);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    /* Still shows that something is happening, without the fast motion. */
    [part='spinner'] {
      animation-duration: 2.4s;
    }
    button:hover:not(:disabled) {
      transition: none;
    }
  }

  /* The state badge sits on the logo's corner: a check when connected, "!" on an error. */
  .badge {
    position: absolute;
    inset-block-end: calc(var(--_logo) * -0.25);
    inset-inline-end: calc(var(--_logo) * -0.25);
    box-sizing: border-box;
    inline-size: calc(var(--_logo) * 0.7);
    block-size: calc(var(--_logo) * 0.7);
    min-inline-size: 12px;
    min-block-size: 12px;
    border-radius: 50%;
    border: 2px solid var(--_surface);
  }
  /* The check and the exclamation mark are drawn in CSS: crisp at any zoom, no font needed. */
  .badge::before {
    content: '';
    box-sizing: border-box;
    border: solid var(--_surface);
  }
  .badge.connected {
    background: var(--_success);
  }
  .badge.connected::before {
    inline-size: 32%;
    block-size: 58%;
    border-width: 0 1.5px 1.5px 0;
    transform: translateY(-10%) rotate(45deg);
  }
  .badge.error {
    background: var(--_error);
  }
  .badge.error::before {
    inline-size: 0;
    block-size: 55%;
    border-width: 0 0 0 1.5px;
    border-image: linear-gradient(var(--_surface) 60%, transparent 60% 75%, var(--_surface) 75%) 1;
  }

  /* Text never overflows: one line with an ellipsis (the full text stays the accessible name). */
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
    button:disabled {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
    :host([status='error']) button {
      border-width: 2px;
    }
    [part='spinner'] {
      border-color: GrayText;
      border-top-color: Highlight;
    }
    /* Drawn in the system's own colours: check and "!" tell the states apart by shape. */
    .badge,
    .monogram {
      forced-color-adjust: none;
      --_surface: Canvas;
    }
    .badge.connected,
    .badge.error,
    .monogram {
      background: CanvasText;
      color: Canvas;
    }
  }
  /* The Cancel control shown under the button while a popup-mode connection waits for the popup:
     it overrides the parts of the button rule that make a big button. */
  button.cancel {
    display: block;
    width: auto;
    min-height: 24px;
    margin-top: 4px;
    padding: 0 4px;
    border: 0;
    background: none;
    font-size: 0.8125rem;
    text-decoration: underline;
  }
`;

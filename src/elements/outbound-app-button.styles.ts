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
    position: relative;
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
    /* The error ring and message face the page; --_error (the "!") sits on the button's own surface. */
    --_alert: var(--outbound-error-color, light-dark(#b3261e, #f2b8b5));
    --_error: var(--_alert);
    /* On a dark page a logo sits on a light tile, so a dark mark (GitHub, Notion) keeps its contrast. */
    --_logo-bg: var(--outbound-logo-background, light-dark(transparent, #fff));
    --_h: var(--outbound-button-height, 40px);
    --_pad: var(--outbound-button-padding-inline, 12px);
    --_gap: var(--outbound-button-gap, 12px);
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
    gap: var(--_gap);
    width: 100%;
    min-height: var(--_h);
    padding: 0 var(--_pad);
    border: 1px solid var(--_border);
    border-radius: var(--outbound-button-radius, 4px);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--outbound-button-font-weight, 500) var(--_fs) / 1.43
      var(--outbound-button-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    letter-spacing: 0.25px;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  /* The tint eases in on hover; declared here only, so a page of idle buttons tracks no transition. */
  /* Google's hover: an 8% tint and a slight lift. */
  button:hover:not(:disabled) {
    background: var(--outbound-button-hover-background, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
    box-shadow: 0 1px 2px #3c404350, 0 1px 3px 1px #3c404326;
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
    border-color: var(--_alert);
  }

  /* Two fixed boxes, the logo at the start and the state (spinner, check, "!") at the end: the
     button keeps its width in every state. Block and flex only: a grid per box costs layout time. */
  [part='logo'],
  [part~='state'],
  .monogram {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: center;
    inline-size: var(--_logo);
    block-size: var(--_logo);
  }
  /* The tile (a light one on a dark page, white on filled) sits behind an image logo, drawn as an
     outline so the logo keeps its size. */
  [part='logo'] img,
  ::slotted([slot='logo']) {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border-radius: 2px;
    background: var(--_logo-bg);
    outline: 3px solid var(--_logo-bg);
    object-fit: contain;
  }
  .monogram {
    border-radius: calc(var(--_logo) * 0.22);
    background: var(--outbound-monogram-background, color-mix(in srgb, var(--_fg) 72%, var(--_surface)));
    color: var(--outbound-monogram-color, var(--_surface));
    font-size: calc(var(--_logo) * 0.6);
    font-weight: 600;
    line-height: 1;
  }
  .monogram::before {
    content: attr(data-letter);
  }

  /* While connecting, the state box is the spinner. */
  [part~='spinner'] {
    box-sizing: border-box;
    scale: 0.8;
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
    [part~='spinner'] {
      animation-duration: 2.4s;
    }
    button:hover:not(:disabled) {
      transition: none;
    }
  }

  /* The state's mark: a check when connected, "!" on an error, cut out of a disc. */
  [part~='state'] {
    position: relative;
  }
  .connected::before,
  .error::before {
    content: '';
    inline-size: 80%;
    block-size: 80%;
    border-radius: 50%;
    background: var(--_success);
  }
  .connected::after {
    content: '';
    position: absolute;
    inline-size: 18%;
    block-size: 38%;
    border: solid var(--_surface);
    border-width: 0 2px 2px 0;
    transform: translateY(-12%) rotate(45deg);
  }
  .error::before {
    content: '!';
    background: var(--_error);
    color: var(--_surface);
    font: 700 calc(var(--_logo) * 0.6) / calc(var(--_logo) * 0.8) sans-serif;
    text-align: center;
  }

  /* The reason of an error, as text under the button, as wide as the button. */
  [part='message'] {
    display: block;
    inline-size: 0;
    min-inline-size: 100%;
    margin-block-start: 4px;
    color: var(--_alert);
    font: 400 calc(var(--_fs) - 1px) / 1.35 var(--outbound-button-font-family, system-ui, sans-serif);
  }

  /* Text never overflows: one line with an ellipsis (the full text stays the accessible name).
     The other states' labels (data-fit), invisible, hold the width; the label is centred between
     logo and state box (a full-width stack keeps its logos in one column). */
  [part='label'] {
    flex: auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    text-align: center;
  }
  [part='label'][data-fit]::after {
    content: attr(data-fit);
    display: block;
    block-size: 0;
    visibility: hidden;
    white-space: pre;
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
    [part~='spinner'] {
      border-color: GrayText;
      border-top-color: Highlight;
    }
    [part='logo'] img {
      outline: 0;
    }
    /* Drawn in the system's own colours: check and "!" tell the states apart by shape. */
    [part~='state'],
    .monogram {
      forced-color-adjust: none;
      --_success: CanvasText;
      --_error: CanvasText;
      --_surface: Canvas;
    }
    .monogram {
      background: CanvasText;
      color: Canvas;
    }
  }
  /* Cancel, while a popup-mode connection waits for the popup: a × over the state box, so
     nothing around the button moves (the host is its containing block). */
  button.cancel {
    position: absolute;
    inset-block-start: calc(var(--_h) / 2 - 12px);
    inset-inline-end: calc(var(--_pad) + var(--_logo) / 2 - 12px);
    justify-content: center;
    inline-size: 24px;
    min-height: 24px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    font-size: 18px;
    line-height: 1;
  }
`;

/**
 * The design-review toolbar, applied to every story: the page's colour scheme (light, dark, or
 * the OS's), text direction, reduced motion, and the size and variant of every button (passed to
 * the story as its `size` and `variant` args, so a story's own controls still work when the
 * toolbar says "as the story says").
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

const schemes: Record<string, string> = { light: 'light', dark: 'dark', auto: 'light dark' };

export const withReviewToolbar: Decorator = (story, context) => {
  const { theme = 'light', dir = 'ltr', motion = 'full', size = 'story', variant = 'story' } = context.globals;
  const args = { ...context.args };
  if (size !== 'story') args.size = size;
  if (variant !== 'story') args.variant = variant;
  return html`<div
    class="review-frame"
    dir=${dir}
    data-motion=${motion}
    style=${`color-scheme: ${schemes[theme] ?? 'light'}`}
  >
    ${story({ ...context, args })}
  </div>`;
};

// Storybook for design review: `npm run storybook` (dev server) and `npm run build-storybook`
// (static, offline, into storybook-static/). Both generate custom-elements.json first: the docs
// pages and controls are read from it.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The emulator's app logos, served as /logos/… so no story needs the network.
  staticDirs: [{ from: '../emulator/logos', to: '/logos' }],
};

export default config;

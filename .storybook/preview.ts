// Every story gets the design-review toolbar (theme, direction, reduced motion, size, variant)
// and docs generated from custom-elements.json.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { OutboundAppButton, OutboundAppList, OutboundConnect, reportReturnsToElements } from '../src/elements/index.js';
import { simulateConsentScreen } from '../stories/support/fake-sdk.js';
import { withReviewToolbar } from '../stories/support/review-toolbar.js';

setCustomElementsManifest(manifest);
// What src/define.ts does, but for reporting returns (see afterEach). (Importing it for its side effect is not enough here: package.json's
// `sideEffects` names only dist/ files, so the bundler drops `import '../src/define.js'`, in the stories too.)
if (!customElements.get('outbound-connect')) customElements.define('outbound-connect', OutboundConnect);
if (!customElements.get('outbound-app-button')) customElements.define('outbound-app-button', OutboundAppButton);
if (!customElements.get('outbound-app-list')) customElements.define('outbound-app-list', OutboundAppList);
simulateConsentScreen();

const preview: Preview = {
  decorators: [withReviewToolbar],
  // A real redirect return (the emulator story) is reported once the first story has rendered:
  // Storybook renders after DOMContentLoaded, when define.ts would report it, so the button that
  // started the round trip would not be there yet. (Idempotent: it starts watching once.)
  afterEach: () => reportReturnsToElements(),
  globalTypes: {
    theme: {
      description: 'Colour scheme of the page around the elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'auto', title: 'Auto (follow the OS)', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    motion: {
      description: 'Motion (reduced: the spinner turns slowly, no transitions)',
      toolbar: {
        title: 'Motion',
        icon: 'play',
        items: [
          { value: 'full', title: 'Full motion' },
          { value: 'reduced', title: 'Reduced motion' },
        ],
        dynamicTitle: true,
      },
    },
    size: {
      description: 'Size of every <outbound-app-button> (overrides the story)',
      toolbar: {
        title: 'Size',
        icon: 'ruler',
        items: [
          { value: 'story', title: 'Size: as the story says' },
          { value: 'sm', title: 'Small (sm)' },
          { value: 'md', title: 'Medium (md)' },
          { value: 'lg', title: 'Large (lg)' },
        ],
        dynamicTitle: true,
      },
    },
    variant: {
      description: 'Variant of every <outbound-app-button> (overrides the story)',
      toolbar: {
        title: 'Variant',
        icon: 'paintbrush',
        items: [
          { value: 'story', title: 'Variant: as the story says' },
          { value: 'outline', title: 'Outline' },
          { value: 'filled', title: 'Filled' },
          { value: 'ghost', title: 'Ghost' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', motion: 'full', size: 'story', variant: 'story' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
    a11y: { test: 'error' },
  },
};

export default preview;

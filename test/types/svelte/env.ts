// Svelte 5: `import type {} from 'outbound-elements/types/svelte'` once; the tags are then
// SvelteHTMLElements (properties where the element has them, `on<event>` listeners).
import type {} from 'outbound-elements/types/svelte';

// Vue: `import type {} from 'outbound-elements/types/vue'` once; the tags are then GlobalComponents.
import type {} from 'outbound-elements/types/vue';

/**
 * The drop-in, for `<script type="module" src=".../outbound-elements.js">`: Lit and the elements
 * in one file (the connect code and the Descope SDK load on first use), every element defined,
 * and `configure()` for a page to `import { configure } from '.../outbound-elements.js'`.
 */
import './define.js';

export { configure } from './core/config.js';
export { OutboundAppButton, OutboundConnect } from './elements/index.js';
export { OutboundAppList } from './elements/index.js';

/**
 * Registers the elements and starts reporting redirect returns. Safe to run twice, and safe when
 * another copy of the package already did (the first definition stays). Does nothing outside a
 * browser, so importing it during server-side rendering or in a build tool does not throw; under a
 * server renderer's DOM shim (a `customElements` without a `window`) it registers the elements.
 */
// First, so a security-policy refusal of our requests is on record for diagnose() (tiny).
import './core/policy-violations.eager.js';
import { OutboundAppButton } from './elements/outbound-app-button.js';
import { OutboundAppList } from './elements/outbound-app-list.js';
import { OutboundConnect } from './elements/outbound-connect.js';
import { reportReturnsToElements } from './elements/return-reporting.js';

declare global {
  interface HTMLElementTagNameMap {
    'outbound-app-button': OutboundAppButton;
    'outbound-connect': OutboundConnect;
    'outbound-app-list': OutboundAppList;
  }
}

function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

// A registry without a window is a server renderer's (@lit-labs/ssr's DOM shim): the elements are
// defined there too, so that they render on the server; returns are a browser's only.
if (typeof customElements !== 'undefined') {
  define('outbound-connect', OutboundConnect);
  define('outbound-app-button', OutboundAppButton);
  define('outbound-app-list', OutboundAppList);
  if (typeof window !== 'undefined' && typeof document !== 'undefined') reportReturnsToElements();
}

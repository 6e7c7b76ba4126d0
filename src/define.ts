/**
 * Registers the elements and starts reporting redirect returns. Safe to run twice, and safe when
 * another copy of the package already did (the first definition stays). Does nothing outside a
 * browser, so importing it during server-side rendering or in a build tool does not throw.
 */
import { watchRedirectReturnLazily } from './core/return-watch.js';
import { loadOnDemand } from './elements/on-demand-loader.js';
import { returnTargetFor } from './elements/live-elements.js';
import { OutboundAppButton } from './elements/outbound-app-button.js';
import { OutboundConnect } from './elements/outbound-connect.js';

declare global {
  interface HTMLElementTagNameMap {
    'outbound-app-button': OutboundAppButton;
    'outbound-connect': OutboundConnect;
  }
}

const WATCHING = Symbol.for('outbound-elements.watching-returns');

function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined' && window.customElements) {
  define('outbound-connect', OutboundConnect);
  define('outbound-app-button', OutboundAppButton);
  const page = window as unknown as Record<symbol, boolean>;
  if (!page[WATCHING]) {
    page[WATCHING] = true;
    watchRedirectReturnLazily(loadOnDemand, { resolveTarget: returnTargetFor });
  }
}

// Server-side rendering: every element renders with @lit-labs/ssr (its DOM shim: a
// `customElements` and `HTMLElement`, no `window`, no `document`) into declarative shadow DOM, in
// the settings a server page may give it. The Next.js example (test/frameworks/) does the same
// through a whole framework; this is the quick check of each element and setting.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

// The built package (dist/ exists once the build step ran), as a page's server would import it.
await import(new URL('../../dist/define.js', import.meta.url).href);

/** @param {import('lit').TemplateResult} template */
const serverHtml = async (template) => collectResult(render(template));

test('the button renders its label in declarative shadow DOM, whatever its settings', async () => {
  const settings = [
    html`<outbound-app-button app-id="github" app-name="GitHub"></outbound-app-button>`,
    html`<outbound-app-button app-id="github" app-name="GitHub" mode="auto"></outbound-app-button>`,
    html`<outbound-app-button app-id="github" app-name="GitHub" mode="popup" check-status></outbound-app-button>`,
    html`<outbound-app-button app-id="github" app-name="GitHub" compact size="lg" variant="filled"></outbound-app-button>`,
    html`<outbound-app-button app-id="google-contacts"></outbound-app-button>`,
  ];
  for (const template of settings) {
    const out = await serverHtml(template);
    assert.match(out, /<template shadowroot(mode)?="open"/, 'a declarative shadow root');
    assert.match(out, /<button[^>]*part="button"/, 'the inner button');
    assert.match(out, /Connect (GitHub|Google Contacts)/, 'the label, readable before any script runs');
  }
});

test('the provider and the list render on the server too', async () => {
  const out = await serverHtml(html`<outbound-connect project-id="P2abc"><outbound-app-list disconnect></outbound-app-list></outbound-connect>`);
  assert.match(out, /<outbound-connect[^>]*>\s*(<!--[^>]*-->\s*)*<template shadowroot(mode)?="open"/);
  assert.match(out, /<outbound-app-list[^>]*>\s*(<!--[^>]*-->\s*)*<template shadowroot(mode)?="open"/);
});

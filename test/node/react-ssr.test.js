// @ts-check
// outbound-elements/react rendered on a server (Next.js, Remix, renderToString in Node): the HTML
// holds the tags and the host's own attributes, never a prop the client sets as a property (an
// `appid="…"` the element ignores, a stringified scopes list, a function's source), so hydration
// finds what the client renders; useReturnOutcome() is undefined there. Runs against dist/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';

const { OutboundAppButton, OutboundAppList, OutboundConnect, useReturnOutcome } = await import(
  new URL('../../dist/react/index.js', import.meta.url).href
);

test('element props stay out of the server HTML; class and data attributes stay in', () => {
  const html = renderToString(
    h(
      OutboundConnect,
      { projectId: 'P2x', baseUrl: 'https://api.descope.com', tenantLevel: true },
      h(OutboundAppButton, {
        appId: 'slack',
        scopes: ['chat:write', 'channels:read'],
        getToken: () => 'session-token',
        returnState: { tab: 'integrations' },
        onConnectError: () => {},
        className: 'connect',
        'data-testid': 'slack',
      }),
      h(OutboundAppList, { apps: ['slack'], disconnect: true, onDisconnect: () => {} }),
    ),
  );
  assert.equal(
    html,
    '<outbound-connect><outbound-app-button class="connect" data-testid="slack"></outbound-app-button><outbound-app-list></outbound-app-list></outbound-connect>',
  );
});

test('useReturnOutcome() is undefined on the server', () => {
  function Outcome() {
    const outcome = useReturnOutcome('slack');
    return h('output', null, outcome ? outcome.kind : 'none');
  }
  assert.equal(renderToString(h(Outcome)), '<output>none</output>');
});

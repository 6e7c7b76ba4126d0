/**
 * Debug mode: off, the console hears nothing of it; on (`<outbound-connect debug>`,
 * `configure({ debug: true })`), the diagnose() report once, grouped, and each connect step.
 * The report is printed once per page, so these tests run in order.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { configure } from '../../../src/core/config.js';
import { readRedirectReturn } from '../../../src/core/redirect-return.js';
import type { OutboundAppButton } from '../../../src/elements/outbound-app-button.js';
import { emulator, isolateEachTest, setUrl, until } from '../support.js';

type Line = { kind: string; text: string };

/** Records every console line (groups too) as text, until `restore()`. */
function recordConsole(): { lines: Line[]; restore: () => void } {
  const lines: Line[] = [];
  const kinds = ['info', 'warn', 'error', 'groupCollapsed', 'groupEnd'] as const;
  const originals = kinds.map((kind) => console[kind]);
  kinds.forEach((kind) => {
    console[kind] = (...args: unknown[]) => lines.push({ kind, text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') });
  });
  return { lines, restore: () => kinds.forEach((kind, i) => (console[kind] = originals[i] as never)) };
}

const steps = (lines: Line[]) => lines.map((l) => /^\[outbound-elements\] debug: (\w+)/.exec(l.text)?.[1]).filter(Boolean);
const inner = (el: Element) => el.shadowRoot!.querySelector('button')!;

describe('debug mode', () => {
  const recorder = isolateEachTest({ signedIn: true });
  afterEach(() => configure({ debug: undefined }));

  it('is off by default: a connection logs no step and prints no report', async () => {
    const el = await fixture<OutboundAppButton>(html`<outbound-app-button app-id="google-contacts" project-id=${emulator.projectId} base-url=${emulator.baseUrl}></outbound-app-button>`);
    const said = recordConsole();
    try {
      const navigated = recorder().next();
      inner(el).click();
      await navigated;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      said.restore();
    }
    expect(said.lines).to.deep.equal([]);
  });

  it('<outbound-connect debug>: the report once, grouped, then start, request (token source), answer, navigate; never a token', async () => {
    const token = localStorage.getItem('DSR')!;
    const said = recordConsole();
    try {
      const provider = await fixture(html`<outbound-connect debug project-id=${emulator.projectId} base-url=${emulator.baseUrl}>
        <outbound-app-button app-id="google-contacts"></outbound-app-button>
        <outbound-app-button app-id="slack"></outbound-app-button>
      </outbound-connect>`);
      const [first, second] = provider.querySelectorAll('outbound-app-button');
      const navigated = recorder().next();
      inner(first!).click();
      await navigated;
      await until(() => steps(said.lines).includes('navigate'), 'the navigate step');
      const again = recorder().next();
      inner(second!).click();
      await again;
      await until(() => steps(said.lines).filter((s) => s === 'navigate').length === 2, 'the second navigate step');
    } finally {
      said.restore();
    }
    const groups = said.lines.filter((l) => l.kind === 'groupCollapsed');
    expect(groups.length, 'the report is printed once').to.equal(1);
    expect(groups[0]!.text).to.match(/^\[outbound-elements\] diagnose\(\): nothing in the way/);
    expect(said.lines.findIndex((l) => l.kind === 'groupCollapsed')).to.be.below(said.lines.findIndex((l) => l.text.includes('debug: start')));
    expect(steps(said.lines)).to.deep.equal(['start', 'request', 'answer', 'navigate', 'start', 'request', 'answer', 'navigate']);
    const request = said.lines.find((l) => l.text.includes('debug: request'))!;
    expect(request.text).to.contain('the persisted session (localStorage \\"DSR\\"');
    expect(said.lines.find((l) => l.text.includes('debug: answer'))!.text).to.contain('"status":200');
    expect(said.lines.map((l) => l.text).join('\n')).to.not.contain(token.split('.')[1]);
  });

  it('configure({ debug: true }): a return this tab did not start is logged as ignored, and why', async () => {
    configure({ debug: true });
    setUrl(`${location.pathname}?outbound-return=0123456789abcdef0123456789abcdef`);
    const said = recordConsole();
    try {
      readRedirectReturn();
      await until(() => steps(said.lines).includes('return'), 'the return step');
    } finally {
      said.restore();
    }
    const line = said.lines.find((l) => l.text.includes('debug: return'))!;
    expect(line.text).to.contain('"recognised":false').and.to.contain('did not save');
  });
});

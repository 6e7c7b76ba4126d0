// Benchmark: what rendering a page of buttons costs, against a named anchor.
//
// Three contestants, side by side in one Chromium run, each on a page of its own:
//   lit      — the anchor: a minimal Lit element with the same shadow content as ours (a
//              <button>, an <img>, a label) and a few lines of CSS: the floor for a Lit button;
//   ours     — <outbound-app-button app-id app-name logo> from the built drop-in (dist/cdn);
//   descope  — Descope's own <descope-outbound-app-button label icon-src>
//              (@descope-ui/descope-outbound-app-button, a dev dependency of this bench).
// Each run inserts 1,000 elements at once and measures, with performance.now(), from the insert
// until every shadow tree is rendered and laid out: the upgrade, the element's own render (Lit's
// updateComplete), and a forced layout that reads the last inner button's box. No animation
// frame is waited for (a frame-based figure rounds to 16.7 ms). Contestants alternate run by run;
// the medians and their ratios are printed.
// Usage: npm run build && node bench/render.mjs [runs=15] [count=1000]
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const runs = Number(process.argv[2] ?? 15);
const count = Number(process.argv[3] ?? 1000);
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'bench-render-'));

const LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><rect width="20" height="20" rx="4" fill="#1a73e8"/></svg>')}`;

// The anchor, written the way a minimal Lit element is: shadow DOM, the same three nodes.
writeFileSync(
  join(work, 'lit-button.js'),
  `import { LitElement, html, css } from 'lit';
class MinimalButton extends LitElement {
  static properties = { appName: { attribute: 'app-name' }, logo: {} };
  static styles = css\`
    :host { display: inline-block; }
    button { display: inline-flex; align-items: center; gap: 10px; min-height: 40px; padding: 0 12px;
      border: 1px solid #747775; border-radius: 6px; background: #fff; color: #1f1f1f; font: 500 14px system-ui; }
    img { width: 20px; height: 20px; }
  \`;
  render() {
    return html\`<button type="button"><img src=\${this.logo} alt="" /><span>Connect \${this.appName}</span></button>\`;
  }
}
customElements.define('minimal-button', MinimalButton);`,
);
writeFileSync(join(work, 'descope-button.js'), `import '@descope-ui/descope-outbound-app-button';`);
for (const name of ['lit-button', 'descope-button']) {
  await build({
    entryPoints: [join(work, `${name}.js`)],
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(work, `${name}.bundle.js`),
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
}

const contestants = {
  lit: { script: '/lit-button.bundle.js', tag: 'minimal-button', markup: `<minimal-button app-name="Google Contacts" logo="${LOGO}"></minimal-button>` },
  ours: {
    script: '/outbound-elements.js',
    tag: 'outbound-app-button',
    markup: `<outbound-app-button app-id="google-contacts" app-name="Google Contacts" logo="${LOGO}"></outbound-app-button>`,
  },
  descope: {
    script: '/descope-button.bundle.js',
    tag: 'descope-outbound-app-button',
    markup: `<descope-outbound-app-button label="Connect Google Contacts" icon-src="${LOGO}"></descope-outbound-app-button>`,
  },
};

const files = {
  '/lit-button.bundle.js': () => readFileSync(join(work, 'lit-button.bundle.js')),
  '/descope-button.bundle.js': () => readFileSync(join(work, 'descope-button.bundle.js')),
};
const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  const name = pathname.slice(1).replace(/\.html$/, '');
  if (contestants[name]) {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="${contestants[name].script}"></script></head><body></body></html>`);
    return;
  }
  let body;
  try {
    body = files[pathname]?.() ?? (/^\/[\w.-]+\.js$/.test(pathname) ? readFileSync(join(root, 'dist/cdn', pathname)) : undefined);
  } catch {
    body = undefined;
  }
  if (body === undefined) res.writeHead(404).end();
  else res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
const pages = {};
for (const [name, { tag }] of Object.entries(contestants)) {
  const page = await browser.newPage();
  await page.goto(`${origin}/${name}.html`);
  await page.evaluate((t) => customElements.whenDefined(t), tag);
  pages[name] = page;
}

/** One run in the page: insert `n` elements, wait for their render, force layout; ms. */
async function measure(page, markup, n) {
  return page.evaluate(
    async ({ markup, n }) => {
      const host = document.createElement('div');
      const html = markup.repeat(n);
      const start = performance.now();
      host.innerHTML = html;
      document.body.append(host);
      const elements = [...host.children];
      await Promise.all(elements.map((el) => el.updateComplete));
      const last = elements.at(-1);
      (last.shadowRoot?.querySelector('button, descope-button') ?? last).getBoundingClientRect();
      void document.body.offsetHeight; // forces layout
      const ms = performance.now() - start;
      host.remove();
      return ms;
    },
    { markup, n },
  );
}

const times = { lit: [], ours: [], descope: [] };
const order = Object.keys(contestants);
for (let run = 0; run < runs + 2; run++) {
  // The first two runs warm up the JIT and the style caches; they are not counted.
  for (const name of run % 2 ? [...order].reverse() : order) {
    const ms = await measure(pages[name], contestants[name].markup, count);
    if (run >= 2) times[name].push(ms);
  }
}
await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const m = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
console.log(`render + layout of ${count} buttons, median of ${runs} runs (Chromium ${browser.version()}):`);
for (const name of order) console.log(`  ${name.padEnd(8)} ${m[name].toFixed(1).padStart(8)} ms`);
console.log(`ours / lit (anchor):  ${(m.ours / m.lit).toFixed(2)}×   (target ≤ 1.5×)`);
console.log(`descope / ours:       ${(m.descope / m.ours).toFixed(2)}×   (target ≥ 3×)`);

// Benchmark: what lazy loading buys before the first button paints.
//
// Builds two drop-ins from the same sources, side by side in one run:
//   lazy  — the shipped one (dist/cdn): Lit + elements first; connect code and SDK on demand;
//   eager — the same code with every dynamic import inlined into one file (as a naive bundle).
// Then loads a page of 20 buttons with each, alternately, in Chromium with a 4× CPU slowdown,
// on loopback and on an emulated slow mobile network (150 ms RTT, 1.6 Mbit/s), and prints the
// medians and their ratios: bytes before paint and time to the first painted button.
// Usage: npm run build && node bench/first-paint.mjs [runs=15]
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const runs = Number(process.argv[2] ?? 15);
const root = new URL('..', import.meta.url).pathname;
const eagerDir = mkdtempSync(join(tmpdir(), 'bench-eager-'));

// The eager variant: the built drop-in and every chunk it imports, inlined into one file.
const bundle = await rollup({ input: join(root, 'dist/cdn/outbound-elements.js') });
await bundle.write({ dir: eagerDir, format: 'es', inlineDynamicImports: true });
await bundle.close();

const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="${script}"></script></head><body>
${Array.from({ length: 20 }, (_, i) => `<outbound-app-button app-id="app-${i}" app-name="App ${i}" project-id="P2bench"></outbound-app-button>`).join('\n')}
</body></html>`;

/** The bytes of `/lazy/x.js` or `/eager/x.js`, or undefined. */
function fileOf(pathname) {
  const [, variant, file] = pathname.match(/^\/(lazy|eager)\/([\w.-]+\.js)$/) ?? [];
  try {
    return variant ? readFileSync(join(variant === 'lazy' ? join(root, 'dist/cdn') : eagerDir, file)) : undefined;
  } catch {
    return undefined;
  }
}

const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let body;
  if (url.pathname === '/lazy.html') body = page('/lazy/outbound-elements.js');
  else if (url.pathname === '/eager.html') body = page('/eager/outbound-elements.js');
  else body = fileOf(url.pathname);
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(url.pathname)] ?? 'text/plain', 'cache-control': 'no-store' });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });

const NETWORKS = {
  loopback: undefined,
  'slow mobile': { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};

async function measure(variant, network) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await tab.goto(`${origin}/${variant}.html`);
  const { ms, scripts } = await tab.evaluate(async () => {
    await customElements.whenDefined('outbound-app-button');
    const button = document.querySelector('outbound-app-button');
    await button.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const paint = performance.now();
    // The scripts the page asked for before its first painted button (later ones did not delay it).
    const before = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime <= paint)
      .map((entry) => new URL(entry.name).pathname);
    return { ms: paint, scripts: before };
  });
  const bytes = scripts.reduce((sum, path) => sum + gzipSync(fileOf(path), { level: 9 }).length, 0);
  await context.close();
  return { ms, bytes };
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`first paint of 20 buttons, ${runs} runs each, 4× CPU slowdown (medians)`);
for (const [name, network] of Object.entries(NETWORKS)) {
  const results = { lazy: [], eager: [] };
  for (let i = 0; i < runs; i++) {
    for (const variant of i % 2 ? ['eager', 'lazy'] : ['lazy', 'eager']) results[variant].push(await measure(variant, network));
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([variant, list]) => [variant, { ms: median(list.map((r) => r.ms)), bytes: median(list.map((r) => r.bytes)) }]),
  );
  console.log(`${name}:`);
  for (const [variant, { ms, bytes }] of Object.entries(summary)) {
    console.log(`  ${variant.padEnd(5)} ${ms.toFixed(0).padStart(5)} ms   ${(bytes / 1024).toFixed(1).padStart(5)} KiB gzip before paint`);
  }
  console.log(`  eager/lazy: time ${(summary.eager.ms / summary.lazy.ms).toFixed(2)}×, bytes ${(summary.eager.bytes / summary.lazy.bytes).toFixed(2)}×`);
}
await browser.close();
server.close();
rmSync(eagerDir, { recursive: true, force: true });

// docs/states.png: the "Overview / States" story (every state, light and dark) in headless
// Chromium, from the static Storybook (`npm run build-storybook` first); docs/list-states.png:
// `overview--list-states docs/list-states.png`.
// Usage: node scripts/screenshot-states.mjs [story-id] [out.png] [--rtl] [--size=lg]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from './chrome.mjs';

const [storyId = 'overview--states', out = 'docs/states.png', ...flags] = process.argv.slice(2);
const globals = ['theme:light', ...flags.filter((f) => f.startsWith('--')).map((f) => (f === '--rtl' ? 'dir:rtl' : f.slice(2).replace('=', ':')))];
const root = resolve('storybook-static');
const types = /** @type {Record<string, string>} */ ({ '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' });
const server = createServer((req, res) => {
  const file = join(root, normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${storyId}&viewMode=story&globals=${globals.join(';')}`);
  await page.waitForFunction(
    (id) => ['finished', 'completed'].includes(/** @type {any} */ (window).__STORYBOOK_PREVIEW__?.storyRenders?.find((/** @type {any} */ r) => r.id === id)?.phase),
    storyId,
    { timeout: 20000 },
  );
  // Freeze the spinner at a readable angle.
  await page.addStyleTag({ content: 'outbound-app-button::part(spinner){animation-play-state:paused;animation-delay:-0.3s}' });
  const target = (await page.$('.overview')) ?? (await page.$('#storybook-root'));
  await /** @type {import('playwright-core').ElementHandle} */ (target).screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}

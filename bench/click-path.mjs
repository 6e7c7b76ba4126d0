// Measurement: how many of our modules run from a click on <outbound-app-button> to the
// navigation to the consent page (target: at most 12).
//
// Serves the unbundled build (dist/, one file per source module; lit and the Descope SDK bundled
// once each through an import map) and the local emulator on 127.0.0.1, signs a visitor in,
// lets the pointer reach the button (which loads the connect code, as on a real page), then
// counts with V8's precise coverage the functions that run between the click and the
// navigation, and prints the modules they belong to.
// Usage: npm run build && node bench/click-path.mjs
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startEmulator } from '../emulator/server.js';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';

const root = new URL('..', import.meta.url).pathname;
const vendor = mkdtempSync(join(tmpdir(), 'click-path-'));
for (const [name, entry] of [['lit', 'lit'], ['sdk', '@descope/web-js-sdk']]) {
  await build({ stdin: { contents: `export * from '${entry}'; ${name === 'sdk' ? `export { default } from '${entry}';` : ''}`, resolveDir: root }, bundle: true, format: 'esm', outfile: join(vendor, `${name}.js`), logLevel: 'error' });
}

const emulator = await startEmulator({ port: 0 });
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>click path</title>
<script type="importmap">{ "imports": { "lit": "/vendor/lit.js", "@descope/web-js-sdk": "/vendor/sdk.js" } }</script>
<script type="module" src="/dist/define.js"></script></head><body>
<outbound-app-button app-id="google-contacts" app-name="Google Contacts" logo="data:image/png;base64,AA=="
  project-id="${emulator.projectId}" base-url="${emulator.baseUrl}"></outbound-app-button></body></html>`;
const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  let body;
  try {
    if (pathname === '/') body = page;
    else if (pathname.startsWith('/vendor/')) body = readFileSync(join(vendor, pathname.slice(8)));
    else if (pathname.startsWith('/dist/') && !pathname.includes('..')) body = readFileSync(join(root, pathname));
  } catch {
    body = undefined;
  }
  if (body === undefined) res.writeHead(404).end();
  else res.writeHead(200, { 'content-type': pathname === '/' ? 'text/html' : 'text/javascript' }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs });
const tab = await browser.newPage();
await tab.goto(`${origin}/`);
const session = await (await fetch(`${emulator.baseUrl}/emulator/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' })).json();
await tab.evaluate((jwt) => localStorage.setItem('DSR', jwt), session.refreshJwt);
await tab.hover('outbound-app-button'); // the connect code loads on approach, as on a real page
await tab.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/dist/elements/on-demand.js')));
await tab.waitForTimeout(300);

const cdp = await tab.context().newCDPSession(tab);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
await cdp.send('Profiler.takePreciseCoverage'); // counts start from here
// The navigation to the consent page is where the path ends: answered 204 No Content, so the
// browser stays on this page and its scripts' coverage can still be read.
await tab.route('**/*', (route) =>
  route.request().isNavigationRequest() && !route.request().url().startsWith(origin) ? route.fulfill({ status: 204 }) : route.continue(),
);
const leaving = tab.waitForRequest((request) => request.isNavigationRequest() && !request.url().startsWith(origin), { timeout: 10_000 });
await tab.click('outbound-app-button');
const navigation = await leaving;
const { result } = await cdp.send('Profiler.takePreciseCoverage');
await browser.close();
server.close();
await emulator.close();
rmSync(vendor, { recursive: true, force: true });

const ours = result
  .filter((script) => script.url.startsWith(`${origin}/dist/`))
  // Any function that ran, but the module's own top level (the first entry, from offset 0).
  .filter((script) => script.functions.some((fn) => fn.ranges[0].count > 0 && fn.ranges[0].startOffset > 0))
  .map((script) => script.url.slice(origin.length + 1));
console.log(`from the click to the navigation to ${new URL(navigation.url()).origin}…`);
console.log(`${ours.length} of our modules ran (target: at most 12):`);
for (const file of ours.sort()) console.log(`  ${file}`);

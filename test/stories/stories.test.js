// The story test: every story of stories/*.stories.ts renders in Chromium, logs no console
// error, and has no axe violation, in the light and the dark theme. It runs on the static
// Storybook (storybook-static/, built first when missing: `npm run build-storybook`), served
// here on 127.0.0.1 at an ephemeral port. One browser, one page, one test per story.
//
// Then a reflow pass (WCAG 1.4.10): each story again in a 320 px window, and at 200 % zoom (a
// 160 CSS px window: what a 320 px window lays out at 200 %), failing on horizontal overflow (the page scrolls
// sideways, or a box of ours sticks out of the window) or on overlapping text.
//
// Two tags relax the console check for what a story shows on purpose: `logs-errors` allows the
// library's own "[outbound-elements] …" developer messages (error states), `broken-logo` allows
// the browser's 404 for a logo that does not exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

const root = resolve(process.env.STORYBOOK_STATIC ?? 'storybook-static');
if (!existsSync(join(root, 'index.json'))) {
  const built = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build-storybook failed');
}

/** @type {{ entries: Record<string, { id: string, type: string, title: string, name: string, tags?: string[] }> }} */
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const types = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
});

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  // The browser asks every new host for a favicon; Storybook's frame has none to give.
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {string} */
let base;
/** @type {string[]} */
let logged = [];

before(async () => {
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: chromePath, args: chromeArgs, headless: true });
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text());
  });
  page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`));
});

after(async () => {
  await browser?.close();
  server.close();
});

/** Allowed console errors for a story's tags. @param {string[]} tags */
function allowed(tags) {
  /** @type {RegExp[]} */
  const patterns = [];
  if (tags.includes('logs-errors')) patterns.push(/^\[outbound-elements\] /);
  if (tags.includes('broken-logo')) patterns.push(/^Failed to load resource: .*404/);
  return (/** @type {string} */ text) => patterns.some((pattern) => pattern.test(text));
}

/**
 * Opens the story in `theme` and waits until it has rendered and its play function has run.
 * @param {string} id @param {string} theme
 */
async function openStory(id, theme) {
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=theme:${theme}`);
  await page.waitForFunction(
    (storyId) => {
      const preview = /** @type {any} */ (window).__STORYBOOK_PREVIEW__;
      const render = preview?.storyRenders?.find((/** @type {any} */ r) => r.id === storyId);
      return ['finished', 'completed', 'errored', 'aborted'].includes(render?.phase) || document.body.classList.contains('sb-show-errordisplay');
    },
    id,
    { timeout: 15000 },
  );
  return page.evaluate((storyId) => {
    const preview = /** @type {any} */ (window).__STORYBOOK_PREVIEW__;
    const render = preview.storyRenders.find((/** @type {any} */ r) => r.id === storyId);
    return {
      phase: render?.phase,
      error: document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent : undefined,
      elements: [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('outbound-')).length,
      // An element Storybook never defined renders nothing, and axe finds nothing wrong with it.
      undefinedTags: [...new Set([...document.querySelectorAll('#storybook-root *')].map((el) => el.localName))].filter(
        (tag) => tag.startsWith('outbound-') && !customElements.get(tag),
      ),
    };
  }, id);
}

async function axeViolations() {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const result = await axe.run('#storybook-root', { resultTypes: ['violations'] });
    return result.violations.map(
      (/** @type {any} */ v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((/** @type {any} */ n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/**
 * What does not reflow in the current window: the page's sideways scroll, any box (in the shadow
 * trees too) reaching outside the window, and any two runs of visible text that overlap.
 */
function reflowProblems() {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    /** @param {Node} root @returns {Element[]} */
    const deep = (root) => [...(/** @type {Element|ShadowRoot} */ (root)).querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    const all = deep(/** @type {Element} */ (document.querySelector('#storybook-root')));
    const name = (/** @type {Element} */ el) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}${el.id ? `#${el.id}` : ''}`;
    /** Painted: not clipped away as a visually hidden live region is, not transparent. */
    const painted = (/** @type {Element} */ el) => {
      for (let node = /** @type {Element | null} */ (el); node; node = node.parentElement ?? /** @type {any} */ (node.getRootNode()).host ?? null) {
        const style = getComputedStyle(node);
        if (style.clipPath !== 'none' || style.opacity === '0' || style.visibility === 'hidden') return false;
      }
      return true;
    };
    /** The part of `el`'s box left visible by the ancestors that clip (a label's ellipsis, a card). */
    const visible = (/** @type {Element} */ el) => {
      const r = el.getBoundingClientRect();
      let [left, right] = [r.left, r.right];
      /** The parent in the flat tree (a slotted node's is its slot). @param {Element} n */
      const up = (n) => n.assignedSlot ?? n.parentElement ?? /** @type {any} */ (n.getRootNode()).host ?? null;
      for (let node = up(el); node; node = up(node)) {
        if (getComputedStyle(node).overflowX === 'visible') continue;
        const c = node.getBoundingClientRect();
        [left, right] = [Math.max(left, c.left), Math.min(right, c.right)];
      }
      return { left, right, width: right - left, height: r.height };
    };
    for (const el of all) {
      const r = visible(el);
      if (r.width > 1 && r.height > 1 && (r.left < -1 || r.right > width + 1) && painted(el)) problems.push(`${name(el)} outside the window (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
    }
    const runs = [];
    for (const el of all) {
      for (const node of el.childNodes) {
        if (node.nodeType !== 3 || !node.textContent?.trim() || ['STYLE', 'SCRIPT'].includes(el.tagName) || !painted(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) runs.push({ node, r, text: node.textContent.trim().slice(0, 30) });
      }
    }
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        if (runs[i].node === runs[j].node) continue; // one text's own boxes (lines, an ellipsis)
        const [a, b] = [runs[i].r, runs[j].r];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 2 && y > 2) problems.push(`"${runs[i].text}" overlaps "${runs[j].text}"`);
      }
    }
    return [...new Set(problems)].slice(0, 10);
  });
}

for (const story of stories) {
  test(`story ${story.title} › ${story.name}`, async () => {
    const tolerated = allowed(story.tags ?? []);
    for (const theme of ['light', 'dark']) {
      logged = [];
      const state = await openStory(story.id, theme);
      assert.equal(state.error, undefined, `${theme}: the story failed to render: ${state.error}`);
      assert.ok(['finished', 'completed'].includes(state.phase), `${theme}: the story ended in phase ${state.phase}`);
      assert.ok(state.elements > 0, `${theme}: no outbound element rendered`);
      assert.deepEqual(state.undefinedTags, [], `${theme}: elements the preview never defined`);
      const violations = await axeViolations();
      assert.deepEqual(violations, [], `${theme}: axe violations`);
      const errors = logged.filter((text) => !tolerated(text));
      assert.deepEqual(errors, [], `${theme}: console errors`);
    }
  });

  test(`story ${story.title} › ${story.name} reflows at 320 px and at 200 % zoom`, async () => {
    try {
      // A 320 px window at 200 % zoom lays out 160 CSS px wide.
      for (const [label, width] of /** @type {const} */ ([['320 px', 320], ['200 % zoom', 160]])) {
        await page.setViewportSize({ width, height: 800 });
        await openStory(story.id, 'light');
        await page.waitForTimeout(50);
        assert.deepEqual(await reflowProblems(), [], `${label}: does not reflow`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });
}

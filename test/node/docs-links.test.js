// @ts-check
/**
 * The README and docs/*.md link to each other: every relative link must name a file that exists,
 * every `#anchor` a heading of that file (GitHub's anchor rules), and the README must link every
 * page in docs/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(ROOT, 'docs');
const PAGES = ['README.md', ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** The text outside fenced code blocks, with inline code spans kept as plain text. @param {string} markdown */
function prose(markdown) {
  let fence = '';
  return markdown
    .split('\n')
    .map((line) => {
      const open = /^\s*(```+|~~~+)/.exec(line);
      if (open && (!fence || open[1].startsWith(fence))) {
        fence = fence ? '' : open[1];
        return '';
      }
      return fence ? '' : line;
    })
    .join('\n');
}

/**
 * GitHub's anchor for a heading: the rendered text, lower-cased, with everything but letters,
 * digits, spaces, `-` and `_` removed and spaces turned into `-`; repeats get `-1`, `-2`, ….
 * @param {string} markdown
 * @returns {Set<string>}
 */
function anchorsOf(markdown) {
  const anchors = new Set();
  /** @type {Map<string, number>} */
  const seen = new Map();
  for (const line of prose(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
      .replace(/`([^`]*)`/g, '$1') // code spans: their content
      .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, '$1'); // emphasis
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

/** Every link and image target outside code. @param {string} markdown @returns {string[]} */
function linksOf(markdown) {
  const text = prose(markdown).replace(/`[^`\n]*`/g, 'code');
  return [...text.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

test('GitHub anchors: code spans, angle brackets, punctuation and repeats', () => {
  const anchors = anchorsOf('# A\n## `<outbound-app-button>`\n## The session: which token\n## Popup or redirect?\n## A\n```\n# not a heading\n```\n');
  assert.deepEqual([...anchors], ['a', 'outbound-app-button', 'the-session-which-token', 'popup-or-redirect', 'a-1']);
  assert.deepEqual(linksOf('[x](a.md#b) `[y](nope.md)` ![z](img.png "title")\n```\n[w](nope.md)\n```\n'), ['a.md#b', 'img.png']);
});

for (const page of PAGES) {
  test(`${page}: every relative link and #anchor resolves`, () => {
    const broken = [];
    for (const target of linksOf(readFileSync(join(ROOT, page), 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:…
      const [path, anchor] = target.split('#', 2);
      const file = path ? join(dirname(join(ROOT, page)), decodeURIComponent(path)) : join(ROOT, page);
      if (!existsSync(file)) {
        broken.push(`${target}: ${relative(ROOT, file)} does not exist`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!file.endsWith('.md')) {
        broken.push(`${target}: an anchor into a file that is not Markdown`);
        continue;
      }
      const anchors = anchorsOf(readFileSync(file, 'utf8'));
      if (!anchors.has(decodeURIComponent(anchor).toLowerCase())) {
        broken.push(`${target}: ${relative(ROOT, file)} has no heading #${anchor} (it has: ${[...anchors].join(', ')})`);
      }
    }
    assert.deepEqual(broken, [], `broken links in ${page}`);
  });
}

test('the README links every page in docs/', () => {
  const linked = new Set(linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((t) => t.split('#')[0]));
  const missing = PAGES.filter((p) => p.startsWith('docs/') && !linked.has(p));
  assert.deepEqual(missing, [], 'docs pages the README does not link');
});

// @ts-check
// The shape a newcomer can read (issue: one connection model): few element files, short
// functions, popup mode and the redirect-return protocol in at most three modules each, and a
// `./core` entry that exports what a host needs and nothing else. Counted from the sources with
// the TypeScript compiler, so a regression fails here rather than in a review.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = new URL('../../', import.meta.url).pathname;

/** @param {string} dir @returns {string[]} */
const sources = (dir) =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

test('src/elements holds at most 15 files', () => {
  const files = readdirSync(join(root, 'src/elements'));
  assert.ok(files.length <= 15, `${files.length} files: ${files.join(', ')}`);
});

test('no function in src/ is longer than 40 lines', () => {
  /** @type {string[]} */
  const long = [];
  for (const file of sources('src')) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    /** @param {ts.Node} node */
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.end).line;
        if (end - start + 1 > 40) long.push(`${file}:${start + 1} (${end - start + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(long, []);
});

test('popup mode lives in at most three modules, the redirect-return protocol in at most three', () => {
  const core = readdirSync(join(root, 'src/core'));
  const popup = core.filter((name) => name.startsWith('popup-'));
  const redirect = core.filter((name) => name.startsWith('redirect-return') || name === 'pending-store.ts');
  assert.ok(popup.length <= 3, `popup: ${popup.join(', ')}`);
  assert.ok(redirect.length <= 3, `redirect return: ${redirect.join(', ')}`);
});

test('outbound-elements/core exports what a host needs, and nothing else', async () => {
  const core = await import(new URL('../../dist/core/index.js', import.meta.url).href);
  assert.deepEqual(Object.keys(core).sort(), [
    'ERROR_CODES',
    'OutboundError',
    'configure',
    'connect',
    'diagnose',
    'getReturnOutcomes',
    'onReturnOutcome',
    'refreshCatalog',
    'relayPopupReturn',
    'watchRedirectReturn',
  ]);
});

// Checks the drop-in's size budgets (budgets.json): the entry, which is everything that loads
// before a button paints, and the entry plus every chunk it can import. Prints the figures.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8'));
const entry = new URL('../dist/cdn/outbound-elements.js', import.meta.url).pathname;

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The entry and every file it imports, statically or dynamically, transitively.
 * @param {string} file
 * @param {Set<string>} [seen]
 */
function reachable(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:from\s*|import\s*\(\s*)["'](\.\/[^"']+)["']/g)) {
    reachable(join(dirname(file), spec), seen);
  }
  return seen;
}

/**
 * Files the entry imports statically: they load before the button paints, so they count as entry.
 * @param {string} file
 */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  // `import … from`, a bare `import "…"`, and a re-export (`export { … } from`, a facade's shape).
  return [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.\/[^"']+)["']/g)].map(([, spec]) => join(dirname(file), spec));
}

const files = [...reachable(entry)];
// Chunks that load only when a page calls diagnose() or turns debug mode on: not part of a
// connection's download, so they have a budget of their own within the total.
const toolsOnly = (/** @type {string} */ file) => /\/(diagnose|debug-report)-[\w-]+\.js$/.test(file);
const connectPathBytes = files.filter((file) => !toolsOnly(file)).reduce((sum, file) => sum + gzipped(file), 0);
const beforePaint = [entry, ...staticImports(entry)];
const entryBytes = beforePaint.reduce((sum, file) => sum + gzipped(file), 0);
const totalBytes = files.reduce((sum, file) => sum + gzipped(file), 0);

/** @type {[string, number, number][]} */
const checks = [
  ['drop-in entry (loads before paint)', entryBytes, budgets.dropInEntryGzipBytes],
  ['drop-in entry + every chunk a connection can load', connectPathBytes, budgets.dropInConnectPathGzipBytes],
  ['drop-in entry + every chunk it can import (diagnose and debug included)', totalBytes, budgets.dropInTotalGzipBytes],
];
for (const file of files) console.log(`  ${file.replace(/.*\/dist\//, 'dist/').padEnd(44)} ${String(gzipped(file)).padStart(6)} B gzip`);
let failed = 0;
for (const [name, bytes, budget] of checks) {
  const ok = bytes <= budget;
  if (!ok) failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}: ${(bytes / 1024).toFixed(2)} KiB of ${(budget / 1024).toFixed(2)} KiB`);
}
console.log(`budgets: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

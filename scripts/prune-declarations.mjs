// After the build: removes the .d.ts files of dist/ that no exported declaration reaches (tsc
// writes one per module, internal helpers included), so the package ships only the types its
// `exports` name and what they import.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** @param {unknown} target @returns {string[]} */
const typesOf = (target) =>
  !target || typeof target !== 'object'
    ? []
    : Object.entries(target).flatMap(([key, value]) => (key === 'types' && typeof value === 'string' ? [value] : typesOf(value)));

/** @type {Set<string>} */
const reached = new Set();
/** @param {string} file */
function visit(file) {
  if (reached.has(file)) return;
  reached.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.\.?\/[^"']+)["']/g)) {
    visit(normalize(join(dirname(file), spec.replace(/\.js$/, '.d.ts'))));
  }
}
[...typesOf(pkg.exports), pkg.types].map((file) => normalize(file)).forEach(visit);

/** @param {string} dir @returns {string[]} */
const declarations = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? declarations(join(dir, entry.name)) : entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [],
  );
const pruned = declarations('dist').filter((file) => !reached.has(file));
for (const file of pruned) rmSync(file);
console.log(`prune-declarations: kept ${reached.size} .d.ts files, removed ${pruned.length} that no export reaches`);

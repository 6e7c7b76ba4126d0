// The framework recipes of docs/frameworks.md and the README are the example apps' own code
// (examples/frameworks/): each recipe is the `#region recipe` … `#endregion` of one app file,
// copied between `<!-- recipe: NAME -->` and `<!-- /recipe -->` in the docs.
//
//   node scripts/recipes.mjs          rewrites the docs from the apps
//   node scripts/recipes.mjs --check  exits 1, naming each recipe, when a doc and its app differ
//
// test/node/recipes.test.js runs the check, so the docs cannot drift from the apps that
// test/frameworks/ builds, type-checks and drives in Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));

/**
 * Each recipe: the app file it comes from, and the fence's language.
 * @type {Record<string, { file: string, lang: string }>}
 */
export const RECIPES = {
  host: { file: 'examples/frameworks/shared/index.js', lang: 'js' },
  react19: { file: 'examples/frameworks/react19/src/ConnectGitHub.tsx', lang: 'tsx' },
  react18: { file: 'examples/frameworks/react18/src/ConnectGitHub.tsx', lang: 'tsx' },
  next: { file: 'examples/frameworks/next/app/connect-github.tsx', lang: 'tsx' },
  'next-config': { file: 'examples/frameworks/next/next.config.js', lang: 'js' },
  vue: { file: 'examples/frameworks/vue/src/ConnectGitHub.vue', lang: 'vue' },
  'vue-config': { file: 'examples/frameworks/vue/vite.config.ts', lang: 'ts' },
  svelte: { file: 'examples/frameworks/svelte/src/ConnectGitHub.svelte', lang: 'svelte' },
  solid: { file: 'examples/frameworks/solid/src/ConnectGitHub.tsx', lang: 'tsx' },
  preact: { file: 'examples/frameworks/preact/src/ConnectGitHub.tsx', lang: 'tsx' },
  angular: { file: 'examples/frameworks/angular/src/app/connect-github.ts', lang: 'ts' },
};

/** The documents that hold recipes. */
export const DOCS = ['docs/frameworks.md', 'README.md'];

const REGION_START = /^\s*(?:\/\/|<!--)\s*#region recipe\b.*$/;
const REGION_END = /^\s*(?:\/\/|<!--)\s*#endregion\b.*$/;

/**
 * The recipe region of an app file; the whole file when it has none.
 * @param {string} name
 */
export function recipeCode(name) {
  const recipe = RECIPES[name];
  if (!recipe) throw new Error(`unknown recipe "${name}" (known: ${Object.keys(RECIPES).join(', ')})`);
  const lines = readFileSync(new URL(recipe.file, `file://${REPO}`), 'utf8').split('\n');
  const start = lines.findIndex((line) => REGION_START.test(line));
  if (start === -1) return lines.join('\n').trimEnd();
  const end = lines.findIndex((line, i) => i > start && REGION_END.test(line));
  if (end === -1) throw new Error(`${recipe.file}: #region recipe without #endregion`);
  return lines.slice(start + 1, end).join('\n').trimEnd();
}

const BLOCK = /(<!-- recipe: ([\w-]+) -->\n)([\s\S]*?)(<!-- \/recipe -->)/g;

/**
 * A document with every recipe block filled from its app.
 * @param {string} text
 */
export function fill(text) {
  return text.replace(BLOCK, (_, open, name, _old, close) => {
    const { lang, file } = RECIPES[name] ?? {};
    if (!lang) throw new Error(`unknown recipe "${name}"`);
    const header = lang === 'vue' || lang === 'svelte' ? `<!-- ${file} -->` : `// ${file}`;
    return `${open}\`\`\`${lang}\n${header}\n${recipeCode(name)}\n\`\`\`\n${close}`;
  });
}

/** The recipes a document names, in order. @param {string} text */
export function recipesIn(text) {
  return [...text.matchAll(BLOCK)].map((m) => m[2]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const doc of DOCS) {
    const path = new URL(doc, `file://${REPO}`);
    const text = readFileSync(path, 'utf8');
    const filled = fill(text);
    if (filled === text) continue;
    if (check) {
      const old = [...text.matchAll(BLOCK)];
      const fresh = [...filled.matchAll(BLOCK)];
      old.forEach((m, i) => { if (m[3] !== fresh[i][3]) console.error(`${doc}: recipe "${m[2]}" differs from ${RECIPES[m[2]]?.file}`); });
      stale++;
    } else {
      writeFileSync(path, filled);
      console.log(`${doc}: recipes rewritten from the example apps`);
    }
  }
  if (check && stale) {
    console.error('Run node scripts/recipes.mjs to copy the apps\' code into the docs.');
    process.exitCode = 1;
  }
}

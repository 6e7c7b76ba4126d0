// @ts-check
// The framework recipes in docs/frameworks.md and the README are the example apps' code
// (scripts/recipes.mjs copies it): they must not drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOCS, RECIPES, fill, recipesIn } from '../../scripts/recipes.mjs';

const read = (/** @type {string} */ path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

for (const doc of DOCS) {
  test(`${doc}: every recipe is the code of its example app (node scripts/recipes.mjs copies it)`, () => {
    const text = read(doc);
    assert.ok(recipesIn(text).length > 0, `${doc} has no recipe block`);
    const filled = fill(text);
    for (const name of recipesIn(text)) {
      const block = (/** @type {string} */ t) => t.slice(t.indexOf(`<!-- recipe: ${name} -->`), t.indexOf('<!-- /recipe -->', t.indexOf(`<!-- recipe: ${name} -->`)));
      assert.equal(block(text), block(filled), `${doc}: recipe "${name}" differs from ${RECIPES[name].file}: run node scripts/recipes.mjs`);
    }
  });
}

test('docs/frameworks.md has a recipe from every example app', () => {
  const named = new Set(recipesIn(read('docs/frameworks.md')));
  for (const name of Object.keys(RECIPES)) assert.ok(named.has(name), `docs/frameworks.md lacks the "${name}" recipe`);
});

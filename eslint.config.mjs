// Lint: TypeScript's recommended rules, Lit template checks, accessibility of templates, and
// custom-element conventions. Runs as part of `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  // examples/frameworks/ holds framework apps checked by their own tools (test/frameworks/).
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'storybook-static/', 'test-results/', 'examples/frameworks/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { lit, 'lit-a11y': litA11y, wc },
    languageOptions: { globals: globals.browser },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'wc/guard-super-call': 'off', // LitElement always has these callbacks
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Stories and the Storybook config run in the browser (the preview) or in Node (main.ts).
    files: ['stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['test/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['emulator/**/*.js', 'scripts/**/*.mjs', 'test/node/**/*.js', 'test/e2e/**/*.js', 'test/frameworks/**/*.js', 'test/stories/**/*.js', '*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Callbacks passed to page.evaluate() run in the browser.
    files: ['test/e2e/**/*.js', 'test/frameworks/**/*.js', 'test/stories/**/*.js', 'bench/**/*.mjs', 'scripts/screenshot-states.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/e2e/fixtures/**/*.js', 'examples/**/*.js'],
    languageOptions: { globals: { ...globals.browser, Descope: 'readonly' } },
    // Fixture scripts are plain browser scripts, deliberately outside the typecheck.
    rules: { '@typescript-eslint/ban-ts-comment': 'off' },
  },
);

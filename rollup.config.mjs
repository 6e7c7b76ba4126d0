// Two builds:
// 1. dist/ — unbundled ES modules with .d.ts files, `lit` and `@descope/web-js-sdk` left as bare
//    imports, for bundlers (the package's `exports`).
// 2. dist/cdn/ — the self-contained drop-in for <script type="module">: the small entry
//    `outbound-elements.js`, the browser module it loads, and the SDK chunk loaded at first connect.
import { readFileSync, rmSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

// Every build starts from an empty dist/: stale content-hashed chunks must not linger. (The
// configs build in order, so this runs once, first.)
const cleanDist = { name: 'clean-dist', buildStart: () => rmSync('dist', { recursive: true, force: true }) };

// The drop-in creates its SDK without `fpKey`, so web-js-sdk never calls FingerprintJS Pro's
// `load()`; a stub in its place keeps ~2 KiB (gzip) of unused code out of the download.
const withoutFingerprintJs = {
  name: 'without-fingerprintjs',
  resolveId: (id) => (id === '@fingerprintjs/fingerprintjs-pro' ? '\0fingerprintjs-stub' : null),
  load: (id) =>
    id === '\0fingerprintjs-stub'
      ? 'export const defaultEndpoint = "", defaultScriptUrlPattern = "";' +
        'export const load = () => Promise.reject(new Error("FingerprintJS is not part of the outbound-elements drop-in"));'
      : null,
};

const isExternal = (id) => /^(lit|@lit\/|@lit-labs\/|lit-html|lit-element|@descope\/|react(\/|$))/.test(id);

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'core/index': 'src/core/index.ts',
      'elements/index': 'src/elements/index.ts',
      'react/index': 'src/react/index.ts',
      'locales/fr': 'src/locales/fr.ts',
      'locales/de': 'src/locales/de.ts',
      'locales/es': 'src/locales/es.ts',
      'locales/ja': 'src/locales/ja.ts',
      'locales/pt-BR': 'src/locales/pt-BR.ts',
      'locales/he': 'src/locales/he.ts',
      'locales/ar': 'src/locales/ar.ts',
    },
    external: isExternal,
    plugins: [
      cleanDist,
      typescript({
        tsconfig: './tsconfig.build.json',
        exclude: ['src/cdn.ts'],
        declaration: true,
        // No maps in dist/: a declaration map cannot carry its source and would point at src/,
        // which the package does not ship; the modules are readable as they are (see README).
        declarationMap: false,
        sourceMap: false,
        outDir: 'dist',
      }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: false,
      // The React components use hooks: a client module for React Server Components (Next.js).
      banner: (chunk) => (chunk.fileName === 'react/index.js' ? "'use client';" : ''),
    },
  },
  {
    input: { 'outbound-elements': 'src/cdn.ts' },
    // Lazy chunks may import shared code from the entry itself: one file before paint, no facade.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      withoutFingerprintJs,
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
      typescript({
        tsconfig: './tsconfig.json',
        declaration: false,
        declarationMap: false,
        // The drop-in is minified: its maps carry their sources, so a stack trace reads as code.
        inlineSources: true,
        outDir: 'dist/cdn',
      }),
      minifyTemplateLiterals({ include: ['src/**/*.ts'] }),
      terser({
        ecma: 2022,
        module: true,
        format: { comments: false },
        compress: { passes: 3 },
      }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      chunkFileNames: '[name]-[hash].js',
      manualChunks: (id) => (id.includes('/node_modules/') && !/\/node_modules\/(lit|@lit)/.test(id) ? 'descope-sdk' : undefined),
      // Lit reads `document` and extends `HTMLElement` as it loads. These module-scoped stand-ins
      // are the real ones in a browser and inert objects elsewhere, so that importing the drop-in
      // in Node (SSR, build tools) does not throw; define.ts registers nothing there.
      intro: 'const{HTMLElement=class{},document={createTreeWalker(){}}}=globalThis;',
    },
  },
  // 3. The popup-mode callback page (dist/cdn/callback.html + callback.js), self-contained, for a
  //    host to serve from its own origin.
  {
    input: { callback: 'src/callback/callback.ts' },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', declaration: false, declarationMap: false, inlineSources: true, outDir: 'dist/cdn' }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
      {
        name: 'callback-html',
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: 'callback.html', source: readFileSync('src/callback/callback.html', 'utf8') });
        },
      },
    ],
    output: { dir: 'dist/cdn', format: 'es', sourcemap: true },
  },
];

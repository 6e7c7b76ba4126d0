// React and react-dom ship CommonJS only; the test runner serves ES modules. Run as a script, this
// bundles each React entry the tests import into one ES module (esbuild, development build),
// react itself shared so every import sees one React, into node_modules/.cache/; as a
// @web/dev-server plugin, it points the tests' imports there.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The bare specifier → the CommonJS file whose exports it has in a browser. */
const ENTRIES = {
  react: 'react',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom/client',
  'react-dom/server': 'react-dom/server.browser',
};
const DIR = 'node_modules/.cache/react-esm';
const fileOf = (/** @type {string} */ specifier) => `${DIR}/${specifier.replace('/', '__')}.js`;

async function bundleAll() {
  const { buildSync } = await import('esbuild');
  const require = createRequire(import.meta.url);
  const sources = `${DIR}/src`;
  mkdirSync(sources, { recursive: true });
  const entryPoints = Object.entries(ENTRIES).map(([specifier, file]) => {
    const names = Object.keys(require(file)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
    const entry = `${sources}/${specifier.replace('/', '__')}.js`;
    writeFileSync(entry, `import * as m from ${JSON.stringify(require.resolve(file))};\nexport const { ${names.join(', ')} } = m;\nexport default m.default ?? m;\n`);
    return entry;
  });
  // One build with code splitting: React's own modules land in shared chunks, loaded once.
  buildSync({
    entryPoints,
    outdir: DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
}

/** The plugin: bundles first (in a child process, before the runner starts its own services). */
export function reactAsEsm() {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('could not bundle React for the browser tests');
  return {
    name: 'react-as-esm',
    /** @param {{ source: string }} args */
    resolveImport: ({ source }) => (source in ENTRIES ? `/${fileOf(source)}` : undefined),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleAll();
  process.exit(0); // react-dom/server's scheduler keeps Node's event loop alive
}

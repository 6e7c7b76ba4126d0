#!/usr/bin/env node
// @ts-check
/**
 * `outbound-emulator`: the local Descope emulator, for a laptop or a host app's CI.
 * `npm start` runs it with --demo: the demo host page (and its small backend) next to it, or,
 * with --base-url, only the demo page pointed at a real Descope project.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, DEFAULT_PROJECT_ID, DEFAULT_MANAGEMENT_KEY } from './server.js';
import { DEMO_USER } from './store.js';
import { parseOrigin } from './local-only.js';

// The demo page lives in the repository's examples/ folder, which the npm package does not ship:
// the installed bin neither offers nor accepts --demo.
const inRepository = existsSync(new URL('../examples/index.html', import.meta.url));

const DEMO_HELP = `  --demo                 also serve the demo host page and its backend (what npm start does)
  --app-port <n>         port of the demo page (default 4511; with --demo)
  --base-url <url>       demo page only, against this real Descope API (with --demo; needs --project-id)
`;

const HELP = `Usage: outbound-emulator [options]

  --port <n>             port of the emulated Descope API (default 4510; 0 picks a free one)
  --host <host>          interface to listen on (default 127.0.0.1)
  --project-id <id>      project ID (default ${DEFAULT_PROJECT_ID})
  --management-key <k>   management key for Bearer <projectId>:<key> (default ${DEFAULT_MANAGEMENT_KEY})
  --apps <file.json>     the outbound apps: a JSON array of {id, name, description?, logo?,
                         defaultScopes?, defaultRedirectUrl?, provider?} (default: the built-in five)
  --state <file.json>    keep users, connections, tokens and app changes in this file across restarts
  --allow-origin <url>   let pages of this origin call the emulator (repeatable); loopback
                         origins (localhost, 127.0.0.1, [::1]) always may, others never do
  --quiet                do not log each request
${inRepository ? DEMO_HELP : ''}  --help                 show this help
`;

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}

/** @param {string | undefined} value @param {string} flag @param {number} fallback */
function portOf(value, flag, fallback) {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) fail(`${flag} must be a port number (0-65535), got '${value}'`);
  return port;
}

/** @type {Record<string, string | boolean | string[] | undefined>} */
let args = {};
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'project-id': { type: 'string' },
      'management-key': { type: 'string' },
      apps: { type: 'string' },
      state: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      demo: { type: 'boolean' },
      'app-port': { type: 'string' },
      'base-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  fail(`${err instanceof Error ? err.message : err}\n\n${HELP}`);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** @param {string} name */
const str = (name) => /** @type {string | undefined} */ (args[name]);
const allowedOrigins = /** @type {string[] | undefined} */ (/** @type {unknown} */ (args['allow-origin'])) ?? [];
for (const origin of allowedOrigins) {
  try {
    parseOrigin(origin);
  } catch (err) {
    fail(`--allow-origin ${err instanceof Error ? err.message : err}`);
  }
}
const host = String(args.host);
const apiPort = portOf(str('port'), '--port', 4510);
const appPort = portOf(str('app-port'), '--app-port', 4511);
const baseUrlArg = str('base-url');
const projectIdArg = str('project-id');
const managementKey = str('management-key') ?? DEFAULT_MANAGEMENT_KEY;
const demo = Boolean(args.demo);
if (!inRepository && (demo || baseUrlArg || args['app-port'] !== undefined)) {
  fail(`--demo, --app-port and --base-url run the demo page from the outbound-elements repository (npm start); the installed package has no demo.\n\n${HELP}`);
}
if (baseUrlArg && !demo) fail('--base-url only applies to the demo page: add --demo');
if (baseUrlArg && !projectIdArg) fail('--base-url needs --project-id (the Descope project that URL serves)');
if (baseUrlArg && !URL.canParse(baseUrlArg)) fail(`--base-url must be an absolute URL, got '${baseUrlArg}'`);

/** @type {import('./store.js').App[] | undefined} */
let apps;
const appsFile = str('apps');
if (appsFile) {
  try {
    apps = JSON.parse(await readFile(appsFile, 'utf8'));
  } catch (err) {
    fail(`--apps ${appsFile}: ${err instanceof SyntaxError ? 'not valid JSON' : err instanceof Error ? err.message : err}`);
  }
}

/** @type {Array<{ close(): Promise<void> }>} */
const running = [];
/** @type {Awaited<ReturnType<typeof startEmulator>> | undefined} */
let emulator;
try {
  let apiBaseUrl = /** @type {string} */ (baseUrlArg);
  let projectId = projectIdArg ?? DEFAULT_PROJECT_ID;
  if (!baseUrlArg) {
    const stateFile = str('state');
    emulator = await startEmulator({
      host, port: apiPort, projectId, managementKey, apps, quiet: Boolean(args.quiet), allowedOrigins,
      stateFile: stateFile ? resolve(stateFile) : undefined,
    });
    running.push(emulator);
    ({ baseUrl: apiBaseUrl, projectId } = emulator);
    console.log(`
  Descope API:      ${apiBaseUrl} (emulator)
  Project ID:       ${projectId}
  Management key:   ${managementKey === DEFAULT_MANAGEMENT_KEY ? `${managementKey} (the default)` : '(as given with --management-key)'}
  Token page:       ${apiBaseUrl}/emulator/tokens
  Provider API:     ${apiBaseUrl}/provider/google/v1/people/me/connections
  Sign-in:          ${DEMO_USER.loginId} / ${DEMO_USER.password}${stateFile ? `\n  State file:       ${resolve(stateFile)}` : ''}`);
  }
  if (demo) {
    // Only the demo needs these (and @descope/node-sdk, a devDependency): not the bin's users.
    const { startDemoServer } = await import('./demo-server.js');
    const { createDemoBackend } = await import('./demo-backend.js');
    const backend = baseUrlArg ? undefined : await createDemoBackend({ apiBaseUrl, projectId, managementKey });
    const page = await startDemoServer({ host, port: appPort, apiBaseUrl, projectId, backend });
    running.push(page);
    // On loopback the demo page's origin is allowed anyway; on another --host it must be named.
    emulator?.allowOrigin(new URL(page.url).origin);
    console.log(`  Demo page:        ${page.url}${baseUrlArg ? `\n  Descope API:      ${apiBaseUrl} (real Descope)\n  Project ID:       ${projectId}` : ''}`);
  }
  console.log('\n  Press Ctrl-C to stop.\n');
} catch (err) {
  await Promise.all(running.map((s) => s.close()));
  const e = /** @type {NodeJS.ErrnoException & { port?: number }} */ (err);
  if (e.code === 'EADDRINUSE') fail(`Port ${e.port} is already in use: choose another with --port <n> (API) or --app-port <n> (demo page).`);
  if (e.code === 'EACCES') fail(`Not allowed to listen on port ${e.port}: choose another with --port <n> or --app-port <n>.`);
  fail(`Cannot start the emulator: ${e instanceof Error ? e.message : e}`);
}

/** @param {string} signal */
async function stop(signal) {
  console.log(`\n${signal}: stopping.`);
  await Promise.all(running.map((s) => s.close()));
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: the Descope emulator API plus the demo host page, or, with --base-url, only the
 * demo page pointed at a real Descope project.
 */
import { parseArgs } from 'node:util';
import { startEmulator, DEFAULT_PROJECT_ID } from './server.js';
import { startDemoServer } from './demo-server.js';
import { DEMO_USER } from './store.js';

const HELP = `Usage: node emulator/cli.js [options]

  --port <n>         port of the emulated Descope API (default 4510)
  --app-port <n>     port of the demo page (default 4511)
  --host <host>      interface to listen on (default 127.0.0.1)
  --project-id <id>  project ID (default ${DEFAULT_PROJECT_ID})
  --base-url <url>   use this real Descope API instead of the emulator (needs --project-id)
  --help             show this help
`;

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}

/** @param {string | undefined} value @param {string} flag @param {number} fallback */
function portOf(value, flag, fallback) {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`${flag} must be a port number, got '${value}'`);
  return port;
}

/** @type {ReturnType<typeof parseArgs>['values']} */
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string' },
      'app-port': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'project-id': { type: 'string' },
      'base-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  fail(`${err instanceof Error ? err.message : err}\n\n${HELP}`);
  throw err; // unreachable; tells the type checker `args` is set
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const host = String(args.host);
const apiPort = portOf(/** @type {string | undefined} */ (args.port), '--port', 4510);
const appPort = portOf(/** @type {string | undefined} */ (args['app-port']), '--app-port', 4511);
const baseUrlArg = /** @type {string | undefined} */ (args['base-url']);
const projectIdArg = /** @type {string | undefined} */ (args['project-id']);
if (baseUrlArg && !projectIdArg) fail('--base-url needs --project-id (the Descope project that URL serves)');
if (baseUrlArg && !URL.canParse(baseUrlArg)) fail(`--base-url must be an absolute URL, got '${baseUrlArg}'`);

/** @type {Array<{ close(): Promise<void> }>} */
const running = [];
try {
  let apiBaseUrl = /** @type {string} */ (baseUrlArg);
  let projectId = projectIdArg ?? DEFAULT_PROJECT_ID;
  if (!baseUrlArg) {
    const emulator = await startEmulator({ host, port: apiPort, projectId, quiet: false });
    running.push(emulator);
    ({ baseUrl: apiBaseUrl, projectId } = emulator);
  }
  const demo = await startDemoServer({ host, port: appPort, apiBaseUrl, projectId });
  running.push(demo);

  console.log(`
  Demo page:   ${demo.url}
  Descope API: ${apiBaseUrl}${baseUrlArg ? ' (real Descope)' : ' (emulator)'}
  Project ID:  ${projectId}
${baseUrlArg ? '' : `  Demo login:  ${DEMO_USER.loginId} / ${DEMO_USER.password}\n`}
  Press Ctrl-C to stop.
`);
} catch (err) {
  await Promise.all(running.map((s) => s.close()));
  const e = /** @type {NodeJS.ErrnoException & { port?: number }} */ (err);
  if (e.code === 'EADDRINUSE') fail(`Port ${e.port} is already in use: choose another with --port <n> (API) or --app-port <n> (demo page).`);
  if (e.code === 'EACCES') fail(`Not allowed to listen on port ${e.port}: choose another with --port <n> or --app-port <n>.`);
  throw err;
}

/** @param {string} signal */
async function stop(signal) {
  console.log(`\n${signal}: stopping.`);
  await Promise.all(running.map((s) => s.close()));
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

// @ts-check
/**
 * Serves a built example app on 127.0.0.1 (an ephemeral port), with `/descope-config.js`
 * pointing at the emulator the test started: a directory of static files (a single-page app,
 * `index.html` for any path without a file), or a running server (Next.js) proxied.
 */
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** @param {import('node:http').Server} server @returns {Promise<number>} */
function listen(server) {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
  });
}

/** A free port on 127.0.0.1, for a server that must be told its port. */
async function freePort() {
  const server = createServer();
  const port = await listen(server);
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * @param {{ projectId: string, baseUrl: string }} config
 * @param {{ dir?: string, nextDir?: string, nextBin?: string }} what
 * @returns {Promise<{ url: string, close: () => Promise<void>, log: () => string }>}
 */
export async function serveApp(config, what) {
  const configJs = `window.descopeConfig = ${JSON.stringify(config)};\n`;
  let upstream = 0;
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let childLog = '';
  if (what.nextDir && what.nextBin) {
    upstream = await freePort();
    child = spawn(what.nextBin, ['start', '-H', '127.0.0.1', '-p', String(upstream)], {
      cwd: what.nextDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c) => (childLog += c));
    child.stderr?.on('data', (c) => (childLog += c));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${upstream}/descope-config.js`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`next start did not answer within 30 s:\n${childLog}`);
      }
      await sleep(200);
    }
  }
  const root = what.dir ? resolve(what.dir) : '';

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/descope-config.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
      res.end(configJs);
      return;
    }
    if (upstream) {
      const proxied = request({ host: '127.0.0.1', port: upstream, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      proxied.on('error', () => { res.writeHead(502); res.end(); });
      req.pipe(proxied);
      return;
    }
    let file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (!isFile) file = join(root, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  server.keepAliveTimeout = 1000;
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    log: () => childLog,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child?.once('exit', r)), sleep(3000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

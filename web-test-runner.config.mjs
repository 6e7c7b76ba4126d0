// Unit and browser tests in real Chromium. The real @descope/web-js-sdk talks HTTP to the local
// Descope emulator, started here on an ephemeral port and stopped with the runner.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { startEmulator } from './emulator/server.js';
import { chromeArgs, chromePath } from './scripts/chrome.mjs';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';
import { reactAsEsm } from './scripts/wtr-react-esm.mjs';

let emulator;

/**
 * `executeServerCommand('emulate-forced-colors', 'active' | 'none')`: Windows High Contrast as
 * Chromium emulates it (the runner's own emulateMedia has no forced colours for this launcher).
 */
const forcedColorsPlugin = {
  name: 'emulate-forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    await session.browser.getPage(session.id).emulateMediaFeatures([{ name: 'forced-colors', value: payload }]);
    return true;
  },
};

const emulatorPlugin = {
  name: 'descope-emulator',
  async serverStart() {
    emulator = await startEmulator({ port: 0 });
  },
  async serverStop() {
    await emulator?.close();
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  // The test page and the emulator share the loopback host name 127.0.0.1, so the elements' own
  // base-url attributes count as the page's site (core/trusted-api.ts: on loopback, the same
  // host name), as a page and its local API do in development.
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // One page at a time: keyboard tests need the focused page, and the suite takes seconds anyway.
  concurrency: 1,
  // a11ySnapshot(): the accessible names Chromium computes (tests of icon-only buttons).
  // reactAsEsm: React and react-dom (CommonJS) as ES modules, for outbound-elements/react's tests.
  plugins: [emulatorPlugin, forcedColorsPlugin, a11ySnapshotPlugin(), reactAsEsm(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: [...chromeArgs, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'wtr-chrome-'))}`],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><title>outbound-elements tests</title></head>
  <body>
    <script>window.__EMULATOR__ = ${JSON.stringify({ baseUrl: emulator.baseUrl, projectId: emulator.projectId })};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  testFramework: { config: { timeout: 8000 } },
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
  },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countsReporter('test-results/browser.json')],
};

// `npm test`: every check and suite in order, then one line `N passed, N failed` over all of
// them. A check that is not a test suite (typecheck, lint, build) counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  console.log(`\n▶ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } }).status === 0;
}

/**
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 */
function step(name, command, args) {
  const ok = run(command, args);
  results[ok ? 'passed' : 'failed']++;
  if (!ok) console.log(`✗ ${name} failed`);
  return ok;
}

/**
 * Runs a node:test suite, counting its tests from the TAP file it writes.
 * @param {string} name
 * @param {string} dir
 */
function nodeSuite(name, dir) {
  const tap = `test-results/${name}.tap`;
  const ok = run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, dir]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  results.passed += pass;
  results.failed += fail + (!ok && fail === 0 ? 1 : 0);
}

/** Coverage of src/core from the browser run's lcov report: at least 90% of lines. */
function coreCoverage(minimum = 90) {
  const lcov = existsSync('coverage/lcov.info') ? readFileSync('coverage/lcov.info', 'utf8') : '';
  let found = 0;
  let hit = 0;
  for (const record of lcov.split('end_of_record')) {
    if (!/SF:.*src\/core\//.test(record)) continue;
    found += Number(/LF:(\d+)/.exec(record)?.[1] ?? 0);
    hit += Number(/LH:(\d+)/.exec(record)?.[1] ?? 0);
  }
  const percent = found ? (100 * hit) / found : 0;
  const ok = percent >= minimum;
  console.log(`\n${ok ? '✓' : '✗'} src/core line coverage: ${percent.toFixed(1)}% (minimum ${minimum}%)`);
  results[ok ? 'passed' : 'failed']++;
}

/** @param {string[]} args @returns {[string, string[]]} */
const npx = (args) => ['npx', args];

/**
 * The package as published: the tarball (packed once, from the build) under publint and
 * arethetypeswrong, and the shipped typings as each framework's compiler reads them.
 */
function packageChecks() {
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', 'test-results'], { encoding: 'utf8' });
  const tarball = pack.status === 0 ? `test-results/${JSON.parse(pack.stdout)[0].filename}` : 'no-tarball';
  step('publint', ...npx(['publint', 'run', tarball, '--strict']));
  // ESM only (the contract): node16 from ESM and bundlers are checked, CommonJS and node10 are not
  // supported resolutions. callback.html is a page to serve, not a module.
  step('arethetypeswrong', ...npx(['attw', tarball, '--profile', 'esm-only', '--exclude-entrypoints', './callback.html']));
  for (const framework of ['react', 'preact', 'solid', 'node']) {
    step(`types: ${framework}`, ...npx(['tsc', '-p', `test/types/${framework}.tsconfig.json`]));
  }
  step('types: vue', ...npx(['vue-tsc', '-p', 'test/types/vue/tsconfig.json']));
  step('types: svelte', process.execPath, ['scripts/check-svelte-types.mjs']);
}

step('typecheck', ...npx(['tsc', '-p', 'tsconfig.test.json']));
step('typecheck (node)', ...npx(['tsc', '-p', 'tsconfig.node.json']));
step('lint', ...npx(['eslint', '.']));
const built = step('build', 'npm', ['run', 'build']);
if (built) step('budgets', process.execPath, ['scripts/check-budgets.mjs']);
if (built) packageChecks();
else results.failed += 8; // the package checks did not run
nodeSuite('node', 'test/node/');

run(...npx(['web-test-runner', '--coverage']));
const browser = existsSync('test-results/browser.json')
  ? JSON.parse(readFileSync('test-results/browser.json', 'utf8'))
  : { passed: 0, failed: 1 };
results.passed += browser.passed;
results.failed += browser.failed;
coreCoverage();

if (built) nodeSuite('e2e', 'test/e2e/');
else results.failed++;

// The example app of each framework (examples/frameworks/), with the packed package: installed
// (cached by lockfile), built, type-checked, and one round trip each in Chromium.
if (built) nodeSuite('frameworks', 'test/frameworks/');
else results.failed++;

// Storybook, built fresh, then every story in Chromium (renders, no console error, no axe violation).
if (step('build-storybook', 'npm', ['run', 'build-storybook'])) nodeSuite('stories', 'test/stories/');
else results.failed++;

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed ? 1 : 0;

// The Svelte typings under svelte-check: Fine.svelte compiles clean, and every binding after an
// `expect-error` comment in Wrong.svelte fails (svelte-check has no @ts-expect-error for markup).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const dir = 'test/types/svelte';
const run = spawnSync('npx', ['svelte-check', '--workspace', dir, '--tsconfig', './tsconfig.json', '--output', 'machine'], { encoding: 'utf8' });
const problems = [...run.stdout.matchAll(/^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (.*)$/gm)].map(([, kind, file, line, message]) => ({ kind, file, line: Number(line), message }));
const expected = readFileSync(`${dir}/Wrong.svelte`, 'utf8')
  .split('\n')
  .flatMap((text, index) => (/<!-- expect-error:/.test(text) ? [index + 2] : []));

const unexpected = problems.filter((p) => p.file !== 'Wrong.svelte' || !expected.includes(p.line));
const missed = expected.filter((line) => !problems.some((p) => p.file === 'Wrong.svelte' && p.line === line && p.kind === 'ERROR'));
for (const p of unexpected) console.log(`✗ unexpected ${p.kind} ${dir}/${p.file}:${p.line} ${p.message}`);
for (const line of missed) console.log(`✗ ${dir}/Wrong.svelte:${line} compiles, but its binding is wrong`);
const ok = run.status !== null && /COMPLETED/.test(run.stdout) && expected.length > 0 && !unexpected.length && !missed.length;
console.log(`${ok ? '✓' : '✗'} svelte-check: ${expected.length - missed.length} of ${expected.length} wrong bindings rejected, ${unexpected.length} unexpected problems`);
process.exitCode = ok ? 0 : 1;

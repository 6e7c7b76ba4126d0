import config from './rollup.config.mjs';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
const cdn = config[1];
const bundle = await rollup({ ...cdn, onwarn: () => {} });
const { output } = await bundle.generate(cdn.output);
for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  console.log('==', chunk.fileName, gzipSync(chunk.code, { level: 9 }).length);
  const rows = [];
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.code) continue;
    const min = (await minify(m.code, { module: true, compress: false, mangle: false })).code ?? '';
    rows.push([min.length, gzipSync(min, { level: 9 }).length, id.replace(process.cwd() + '/', '')]);
  }
  rows.sort((a, b) => b[0] - a[0]);
  for (const r of rows.slice(0, 30)) console.log(String(r[0]).padStart(7), String(r[1]).padStart(6), r[2]);
}

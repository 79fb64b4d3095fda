#!/usr/bin/env node
// `npm run bench`: builds what ships (`npm run build`: dist/), then runs every bench/*.bench.mjs in
// its own Node process (so peak memory is per benchmark). Each writes bench/results/<name>.json.
// `npm run bench -- sizes embed` runs only the benchmarks whose file name contains one of the words;
// `--no-build` measures the dist/ already there.
import { spawnSync } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';
import os from 'node:os';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
mkdirSync('bench/results', { recursive: true });
if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let failed = 0;
const times = [];
const started = Date.now();
for (const file of readdirSync('bench')
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n== ${file}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', `bench/${file}`], { stdio: 'inherit' });
  times.push(`${file} ${((Date.now() - t0) / 1000).toFixed(0)} s${r.status === 0 ? '' : ' (failed or past a target)'}`);
  if (r.status !== 0) failed += 1;
}
console.log(
  `\n${times.join('\n')}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s (load average ${os.loadavg()[0].toFixed(1)})`,
);
process.exit(failed ? 1 : 0);

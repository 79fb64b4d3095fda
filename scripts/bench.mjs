#!/usr/bin/env node
// `npm run bench`: builds what the benchmarks measure, then runs every bench/*.bench.mjs in its own
// Node process (so peak memory is per benchmark). Each writes bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';

const only = process.argv.slice(2);
mkdirSync('bench/results', { recursive: true });
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
spawnSync('npx', ['vite', 'build', '--mode', 'calculator', '--logLevel', 'warn'], { stdio: 'inherit' });

let failed = 0;
for (const file of readdirSync('bench')
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);

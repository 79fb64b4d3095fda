#!/usr/bin/env node
// `npm run build`: every build of vite.config.ts into an empty dist/, in one process: the site
// (dist/site), the all-in-one (dist/mrr-kit.js), the per-element CDN files (dist/<tag>.js: one
// shared build, plus one build per element marked `standalone` in src/elements.json), the core
// (dist/core.js), the npm modules (dist/npm) and their .d.ts (tsc -p tsconfig.lib.json), and the
// `mrr-kit` command line (tsc -p tsconfig.cli.json: dist/cli, the bin of package.json).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'vite';

const elements = JSON.parse(readFileSync('src/elements.json', 'utf8'));
const standalone = elements.filter((e) => e.standalone && existsSync(`components/${e.tag}/define.ts`));

rmSync('dist', { recursive: true, force: true });
for (const mode of ['production', 'embed', 'elements', ...standalone.map((e) => `alone:${e.tag}`), 'core', 'npm']) {
  console.log(`\n== vite build --mode ${mode}`);
  await build({ mode, logLevel: process.env.BUILD_LOG ?? 'warn' });
}
console.log('\n== tsc -p tsconfig.lib.json (.d.ts of dist/npm)');
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log('\n== tsc -p tsconfig.cli.json (the mrr-kit command line, dist/cli)');
const cli = spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
if (cli.status === 0) chmodSync(JSON.parse(readFileSync('package.json', 'utf8')).bin['mrr-kit'], 0o755);
process.exit(cli.status ?? 1);

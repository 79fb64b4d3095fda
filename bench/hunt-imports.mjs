#!/usr/bin/env node
// Hunts for imports that never end: the same large CSV imported again and again in headless
// Chromium (dist/mrr-movements.js on a plain page, the pointer on the file picker first, as in
// vs-duckdb.bench.mjs), each given 60 s to show its report and analysis. At the first one that does
// not, it prints what the element shows (its progress) and the page's and workers' console, and
// exits with 1. A rare hang looks like noise in a timed bench (a missing sample, a bench stop):
// this is how the stream read that never settled was found (bench/README, 2026-12-08: 2 stops in
// 24 imports, then none in 210 on the same build; such a failure is rare and depends on timing, so
// no stop in N imports is weak evidence alone). Not part of `npm run bench` (minutes per 100).
// Usage: node bench/hunt-imports.mjs [imports=100] [rows=1000000] [grouped|by-date] [file.csv]
// A file given is imported as it is; else one is generated (bench/lib/generate-periods.mjs).
// Writes bench/results/hunt-imports.json. Run `npm run build` first.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { generatePeriods } from './lib/generate-periods.mjs';
import { writePeriodsCsv } from './lib/duckdb-movements.mjs';

const IMPORTS = Number(process.argv[2] ?? 100);
const ROWS = Number(process.argv[3] ?? 1_000_000);
const ORDER = process.argv[4] ?? 'grouped';
const LIMIT_MS = 60_000;
// BENCH_DIST: another build to hunt in (an older commit's, to check that it finds what was fixed).
const DIST = process.env.BENCH_DIST ?? 'dist';
if (!existsSync(`${DIST}/mrr-movements.js`)) throw new Error(`${DIST}/ is missing: run \`npm run build\` first.`);

let file = process.argv[5] && resolve(process.argv[5]);
const generated = !file;
if (!file) {
  const periods = generatePeriods(ROWS);
  if (ORDER === 'by-date') periods.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  file = resolve(`bench/tmp/hunt-${ROWS}-${ORDER}.csv`);
  writePeriodsCsv(periods, file);
}

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: 'dist' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = `<!doctype html><html lang="en"><body><mrr-movements storage-key=""></mrr-movements>
<script type="module" src="/mrr-movements.js"></script></body></html>`;

const times = [];
let stop;
for (let run = 0; run < IMPORTS && !stop; run++) {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const logs = [];
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  p.on('console', (m) => logs.push(`${at()} ${m.type()}: ${m.text()}`));
  p.on('pageerror', (e) => logs.push(`${at()} page error: ${e.message}`));
  p.on('crash', () => logs.push(`${at()} the page crashed`));
  p.on('worker', (w) => {
    logs.push(`${at()} worker started: ${w.url().split('/').pop()}`);
    w.on('close', () => logs.push(`${at()} worker closed: ${w.url().split('/').pop()}`));
  });
  await p.route('**/movements.html', (r) => r.fulfill({ contentType: 'text/html', body: page }));
  await p.goto(`${url}movements.html`);
  const el = p.locator('mrr-movements');
  await el.locator('#file').waitFor();
  await el.locator('#file').hover({ force: true });
  await p.waitForTimeout(500);
  const t0 = Date.now();
  await el.locator('#file').setInputFiles(file);
  await el.locator('#start-import').click();
  try {
    await el.locator('#import-report').waitFor({ timeout: LIMIT_MS });
    await p.waitForFunction(() => document.querySelector('mrr-movements').analysis?.movements?.length > 0, null, {
      timeout: LIMIT_MS,
    });
    times.push(Date.now() - t0);
    console.log(`import ${run + 1}: ${times.at(-1)} ms (with the test driver's round trips)`);
  } catch {
    const shown = await p.evaluate(() =>
      document.querySelector('mrr-movements').shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 1000),
    );
    stop = { import: run + 1, shown, console: logs };
    console.log(`import ${run + 1} showed no report within ${LIMIT_MS / 1000} s. The element shows:\n${shown}`);
    console.log(`The page's and workers' console:\n${logs.join('\n') || '(nothing)'}`);
  }
  await p.close();
}
await browser.close();
await new Promise((r) => server.httpServer.close(r));
if (generated) rmSync(file, { force: true });

mkdirSync('bench/results', { recursive: true });
const result = {
  date: new Date().toISOString(),
  build: DIST,
  file: generated ? `generated, ${ROWS} rows, ${ORDER}` : process.argv[5],
  imports: times.length + (stop ? 1 : 0),
  ended: times.length,
  stop: stop ?? null,
};
writeFileSync('bench/results/hunt-imports.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`${result.ended} of ${result.imports} imports ended${stop ? '; one did not' : ''}.`);
process.exit(stop ? 1 : 0);

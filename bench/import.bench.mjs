#!/usr/bin/env node
// CSV import in Node: the same streaming code the import worker runs (`streamImport` from
// src/import/stream.ts, bundled here with esbuild), over a generated 1M-row CSV read as a file-backed
// Blob (`fs.openAsBlob`: the file is never one string in memory). Measures rows/s and peak RSS.
// Run by `npm run bench`, or directly: node --expose-gc bench/import.bench.mjs [rows]
// Writes bench/results/import-node.json.
import os from 'node:os';
import { createWriteStream, existsSync, mkdirSync, openAsBlob, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { build } from 'esbuild';
import { prng } from './lib/generate-periods.mjs';
import { startRssSampler } from './lib/memory.mjs';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const MB = 1024 * 1024;
const gc = globalThis.gc ?? (() => {});
mkdirSync('bench/tmp', { recursive: true });
mkdirSync('bench/results', { recursive: true });

await build({
  entryPoints: ['src/import/stream.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: 'bench/tmp/import-stream.mjs',
  logLevel: 'warning',
});
const { sniff, streamImport } = await import('./tmp/import-stream.mjs');

/** Plain export with a few rows of each kind the import leaves out or refuses. */
async function generate(path, rows) {
  const random = prng(7);
  const out = createWriteStream(path);
  let buffer = 'customer_id,start_date,end_date,monthly_amount,status,note\n';
  for (let i = 0; i < rows; i++) {
    const y = 2019 + Math.floor(random() * 5);
    const m = 1 + Math.floor(random() * 12);
    const start = `${y}-${m < 10 ? '0' : ''}${m}-${10 + Math.floor(random() * 18)}`;
    const end = random() < 0.4 ? `${y + 1}-${m < 10 ? '0' : ''}${m}-01` : '';
    const amount = random() < 0.01 ? 0 : [19, 29, 49, 99.5, 149, 299][Math.floor(random() * 6)];
    const status = random() < 0.02 ? 'trialing' : 'active';
    const note = random() < 0.01 ? '"multi\nline, note"' : '';
    const bad = random() < 0.001;
    buffer += `c${Math.floor((random() * rows) / 8)},${bad ? 'not a date' : start},${end},${amount},${status},${note}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const path = `bench/tmp/import-${ROWS}.csv`;
if (!existsSync(path)) await generate(path, ROWS);
const bytes = statSync(path).size;

const file = await openAsBlob(path);
const sniffed = await sniff(file);
gc();
const rssBefore = process.memoryUsage().rss;
const sampler = await startRssSampler();
const t0 = performance.now();
let progressEvents = 0;
const { columns, report } = await streamImport(file, sniffed.mapping, {}, { onProgress: () => (progressEvents += 1) });
const ms = performance.now() - t0;
const peak = await sampler.stop();

const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model,
  cores: os.cpus().length,
  rows: ROWS,
  fileMB: +(bytes / MB).toFixed(1),
  seconds: +(ms / 1000).toFixed(2),
  rowsPerSecond: Math.round(report.rowsRead / (ms / 1000)),
  mbPerSecond: +(bytes / MB / (ms / 1000)).toFixed(1),
  rssBeforeMB: Math.round(rssBefore / MB),
  peakRssIncreaseMB: Math.round(Math.max(0, peak - rssBefore) / MB),
  progressEvents,
  report: {
    rowsRead: report.rowsRead,
    periodsImported: report.periodsImported,
    customers: report.customers,
    skipped: report.skipped,
    errors: report.errors.count,
    fatal: report.fatal ?? null,
  },
};
if (columns.length !== report.periodsImported) throw new Error('period count mismatch');
writeFileSync('bench/results/import-node.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `| rows | file | time | rows/s | MB/s | peak RSS increase |\n|---|---|---|---|---|---|\n| ${ROWS.toLocaleString('en')} | ${result.fileMB} MB | ${result.seconds} s | ${result.rowsPerSecond.toLocaleString('en')} | ${result.mbPerSecond} | ${result.peakRssIncreaseMB} MB |`,
);

#!/usr/bin/env node
// MRR movements + cohorts (`analyzeSubscriptions` from dist/core.js) on 100k and 1M (default) synthetic
// periods given as JS objects and as columns (PeriodColumns: typed arrays, interned customer ids), against the same movements in SQL on DuckDB (dbt mrr-playbook style).
// Run by `npm run bench` (which builds dist/ first and passes --expose-gc), or directly:
//   npx vite build --mode core && node --expose-gc bench/movements.bench.mjs [10000,100000,1000000]
// Writes bench/results/movements.json and prints a markdown table.
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeSubscriptions, mrrMovements, periodsToColumns, toMinor } from '../dist/core.js';
import { AS_OF, generatePeriods } from './lib/generate-periods.mjs';
import { startRssSampler } from './lib/memory.mjs';

const AS_OF_INDEX = Number(AS_OF.slice(0, 4)) * 12 + Number(AS_OF.slice(5, 7)) - 1;
const MB = 1024 * 1024;
const gc = globalThis.gc ?? (() => {});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeMs(fn, runs, warmups) {
  for (let i = 0; i < warmups; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times), runs: times.length };
}

// Child mode: memory of one size in a fresh process, so earlier sizes do not blur the figures.
if (process.argv[2] === '--memory-child') {
  const count = Number(process.argv[3]);
  const sampler = await startRssSampler();
  gc();
  const before = process.memoryUsage();
  const periods = generatePeriods(count);
  gc();
  const loaded = process.memoryUsage();
  analyzeSubscriptions(generatePeriods(2000, 7), { asOf: AS_OF }); // compile the hot paths first
  gc();
  const rssBefore = process.memoryUsage().rss;
  const sampler2 = await startRssSampler();
  const result = analyzeSubscriptions(periods, { asOf: AS_OF });
  const computePeak = await sampler2.stop();
  const processPeak = await sampler.stop();
  console.log(
    JSON.stringify({
      inputMB: (loaded.heapUsed + loaded.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB,
      rssBeforeMB: rssBefore / MB,
      computeIncreaseMB: Math.max(0, computePeak - rssBefore) / MB,
      processPeakMB: Math.max(processPeak, computePeak) / MB,
      rows: result.movements.length,
    }),
  );
  process.exit(0);
}

/** Compares JS rows (major units) with DuckDB rows (minor units) month by month. */
function sameTotals(jsRows, duckRows) {
  const byMonth = new Map(duckRows.map((r) => [r.month, r]));
  for (const r of jsRows) {
    const index = Number(r.month.slice(0, 4)) * 12 + Number(r.month.slice(5, 7)) - 1;
    const d = byMonth.get(index) ?? { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, ending: 0, customers: 0 };
    byMonth.delete(index);
    const js = [r.new, r.expansion, r.contraction, r.churn, r.reactivation, r.endingMrr].map((v) => toMinor(v));
    const sql = [d.new, d.expansion, d.contraction, d.churn, d.reactivation, d.ending];
    if (js.some((v, i) => v !== sql[i]) || r.customers !== d.customers) {
      console.error('mismatch', r.month, js, sql, r.customers, d.customers);
      return false;
    }
  }
  return [...byMonth.values()].every((d) => d.ending === 0 && d.churn === 0);
}

// Imported here, not at the top, so the memory child does not load DuckDB's native library.
const { duckDbMovements, openDuckDb, writePeriodsCsv } = await import('./lib/duckdb-movements.mjs');
const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const results = [];
for (const count of sizes) {
  const periods = generatePeriods(count);
  const customers = new Set(periods.map((p) => p.customerId)).size;
  const big = count >= 1e6;
  const analyze = await timeMs(() => analyzeSubscriptions(periods, { asOf: AS_OF }), big ? 5 : 7, 2);
  // The same periods as columns (what the import worker and storage hand over): no date parsing,
  // no customer-id lookups. Converting is timed apart (the import builds columns while reading).
  const toColumns = await timeMs(() => periodsToColumns(periods), big ? 3 : 5, 1);
  const { columns } = periodsToColumns(periods);
  const analyzeColumns = await timeMs(() => analyzeSubscriptions(columns, { asOf: AS_OF }), big ? 5 : 7, 2);
  const columnRowsEqual =
    JSON.stringify(analyzeSubscriptions(columns, { asOf: AS_OF })) ===
    JSON.stringify(analyzeSubscriptions(periods, { asOf: AS_OF }));
  const movementsOnly = await timeMs(() => mrrMovements(periods, { asOf: AS_OF }), big ? 3 : 5, 1);
  // Customers interleaved, as in an export sorted by start date: built as fresh objects in that
  // order (as a parser would), so every period needs its own Map lookup of a new id string.
  const copy = (s) => `${s.slice(0, 5)}${s.slice(5)}`;
  const interleaved = [...periods]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map((p) => ({ ...p, customerId: copy(p.customerId), start: copy(p.start), end: p.end === null ? null : copy(p.end) }));
  const analyzeInterleaved = await timeMs(() => analyzeSubscriptions(interleaved, { asOf: AS_OF }), big ? 3 : 5, 1);
  interleaved.length = 0;
  const jsRows = mrrMovements(periods, { asOf: AS_OF });

  const csv = fileURLToPath(new URL(`./tmp/periods-${count}.csv`, import.meta.url));
  writePeriodsCsv(periods, csv);
  const { instance, connection } = await openDuckDb(csv);
  let duckRows = [];
  const duck = await timeMs(
    async () => {
      duckRows = await duckDbMovements(connection, AS_OF_INDEX);
    },
    big ? 2 : 3,
    1,
  );
  const equal = sameTotals(jsRows, duckRows);
  connection.closeSync();
  instance.closeSync?.();
  rmSync(csv, { force: true });

  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--memory-child', String(count)], {
    encoding: 'utf8',
  });
  const memory = child.status === 0 ? JSON.parse(child.stdout.trim().split('\n').at(-1)) : { error: child.stderr };

  const row = {
    periods: count,
    customers,
    months: jsRows.length,
    jsMs: analyze.median,
    jsMinMs: analyze.min,
    jsMovementsOnlyMs: movementsOnly.median,
    jsColumnsMs: analyzeColumns.median,
    jsColumnsMinMs: analyzeColumns.min,
    periodsToColumnsMs: toColumns.median,
    columnsEqualObjects: columnRowsEqual,
    jsInterleavedMs: analyzeInterleaved.median,
    nsPerPeriod: (analyze.median * 1e6) / count,
    duckDbMs: duck.median,
    duckDbMinMs: duck.min,
    duckDbOverJs: duck.median / analyze.median,
    duckDbOverJsMin: duck.min / analyze.min,
    duckDbOverColumns: duck.median / analyzeColumns.median,
    duckDbOverColumnsMin: duck.min / analyzeColumns.min,
    equal,
    memory,
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  results.push(row);
  console.log(JSON.stringify(row));
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  totalMemoryMB: Math.round(os.totalmem() / MB),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  date: new Date().toISOString(),
};
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(
  new URL('./results/movements.json', import.meta.url),
  JSON.stringify({ machine, asOf: AS_OF, results }, null, 2) + '\n',
);

const f = (x, d = 0) => x.toFixed(d);
console.log(
  `\nanalyzeSubscriptions (movements + cohorts), median (min); ${machine.cpus} cores, Node ${machine.node}, load ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log(
  '| periods | customers | JS objects ms, median (min) | ns/period | JS columns ms, median (min) | periods → columns ms | JS, customers interleaved, ms | movements only ms | DuckDB SQL ms, median (min) | DuckDB ÷ JS objects, median (min) | DuckDB ÷ JS columns, median (min) | equal | input objects MB | compute peak +MB | process peak MB |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|');
for (const r of results) {
  const m = r.memory;
  console.log(
    `| ${r.periods.toLocaleString('en')} | ${r.customers.toLocaleString('en')} | ${f(r.jsMs, 1)} (${f(r.jsMinMs, 1)}) | ${f(r.nsPerPeriod)} | ${f(r.jsColumnsMs, 1)} (${f(r.jsColumnsMinMs, 1)}) | ${f(r.periodsToColumnsMs, 1)} | ${f(r.jsInterleavedMs, 1)} | ${f(r.jsMovementsOnlyMs, 1)} | ${f(r.duckDbMs)} (${f(r.duckDbMinMs)}) | ${f(r.duckDbOverJs, 1)}× (${f(r.duckDbOverJsMin, 1)}×) | ${f(r.duckDbOverColumns, 1)}× (${f(r.duckDbOverColumnsMin, 1)}×) | ${r.equal && r.columnsEqualObjects} | ${m.inputMB === undefined ? '?' : f(m.inputMB)} | ${m.computeIncreaseMB === undefined ? '?' : f(m.computeIncreaseMB)} | ${m.processPeakMB === undefined ? '?' : f(m.processPeakMB)} |`,
  );
}
if (results.some((r) => !r.equal || !r.columnsEqualObjects)) process.exitCode = 1;

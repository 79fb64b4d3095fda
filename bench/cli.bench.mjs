// `mrr-kit movements` on a generated file of 10 million periods (`node bench/cli.bench.mjs
// [periods]`, after `npm run build`), beside DuckDB running MRR Kit's SQL model (`mrr-kit sql`) on
// the same file, each in its own process, file to result. Checks both give the same months to the
// cent and that the CLI's peak memory stays within 1 GB; writes bench/results/cli.json.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import { resolve } from 'node:path';
import { periodsOf, AS_OF } from './lib/generate-periods.mjs';

const PERIODS = Number(process.argv[2] ?? 10_000_000);
const MEMORY_LIMIT_MB = 1024;
const TIME_GOAL = 0.5; // CLI time ÷ DuckDB time
const BIN = resolve(JSON.parse(readFileSync('package.json', 'utf8')).bin['mrr-kit']);
const TMP = resolve('bench/tmp');
mkdirSync(TMP, { recursive: true });
mkdirSync('bench/results', { recursive: true });

/** The generated CSV (kept in bench/tmp between runs: writing 10 M rows takes a while). */
async function periodsFile(count) {
  const path = `${TMP}/periods-${count}.csv`;
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let chunk = 'customer_id,start_date,end_date,amount,interval,interval_count,quantity\n';
  for (const p of periodsOf(count)) {
    chunk += `${p.customerId},${p.start},${p.end ?? ''},${p.amount},${p.interval},${p.intervalCount},${p.quantity}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(partial, path);
  return path;
}

const mb = (kb) => Math.round(kb / 1024);
const load = () => os.loadavg()[0].toFixed(1);

console.log(`generating ${PERIODS.toLocaleString('en')} periods…`);
const t0 = Date.now();
const file = await periodsFile(PERIODS);
const bytes = statSync(file).size;
console.log(`${file}: ${(bytes / 1e6).toFixed(0)} MB (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const loadBefore = load();

// MRR Kit: the built command, as a user runs it, its peak RSS reported by the preloaded module.
const cliOut = `${TMP}/cli-movements.json`;
const cliRss = `${TMP}/cli-rss.json`;
let started = performance.now();
const cli = spawnSync(
  process.execPath,
  [
    '--import',
    './bench/lib/report-rss.mjs',
    BIN,
    'movements',
    file,
    '--as-of',
    AS_OF,
    '--decimal',
    '.',
    '--amounts',
    'major',
    '--format',
    'json',
    '--out',
    cliOut,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, MRR_RSS_REPORT: cliRss } },
);
const cliMs = performance.now() - started;
if (cli.status !== 0) throw new Error(`mrr-kit exited with ${cli.status}`);
const cliMaxRssMb = mb(JSON.parse(readFileSync(cliRss, 'utf8')).maxRSS);
const movements = JSON.parse(readFileSync(cliOut, 'utf8')).movements;
console.log(`mrr-kit movements: ${(cliMs / 1000).toFixed(1)} s, peak RSS ${cliMaxRssMb} MB (load ${load()})`);

// DuckDB: the SQL model mrr-kit prints, over read_csv of the same file.
const sqlFile = `${TMP}/movements-duckdb.sql`;
const sql = spawnSync(process.execPath, [BIN, 'sql', '--dialect', 'duckdb', '--as-of', AS_OF, '--out', sqlFile], {
  stdio: 'inherit',
});
if (sql.status !== 0) throw new Error('mrr-kit sql failed');
const duckOut = `${TMP}/duckdb-movements.json`;
started = performance.now();
const duck = spawnSync(process.execPath, ['bench/lib/duckdb-sql-run.mjs', file, sqlFile, duckOut], { stdio: 'inherit' });
const duckWallMs = performance.now() - started;
if (duck.status !== 0) throw new Error(`DuckDB run exited with ${duck.status}`);
const duckdb = JSON.parse(readFileSync(duckOut, 'utf8'));
console.log(
  `DuckDB SQL model: ${(duckdb.ms / 1000).toFixed(1)} s (process ${(duckWallMs / 1000).toFixed(1)} s), peak RSS ${mb(duckdb.maxRssKb)} MB (load ${load()})`,
);

// Equal month by month, in cents.
const cents = (x) => Math.round(x * 100);
const fromCli = movements.map((m) => ({
  month: m.month,
  ending: cents(m.endingMrr),
  new: cents(m.new),
  expansion: cents(m.expansion),
  contraction: cents(m.contraction),
  churn: cents(m.churn),
  reactivation: cents(m.reactivation),
  customers: m.customers,
}));
const equal = JSON.stringify(fromCli) === JSON.stringify(duckdb.rows);
const ratio = cliMs / duckdb.ms;
const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cores: os.cpus().length,
  loadAverage: { before: Number(loadBefore), after: Number(load()) },
  periods: PERIODS,
  fileMB: Math.round(bytes / 1e6),
  months: movements.length,
  customers: movements.at(-1)?.customers,
  cli: {
    ms: Math.round(cliMs),
    maxRssMb: cliMaxRssMb,
    memoryLimitMb: MEMORY_LIMIT_MB,
    withinMemory: cliMaxRssMb <= MEMORY_LIMIT_MB,
  },
  duckdb: { ms: Math.round(duckdb.ms), processMs: Math.round(duckWallMs), maxRssMb: mb(duckdb.maxRssKb) },
  cliOverDuckdb: Number(ratio.toFixed(2)),
  timeGoal: TIME_GOAL,
  timeGoalMet: ratio <= TIME_GOAL,
  equal,
};
writeFileSync('bench/results/cli.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `mrr-kit ÷ DuckDB = ${ratio.toFixed(2)} (goal ≤ ${TIME_GOAL}: ${result.timeGoalMet ? 'met' : 'not met'}); equal: ${equal}; ` +
    `peak RSS ${cliMaxRssMb} MB (≤ ${MEMORY_LIMIT_MB} MB: ${result.cli.withinMemory ? 'met' : 'not met'})`,
);
if (!equal) {
  const i = fromCli.findIndex((r, k) => JSON.stringify(r) !== JSON.stringify(duckdb.rows[k]));
  console.error('first different month:', fromCli[i], duckdb.rows[i]);
}
process.exit(equal && result.cli.withinMemory ? 0 : 1);

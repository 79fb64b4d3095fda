// Runs MRR Kit's SQL model (the text `mrr-kit sql` prints) on DuckDB over a periods CSV, file to
// result, in its own process (so its peak memory is its own): `node bench/lib/duckdb-sql-run.mjs
// FILE.csv SQL_FILE OUT.json`. The CSV has the generator's columns; the table the model reads is a
// view over read_csv with amount × quantity as the amount.
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, sqlFile, out] = process.argv.slice(2);
const sql = readFileSync(sqlFile, 'utf8');
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`CREATE VIEW subscription_periods AS
  SELECT customer_id, start_date, end_date, amount * quantity AS amount, "interval", interval_count
  FROM read_csv('${file}', header = true, columns = {
    'customer_id': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE', 'amount': 'DOUBLE',
    'interval': 'VARCHAR', 'interval_count': 'INTEGER', 'quantity': 'DOUBLE'})`);
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJS().map((r) => ({
  month: r.month.toISOString().slice(0, 7),
  ending: Math.round(Number(r.ending_mrr) * 100),
  new: Math.round(Number(r.new) * 100),
  expansion: Math.round(Number(r.expansion) * 100),
  contraction: Math.round(Number(r.contraction) * 100),
  churn: Math.round(Number(r.churn) * 100),
  reactivation: Math.round(Number(r.reactivation) * 100),
  customers: Number(r.customers),
}));
const ms = performance.now() - started;
connection.closeSync();
writeFileSync(out, JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, rows }));

// The same MRR movements in SQL on DuckDB, the way the dbt-labs mrr-playbook models them: a month
// spine per customer, MRR per customer-month, lag() over the customer's months to classify each
// month, then a group by month. Used by movements.bench.mjs as the point of comparison.
import { writeFileSync, mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** Writes periods to a CSV file for DuckDB's read_csv (loading is not part of the timed query). */
export function writePeriodsCsv(periods, path) {
  mkdirSync(path.replace(/\/[^/]+$/, ''), { recursive: true });
  const lines = ['customer_id,start_date,end_date,amount,interval,interval_count,quantity'];
  for (const p of periods) {
    lines.push(
      `${p.customerId},${p.start},${p.end ?? ''},${p.amount},${p.interval ?? 'month'},${p.intervalCount ?? 1},${p.quantity ?? 1}`,
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** An in-memory DuckDB with the CSV loaded into table `periods`. */
export async function openDuckDb(csvPath) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`
    CREATE TABLE periods AS SELECT * FROM read_csv('${csvPath}', header = true, columns = {
      'customer_id': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE', 'amount': 'DOUBLE',
      'interval': 'VARCHAR', 'interval_count': 'INTEGER', 'quantity': 'DOUBLE'})`);
  return { instance, connection };
}

/**
 * SQL for the movements through month index `asOfIndex` (year × 12 + month − 1), amounts as integer
 * minor units (cents), with the rounding of core's toMinor/toMonthlyMinor (half away from zero;
 * amounts are ≥ 0 so floor(x + 0.5)).
 */
export function movementsSql(asOfIndex) {
  const stop = asOfIndex + 1;
  return `
WITH periods_m AS (
  SELECT customer_id,
         year(start_date) * 12 + month(start_date) - 1 AS start_month,
         -- active on a month's last day iff start <= last day < end: months [month(start), month(end))
         least(coalesce(year(end_date) * 12 + month(end_date) - 1, ${stop}), ${stop}) AS end_month,
         floor(
           floor(amount * quantity * 100 + 0.5)
             * (CASE interval WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END)
             / ((CASE interval WHEN 'day' THEN 12 WHEN 'week' THEN 12 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END) * interval_count)
           + 0.5) AS monthly_minor
  FROM periods
), active_periods AS (
  SELECT * FROM periods_m WHERE start_month < end_month AND monthly_minor > 0
), customer_month_mrr AS (
  SELECT customer_id, month, sum(monthly_minor) AS mrr
  FROM (SELECT customer_id, unnest(range(start_month, end_month)) AS month, monthly_minor FROM active_periods)
  GROUP BY customer_id, month
), spine AS (
  -- every month from the customer's first to the one after its last (which carries the churn)
  SELECT customer_id, unnest(range(min(start_month), least(max(end_month) + 1, ${stop}))) AS month
  FROM active_periods GROUP BY customer_id
), customer_months AS (
  SELECT s.customer_id, s.month, coalesce(c.mrr, 0) AS mrr
  FROM spine s LEFT JOIN customer_month_mrr c USING (customer_id, month)
), classified AS (
  SELECT month, mrr,
         coalesce(lag(mrr) OVER (PARTITION BY customer_id ORDER BY month), 0) AS previous_mrr,
         min(CASE WHEN mrr > 0 THEN month END) OVER (PARTITION BY customer_id) AS first_active_month
  FROM customer_months
)
SELECT month,
  sum(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month = first_active_month THEN mrr ELSE 0 END)::BIGINT AS new,
  sum(CASE WHEN mrr > previous_mrr AND previous_mrr > 0 THEN mrr - previous_mrr ELSE 0 END)::BIGINT AS expansion,
  sum(CASE WHEN mrr < previous_mrr AND mrr > 0 THEN mrr - previous_mrr ELSE 0 END)::BIGINT AS contraction,
  sum(CASE WHEN mrr = 0 AND previous_mrr > 0 THEN -previous_mrr ELSE 0 END)::BIGINT AS churn,
  sum(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month > first_active_month THEN mrr ELSE 0 END)::BIGINT AS reactivation,
  sum(mrr)::BIGINT AS ending,
  count(*) FILTER (WHERE mrr > 0) AS customers
FROM classified
GROUP BY month
ORDER BY month`;
}

/** Runs the movements query; rows with plain numbers (minor units), keyed by month index. */
export async function duckDbMovements(connection, asOfIndex) {
  const reader = await connection.runAndReadAll(movementsSql(asOfIndex));
  return reader.getRowObjects().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
}

/**
 * The MRR movements model as one plain SQL query, for warehouses: the engine's rules
 * (`src/core/movements.ts`) written over a table
 * `subscription_periods(customer_id, start_date, end_date, amount, interval, interval_count)`.
 *
 * - `end_date` is exclusive and null while the period runs; `amount` is the price per interval in
 *   major units (quantity already multiplied in); `interval` is one of `day|week|month|quarter|year`
 *   (any case), `interval_count` (null = 1) how many intervals one charge covers. Other columns
 *   (`kind`, `status`, …) are ignored: filter them in a view or a dbt staging model first.
 * - Left out, as the import leaves them out: one-time charges (an interval that is none of the five,
 *   null included), trials and free periods (`amount` null or ≤ 0), rows without a customer or start,
 *   and rows that end before they start.
 * - A customer's MRR in a month is what its periods active on the month's last day add up to
 *   (`start ≤ last day < end`), so a period is active in the months `[month(start), month(end))`.
 * - Money is exact: each period's price becomes whole minor units (half away from zero, on a
 *   DECIMAL, so `0.125` is 13 cents as in the engine), then its monthly equivalent is rounded half up
 *   in integer arithmetic (`floor((2 × cents × a + b) / 2b)` for `× a / b`), then everything is summed
 *   as integers and turned into major units only in the final select.
 *
 * How it runs: instead of one row per customer and month (the dbt playbook's spine, O(customer
 * months)), each period is two events, `+mrr` in its first month and `−mrr` in its end month (the
 * difference array the engine uses). Events are summed per customer and month; a running sum over the
 * customer's event months is its MRR from that month on; `lag()` gives the MRR before, and movements
 * only happen in those months. A spine of months (one row per month, small) carries the totals
 * through quiet months. Work grows with the number of periods, not with their lengths.
 *
 * Rows run from the first month anyone has MRR through the horizon: `asOf` (`YYYY-MM`) or, without
 * it, the current month (open-ended periods run to it). The engine with the same `asOf` gives the
 * same figures to the cent (tested on DuckDB: `test/unit/movements-sql.test.ts`).
 */

export const DIALECTS = ['duckdb', 'bigquery', 'snowflake', 'spark'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface MovementsSqlOptions {
  dialect?: Dialect;
  /** Table (or `{{ source(…) }}` in dbt) holding the periods; default `subscription_periods`. */
  table?: string;
  /** Last month reported, `YYYY-MM`; default the current month of the warehouse's clock. */
  asOf?: string;
  /** Decimals of the currency's minor unit (2 for cents, 0 for yen); default 2. */
  currencyDigits?: number;
  /** The first month index past the horizon as SQL text (overrides `asOf`): the dbt model's Jinja. */
  stopSql?: string;
}

/** What differs between dialects; each entry says why. */
interface DialectText {
  /** The `interval` column: a reserved word in BigQuery (backticks) and DuckDB (double quotes);
   * Spark quotes with backticks; Snowflake keeps unquoted names in upper case, so `"INTERVAL"`
   * names the column a plain `interval` created. */
  intervalColumn: string;
  /** Month index (year × 12 + month − 1) of a DATE column: standard `EXTRACT` where the parser
   * takes it; Spark is written with its own `year()` and `month()` (the Hive grammar Spark SQL is
   * checked with has no `EXTRACT … FROM`). */
  monthOf: (column: string) => string;
  /** 64-bit integers: BigQuery has only `INT64`. */
  bigint: string;
  /** A decimal wide enough for any price with 6 decimals: BigQuery's `NUMERIC` is (38, 9),
   * Snowflake spells it `NUMBER`. */
  decimal: string;
  /** Month index (year × 12 + month − 1) of today: `current_date` needs parentheses in BigQuery,
   * Snowflake and Spark; DuckDB writes it bare. */
  currentMonth: string;
  /** One row per month index from `bounds.first_month` to `stop − 1`: DuckDB `unnest(range())`,
   * BigQuery `UNNEST(GENERATE_ARRAY())` (inclusive end), Snowflake `FLATTEN(ARRAY_GENERATE_RANGE())`
   * (exclusive end, like DuckDB), Spark `explode(sequence())` (inclusive end). */
  spine(stop: string): string;
  /** First day of month index `m` as a DATE: `make_date` in DuckDB and Spark, `DATE(y, m, d)` in
   * BigQuery, `DATE_FROM_PARTS` in Snowflake. */
  monthDate(m: string): string;
  /** Integer minor units to a major-unit DECIMAL with `digits` decimals, exactly: BigQuery divides
   * a NUMERIC (no DECIMAL(p, s) type); the others cast the quotient. */
  major(minor: string, digits: number): string;
  /** An output column name: BigQuery reserves `new` (backticks); the others take it bare. */
  name(column: string): string;
}

const DIALECT_TEXT: Record<Dialect, DialectText> = {
  duckdb: {
    monthOf: (c) => `EXTRACT(YEAR FROM ${c}) * 12 + EXTRACT(MONTH FROM ${c}) - 1`,
    intervalColumn: '"interval"',
    bigint: 'BIGINT',
    decimal: 'DECIMAL(38, 6)',
    currentMonth: 'EXTRACT(YEAR FROM current_date) * 12 + EXTRACT(MONTH FROM current_date) - 1',
    spine: (stop) => `SELECT unnest(range(first_month, ${stop})) AS month_idx FROM bounds`,
    monthDate: (m) => `make_date(CAST(FLOOR(${m} / 12) AS BIGINT), CAST(MOD(${m}, 12) + 1 AS BIGINT), 1)`,
    major: (minor, digits) => `CAST(${minor} / ${10 ** digits} AS DECIMAL(18, ${digits}))`,
    name: (column) => column,
  },
  bigquery: {
    monthOf: (c) => `EXTRACT(YEAR FROM ${c}) * 12 + EXTRACT(MONTH FROM ${c}) - 1`,
    intervalColumn: '`interval`',
    bigint: 'INT64',
    decimal: 'NUMERIC',
    currentMonth: 'EXTRACT(YEAR FROM CURRENT_DATE()) * 12 + EXTRACT(MONTH FROM CURRENT_DATE()) - 1',
    spine: (stop) => `SELECT month_idx FROM bounds CROSS JOIN UNNEST(GENERATE_ARRAY(first_month, ${stop} - 1)) AS month_idx`,
    monthDate: (m) => `DATE(CAST(FLOOR(${m} / 12) AS INT64), CAST(MOD(${m}, 12) + 1 AS INT64), 1)`,
    major: (minor, digits) => `ROUND(CAST(${minor} AS NUMERIC) / ${10 ** digits}, ${digits})`,
    name: (column) => (column === 'new' ? '`new`' : column),
  },
  snowflake: {
    monthOf: (c) => `EXTRACT(YEAR FROM ${c}) * 12 + EXTRACT(MONTH FROM ${c}) - 1`,
    intervalColumn: '"INTERVAL"',
    bigint: 'BIGINT',
    decimal: 'NUMBER(38, 6)',
    currentMonth: 'EXTRACT(YEAR FROM CURRENT_DATE()) * 12 + EXTRACT(MONTH FROM CURRENT_DATE()) - 1',
    spine: (stop) =>
      `SELECT CAST(f.value AS BIGINT) AS month_idx FROM bounds, LATERAL FLATTEN(input => ARRAY_GENERATE_RANGE(first_month, ${stop})) f`,
    monthDate: (m) => `DATE_FROM_PARTS(CAST(FLOOR(${m} / 12) AS BIGINT), MOD(${m}, 12) + 1, 1)`,
    major: (minor, digits) => `CAST(${minor} / ${10 ** digits} AS NUMBER(18, ${digits}))`,
    name: (column) => column,
  },
  spark: {
    monthOf: (c) => `year(${c}) * 12 + month(${c}) - 1`,
    intervalColumn: '`interval`',
    bigint: 'BIGINT',
    decimal: 'DECIMAL(38, 6)',
    currentMonth: 'year(current_date()) * 12 + month(current_date()) - 1',
    spine: (stop) => `SELECT explode(sequence(first_month, ${stop} - 1)) AS month_idx FROM bounds`,
    monthDate: (m) => `make_date(CAST(FLOOR(${m} / 12) AS INT), CAST(MOD(${m}, 12) + 1 AS INT), 1)`,
    major: (minor, digits) => `CAST(${minor} / ${10 ** digits} AS DECIMAL(18, ${digits}))`,
    name: (column) => column,
  },
};

/** True when `value` names a dialect {@link movementsSql} writes. */
export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value);
}

/** Month index (year × 12 + month − 1) of `YYYY-MM`, or −1. */
function monthIndexOf(asOf: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (!match) return -1;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : -1;
}

/**
 * The movements query for `dialect`: one row per month with `month` (DATE, first of the month),
 * `ending_mrr`, `new`, `expansion`, `contraction`, `churn`, `reactivation` (major units, contraction
 * and churn ≤ 0) and `customers`. Throws a RangeError for an unknown dialect or a bad `asOf`.
 */
export function movementsSql(options: MovementsSqlOptions = {}): string {
  const dialect = options.dialect ?? 'duckdb';
  if (!isDialect(dialect)) throw new RangeError(`Unknown SQL dialect: ${String(dialect)}`);
  const d = DIALECT_TEXT[dialect];
  const table = options.table ?? 'subscription_periods';
  const digits = options.currencyDigits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 4) throw new RangeError(`currencyDigits must be 0–4: ${digits}`);
  let stop: string;
  if (options.stopSql !== undefined) {
    stop = options.stopSql;
  } else if (options.asOf !== undefined) {
    const m = monthIndexOf(options.asOf);
    if (m < 0) throw new RangeError(`asOf is not a month (YYYY-MM): ${options.asOf}`);
    stop = String(m + 1);
  } else {
    stop = `(${d.currentMonth} + 1)`;
  }
  const iv = `lower(${d.intervalColumn})`;
  const monthOf = d.monthOf;
  const running = (expr: string) => `SUM(${expr}) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  return `-- MRR movements by month (MRR Kit ${dialect} model): rules in the header of movements-sql.ts
WITH periods AS (
  -- Usable recurring periods: month span [start_month, end_month) and price in minor units.
  SELECT
    customer_id,
    ${monthOf('start_date')} AS start_month,
    CASE WHEN end_date IS NULL OR ${monthOf('end_date')} >= ${stop} THEN ${stop}
         ELSE ${monthOf('end_date')} END AS end_month,
    CAST(FLOOR(CAST(amount AS ${d.decimal}) * ${10 ** digits} + 0.5) AS ${d.bigint}) AS price_minor,
    CASE ${iv} WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END AS monthly_times,
    CASE ${iv} WHEN 'day' THEN 12 WHEN 'week' THEN 12 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END
      * COALESCE(interval_count, 1) AS monthly_over
  FROM ${table}
  WHERE customer_id IS NOT NULL
    AND start_date IS NOT NULL
    AND amount > 0
    AND (end_date IS NULL OR end_date >= start_date)
    AND ${iv} IN ('day', 'week', 'month', 'quarter', 'year')
    AND COALESCE(interval_count, 1) >= 1
), spans AS (
  -- Monthly minor units, rounded half up in integers: floor((2·price·times + over) / (2·over)).
  SELECT customer_id, start_month, end_month,
    CAST(FLOOR((2 * price_minor * monthly_times + monthly_over) / (2 * monthly_over)) AS ${d.bigint}) AS mrr
  FROM periods
  WHERE start_month < end_month
), events AS (
  -- A period adds its MRR in its first month and takes it away in its end month (if reported).
  SELECT customer_id, start_month AS month_idx, mrr AS change FROM spans WHERE mrr > 0
  UNION ALL
  SELECT customer_id, end_month AS month_idx, -mrr AS change FROM spans WHERE mrr > 0 AND end_month < ${stop}
), customer_changes AS (
  SELECT customer_id, month_idx, SUM(change) AS change FROM events GROUP BY customer_id, month_idx
), customer_mrr AS (
  -- The customer's MRR from this month until its next change.
  SELECT customer_id, month_idx,
    SUM(change) OVER (PARTITION BY customer_id ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS mrr
  FROM customer_changes
), customer_moves AS (
  SELECT month_idx, mrr,
    COALESCE(LAG(mrr) OVER (PARTITION BY customer_id ORDER BY month_idx), 0) AS previous_mrr,
    MIN(CASE WHEN mrr > 0 THEN month_idx END) OVER (PARTITION BY customer_id) AS first_active_month
  FROM customer_mrr
), month_moves AS (
  SELECT month_idx,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx = first_active_month THEN mrr ELSE 0 END) AS new_minor,
    SUM(CASE WHEN mrr > previous_mrr AND previous_mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS expansion_minor,
    SUM(CASE WHEN mrr < previous_mrr AND mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS contraction_minor,
    SUM(CASE WHEN mrr = 0 AND previous_mrr > 0 THEN -previous_mrr ELSE 0 END) AS churn_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx > first_active_month THEN mrr ELSE 0 END) AS reactivation_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 THEN 1 WHEN mrr = 0 AND previous_mrr > 0 THEN -1 ELSE 0 END) AS customer_change
  FROM customer_moves
  GROUP BY month_idx
), bounds AS (
  SELECT MIN(month_idx) AS first_month FROM month_moves WHERE new_minor > 0
), spine AS (
  ${d.spine(stop)}
), months AS (
  SELECT s.month_idx,
    COALESCE(m.new_minor, 0) AS new_minor,
    COALESCE(m.expansion_minor, 0) AS expansion_minor,
    COALESCE(m.contraction_minor, 0) AS contraction_minor,
    COALESCE(m.churn_minor, 0) AS churn_minor,
    COALESCE(m.reactivation_minor, 0) AS reactivation_minor,
    COALESCE(m.customer_change, 0) AS customer_change
  FROM spine s LEFT JOIN month_moves m ON m.month_idx = s.month_idx
)
SELECT
  ${d.monthDate('month_idx')} AS month,
  ${d.major(running('new_minor + expansion_minor + contraction_minor + churn_minor + reactivation_minor'), digits)} AS ending_mrr,
  ${d.major('new_minor', digits)} AS ${d.name('new')},
  ${d.major('expansion_minor', digits)} AS expansion,
  ${d.major('contraction_minor', digits)} AS contraction,
  ${d.major('churn_minor', digits)} AS churn,
  ${d.major('reactivation_minor', digits)} AS reactivation,
  CAST(${running('customer_change')} AS ${d.bigint}) AS customers
FROM months
ORDER BY month
`;
}

/** dbt's adapter names (`target.type`) for each dialect. */
const DBT_TARGETS: Record<Dialect, readonly string[]> = {
  duckdb: ['duckdb'],
  bigquery: ['bigquery'],
  snowflake: ['snowflake'],
  spark: ['spark', 'databricks'],
};

/**
 * The dbt model `sql/models/mrr_movements.sql`: the query of each dialect behind a `target.type`
 * branch, reading `source('billing', 'subscription_periods')`; the var `mrr_kit_as_of` (`YYYY-MM`)
 * sets the last month, else the current month. A test keeps the file equal to this.
 */
export function dbtModel(): string {
  const branches = DIALECTS.map((dialect, i) => {
    const targets = DBT_TARGETS[dialect];
    const test = targets.length === 1 ? `== '${targets[0]}'` : `in (${targets.map((t) => `'${t}'`).join(', ')})`;
    const now = `(${DIALECT_TEXT[dialect].currentMonth} + 1)`;
    const sql = movementsSql({ dialect, table: "{{ source('billing', 'subscription_periods') }}", stopSql: '{{ stop }}' });
    return (
      `${i === 0 ? '{% if' : '{% elif'} target.type ${test} %}\n` +
      `{%- set stop = ((as_of[:4] | int) * 12 + (as_of[5:7] | int)) if as_of else '${now}' %}\n${sql}`
    );
  });
  return `{{ config(materialized='table') }}
{#- MRR Kit movements model, written by \`mrr-kit sql\`'s generator (src/cli/movements-sql.ts); do not edit by hand. -#}
{%- set as_of = var('mrr_kit_as_of', none) %}
${branches.join('')}{% else %}
{{ exceptions.raise_compiler_error('mrr_movements: no SQL for adapter ' ~ target.type ~ ' (duckdb, bigquery, snowflake, spark, databricks)') }}
{% endif %}
`;
}

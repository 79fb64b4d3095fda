// The SQL model against the engine: DuckDB runs the generated query, the import pipeline and the
// engine read the same CSV, and every month must match to the cent. The other dialects cannot run
// here: their text is parsed with node-sql-parser.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import sqlParser from 'node-sql-parser';
import { dbtModel, movementsSql, DIALECTS, type Dialect } from '../../src/cli/movements-sql.js';
import { guessMapping } from '../../src/import/mapping.js';
import { streamImport } from '../../src/import/stream.js';
import { analyzeSubscriptions } from '../../src/core/movements.js';

// The dbt mrr-playbook sample, as copied into test/fixtures (identical to ../shared: fixtures.test.ts).
const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Month rows in minor units, as both sides are compared. */
interface MonthCents {
  month: string;
  ending: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  customers: number;
}

const cents = (major: unknown) => Math.round(Number(major) * 100);

async function engineMonths(csv: string, asOf: string): Promise<MonthCents[]> {
  const headers = csv.slice(0, csv.indexOf('\n')).split(',');
  const mapping = guessMapping(headers);
  if (headers.includes('interval')) mapping.amountIsMonthly = false;
  const { columns, report } = await streamImport(new Blob([csv]), mapping, { numberFormat: 'dot' });
  expect(report.fatal).toBeUndefined();
  return analyzeSubscriptions(columns, { asOf }).movements.map((r) => ({
    month: r.month,
    ending: cents(r.endingMrr),
    new: cents(r.new),
    expansion: cents(r.expansion),
    contraction: cents(r.contraction),
    churn: cents(r.churn),
    reactivation: cents(r.reactivation),
    customers: r.customers,
  }));
}

let connection: DuckDBConnection;
const dir = mkdtempSync(join(tmpdir(), 'mrr-sql-'));

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection?.closeSync());

/** Loads `csv` as table subscription_periods (monthly amounts when it has no interval column). */
async function load(csv: string): Promise<void> {
  const path = join(dir, 'periods.csv');
  writeFileSync(path, csv);
  const monthly = !csv.slice(0, csv.indexOf('\n')).includes('interval');
  await connection.run(`CREATE OR REPLACE TABLE subscription_periods AS SELECT
      CAST(customer_id AS VARCHAR) AS customer_id, CAST(start_date AS DATE) AS start_date,
      CAST(end_date AS DATE) AS end_date,
      ${monthly ? 'monthly_amount AS amount, \'month\' AS "interval", 1 AS interval_count' : 'amount, "interval", interval_count'}
    FROM read_csv('${path}', header = true${monthly ? '' : ", types = {'amount': 'DOUBLE', 'interval': 'VARCHAR'}"})`);
}

async function sqlMonths(asOf: string): Promise<MonthCents[]> {
  const reader = await connection.runAndReadAll(movementsSql({ dialect: 'duckdb', asOf }));
  return reader.getRowObjectsJS().map((r) => ({
    month: (r.month as Date).toISOString().slice(0, 7),
    ending: cents(r.ending_mrr),
    new: cents(r.new),
    expansion: cents(r.expansion),
    contraction: cents(r.contraction),
    churn: cents(r.churn),
    reactivation: cents(r.reactivation),
    customers: Number(r.customers),
  }));
}

describe('the SQL model on DuckDB equals the engine', () => {
  it('on the dbt playbook fixture, and both equal its expected movements', async () => {
    const csv = readFileSync(new URL('dbt-subscription-periods.csv', FIXTURES), 'utf8');
    await load(csv);
    const sql = await sqlMonths('2020-02');
    expect(sql).toEqual(await engineMonths(csv, '2020-02'));
    const expected = readFileSync(new URL('dbt-expected-movements.csv', FIXTURES), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(sql.map((r) => [r.month, r.ending, r.customers])).toEqual(expected.map((c) => [c[0], cents(c[7]), Number(c[8])]));
  });

  it('through a later month (open-ended periods carried, quiet months kept) and an earlier one', async () => {
    const csv = readFileSync(new URL('dbt-subscription-periods.csv', FIXTURES), 'utf8');
    await load(csv);
    for (const asOf of ['2021-06', '2019-03', '2017-09', '2017-08']) {
      expect(await sqlMonths(asOf)).toEqual(await engineMonths(csv, asOf));
    }
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`on generated data (seed ${seed}): mid-month dates, gaps, add-ons, intervals and counts, open-ended`, async () => {
      const csv = generatedCsv(seed, 400);
      await load(csv);
      for (const asOf of ['2023-12', '2022-05']) {
        const sql = await sqlMonths(asOf);
        expect(sql.length).toBeGreaterThan(12);
        expect(sql).toEqual(await engineMonths(csv, asOf));
      }
    });
  }

  it('gives no rows for a table without recurring revenue', async () => {
    await load(
      'customer_id,start_date,end_date,amount,interval,interval_count\nc1,2023-01-05,,0,month,1\nc2,2023-01-05,,50,one_time,1\n',
    );
    expect(await sqlMonths('2023-06')).toEqual([]);
  });

  it('reports through the current month without asOf', async () => {
    await load('customer_id,start_date,end_date,amount,interval,interval_count\nc1,2023-01-05,,12,month,1\n');
    const reader = await connection.runAndReadAll(movementsSql());
    const rows = reader.getRowObjectsJS();
    const now = new Date();
    expect((rows.at(-1)!.month as Date).toISOString().slice(0, 7)).toBe(now.toISOString().slice(0, 7));
    expect(cents(rows.at(-1)!.ending_mrr)).toBe(1200);
  });
});

describe('the dbt files under sql/', () => {
  const SQL_DIR = new URL('../../sql/', import.meta.url);
  const model = readFileSync(new URL('models/mrr_movements.sql', SQL_DIR), 'utf8');

  it('hold the generated model (regenerate: mrr-kit sql --dbt > sql/models/mrr_movements.sql)', () => {
    expect(model).toBe(dbtModel());
  });

  it("the DuckDB branch, rendered with an as_of var, equals the generator's query; the balance test passes", async () => {
    const csv = generatedCsv(9, 200);
    await load(csv);
    // What dbt renders for target.type == 'duckdb' and mrr_kit_as_of = '2023-12': the branch, with
    // the source and the stop month filled in.
    const branch = /\{% if target\.type == 'duckdb' %\}\n\{%- set stop[^\n]*\n([\s\S]*?)\{% elif/.exec(model)?.[1] ?? '';
    const rendered = branch
      .replaceAll("{{ source('billing', 'subscription_periods') }}", 'subscription_periods')
      .replaceAll('{{ stop }}', String(2023 * 12 + 12));
    expect(rendered).toBe(movementsSql({ dialect: 'duckdb', asOf: '2023-12' }));
    await connection.run(`CREATE OR REPLACE TABLE mrr_movements AS ${rendered}`);
    const balance = readFileSync(new URL('tests/mrr_movements_balance.sql', SQL_DIR), 'utf8')
      .replace(/\{%-? set new[^\n]*\n/, '')
      .replaceAll('{{ new }}', 'new')
      .replaceAll("{{ ref('mrr_movements') }}", 'mrr_movements');
    const failures = await connection.runAndReadAll(balance);
    expect(failures.getRowObjectsJS()).toEqual([]);
    const count = await connection.runAndReadAll('SELECT count(*) AS n FROM mrr_movements');
    expect(Number(count.getRowObjectsJS()[0]?.n)).toBeGreaterThan(12);
  });
});

describe('the SQL model in other dialects', () => {
  const parser = new sqlParser.Parser();
  // node-sql-parser has no DuckDB dialect (the DuckDB text is checked by running it, above); Spark
  // SQL is parsed as Hive, its dialect family.
  const parserDialect: Record<Exclude<Dialect, 'duckdb'>, string> = {
    bigquery: 'bigquery',
    snowflake: 'snowflake',
    spark: 'hive',
  };
  for (const dialect of DIALECTS.filter((d): d is Exclude<Dialect, 'duckdb'> => d !== 'duckdb')) {
    it(`${dialect}: parses as one SELECT`, () => {
      for (const asOf of [undefined, '2024-03']) {
        const ast = parser.astify(movementsSql({ dialect, asOf }), { database: parserDialect[dialect] });
        const statements = Array.isArray(ast) ? ast : [ast];
        expect(statements).toHaveLength(1);
        expect(statements[0]?.type).toBe('select');
      }
    });
  }

  it('refuses an unknown dialect and a bad month', () => {
    expect(() => movementsSql({ dialect: 'mysql' as Dialect })).toThrow(RangeError);
    expect(() => movementsSql({ asOf: '2024-13' })).toThrow(RangeError);
  });
});

/**
 * Seeded periods with what the model has to get right: mid-month starts and ends, gaps (churn and
 * reactivation), overlapping add-ons, day/week/month/quarter/year billing with interval counts,
 * open-ended periods, periods starting and ending in one month, amounts with a half cent, and rows
 * both sides leave out (trials at 0, one-time charges, ends before starts).
 */
function generatedCsv(seed: number, customers: number): string {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // random() < 1: the index is below items.length (items is never empty).
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const day = (month: number, d: number) =>
    `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lines = ['customer_id,start_date,end_date,amount,interval,interval_count'];
  const first = 2020 * 12;
  for (let c = 1; c <= customers; c++) {
    let month = first + int(0, 30);
    const count = int(1, 6);
    for (let k = 0; k < count; k++) {
      const length = int(0, 14);
      const open = k === count - 1 && random() < 0.4;
      const end = open ? '' : day(month + length, int(1, 28));
      const interval = pick(['month', 'month', 'month', 'year', 'quarter', 'week', 'day', 'Month', 'one_time', '']);
      const intervalCount = pick([1, 1, 1, 2, 3, 6]);
      const amount = pick(['19', '29.99', '49.5', '0.125', '1.005', '120', '2000', '0', '7.77', '1234.565']);
      lines.push(`c${c},${day(month, int(1, 28))},${end},${amount},${interval},${intervalCount}`);
      if (random() < 0.3) lines.push(`c${c},${day(month + 1, int(1, 28))},${day(month + int(1, 8), int(1, 28))},10,month,1`);
      if (random() < 0.05) lines.push(`c${c},${day(month + 3, 15)},${day(month + 3, 2)},15,month,1`);
      month += length + (random() < 0.25 ? int(1, 5) : 0);
    }
  }
  return lines.join('\n') + '\n';
}

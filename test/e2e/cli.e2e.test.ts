// The built command line (package.json `bin`, after `npm run build`) as a user runs it: on the
// public dbt playbook fixture its movements equal the engine's (the published `mrr-kit/core`) and
// the fixture's expected table, and DuckDB running the SQL it prints gives the same figures.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
const BIN = resolve(pkg.bin['mrr-kit']!);
// The dbt mrr-playbook sample, as copied into test/fixtures (identical to ../shared: fixtures.test.ts).
const PERIODS = resolve('test/fixtures/dbt-subscription-periods.csv');

/** Runs the installed-style executable itself (its shebang), stdout and stderr piped. */
function mrrKit(...args: string[]) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(','));

describe('mrr-kit, built', () => {
  it('is an executable Node script at the bin path', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    accessSync(BIN, constants.X_OK);
    expect(mrrKit('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('movements of the dbt playbook fixture equal the engine (mrr-kit/core) and the expected table', async () => {
    const r = mrrKit('movements', PERIODS);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // quiet when piped
    const rows = lines(r.stdout);
    expect(rows[0]!.slice(0, 9)).toEqual([
      'month',
      'startingMrr',
      'new',
      'expansion',
      'contraction',
      'churn',
      'reactivation',
      'endingMrr',
      'customers',
    ]);
    // The engine through the package's own entry, on the periods read plainly (no import pipeline).
    const core = (await import(
      pathToFileURL(resolve('dist/npm/src/core/index.js')).href
    )) as typeof import('../../src/core/index.js');
    const periods = lines(readFileSync(PERIODS, 'utf8'))
      .slice(1)
      .map(([, customerId, start, end, amount]) => ({
        customerId: customerId!,
        start: start!,
        end: end || null,
        amount: Number(amount),
      }));
    const engine = core.mrrMovements(periods);
    expect(rows.slice(1).map((c) => c.slice(0, 9))).toEqual(
      engine.map((m) => [
        m.month,
        ...[m.startingMrr, m.new, m.expansion, m.contraction, m.churn, m.reactivation, m.endingMrr].map((v) => v.toFixed(2)),
        String(m.customers),
      ]),
    );
    const expected = lines(readFileSync(resolve('test/fixtures/dbt-expected-movements.csv'), 'utf8')).slice(1);
    expect(rows.slice(1).map((c) => c.slice(0, 9))).toEqual(expected);
  });

  it('JSON with --as-of, written with --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mrr-cli-e2e-')), 'movements.json');
    const r = mrrKit('movements', PERIODS, '--as-of', '2020-12', '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { movements: { month: string }[]; summary: unknown; cohorts: unknown };
    expect(json.movements.at(-1)!.month).toBe('2020-12');
    expect(json.summary).not.toBeNull();
    expect(json.cohorts).not.toBeNull();
  });

  it('piped into a reader that stops early (| head -1): ends quietly with exit code 0, no EPIPE', () => {
    // ~1 000 years of months: far more than a pipe holds, so the writes go on after head has left.
    for (const format of ['csv', 'json']) {
      const r = spawnSync(
        'bash',
        ['-c', 'set -o pipefail; "$0" movements "$1" --as-of 2999-12 --format "$2" | head -1', BIN, PERIODS, format],
        { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      );
      expect(r.stdout).toEqual(format === 'csv' ? expect.stringMatching(/^month,startingMrr,/) : '{\n');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('refuses bad input with exit code 2 and the line and column on stderr', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mrr-cli-e2e-')), 'bad.csv');
    writeFileSync(file, 'customer_id,start_date,end_date,monthly_amount\nc1,2024-01-05,,30\nc2,2024-02-30,,20\n');
    const r = mrrKit('movements', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3, column 2 ("start_date"): "2024-02-30" is not a date');
    expect(r.stdout).toBe('');
  });

  it('the SQL it prints, run on DuckDB over the same fixture, gives the same movements', async () => {
    const sql = mrrKit('sql', '--dialect', 'duckdb', '--as-of', '2020-02');
    expect(sql.code).toBe(0);
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`CREATE TABLE subscription_periods AS SELECT customer_id, start_date, end_date,
        monthly_amount AS amount, 'month' AS "interval", 1 AS interval_count FROM read_csv('${PERIODS}')`);
    const reader = await connection.runAndReadAll(sql.stdout);
    const fromSql = reader
      .getRowObjectsJS()
      .map((r) => [(r.month as Date).toISOString().slice(0, 7), Number(r.ending_mrr).toFixed(2), String(r.customers as bigint)]);
    connection.closeSync();
    const cli = lines(mrrKit('movements', PERIODS, '--as-of', '2020-02').stdout).slice(1);
    expect(fromSql).toEqual(cli.map((c) => [c[0], c[7], c[8]]));
  });
});

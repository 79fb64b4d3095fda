import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../src/import/mapping.js';
import { ImportCancelledError, sniff, streamImport } from '../../src/import/stream.js';
import type { ImportProgress, ImportResult } from '../../src/import/types.js';
import { columnsToPeriods } from '../../src/core/period-columns.js';
import { analyzeSubscriptions } from '../../src/core/movements.js';
import { PiecesBlob } from '../shared/pieces-blob.js';

/** streamImport, with the imported columns read back as periods (monthly amounts). */
const importPeriods = (...args: Parameters<typeof streamImport>) =>
  streamImport(...args).then((result: ImportResult) => ({ ...result, periods: columnsToPeriods(result.columns) }));

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const blob = (name: string) => new Blob([fixture(name)]);
const text = (name: string) => fixture(name).toString('utf8');

describe('streamImport: the dbt playbook fixture end to end', () => {
  const csv = text('dbt-subscription-periods.csv');
  const lines = csv.trim().split('\n').slice(1);
  const mapping = guessMapping(csv.split('\n')[0]!.split(','));

  for (const [label, input, chunkSize] of [
    ['a string', csv, undefined],
    ['a Blob', blob('dbt-subscription-periods.csv'), undefined],
    ['a Blob in 7-byte chunks', blob('dbt-subscription-periods.csv'), 7],
  ] as const) {
    it(`imports every row from ${label}`, async () => {
      const { periods, report, analysis } = await importPeriods(input, mapping, {}, { chunkSize });
      expect(report.fatal).toBeUndefined();
      // The analysis comes with the import (the worker runs it) and is that of the periods.
      expect(analysis).toEqual(analyzeSubscriptions(periods));
      expect(analysis!.movements.at(-1)!.month).toBe('2020-02');
      expect(report.rowsRead).toBe(lines.length);
      expect(report.errors.count).toBe(0);
      expect(periods).toHaveLength(lines.length);
      const [, customer, start, end, amount] = lines[0]!.split(',');
      expect(periods[0]).toEqual({ customerId: customer, start, end: end || null, amount: Number(amount) });
      expect(report.customers).toBe(new Set(lines.map((i18n) => i18n.split(',')[1])).size);
    });
  }
});

describe('streamImport: a Blob read as a stream', () => {
  // Over 2 MiB (several chunks), with characters of two and three bytes cut between pieces.
  const rows = Array.from(
    { length: 45_000 },
    (_, i) => `Société-é中-${i % 9000},2024-${1 + (i % 12)}-0${1 + (i % 9)},,${i % 1000 === 7 ? 'n/a' : `${10 + (i % 50)}.5`}`,
  );
  const csv = `customer_id,start_date,end_date,monthly_amount\n${rows.join('\n')}\n`;
  const mapping = guessMapping(['customer_id', 'start_date', 'end_date', 'monthly_amount']);

  it('reads the same periods, ids and line numbers as from the text, whatever the stream’s pieces', async () => {
    const expected = await importPeriods(csv, mapping);
    expect(expected.report.rowsRead).toBe(45_000);
    expect(expected.report.errors.count, 'rows in error, with their lines').toBe(45);
    for (const input of [new Blob([csv]), new PiecesBlob([csv], { sizes: 4093 }), new PiecesBlob([csv], { sizes: 5 })]) {
      const got = await importPeriods(input, mapping);
      expect(got.periods).toEqual(expected.periods);
      expect(got.report).toEqual(expected.report);
    }
  });
});

describe('streamImport: a stream that never says it ended', () => {
  // A stream that hands out its bytes and then never answers the read that would say "done"
  // (what Chromium's stream of a File slice sometimes did: the import then waited for ever).
  const rows = Array.from({ length: 30_000 }, (_, i) => `cus_${i % 4000},2024-0${1 + (i % 9)}-15,,${10 + (i % 90)}`);
  const csv = `customer_id,start_date,end_date,monthly_amount\n${rows.join('\n')}\n`;
  const mapping = guessMapping(['customer_id', 'start_date', 'end_date', 'monthly_amount']);

  for (const bytesStream of [true, false]) {
    it(`finishes once the Blob's size is read (${bytesStream ? 'a byte stream' : 'a plain stream'})`, async () => {
      const expected = await importPeriods(csv, mapping);
      const input = new PiecesBlob([csv], { sizes: 100_000, end: 'never', bytes: bytesStream });
      const timeout = new Promise<'waited for ever'>((resolve) => setTimeout(() => resolve('waited for ever'), 3000));
      const got = await Promise.race([importPeriods(input, mapping), timeout]);
      expect(got).not.toBe('waited for ever');
      if (got === 'waited for ever') return;
      expect(got.periods).toEqual(expected.periods);
      expect(got.report).toEqual(expected.report);
      // A byte stream is pulled when read only: no read was asked after the last byte. (A plain one
      // pulls ahead by itself.)
      if (bytesStream) expect(input.reads, 'a read after the last byte').toBe(Math.ceil(csv.length / 100_000));
    });
  }
});

describe('streamImport: bad files', () => {
  const plain = guessMapping(['customer_id', 'start_date', 'end_date', 'monthly_amount']);

  it('reports line numbers that count quoted line breaks, whatever the chunking', async () => {
    for (const chunkSize of [undefined, 5, 16, 33]) {
      const { periods, report } = await importPeriods(blob('bad-rows.csv'), plain, {}, { chunkSize });
      expect(report.errors.first.map((e) => [e.line, e.code])).toEqual([
        [3, 'endBeforeStart'],
        [4, 'missingCustomer'],
        [5, 'badDate'],
        [6, 'negativeAmount'],
        [7, 'tooLarge'],
        [8, 'badAmount'],
        [13, 'tooFewColumns'],
      ]);
      expect(report.skipped.zeroAmount).toBe(1);
      expect(periods.map((p) => p.customerId)).toEqual(['c1', 'c8', 'c9', 'c11']);
      expect(periods[3]?.amount).toBe(1250.5);
      expect(report.rowsRead).toBe(12);
    }
  });

  it('strips a BOM, detects ; and CRLF, reads decimal commas with locale', async () => {
    const s = await sniff(blob('bom-semicolon.csv'));
    expect(s.hadBom).toBe(true);
    expect(s.delimiter).toBe(';');
    expect(s.headers).toEqual(['customer_id', 'start_date', 'end_date', 'monthly_amount']);
    expect(s.mapping.customerId).toBe('customer_id');
    expect(s.dateFormat).toBe('iso');
    const { periods } = await importPeriods(blob('bom-semicolon.csv'), s.mapping, { locale: 'fr' }, { chunkSize: 9 });
    expect(periods).toEqual([
      { customerId: 'c1', start: '2024-01-01', end: null, amount: 50 },
      { customerId: 'c2', start: '2024-02-01', end: '2024-05-01', amount: 25.5 },
    ]);
    const fromString = await importPeriods(text('bom-semicolon.csv'), s.mapping, { locale: 'fr' });
    expect(fromString.periods).toEqual(periods);
  });

  it('says when a file has one column although its lines hold another delimiter', async () => {
    const s = await sniff(blob('bom-semicolon.csv'), { delimiter: ',' });
    expect(s.headers).toHaveLength(1);
    expect(s.suspectedDelimiter).toBe(';');
    expect(s.warnings).toContain('singleColumn');
  });

  it('refuses empty, blank, header-only and binary files with a code', async () => {
    expect((await sniff(blob('empty.csv'))).fatal).toEqual({ code: 'emptyFile' });
    expect((await importPeriods(blob('empty.csv'), plain)).report.fatal).toEqual({ code: 'emptyFile' });
    expect((await importPeriods('\n\r\n  \n', plain)).report.fatal).toEqual({ code: 'emptyFile' });
    expect((await sniff(blob('header-only.csv'))).fatal).toEqual({ code: 'noDataRows' });
    expect((await importPeriods(blob('header-only.csv'), plain)).report.fatal).toEqual({ code: 'noDataRows' });
    expect((await sniff(blob('binary.csv'))).fatal).toEqual({ code: 'binaryFile' });
    const binary = await importPeriods(blob('binary.csv'), plain);
    expect(binary.report.fatal).toEqual({ code: 'binaryFile' });
    expect(binary.periods).toEqual([]);
  });

  it('refuses a mapping naming columns the file lacks', async () => {
    const { report } = await importPeriods(blob('stripe-subscriptions.csv'), plain);
    expect(report.fatal?.code).toBe('invalidMapping');
  });

  it('stops an unbalanced quote from swallowing the file', async () => {
    const body = 'customer_id,start_date,end_date,monthly_amount\nc1,2024-01-01,,"50\n' + 'c2,2024-01-01,,5\n'.repeat(600_000);
    const { report } = await importPeriods(body, plain, {}, { chunkSize: 1 << 20 });
    expect(report.fatal).toEqual({ code: 'unterminatedQuote', line: 2 });
  });

  it('refuses a quote never closed, naming its line, and reads a stray inner quote as a bad row', async () => {
    const unclosed = 'customer_id,start_date,end_date,monthly_amount\nc1,2024-01-01,,5\nc2,"2024-01-01,,5\nc3,2024-01-01,,5\n';
    for (const chunkSize of [undefined, 8]) {
      const { report } = await importPeriods(unclosed, plain, {}, { chunkSize });
      expect(report.fatal).toEqual({ code: 'unterminatedQuote', line: 3 });
    }
    const swallowing =
      'customer_id,start_date,end_date,monthly_amount\nc1,2024-01-01,,5\n"c2"x,2024-01-01,,5\nc3,2024-01-01,,5\n';
    expect((await importPeriods(swallowing, plain)).report.fatal).toEqual({ code: 'unterminatedQuote', line: 3 });
    const stray = 'customer_id,start_date,end_date,monthly_amount\nc1,2024-01-01,,5\n"c2"x,"2024-01-01",,5\nc3,2024-01-01,,5\n';
    const { report, periods } = await importPeriods(stray, plain);
    expect(report.errors.first.map((e) => [e.line, e.code])).toEqual([[3, 'badQuotes']]);
    expect(periods.map((p) => p.customerId)).toEqual(['c1', 'c3']);
  });

  it('reads UTF-16 exports', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('customer_id,start_date,monthly_amount\nc1,2024-01-01,9\n', 'utf16le'),
    ]);
    const s = await sniff(new Blob([utf16]));
    expect(s.fatal).toBeUndefined();
    const { periods } = await importPeriods(new Blob([utf16]), s.mapping);
    expect(periods).toEqual([{ customerId: 'c1', start: '2024-01-01', end: null, amount: 9 }]);
  });
});

describe('sniff and import of a Stripe-like export', () => {
  it('guesses the mapping and imports with skips counted', async () => {
    const s = await sniff(blob('stripe-subscriptions.csv'));
    expect(s.mapping).toMatchObject({
      customerId: 'Customer ID',
      start: 'Start Date (UTC)',
      end: 'Ended At (UTC)',
      amount: 'Plan Amount',
      interval: 'Plan Interval',
      amountIsMonthly: false,
    });
    expect(s.sampleRows).toHaveLength(8);
    expect(s.dateFormat).toBe('iso');
    const { periods, report } = await importPeriods(blob('stripe-subscriptions.csv'), s.mapping);
    expect(report.skipped).toEqual({ trial: 1, zeroAmount: 1, oneTime: 1, status: 1, emptyLine: 0 });
    expect(report.errors.count).toBe(0);
    expect(periods).toEqual([
      { customerId: 'cus_A', start: '2023-01-05', end: null, amount: 49 },
      { customerId: 'cus_B', start: '2023-02-10', end: null, amount: 500 }, // 1200 a year × 5 seats
      { customerId: 'cus_C', start: '2023-03-01', end: '2023-09-01', amount: 49 },
      { customerId: 'cus_G', start: '2023-06-15', end: null, amount: 80 }, // 120 every 3 months × 2
    ]);
    expect(report).toMatchObject({ rowsRead: 8, periodsImported: 4, customers: 4, currency: 'USD' });
  });
});

describe('streamImport: progress and cancel', () => {
  const mapping = guessMapping(['customer_id', 'start_date', 'end_date', 'monthly_amount']);
  const big =
    'customer_id,start_date,end_date,monthly_amount\n' +
    Array.from({ length: 20_000 }, (_, i) => `c${i},2024-01-01,,${(i % 90) + 1}`).join('\n');

  it('reports progress, the last at 100 %', async () => {
    const seen: ImportProgress[] = [];
    const { report } = await importPeriods(
      big,
      mapping,
      {},
      { chunkSize: 4096, progressIntervalMs: 0, onProgress: (p) => seen.push(p) },
    );
    expect(report.periodsImported).toBe(20_000);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toMatchObject({ rowsRead: 20_000, fraction: 1 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]!.bytesRead);
  });

  it('cancels between chunks', async () => {
    let chunks = 0;
    await expect(
      streamImport(
        big,
        mapping,
        {},
        { chunkSize: 4096, isCancelled: () => chunks > 3, betweenChunks: () => Promise.resolve(void (chunks += 1)) },
      ),
    ).rejects.toBeInstanceOf(ImportCancelledError);
  });
});

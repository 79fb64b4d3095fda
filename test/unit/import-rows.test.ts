import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../src/import/mapping.js';
import { createRowProcessor, errorsToCsv } from '../../src/import/rows.js';
import type { ImportOptions } from '../../src/import/types.js';
import { columnsToPeriods } from '../../src/core/period-columns.js';
import { MAX_AMOUNT } from '../../src/core/money.js';
import { validatePeriod } from '../../src/core/movements.js';

const PLAIN = ['customer_id', 'start_date', 'end_date', 'monthly_amount'];

function run(rows: string[][], headers = PLAIN, options: ImportOptions = {}, mapping = guessMapping(headers)) {
  const p = createRowProcessor(mapping, options, headers);
  rows.forEach((row, i) => p.push(row, i + 2));
  const result = p.finish();
  // Periods read back from the columns: monthly amounts, interval and quantity folded in.
  return { ...result, periods: columnsToPeriods(result.columns) };
}

describe('createRowProcessor', () => {
  it('turns plain rows into periods', () => {
    const { periods, report } = run([
      ['1', '2018-11-01', '2019-02-01', '50'],
      ['1', '2019-04-01', '', '50.5'],
      ['2', '2017-09-01', '2017-11-01', '25'],
    ]);
    expect(periods).toEqual([
      { customerId: '1', start: '2018-11-01', end: '2019-02-01', amount: 50 },
      { customerId: '1', start: '2019-04-01', end: null, amount: 50.5 },
      { customerId: '2', start: '2017-09-01', end: '2017-11-01', amount: 25 },
    ]);
    expect(report).toMatchObject({ rowsRead: 3, periodsImported: 3, customers: 2, currency: 'USD' });
    expect(report.errors.count).toBe(0);
    expect(report.fatal).toBeUndefined();
  });

  it('reports each unreadable row with its line and reason, and imports the rest', () => {
    const { periods, report } = run([
      ['a', '2024-02-01', '2024-01-01', '50'],
      ['', '2024-01-01', '', '50'],
      ['b', '2024-13-01', '', '50'],
      ['c', '2024-01-01', 'soon', '50'],
      ['d', '2024-01-01', '', '-20'],
      ['e', '2024-01-01', '', '5000000000000'],
      ['f', '2024-01-01', '', 'abc'],
      ['g', '2024-01-01'],
      ['h', '2024-01-01', '', '1', 'extra'],
      ['i', '2024-01-01', '', '10', ''],
      ['j', '2024-01-01', '', '$1,250.50'],
    ]);
    expect(report.errors.first).toEqual([
      { line: 2, code: 'endBeforeStart', column: 'end_date', value: '2024-01-01' },
      { line: 3, code: 'missingCustomer', column: 'customer_id' },
      { line: 4, code: 'badDate', column: 'start_date', value: '2024-13-01' },
      { line: 5, code: 'badDate', column: 'end_date', value: 'soon' },
      { line: 6, code: 'negativeAmount', column: 'monthly_amount', value: '-20' },
      { line: 7, code: 'tooLarge', column: 'monthly_amount', value: '5000000000000' },
      { line: 8, code: 'badAmount', column: 'monthly_amount', value: 'abc' },
      { line: 9, code: 'tooFewColumns', cells: 2, expected: 4 },
      { line: 10, code: 'tooManyColumns', cells: 5, expected: 4 },
    ]);
    expect(report.errors.count).toBe(9);
    expect(report.rowsRead).toBe(11);
    expect(periods.map((p) => [p.customerId, p.amount])).toEqual([
      ['i', 10],
      ['j', 1250.5],
    ]);
  });

  it('keeps every error compactly past the first 100 and exports them all as CSV', () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`c${i}`, 'bad', '', '1']);
    rows.push(['ok', '2024-01-01', '', '1']);
    const { report } = run(rows);
    expect(report.errors.count).toBe(250);
    expect(report.errors.first).toHaveLength(100);
    expect(report.errors.lines[249]).toBe(251);
    const csv = errorsToCsv(report.errors).trimEnd().split('\r\n');
    expect(csv).toHaveLength(251);
    expect(csv[0]).toBe('line,code,column,value');
    expect(csv[1]).toBe('2,badDate,start_date,bad');
    expect(csv[250]).toBe('251,badDate,,');
  });

  it('quotes and defuses cells in the error CSV', () => {
    const { report } = run([
      ['a', '=1+1', '', '1'],
      ['b', '2024-01-01', '', '"1,x"'],
    ]);
    const csv = errorsToCsv(report.errors).split('\r\n');
    // The product's one CSV writer: a neutralised cell is quoted too (src/core/csv.ts).
    expect(csv[1]).toBe(`2,badDate,start_date,"'=1+1"`);
    expect(csv[2]).toBe('3,badAmount,monthly_amount,"""1,x"""');
  });

  it('counts blank lines, zero amounts; never silently drops a row', () => {
    const { periods, report } = run([['', '', '', ''], [''], ['a', '2024-01-01', '', '0'], ['b', '2024-01-01', '', '5']]);
    expect(report.skipped).toEqual({ trial: 0, zeroAmount: 1, oneTime: 0, status: 0, emptyLine: 2 });
    expect(report.rowsRead).toBe(2);
    expect(periods).toHaveLength(1);
  });

  it('refuses an empty import and an invalid mapping with a fatal code', () => {
    expect(run([]).report.fatal).toEqual({ code: 'noDataRows' });
    const bad = run([['a', '2024-01-01', '', '5']], PLAIN, {}, { ...guessMapping(PLAIN), amount: null });
    expect(bad.report.fatal).toEqual({ code: 'invalidMapping', mappingIssues: [{ field: 'amount', code: 'required' }] });
    expect(bad.periods).toEqual([]);
  });
});

describe('Stripe-like rows', () => {
  const headers = [
    'Customer ID',
    'Status',
    'Start Date (UTC)',
    'Ended At (UTC)',
    'Trial End (UTC)',
    'Plan Interval',
    'Plan Interval Count',
    'Plan Amount',
    'Quantity',
    'Currency',
  ];
  const row = (o: Partial<Record<string, string>>) =>
    headers.map(
      (h) =>
        o[h] ??
        (
          {
            'Customer ID': 'cus_1',
            Status: 'active',
            'Start Date (UTC)': '2024-01-05 10:00',
            'Plan Interval': 'month',
            'Plan Amount': '49.00',
            Currency: 'usd',
          } as Record<string, string>
        )[h] ??
        '',
    );

  it('reads interval, count, quantity; starts paid periods at trial end', () => {
    const { periods, report } = run(
      [
        row({}),
        row({ 'Customer ID': 'cus_2', 'Plan Interval': 'year', 'Plan Amount': '1200', Quantity: '5' }),
        row({
          'Customer ID': 'cus_3',
          'Plan Interval Count': '3',
          'Trial End (UTC)': '2024-01-19 10:00',
          'Ended At (UTC)': '2024-06-01 00:00',
        }),
      ],
      headers,
    );
    expect(periods).toEqual([
      { customerId: 'cus_1', start: '2024-01-05', end: null, amount: 49 },
      { customerId: 'cus_2', start: '2024-01-05', end: null, amount: 500 }, // 1200 a year × 5 seats
      { customerId: 'cus_3', start: '2024-01-19', end: '2024-06-01', amount: 16.33 }, // 49 every 3 months
    ]);
    expect(report.currency).toBe('USD');
    expect(report.currenciesFound).toEqual({ USD: 3 });
  });

  it('counts trials, skipped statuses, one-time charges and zero amounts by reason', () => {
    const { periods, report } = run(
      [
        row({ Status: 'trialing' }),
        row({ 'Trial End (UTC)': '2024-02-01', 'Plan Amount': '0' }),
        row({ 'Trial End (UTC)': '2024-02-01', 'Ended At (UTC)': '2024-01-20' }),
        row({ Status: 'incomplete_expired' }),
        row({ 'Plan Interval': 'one_time' }),
        row({ 'Plan Interval': '' }),
        row({ 'Plan Amount': '0.00' }),
        row({ Quantity: '0' }),
        row({ 'Plan Interval': 'fortnight' }),
        row({}),
      ],
      headers,
    );
    expect(report.skipped).toEqual({ trial: 3, zeroAmount: 2, oneTime: 2, status: 1, emptyLine: 0 });
    expect(report.errors.first).toEqual([{ line: 10, code: 'badInterval', column: 'Plan Interval', value: 'fortnight' }]);
    expect(periods).toHaveLength(1);
  });

  it('refuses several currencies without rates, naming them', () => {
    const { periods, report } = run(
      [row({}), row({ Currency: 'eur' }), row({ Currency: 'GBP', 'Customer ID': 'cus_9' })],
      headers,
    );
    expect(periods).toEqual([]);
    expect(report.fatal).toEqual({
      code: 'multipleCurrencies',
      currencies: ['EUR', 'GBP', 'USD'],
      missingRates: ['EUR', 'GBP', 'USD'],
    });
    const partial = run([row({}), row({ Currency: 'eur' })], headers, { currency: 'USD' });
    expect(partial.report.fatal).toEqual({ code: 'multipleCurrencies', currencies: ['EUR', 'USD'], missingRates: ['EUR'] });
  });

  it('converts with rates into the dataset currency', () => {
    const { periods, report } = run(
      [row({}), row({ Currency: 'eur', 'Plan Amount': '10' }), row({ Currency: 'JPY', 'Plan Amount': '1000' })],
      headers,
      { rates: { EUR: 1.08, JPY: 0.00667 } },
    );
    expect(report.fatal).toBeUndefined();
    expect(report.currency).toBe('USD');
    expect(periods.map((p) => p.amount)).toEqual([49, 10.8, 6.67]);
    const toEur = run([row({}), row({ Currency: 'EUR', 'Plan Amount': '10' })], headers, {
      currency: 'eur',
      rates: { USD: 0.5 },
    });
    expect(toEur.report.currency).toBe('EUR');
    expect(toEur.periods.map((p) => p.amount)).toEqual([24.5, 10]);
  });

  it('refuses an unknown currency code per row', () => {
    const { report } = run([row({ Currency: 'dollars' }), row({})], headers);
    expect(report.errors.first[0]).toMatchObject({ code: 'badCurrency', value: 'dollars' });
    expect(report.periodsImported).toBe(1);
  });

  it('reads minor-unit amounts when told', () => {
    const mapping = { ...guessMapping(headers), amountInMinorUnits: true };
    const { periods } = run(
      [row({ 'Plan Amount': '4900' }), row({ Currency: 'jpy', 'Plan Amount': '500' })],
      headers,
      { rates: { JPY: 0.01 } },
      mapping,
    );
    expect(periods.map((p) => p.amount)).toEqual([49, 5]);
  });

  it('refuses Object.prototype names as intervals instead of pricing the row by the day', () => {
    const headers = ['customer_id', 'start_date', 'amount', 'interval'];
    const { periods, report } = run(
      [
        ['a', '2024-01-01', '100', 'constructor'],
        ['b', '2024-01-01', '100', '__proto__'],
        ['c', '2024-01-01', '100', 'toString'],
        ['d', '2024-01-01', '100', 'month'],
      ],
      headers,
    );
    expect(report.errors.first.map((e) => [e.line, e.code, e.value])).toEqual([
      [2, 'badInterval', 'constructor'],
      [3, 'badInterval', '__proto__'],
      [4, 'badInterval', 'toString'],
    ]);
    expect(periods).toEqual([{ customerId: 'd', start: '2024-01-01', end: null, amount: 100 }]);
  });

  it("has the core's one amount limit: what the engine accepts imports, what it refuses is reported", () => {
    const below = String(MAX_AMOUNT);
    const above = String(MAX_AMOUNT * 10);
    const { periods, report } = run([
      ['a', '2024-01-01', '', below],
      ['b', '2024-01-01', '', above],
    ]);
    expect(periods.map((p) => p.customerId)).toEqual(['a']);
    expect(report.errors.first).toEqual([{ line: 3, code: 'tooLarge', column: 'monthly_amount', value: above }]);
    expect(validatePeriod({ customerId: 'a', start: '2024-01-01', amount: Number(below) })).toBeNull();
    expect(validatePeriod({ customerId: 'b', start: '2024-01-01', amount: Number(above) })).toMatchObject({ code: 'tooLarge' });
  });
});

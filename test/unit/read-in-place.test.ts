/**
 * The import reads quote-free rows in place (cells as spans of the line, numbers and dates from
 * the character codes): it must read exactly what the string readers read. Each in-place reader
 * against its string reader, and a whole import read in place against the same file read through
 * papaparse's cell strings (a quote in a chunk sends it there).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainAmountAt, type NumberFormat } from '../../src/core/number-format.js';
import { readDay, readDayAt, type DateFormat } from '../../src/core/dates.js';
import { PeriodColumnsBuilder } from '../../src/core/period-columns.js';
import { streamImport } from '../../src/import/stream.js';
import type { ColumnMapping } from '../../src/import/types.js';

const MAX_AMOUNT = 1e12;

/** The plain-number rule as the regular expressions wrote it before the in-place reader. */
function plainReference(text: string, format: NumberFormat | undefined): number | undefined {
  let value: number | undefined;
  if (/^-?\d{1,15}$/.test(text)) value = Number(text);
  else if (format === 'dot' ? /^-?\d+\.\d+$/.test(text) : format === undefined && /^-?\d+\.\d{1,2}$/.test(text))
    value = Number(text);
  else if (format === 'comma' && /^-?\d+,\d+$/.test(text)) value = Number(text.replace(',', '.'));
  return value !== undefined && Math.abs(value) <= MAX_AMOUNT ? (Object.is(value, -0) ? 0 : value) : undefined;
}

const digits = (max: number) => fc.stringMatching(new RegExp(`^\\d{1,${max}}$`));
const numberText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '-', '+', ' '),
      digits(16),
      fc.constantFrom('', '.', ',', ' '),
      fc.constantFrom('', '0', '5', '05', '999'),
      digits(8),
    )
    .map(([sign, whole, mark, a, b]) => `${sign}${whole}${mark}${mark ? a + (b.length % 2 ? b : '') : ''}`),
  fc.constantFrom('-0', '-0.00', '0,5', '1e3', '12abc', '.5', '5.', '1.2.3', '999999999999.99', '1000000000000.01', '٣'),
  fc.string({ maxLength: 10 }),
);
const formats = fc.constantFrom<NumberFormat | undefined>('dot', 'comma', undefined);

describe('plainAmountAt', () => {
  it('reads a cell in place as the plain-number rule reads the cut-out cell, or leaves it to the full reader', () => {
    fc.assert(
      fc.property(numberText, formats, fc.string({ maxLength: 3 }), (text, format, pad) => {
        const line = `${pad}${text}${pad}`;
        const got = plainAmountAt(line, pad.length, pad.length + text.length, format);
        const want = plainReference(text, format);
        if (got !== undefined) expect(got).toBe(want);
        // Up to 15 digits every plain number is read in place (more may round: the full reader's).
        else if (text.replace(/\D/g, '').length <= 15) expect(want).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('never reads −0, a group separator or a second mark', () => {
    expect(Object.is(plainAmountAt('-0.00', 0, 5, 'dot'), 0)).toBe(true);
    expect(plainAmountAt('1.200', 0, 5, 'comma')).toBeUndefined();
    expect(plainAmountAt('1.234', 0, 5, undefined)).toBeUndefined(); // reads two ways
    expect(plainAmountAt('12,5', 0, 4, 'comma')).toBe(12.5);
    expect(plainAmountAt('0.1', 0, 3, 'dot')).toBe(0.1);
    expect(plainAmountAt('x123.45y', 1, 7, 'dot')).toBe(123.45);
  });
});

const dateText = fc.oneof(
  fc
    .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
    .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom(
    '2024-02-30',
    '2023-02-29',
    '2024-02-29',
    '2024-1-05',
    '03/04/2024',
    '2024-01-05T10:00:00Z',
    ' 2024-01-05',
    '2024/01/05',
  ),
  fc.string({ minLength: 10, maxLength: 10 }),
  fc.string({ maxLength: 12 }),
);

describe('readDayAt', () => {
  it('reads a date cell in place as readDay reads it cut out', () => {
    fc.assert(
      fc.property(
        dateText,
        fc.constantFrom<DateFormat>('iso', 'dmy', 'mdy', 'unix'),
        fc.string({ maxLength: 3 }),
        (text, format, pad) => {
          const line = `${pad}${text}${pad}`;
          expect(readDayAt(line, pad.length, pad.length + text.length, format)).toBe(readDay(text, format));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

// A whole import: the same rows read in place (no quote anywhere) and as papaparse's cells.

const row = fc.record({
  customer: fc.constantFrom('c1', 'c2', ' c3 ', 'c4', ''),
  start: fc.constantFrom('2024-01-05', '2024-02-29', ' 2024-03-15 ', '2024-13-01', '2023-11-30'),
  end: fc.constantFrom('', '', '2024-06-01', '2024-04-10', '2023-01-01', 'soon'),
  amount: fc.constantFrom('100', '49.99', ' 12.5 ', '-3', '1e3', '12.000', '0', '999999999999.99', '10000000000000', '7.1'),
  interval: fc.constantFrom('month', 'year', ' Quarter ', 'week', 'once', 'fortnight', 'day'),
  count: fc.constantFrom('', '1', '3', '0', '2.5'),
  quantity: fc.constantFrom('', '1', '2', '0.5', '-1', 'x'),
  status: fc.constantFrom('active', 'active', 'trialing', 'incomplete', ''),
  extra: fc.constantFrom('', '', 'z'),
});
const mapping: ColumnMapping = {
  customerId: 'customer',
  start: 'start',
  end: 'end',
  amount: 'amount',
  interval: 'interval',
  intervalCount: 'count',
  quantity: 'quantity',
  currency: null,
  status: 'status',
  trialEnd: null,
  amountIsMonthly: false,
  amountInMinorUnits: false,
};

describe('an import read in place', () => {
  it('gives the periods, report and errors of the same file read as cell strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.constantFrom<NumberFormat | undefined>('dot', undefined),
        async (rows, minor, numberFormat) => {
          const header = 'customer,start,end,amount,interval,count,quantity,status';
          const lines = rows.map(
            (r) =>
              [r.customer, r.start, r.end, r.amount, r.interval, r.count, r.quantity, r.status].join(',') +
              (r.extra ? `,${r.extra}` : ''),
          );
          const plain = [header, ...lines, ''].join('\n');
          // The same cells, the header's first one quoted: every chunk goes through papaparse.
          const quoted = `"customer"${plain.slice('customer'.length)}`;
          const options = { numberFormat, analysis: { asOf: '2024-12' } };
          const m = { ...mapping, amountInMinorUnits: minor };
          // And the cells without the spaces around them, which the reader must ignore.
          const trimmed = plain.replace(/ *, */g, ',').replace(/^ +| +$/gm, '');
          const a = await streamImport(new Blob([plain]), m, options);
          const b = await streamImport(quoted, m, options);
          const c = await streamImport(trimmed, m, options);
          expect(a.report).toEqual(b.report);
          expect(a.columns).toEqual(b.columns);
          expect(a.analysis).toEqual(b.analysis);
          expect(c.report).toEqual(a.report);
          expect(c.columns).toEqual(a.columns);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('computes each row’s monthly amount as it reads (no currency column) as when it converts at the end', async () => {
    const rows = ['a,2024-01-05,,49.99,year,1,3', 'b,2024-02-10,2024-08-01,100,quarter,2,1', 'c,2024-03-01,,0.07,week,1,7'];
    const without = ['customer,start,end,amount,interval,count,quantity', ...rows].join('\n');
    const withCurrency = ['customer,start,end,amount,interval,count,quantity,currency', ...rows.map((r) => `${r},USD`)].join(
      '\n',
    );
    const m = { ...mapping, status: null };
    const a = await streamImport(without, m, { currency: 'USD' });
    const b = await streamImport(withCurrency, { ...m, currency: 'currency' }, { currency: 'USD' });
    expect(a.report.fatal).toBeUndefined();
    expect(Array.from(a.columns.monthlyMinor)).toEqual(Array.from(b.columns.monthlyMinor));
    expect(a.analysis?.movements).toEqual(b.analysis?.movements);
  });
});

describe('the customer id table', () => {
  it('gives each id one dense index, in order of first sight, read in place or as a string', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'a', 'a ', 'é', '\u202e')), {
          maxLength: 3000,
        }),
        fc.boolean(),
        (ids, inPlace) => {
          const builder = new PeriodColumnsBuilder('USD');
          const reference = new Map<string, number>();
          for (const id of ids) {
            if (!reference.has(id)) reference.set(id, reference.size);
            const line = `,${id};`;
            const got = inPlace ? builder.customerIndexAt(line, 1, 1 + id.length) : builder.customerIndex(id);
            expect(got).toBe(reference.get(id));
          }
          expect(builder.customerIds).toEqual([...reference.keys()]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

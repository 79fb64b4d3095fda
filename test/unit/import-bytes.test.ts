/**
 * A UTF-8 file is read mostly as bytes (the chunks after the header that hold no quote, never
 * decoded): the row processor reads dates, amounts, intervals and customer ids from the bytes, and
 * decodes only what it keeps as text. Whatever the cells hold (spaces of several bytes around
 * values, ids in Arabic or with accents, amounts in either format, bad dates, unknown intervals,
 * bytes that are no UTF-8), the import must give exactly what reading the same file as text gives:
 * periods, customer table, report (errors with their values, on their lines) and analysis.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importRowHandlers, readCsvRows, streamImport } from '../../src/import/stream.js';
import { createRowProcessor } from '../../src/import/rows.js';
import { guessMapping } from '../../src/import/mapping.js';
import type { ImportOptions, ImportResult } from '../../src/import/types.js';
import { PiecesBlob } from '../shared/pieces-blob.js';

const HEADERS = [
  'customer_id',
  'start_date',
  'end_date',
  'amount',
  'interval',
  'interval_count',
  'quantity',
  'status',
  'currency',
  'trial_end',
];
const mapping = guessMapping(HEADERS);

/** Everything a reader of the import may see, in plain values. */
function plain(result: ImportResult) {
  const { columns, report, analysis } = result;
  return {
    columns: {
      ...columns,
      customer: [...columns.customer],
      startDay: [...columns.startDay],
      endDay: [...columns.endDay],
      monthlyMinor: [...columns.monthlyMinor],
    },
    report: { ...report, errors: { ...report.errors, lines: [...report.errors.lines], codes: [...report.errors.codes] } },
    analysis,
  };
}

// Spaces `trim` removes, of one, two and three bytes, and characters that look alike but are not spaces.
const pad = fc.constantFrom('', '', '', ' ', '\t', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u200b', '\u0085');
const padded = (value: fc.Arbitrary<string>) => fc.tuple(pad, value, pad).map(([a, v, b]) => `${a}${v}${b}`);
const day = fc
  .tuple(fc.integer({ min: 2019, max: 2024 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const date = fc.oneof(
  { weight: 6, arbitrary: day },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2024-02-30',
      '2024-13-01',
      '03/04/2024',
      '2024-03-01T23:00:00-05:00',
      '٢٠٢٤-٠١-٠١',
      'soon',
      '2024‐01‐01',
    ),
  },
);
const cells = {
  customer: padded(fc.constantFrom('cus_1', 'cus_2', 'cus_3', 'Acme Inc', 'عميل', 'cus_é', 'Ünïcode', 'cus_1 ', '', 'a\u202eb')),
  start: padded(date),
  end: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 3, arbitrary: padded(date) }),
  amount: padded(
    fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 500_000 }).map((c) => (c / 100).toFixed(2)) },
      { weight: 1, arbitrary: fc.constantFrom('1.234,56', '12.000', '12,5', '-5', '99', '1e3', '١٢', '12 000', '€12', '0') },
    ),
  ),
  interval: padded(fc.constantFrom('month', 'month', 'Year', 'WEEK', 'quarter', 'day', 'one_time', 'mensuel', 'mois', '')),
  count: padded(fc.constantFrom('1', '1', '2', '3', '', '0', '1.5', '١', '1001')),
  quantity: padded(fc.constantFrom('1', '1', '2', '0.5', '', '-1', 'x', '٣')),
  status: padded(fc.constantFrom('', 'active', 'Active', 'trialing', 'TRIALING', 'incomplete', 'canceled', 'état')),
  currency: padded(fc.constantFrom('', 'USD', 'usd', 'EUR', 'XYZ', 'US$', 'ÉUR')),
  trialEnd: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: padded(date) }),
};
const rowArb = fc.oneof(
  { weight: 12, arbitrary: fc.record(cells).map((r) => Object.values(r)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string[]>(
      [''],
      ['cus_9', '2024-01-01'],
      [...Array<string>(10).fill('x'), 'extra'],
      [...Array<string>(10).fill(''), ''],
    ),
  },
);
const optionsArb = fc.record({
  numberFormat: fc.constantFrom(undefined, 'dot', 'comma'),
  dateFormat: fc.constantFrom('iso', 'dmy'),
  amountInMinorUnits: fc.boolean(),
});

function importOptions(o: { numberFormat?: 'dot' | 'comma'; dateFormat: 'iso' | 'dmy' }): ImportOptions {
  // The delimiter given (a guess from a sample of another size may differ); cells hold commas.
  return {
    ...(o.numberFormat ? { numberFormat: o.numberFormat } : {}),
    dateFormat: o.dateFormat,
    rates: { EUR: 1.1 },
    currency: 'USD',
    delimiter: ';',
  };
}

/** The rows pushed to a row processor as strings, or as UTF-8 bytes: its result. */
function processed(
  rows: readonly (readonly string[])[],
  m: typeof mapping,
  options: ImportOptions,
  asBytes: boolean,
  plainRows = true,
) {
  const processor = createRowProcessor(m, options, HEADERS, { plainRows });
  const encoder = new TextEncoder();
  rows.forEach((row, i) => {
    const bounds = new Int32Array(row.length * 2);
    let text = '';
    row.forEach((cell, k) => {
      const at = asBytes ? encoder.encode(text).length : text.length;
      text += cell;
      bounds[2 * k] = at;
      bounds[2 * k + 1] = asBytes ? encoder.encode(text).length : text.length;
    });
    processor.pushSpan(asBytes ? encoder.encode(text) : text, bounds, row.length, i + 2);
  });
  return plain({ ...processor.finish(), analysis: null });
}

/** {@link processed} of rows with `headers` in another order, read the whole way (row by row, as bytes). */
function processedInOrder(
  rows: readonly (readonly string[])[],
  headers: readonly string[],
  m: typeof mapping,
  options: ImportOptions,
) {
  const processor = createRowProcessor(m, options, headers, { plainRows: false });
  const encoder = new TextEncoder();
  rows.forEach((row, i) => {
    const bounds = new Int32Array(row.length * 2);
    let at = 0;
    const parts = row.map((cell) => encoder.encode(cell));
    parts.forEach((bytes, k) => {
      bounds[2 * k] = at;
      at += bytes.length;
      bounds[2 * k + 1] = at;
    });
    const text = new Uint8Array(at);
    parts.forEach((bytes, k) => text.set(bytes, bounds[2 * k]));
    processor.pushSpan(text, bounds, row.length, i + 2);
  });
  return plain({ ...processor.finish(), analysis: null });
}

/** What reading `text` as a file gives with every row read the whole way (no plain rows at once). */
async function wholeWayOfFile(text: string, m: typeof mapping, options: ImportOptions) {
  let processor: ReturnType<typeof createRowProcessor> | undefined;
  const header = (headers: string[]) => void (processor = createRowProcessor(m, options, headers, { plainRows: false }));
  await readCsvRows(
    new Blob([text]),
    importRowHandlers(() => processor, header),
    { delimiter: options.delimiter },
  );
  return plain({ ...processor!.finish(), analysis: null });
}

describe('a file read as bytes', () => {
  it('gives what its text gives, whatever the cells hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        optionsArb,
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 16, max: 400 }),
        async (rows, o, newline, chunkSize) => {
          const m = { ...mapping, amountInMinorUnits: o.amountInMinorUnits };
          const options = importOptions(o);
          // The row processor reads a row's bytes as it reads its text.
          const fromText = processed(rows, m, options, false);
          expect(processed(rows, m, options, true)).toEqual(fromText);
          // And a file read in chunks of any size, as bytes, gives the same.
          const text = [HEADERS.join(';'), ...rows.map((r) => r.join(';'))].join(newline) + newline;
          const file = plain(await streamImport(new Blob([text]), m, options, { chunkSize }));
          expect({ ...file, analysis: null }).toEqual(fromText);
          expect(plain(await streamImport(new Blob([text]), m, options))).toEqual(file);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('a file of several chunks read as a stream (pieces put after each chunk tail) gives what its text gives', async () => {
    // About 3.5 MB: four chunks of 1 MiB, rows of several lengths, two-byte characters, a quoted
    // row now and then (that chunk is read as text, the others as bytes).
    const rows: string[] = [HEADERS.join(';')];
    for (let i = 0; i < 45_000; i++) {
      const id = i % 7 === 0 ? `clïent_${i % 900}` : `cus_${i % 1300}`;
      const note = i % 5000 === 17 ? '"quoted; with a delimiter"' : 'x'.repeat(i % 13);
      rows.push([id, '2024-01-15', i % 3 ? '2024-06-01' : '', `${(i % 500) + 0.5}`, 'month', '1', '1', '', '', note].join(';'));
    }
    const text = rows.join('\n') + '\n';
    const headersWithNote = [...HEADERS.slice(0, -1), 'note'];
    const m = { ...guessMapping(headersWithNote), trialEnd: null };
    const options = importOptions({ dateFormat: 'iso' });
    const fromText = plain(await streamImport(text.replace(HEADERS.join(';'), headersWithNote.join(';')), m, options));
    const file = new TextEncoder().encode(text.replace(HEADERS.join(';'), headersWithNote.join(';')));
    expect(fromText.report.periodsImported).toBe(45_000);
    // A browser's stream hands a file over in pieces of its own size: here from 1 byte to 300 KB.
    for (const sizes of [[65_536], [1, 7, 65_536, 300_000, 13, 4_093]]) {
      const fromStream = plain(await streamImport(new PiecesBlob([file], { sizes }), m, options));
      expect(fromStream).toEqual(fromText);
    }
  });

  it('reads bytes that are no UTF-8 as TextDecoder does (U+FFFD), around and inside cells', async () => {
    const encoder = new TextEncoder();
    const junk = fc.constantFrom(
      [0xff],
      [0xc3],
      [0xe2, 0x80],
      [0xc0, 0xa0],
      [0xe0, 0x80, 0xa0],
      [0xed, 0xa0, 0x80],
      [0xc2, 0xa0],
      [],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.record(cells).map((r) => Object.values(r)),
            fc.nat(9),
            junk,
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 16, max: 300 }),
        async (rows, chunkSize) => {
          const parts: number[] = [...encoder.encode(HEADERS.join(';') + '\n')];
          for (const [row, at, bytes, before] of rows) {
            row.forEach((cell, k) => {
              if (k > 0) parts.push(0x3b);
              const encoded = [...encoder.encode(cell)];
              parts.push(...(k === at ? (before ? [...bytes, ...encoded] : [...encoded, ...bytes]) : encoded));
            });
            parts.push(0x0a);
          }
          const file = new Uint8Array(parts);
          const options = importOptions({ dateFormat: 'iso' });
          // The file as TextDecoder reads it (each malformed sequence one U+FFFD), against its bytes.
          const asText = plain(await streamImport(new TextDecoder().decode(file), mapping, options));
          const asBytes = plain(await streamImport(new Blob([file]), mapping, options, { chunkSize }));
          expect(asBytes).toEqual(asText);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads plain rows at once from a file as the whole way gives them, and any other row the whole way', async () => {
    // An import without status, currency or trial columns mapped (most large exports): rows whose
    // cells need no trimming, in ISO dates and plain numbers, are read at once; the rest (spaces,
    // other formats, errors, skipped rows) must come out as reading every row the whole way gives.
    const plainCells = {
      ...cells,
      customer: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('cus_1', 'cus_2', 'cus_3', 'Acme Inc', 'cus_é', 'عميل') },
        { weight: 1, arbitrary: cells.customer },
      ),
      start: fc.oneof({ weight: 4, arbitrary: day }, { weight: 1, arbitrary: cells.start }),
      end: fc.oneof(
        { weight: 2, arbitrary: fc.constant('') },
        { weight: 2, arbitrary: day },
        { weight: 1, arbitrary: cells.end },
      ),
      amount: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 500_000 }).map((c) => (c % 3 ? (c / 100).toFixed(2) : String(c))) },
        { weight: 1, arbitrary: fc.constantFrom('0', '0.00', '-5', '12.000', '1,50', '99999999999', '') },
        { weight: 1, arbitrary: cells.amount },
      ),
      interval: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('month', 'year', 'week', 'one_time', 'mensuel') },
        { weight: 1, arbitrary: cells.interval },
      ),
      count: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('1', '2', '12', '', '0', '1.5', '1001') },
        { weight: 1, arbitrary: cells.count },
      ),
      quantity: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('1', '3', '0.5', '', '0', '-1') },
        { weight: 1, arbitrary: cells.quantity },
      ),
    };
    const plainRowArb = fc.oneof(
      { weight: 12, arbitrary: fc.record(plainCells).map((r) => Object.values(r)) },
      // A row of one cell too many (blank or not), or one too few.
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.record(plainCells), fc.constantFrom('', 'x', ' ', null))
          .map(([r, extra]) => (extra === null ? Object.values(r).slice(0, -1) : [...Object.values(r), extra])),
      },
      { weight: 1, arbitrary: rowArb },
    );
    const columns = HEADERS.map((_, k) => k);
    await fc.assert(
      fc.asyncProperty(
        fc.array(plainRowArb, { minLength: 1, maxLength: 60 }),
        fc.record({
          numberFormat: fc.constantFrom(undefined, 'dot', 'comma'),
          dateFormat: fc.constantFrom('iso', 'dmy'),
          amountInMinorUnits: fc.constantFrom(false, false, false, true),
        }),
        fc.record({
          amountIsMonthly: fc.boolean(),
          interval: fc.boolean(),
          intervalCount: fc.boolean(),
          end: fc.boolean(),
          quantity: fc.boolean(),
        }),
        // Columns in any order (a date before or after the others, the last column any field), LF
        // or CRLF, chunks of any size (rows cut at a chunk's end) or the file's own stream.
        fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }),
        fc.constantFrom('\n', '\r\n'),
        fc.option(fc.integer({ min: 16, max: 300 }), { nil: undefined }),
        async (rows, o, mapped, order, newline, chunkSize) => {
          const m = {
            ...mapping,
            amountInMinorUnits: o.amountInMinorUnits,
            amountIsMonthly: mapped.amountIsMonthly,
            status: null,
            currency: null,
            trialEnd: null,
            interval: mapped.interval ? mapping.interval : null,
            intervalCount: mapped.intervalCount ? mapping.intervalCount : null,
            end: mapped.end ? mapping.end : null,
            quantity: mapped.quantity ? mapping.quantity : null,
          };
          const options = importOptions(o);
          const wholeWay = processed(rows, m, options, true, false);
          expect(processed(rows, m, options, false)).toEqual(wholeWay);
          // The same rows in a file, read at once where plain (the reader's `plainRun`).
          const reorder = (row: readonly string[]) => (row.length === HEADERS.length ? order.map((k) => row[k]!) : row);
          const text = [reorder(HEADERS), ...rows.map(reorder)].map((r) => r.join(';')).join(newline) + newline;
          const file = plain(await streamImport(new Blob([text]), m, options, chunkSize ? { chunkSize } : {}));
          const wholeWayInOrder = processedInOrder(rows.map(reorder), reorder(HEADERS), m, options);
          expect({ ...file, analysis: null }).toEqual(wholeWayInOrder);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the plain rows of files at their edges as the whole way does', async () => {
    // Rows plain but for one thing each, after plain rows that make the interval words known: a
    // count that is no whole number, a price over the maximum only once × quantity, an end before a
    // start written after it, a one-time charge, a lone line feed in a CRLF row, a row cut by the
    // file's end, a date of nine characters and one of eleven.
    // The same fields in two orders: a date last (read as ten bytes), or the quantity (read to the
    // line break, where a CRLF row may hold a lone line feed).
    const fields = ['end', 'id', 'amount', 'qty', 'interval', 'count', 'start'] as const;
    const m = {
      ...guessMapping([...fields]),
      customerId: 'id',
      start: 'start',
      end: 'end',
      amount: 'amount',
      quantity: 'qty',
      interval: 'interval',
      intervalCount: 'count',
    };
    type Row = Record<(typeof fields)[number], string>;
    const row = (r: Partial<Row>): Row => ({
      end: '',
      id: 'c',
      amount: '10',
      qty: '1',
      interval: 'month',
      count: '1',
      start: '2024-01-01',
      ...r,
    });
    const odd: Partial<Row>[] = [
      { count: '1.5' },
      { amount: '400000000000', qty: '3' },
      { end: '2023-06-01' },
      { interval: 'one_time' },
      { start: '2024-01-1' },
      { start: '2024-01-011' },
      { count: '1\n' },
      { qty: '1\n' },
      { interval: 'year', count: '2' },
    ];
    const options = importOptions({ dateFormat: 'iso', numberFormat: 'dot' });
    for (const order of [fields, ['end', 'id', 'amount', 'interval', 'count', 'start', 'qty'] as const]) {
      const line = (r: Row) => order.map((f) => r[f]).join(';');
      for (const newline of ['\n', '\r\n']) {
        for (const change of odd) {
          // After the first chunk (read as text, for the header), which these rows fill.
          const lines = [
            order.join(';'),
            ...Array.from({ length: 2500 }, (_, k) => line(row({ id: `f${k % 40}` }))),
            line(row({ id: 'a', end: '2024-06-01', qty: '2' })),
            line(row({ id: 'b', interval: 'one_time' })),
            line(row({ id: 'a', amount: '10.50' })),
            line(row(change)),
            line(row({ id: 'b' })),
            line(row({ id: 'a' })),
          ];
          for (const end of [newline, '']) {
            const text = lines.join(newline) + end;
            const file = plain(await streamImport(new Blob([text]), m, options));
            const fromText = await wholeWayOfFile(text, m, options);
            expect({ ...file, analysis: null }, JSON.stringify(text)).toEqual({ ...fromText, analysis: null });
          }
        }
      }
    }
  });
});

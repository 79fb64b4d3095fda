/**
 * A file read in two parts at once (`streamImportInParts`: the first half here, the rest by
 * `runPart`, in the browser another worker) gives exactly what one reader of the whole file gives:
 * periods, customer table, report (errors on their true lines, the first hundred detailed, skips,
 * currencies) and analysis. Where the middle of the file falls inside a quoted cell, or a part
 * fails, the file is read alone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamImport } from '../../src/import/stream.js';
import { cutPoint, cutPoints, readPart, streamImportInParts, type RunPart } from '../../src/import/parts.js';
import { guessMapping } from '../../src/import/mapping.js';
import type { ImportOptions, ImportResult } from '../../src/import/types.js';
import { PiecesBlob } from '../shared/pieces-blob.js';

const HEADERS = ['customer_id', 'start_date', 'end_date', 'amount', 'currency', 'note'];
const mapping = guessMapping(HEADERS);
const options: ImportOptions = { rates: { EUR: 1.1 }, currency: 'USD' };

/** Everything a reader of the file may see, in plain values (typed arrays as arrays). */
function plain(result: ImportResult) {
  const { columns, report, analysis } = result;
  return {
    columns: {
      length: columns.length,
      customerIds: columns.customerIds,
      customer: Array.from(columns.customer),
      startDay: Array.from(columns.startDay),
      endDay: Array.from(columns.endDay),
      monthlyMinor: Array.from(columns.monthlyMinor),
      currency: columns.currency,
    },
    report: {
      ...report,
      errors: { ...report.errors, lines: Array.from(report.errors.lines), codes: Array.from(report.errors.codes) },
    },
    analysis,
  };
}

const inProcess: RunPart = (request) => readPart(request);

/** Cuts into `parts` parts (any size) and returns the result with the number of parts handed out. */
async function inParts(text: string, runPart: RunPart = inProcess, opts: ImportOptions = options, parts = 2) {
  let calls = 0;
  const counted: RunPart = (request, progress) => {
    calls += 1;
    return runPart(request, progress);
  };
  const result = await streamImportInParts(new Blob([text]), mapping, opts, {}, Array(parts - 1).fill(counted) as RunPart[], 0);
  return { result, calls };
}

const alone = (text: string, opts: ImportOptions = options) => streamImport(new Blob([text]), mapping, opts);

const rowArb = fc.record({
  customer: fc.constantFrom('cus_1', 'cus_2', 'cus_3', 'Acme, Inc.', 'عميل', 'cus_é', ''),
  month: fc.integer({ min: 0, max: 40 }),
  day: fc.integer({ min: 1, max: 28 }),
  months: fc.option(fc.integer({ min: 1, max: 24 })),
  amount: fc.oneof(
    fc.integer({ min: 1, max: 500_000 }).map((c) => (c / 100).toFixed(2)),
    fc.constantFrom('0', 'abc', '-5', '1,234.50'),
  ),
  currency: fc.constantFrom('USD', 'USD', 'EUR', '', 'XYZ'),
  note: fc.constantFrom('', 'plain', 'say "hi"', 'two\nlines', 'a,b', 'crlf\r\nin', 'x'.repeat(300)),
  shape: fc.constantFrom('row', 'row', 'row', 'row', 'blank', 'short'),
});

type GenRow = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

function writeCsv(rows: GenRow[], newline: '\n' | '\r\n'): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const iso = (m: number, d: number) =>
    `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lines = [HEADERS.join(',')];
  for (const r of rows) {
    if (r.shape === 'blank') lines.push('');
    else {
      const cells = [
        r.customer,
        iso(r.month, r.day),
        r.months === null ? '' : iso(r.month + r.months, r.day),
        r.amount,
        r.currency,
        r.note,
      ];
      if (r.shape === 'short') cells.splice(2, 1);
      lines.push(cells.map(cell).join(','));
    }
  }
  return lines.join(newline) + newline;
}

describe('streamImportInParts: two parts read at once, one result', () => {
  it('equals one reader of the whole file, for random files (quoted line breaks, errors, currencies, CRLF)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 2, maxLength: 120 }),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        async (rows, nl) => {
          const text = writeCsv(rows, nl);
          const { result } = await inParts(text);
          expect(plain(result)).toEqual(plain(await alone(text)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the parts are really merged: the second part is what the rows after the cut become', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `cus_${i % 37},2021-0${(i % 9) + 1}-15,,${(i % 50) + 10}.25,USD,n${i}`);
    const text = `${HEADERS.join(',')}\n${rows.join('\n')}\n`;
    const { result, calls } = await inParts(text);
    expect(calls).toBe(1);
    expect(plain(result)).toEqual(plain(await alone(text)));
    // A second part read from another file changes the result: it was used, not read again here.
    const other = text.replace(/,USD,/g, ',EUR,');
    const swapped: RunPart = (request) =>
      readPart({ ...request, input: new Blob([other]).slice(new Blob([text]).size - request.input.size) });
    const mixed = await inParts(text, swapped);
    expect(mixed.result.report.currenciesFound.EUR).toBeGreaterThan(0);
    expect(mixed.result.report.currenciesFound.USD).toBeGreaterThan(0);
    expect(mixed.result.columns.length).toBe(result.columns.length);
  });

  it('errors of the second part keep their true lines, after a quoted line break in the first, and the first 100 stay detailed', async () => {
    const good = (i: number) => `cus_${i},2021-01-01,,10.00,USD,ok`;
    const bad = (i: number) => `cus_${i},2021-13-45,,10.00,USD,bad date`;
    const rows: string[] = ['cus_0,2021-01-01,,10.00,USD,"a note\nover two lines"'];
    for (let i = 1; i < 600; i++) rows.push(i % 4 === 0 ? bad(i) : good(i));
    const text = `${HEADERS.join(',')}\n${rows.join('\n')}\n`;
    const { result } = await inParts(text);
    const expected = await alone(text);
    expect(expected.report.errors.count).toBe(149);
    expect(plain(result)).toEqual(plain(expected));
    expect(result.report.errors.first).toHaveLength(100);
    // Line 1 is the header, the quoted cell spans lines 2 and 3: row i starts on line i + 3.
    expect(result.report.errors.first[99]!.line).toBe(400 + 3);
    expect(result.report.errors.lines[148]).toBe(596 + 3);
    // In four parts: each part's lines moved by all the lines before it.
    const four = await inParts(text, inProcess, options, 4);
    expect(four.calls).toBe(3);
    expect(plain(four.result)).toEqual(plain(expected));
  });

  it('a middle that falls inside a quoted cell: the whole file read alone, same result', async () => {
    const long = `"${'line of a long note\n'.repeat(400)}"`;
    const text = `${HEADERS.join(',')}\ncus_1,2021-01-01,,10.00,USD,${long}\ncus_2,2021-02-01,,20.00,USD,x\n`;
    const cut = await cutPoint(new Blob([text]), 0);
    expect(cut).toBeGreaterThan(text.indexOf(long));
    expect(cut).toBeLessThan(text.indexOf(long) + long.length);
    const { result } = await inParts(text);
    expect(plain(result)).toEqual(plain(await alone(text)));
    expect(result.columns.length).toBe(2);
  });

  it('a second part that fails: the whole file read alone, same result', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `cus_${i % 11},2022-03-0${(i % 9) + 1},,${i + 1}.10,EUR,x`);
    const text = `${HEADERS.join(',')}\n${rows.join('\n')}\n`;
    const failing: RunPart = () => Promise.resolve({ fatal: { code: 'workerFailed', message: 'gone' } });
    const { result, calls } = await inParts(text, failing);
    expect(calls).toBe(1);
    expect(plain(result)).toEqual(plain(await alone(text)));
    expect(result.columns.length).toBe(300);
  });

  it('refusals are the same: a missing currency rate, a mapping that does not fit', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `cus_${i},2022-01-01,,5.00,${i < 150 ? 'USD' : 'GBP'},x`);
    const text = `${HEADERS.join(',')}\n${rows.join('\n')}\n`;
    const { result } = await inParts(text, inProcess, { rates: {} });
    expect(result.report.fatal).toEqual({
      code: 'multipleCurrencies',
      currencies: ['GBP', 'USD'],
      missingRates: ['GBP', 'USD'],
    });
    expect(plain(result)).toEqual(plain(await alone(text, { rates: {} })));
    const wrong = text.replace('customer_id', 'client');
    expect(plain((await inParts(wrong)).result)).toEqual(plain(await alone(wrong)));
    expect((await inParts(wrong)).result.report.fatal?.code).toBe('invalidMapping');
  });

  it('progress counts both parts: the last report is every row and byte of the file', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `cus_${i},2022-01-01,,5.00,USD,x`);
    const text = `${HEADERS.join(',')}\n${rows.join('\n')}\n`;
    const reports: { rowsRead: number; bytesRead: number; totalBytes: number }[] = [];
    await streamImportInParts(
      new Blob([text]),
      mapping,
      options,
      { onProgress: (p) => reports.push(p), progressIntervalMs: 0 },
      inProcess,
      0,
    );
    const last = reports.at(-1)!;
    expect(last).toMatchObject({ rowsRead: 500, bytesRead: text.length, totalBytes: text.length });
  });

  it('cuts after line feeds, in order, never twice at one place', async () => {
    const text = `${HEADERS.join(',')}\n${Array.from({ length: 100 }, (_, i) => `cus_${i},2021-01-01,,1.00,USD,x`).join('\n')}\n`;
    const cuts = await cutPoints(new Blob([text]), 4, 0);
    expect(cuts).toHaveLength(3);
    for (const cut of cuts) expect(text[cut - 1]).toBe('\n');
    expect([...cuts].sort((a, b) => a - b)).toEqual(cuts);
    // A file of a few long lines: fewer cuts than asked, each one distinct.
    const long = `${HEADERS.join(',')}\ncus_1,2021-01-01,,1.00,USD,${'y'.repeat(5000)}\n`;
    expect(await cutPoints(new Blob([long]), 4, 0)).toEqual([]);
  });

  it('a file under the size limit, or UTF-16, is not cut', async () => {
    const text = `${HEADERS.join(',')}\ncus_1,2021-01-01,,10.00,USD,x\ncus_2,2021-01-01,,10.00,USD,x\n`;
    expect(await cutPoint(new Blob([text]), text.length + 1)).toBeUndefined();
    expect(await cutPoint(new Blob([text]), 0)).toBeGreaterThan(0);
    const utf16 = new Blob([new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(await cutPoint(utf16, 0)).toBeUndefined();
  });

  it('the later parts start once the header is read, not after a whole chunk of the first part', async () => {
    // A 4 MB file: the first part is read from a Blob whose stream counts the bytes handed out.
    const row = (i: number) => `cus_${i % 500},2021-0${(i % 9) + 1}-01,,1${i % 90}.50,USD,${'n'.repeat(20)}`;
    const text = `${HEADERS.join(',')}\n${Array.from({ length: 70_000 }, (_, i) => row(i)).join('\n')}\n`;
    let handedOut = 0;
    // Pieces of 16 KB, each made when the reader asks for it (nothing read ahead), its slices too.
    const counting = (parts: BlobPart[]) =>
      new PiecesBlob(parts, {
        sizes: 16 * 1024,
        noReadAhead: true,
        slicesToo: true,
        onPiece: (piece) => (handedOut += piece.length),
      });
    let readWhenStarted = -1;
    const later: RunPart = (request, progress) => {
      readWhenStarted = handedOut;
      return readPart(request, { onProgress: progress });
    };
    const file = counting([text]);
    const result = await streamImportInParts(file, mapping, options, {}, [later], 0);
    expect(readWhenStarted).toBeGreaterThan(0);
    // The header is in the first 64 KB: a whole chunk (1 MB) read before the later part starts is slower.
    expect(readWhenStarted).toBeLessThanOrEqual(64 * 1024);
    expect(plain(result)).toEqual(plain(await alone(text)));
  });

  it('hands over the periods read before analysing them, once, alone or in parts; not for a refused file', async () => {
    const text = `${HEADERS.join(',')}\n${Array.from({ length: 300 }, (_, i) => `cus_${i % 40},2021-0${(i % 9) + 1}-01,,1${i}.00,USD,x`).join('\n')}\n`;
    for (const parts of [1, 2, 3]) {
      const seen: { ids: string[]; length: number }[] = [];
      const hooks = {
        onColumns: (columns: ImportResult['columns']) => seen.push({ ids: [...columns.customerIds], length: columns.length }),
      };
      const result =
        parts === 1
          ? await streamImport(new Blob([text]), mapping, options, hooks)
          : await streamImportInParts(
              new Blob([text]),
              mapping,
              options,
              hooks,
              Array(parts - 1).fill(inProcess) as RunPart[],
              0,
            );
      expect(seen).toEqual([{ ids: result.columns.customerIds, length: 300 }]);
      expect(result.analysis?.movements.length).toBeGreaterThan(0);
    }
    const refused: unknown[] = [];
    const bad = await streamImport(new Blob(['a,b\n1,2\n']), mapping, options, { onColumns: (c) => refused.push(c) });
    expect(bad.report.fatal).toBeDefined();
    expect(refused).toEqual([]);
  });
});

describe('streamImportInParts: the movements summed in each part', () => {
  // Without a currency column each part's amounts are final as read, so each part sums its own
  // customers' movements and the file's analysis adds them up.
  const PLAIN = ['customer_id', 'start_date', 'end_date', 'amount', 'interval', 'note'];
  const plainMapping = guessMapping(PLAIN);
  const iso = (m: number, d: number) =>
    `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const periodArb = fc.record({
    month: fc.integer({ min: 0, max: 40 }),
    day: fc.integer({ min: 1, max: 28 }),
    months: fc.option(fc.integer({ min: 0, max: 24 })),
    amount: fc.oneof(
      fc.integer({ min: 1, max: 500_000 }).map((c) => (c / 100).toFixed(2)),
      fc.constantFrom('0', 'abc', '1,234.50'),
    ),
    interval: fc.constantFrom('month', 'month', 'year', 'week', 'quarter'),
    note: fc.constantFrom('', 'plain', 'say "hi"', 'a,b'),
  });
  /**
   * Customers each with their periods together; or every period in random order; or each
   * customer's periods in two groups, all the first groups then all the second (each part grouped,
   * customers shared far from the cuts).
   */
  const fileArb = fc.record({
    customers: fc.array(fc.array(periodArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 30 }),
    layout: fc.constantFrom('grouped', 'grouped', 'shuffled', 'twice'),
    seed: fc.integer(),
    parts: fc.integer({ min: 2, max: 4 }),
    asOf: fc.option(fc.integer({ min: 0, max: 70 })),
  });
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  function fileOf(customers: (typeof periodArb extends fc.Arbitrary<infer P> ? P : never)[][], layout: string, seed: number) {
    const rowsOf = (periods: typeof customers) =>
      periods.flatMap((ps, c) =>
        ps.map((p) =>
          [`cus_${c}`, iso(p.month, p.day), p.months === null ? '' : iso(p.month + p.months, p.day), p.amount, p.interval, p.note]
            .map(cell)
            .join(','),
        ),
      );
    const half = (k: number) => customers.map((ps) => ps.filter((_, i) => i % 2 === k));
    let rows = layout === 'twice' ? [...rowsOf(half(0)), ...rowsOf(half(1))] : rowsOf(customers);
    if (layout === 'shuffled')
      rows = rows
        .map((r, i) => [((i + 1) * (seed | 1)) % 1009, r] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, r]) => r);
    return `${PLAIN.join(',')}\n${rows.join('\n')}\n`;
  }

  it('equals one reader of the whole file, grouped by customer or not, in 2 to 4 parts, through an as-of month or not', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ customers, layout, seed, parts, asOf }) => {
        const text = fileOf(customers, layout, seed);
        const opts: ImportOptions = asOf === null ? {} : { analysis: { asOf: iso(asOf, 1).slice(0, 7) } };
        const result = await streamImportInParts(
          new Blob([text]),
          plainMapping,
          opts,
          {},
          Array(parts - 1).fill(inProcess) as RunPart[],
          0,
        );
        expect(plain(result)).toEqual(plain(await streamImport(new Blob([text]), plainMapping, opts)));
      }),
      { numRuns: 200 },
    );
  });

  it('uses the parts’ totals for a grouped file (a part’s totals changed change the result), and not for one that is not', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `cus_${Math.floor(i / 3)},2021-0${(i % 9) + 1}-01,,1${i}.00,month,x`);
    const text = `${PLAIN.join(',')}\n${rows.join('\n')}\n`;
    const expected = await streamImport(new Blob([text]), plainMapping, {});
    let summed = 0;
    const tampered: RunPart = async (request) => {
      const outcome = await readPart(request);
      const movements = 'part' in outcome ? await outcome.movements : undefined;
      if (movements?.sums) {
        summed += 1;
        movements.sums.newMinor[0]! += 100;
      }
      return outcome;
    };
    const run = (file: string) =>
      streamImportInParts(new Blob([file]), plainMapping, {}, {}, [tampered], 0).then((r) => r.analysis!.movements);
    const movements = await run(text);
    expect(summed).toBe(1);
    expect(movements[0]!.new).toBe(expected.analysis!.movements[0]!.new + 1);
    // The same rows, customers mixed across the cut: the whole file is analysed, the totals unused.
    const mixed = `${PLAIN.join(',')}\n${rows.map((r, i) => r.replace(/^cus_\d+/, `cus_${i % 7}`)).join('\n')}\n`;
    expect(await run(mixed)).toEqual((await streamImport(new Blob([mixed]), plainMapping, {})).analysis!.movements);
    // Customers 0 … 149, then 0 … 99 again: cut in the first run, each part is grouped, and the
    // customers of the second run are in both. The parts' totals are not added up.
    summed = 0;
    const again = rows.slice(0, 250).map((r, i) => r.replace(/^cus_\d+/, `cus_${i < 150 ? i : i - 150}`));
    const twice = `${PLAIN.join(',')}\n${again.join('\n')}\n`;
    expect(await run(twice)).toEqual((await streamImport(new Blob([twice]), plainMapping, {})).analysis!.movements);
    expect(summed).toBe(1);
  });
});

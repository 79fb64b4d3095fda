/**
 * Property tests of the CSV row reader: random tables are written as CSV with
 * random quoting, delimiters, BOM, line endings and line breaks inside quoted cells, with values
 * named like `Object.prototype` members; the import must agree, row by row, with a plain reference
 * reader written here: every row either becomes the period the reference computes or is reported
 * at the reference's line with the reference's reason.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamImport } from '../../src/import/stream.js';
import { guessMapping } from '../../src/import/mapping.js';
import { parseIsoDay } from '../../src/core/dates.js';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__'];

/** Interval words and their months-per-interval fraction [months, per]; null: refused; 'skip': one-time. */
type IntervalWord = readonly [number, number] | null | 'skip';
const INTERVAL_WORDS: Record<string, IntervalWord> = Object.assign(Object.create(null) as Record<string, IntervalWord>, {
  month: [1, 1],
  Monthly: [1, 1],
  year: [12, 1],
  annual: [12, 1],
  quarter: [3, 1],
  week: [12, 52],
  DAY: [12, 365],
  '': 'skip',
  one_time: 'skip',
  fortnight: null,
  ...Object.fromEntries(PROTO_NAMES.map((n) => [n, null])),
} satisfies Record<string, IntervalWord>);

interface Row {
  customer: string;
  start: string;
  end: string;
  cents: number;
  amountText: string;
  interval: string;
  note: string;
  /** −1: a cell missing; +1: a non-empty cell too many; 0: as many cells as the header. */
  ragged: -1 | 0 | 1;
}

const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const BASE = Date.UTC(2016, 0, 1);

const dateText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3650 }).map((d) => isoOf(BASE + d * DAY_MS)) },
  {
    weight: 1,
    // A date-time with an offset: the reference converts it to the UTC day with Date.
    arbitrary: fc
      .record({
        d: fc.integer({ min: 0, max: 3650 }),
        h: fc.integer({ min: 0, max: 23 }),
        off: fc.integer({ min: -12, max: 14 }),
      })
      .map(({ d, h, off }) => {
        const sign = off < 0 ? '-' : '+';
        const hh = String(Math.abs(off)).padStart(2, '0');
        return `${isoOf(BASE + d * DAY_MS)}T${String(h).padStart(2, '0')}:30:00${sign}${hh}:00`;
      }),
  },
);

const cellText = fc.oneof(
  fc.constantFrom(...PROTO_NAMES),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('a,b', 'x;y', 'tab\there', 'pipe|d', 'say "hi"', 'two\nlines', 'crlf\r\nin', 'ünï', 'عميل', ' spaced '),
);

const rowArb: fc.Arbitrary<Row> = fc
  .record({
    customer: cellText,
    start: dateText,
    end: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 3, arbitrary: dateText }),
    cents: fc.integer({ min: 1, max: 50_000_000 }),
    amountStyle: fc.constantFrom('plain', 'grouped', 'symbol'),
    interval: fc.constantFrom(...Object.keys(INTERVAL_WORDS)),
    note: cellText,
    ragged: fc.constantFrom<-1 | 0 | 1>(0, 0, 0, 0, 0, 0, -1, 1),
  })
  .map(({ amountStyle, ...r }) => {
    const major = (r.cents / 100).toFixed(2);
    const [int, frac] = major.split('.');
    const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ',');
    const amountText = amountStyle === 'plain' ? major : amountStyle === 'grouped' ? `${grouped}.${frac}` : `$${grouped}.${frac}`;
    return { ...r, amountText };
  });

interface Table {
  rows: Row[];
  delimiter: string;
  newline: '\n' | '\r\n';
  bom: boolean;
  quoteAll: boolean;
  quoteSome: boolean[];
  finalNewline: boolean;
  blob: boolean;
  chunkSize: number;
}

const tableArb: fc.Arbitrary<Table> = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 25 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  quoteSome: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  finalNewline: fc.boolean(),
  blob: fc.boolean(),
  chunkSize: fc.integer({ min: 16, max: 400 }),
});

const HEADERS = ['customer_id', 'start_date', 'end_date', 'amount', 'interval', '__proto__'];

function writeCsv(t: Table): string {
  let k = 0;
  const cell = (v: string) => {
    const must = v.includes(t.delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r');
    const quote = must || t.quoteAll || t.quoteSome[k++ % t.quoteSome.length];
    return quote ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [HEADERS.map(cell).join(t.delimiter)];
  for (const r of t.rows) {
    const cells = [r.customer, r.start, r.end, r.amountText, r.interval, r.note];
    if (r.ragged === -1) cells.pop();
    if (r.ragged === 1) cells.push('extra');
    lines.push(cells.map(cell).join(t.delimiter));
  }
  return (t.bom ? '\uFEFF' : '') + lines.join(t.newline) + (t.finalNewline ? t.newline : '');
}

/** A plain RFC 4180 reader: cells and the 1-based line each record starts on. */
function referenceRead(text: string, delimiter: string): Array<{ cells: string[]; line: number }> {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: Array<{ cells: string[]; line: number }> = [];
  let cells: string[] = [];
  let cellValue = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atRecordStart = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    atRecordStart = false;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cellValue += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cellValue += c;
      }
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cellValue);
      cellValue = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      cells.push(cellValue);
      records.push({ cells, line: recordLine });
      cells = [];
      cellValue = '';
      line++;
      recordLine = line;
      atRecordStart = true;
    } else cellValue += c;
  }
  if (!atRecordStart) {
    cells.push(cellValue);
    records.push({ cells, line: recordLine });
  }
  return records;
}

/** UTC day of a date or date-time, through Date (independent of the kit's reader). */
function referenceDay(text: string): number {
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return parseIsoDay(new Date(ms).toISOString().slice(0, 10));
}

type Expected = { kind: 'period'; key: string } | { kind: 'error'; line: number; code: string } | { kind: 'skip' };

function reference(text: string, delimiter: string): Expected[] {
  const [header, ...records] = referenceRead(text, delimiter);
  expect(header?.cells).toEqual(HEADERS);
  return records.map(({ cells, line }): Expected => {
    if (cells.every((c) => c.trim() === '')) return { kind: 'skip' };
    if (cells.length < HEADERS.length) return { kind: 'error', line, code: 'tooFewColumns' };
    if (cells.length > HEADERS.length) return { kind: 'error', line, code: 'tooManyColumns' };
    const [customer, start, end, amount, interval] = cells.map((c) => c.trim());
    if (customer === '') return { kind: 'error', line, code: 'missingCustomer' };
    const startDay = referenceDay(start!);
    const endDay = end === '' ? -1 : referenceDay(end!);
    if (endDay >= 0 && endDay < startDay) return { kind: 'error', line, code: 'endBeforeStart' };
    const cents = Math.round(Number(amount!.replace(/[$,]/g, '')) * 100);
    const word = INTERVAL_WORDS[interval!];
    if (word === 'skip') return { kind: 'skip' };
    if (word === null || word === undefined) return { kind: 'error', line, code: 'badInterval' };
    const [months, per] = word;
    const monthly = Math.round((cents * per) / (months * 1));
    return { kind: 'period', key: `${customer}|${startDay}|${endDay}|${monthly}` };
  });
}

describe('CSV row reader against a plain reference (property)', () => {
  it('every generated row imports to the reference period or is reported at its line with its reason', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        const text = writeCsv(t);
        const headers = HEADERS;
        const mapping = guessMapping(headers);
        expect(mapping).toMatchObject({
          customerId: 'customer_id',
          amount: 'amount',
          interval: 'interval',
          amountIsMonthly: false,
        });
        const input = t.blob ? new Blob([text]) : text;
        const result = await streamImport(input, mapping, { delimiter: t.delimiter }, { chunkSize: t.chunkSize });
        const expected = reference(text, t.delimiter);
        const periods = expected.flatMap((e) => (e.kind === 'period' ? [e.key] : [])).sort();
        const errors = expected.flatMap((e) => (e.kind === 'error' ? [[e.line, e.code]] : []));
        if (periods.length === 0 && errors.length === 0) {
          expect(result.report.fatal?.code ?? 'none').toMatch(/noDataRows|none/);
          return;
        }
        const { columns, report } = result;
        expect(report.fatal, JSON.stringify(text)).toBeUndefined();
        const got = Array.from({ length: columns.length }, (_, i) =>
          [columns.customerIds[columns.customer[i]!], columns.startDay[i], columns.endDay[i], columns.monthlyMinor[i]].join('|'),
        ).sort();
        expect(got, JSON.stringify(text)).toEqual(periods);
        expect(
          report.errors.first.map((e) => [e.line, e.code]),
          JSON.stringify(text),
        ).toEqual(errors);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never reads an Object.prototype name as an interval, a currency or a customer table entry', async () => {
    const text = [
      'customer_id,start_date,amount,interval',
      ...PROTO_NAMES.map((n) => `${n},2024-01-01,100,${n}`),
      'ok,2024-01-01,100,month',
    ].join('\n');
    const result = await streamImport(text, guessMapping(['customer_id', 'start_date', 'amount', 'interval']));
    expect(result.report.errors.first.map((e) => e.code)).toEqual(PROTO_NAMES.map(() => 'badInterval'));
    expect(result.columns.length).toBe(1);
    expect(Array.from(result.columns.monthlyMinor.slice(0, 1))).toEqual([10000]);
  });

  it('reads a CRLF file whose first chunk holds no line break (found by the property test)', async () => {
    const text =
      '"customer_id","start_date","end_date","amount","interval","__proto__"\r\n"constructor","2016-01-01","","0.01","month","a,b"';
    for (const chunkSize of [16, 17, 70, 71, 72]) {
      const result = await streamImport(text, guessMapping(HEADERS), { delimiter: ',' }, { chunkSize });
      expect(result.columns.customerIds, `chunk ${chunkSize}`).toEqual(['constructor']);
    }
  });
});

/**
 * The pure heart of the import: rows (arrays of cells, as the CSV parser gives them) in,
 * subscription periods as columns (`PeriodColumns`: typed arrays and an interned customer-id
 * table, no object per period) and a report out. No parsing of CSV text, no DOM, no storage: the worker
 * and the main-thread fallback both feed it rows, and the tests do too.
 *
 * Every row ends up in exactly one place: a period, a skip count (trials, zero amounts, one-time
 * charges, skipped statuses, blank lines) or the error log (with its line number). Nothing is
 * dropped silently. Memory grows with the kept periods only (about 40 bytes a period, in typed
 * arrays): errors past the first 100 are kept as two typed arrays (line, code).
 */
import { BILLING_INTERVALS, currencyDigits, isCurrency, MAX_AMOUNT, readInterval, roundHalfAway } from '../core/money.js';
import type { BillingInterval } from '../core/money.js';
import { parseIsoDayAt, readDayAt } from '../core/dates.js';
import { numberFormatOfLocale, plainAmountAt, readFileAmount, type NumberFormat } from '../core/number-format.js';
import { toCsv } from '../core/csv.js';
import { holdsAt, textOf, type TextSource } from '../core/text-source.js';
import { emptyColumns, monthlyMinorOf, PeriodColumnsBuilder, RUNNING, type PeriodColumns } from '../core/period-columns.js';
import { partMovements, type PartMovements } from '../core/movements.js';
import { validateMapping } from './fields.js';
import {
  MAX_DETAILED_ERRORS,
  ROW_ERROR_CODES,
  type ColumnMapping,
  type ImportFatal,
  type ImportOptions,
  type ImportResult,
  type RowError,
  type RowErrorCode,
  type RowErrorLog,
  type SkipCounts,
} from './types.js';

const DEFAULT_SKIP_STATUSES = ['incomplete', 'incomplete_expired'];

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export interface RowProcessor {
  /** Reads one data row; `line` is the 1-based line where it starts in the file (header = 1). */
  push(row: readonly string[], line: number): void;
  /**
   * {@link push} of a row read in place: cell `k` is `text.slice(bounds[2k], bounds[2k + 1])` for
   * `k < cells` (the reader's quote-free path hands rows so; no string is cut for a cell that is
   * read as a number or a date). `text` is a string, or UTF-8 bytes never decoded as a whole (the
   * bounds are then byte offsets): the same row read either way gives the same period or error.
   */
  pushSpan(text: TextSource, bounds: Int32Array, cells: number, line: number): void;
  /**
   * Reads the plain rows of a quote-free chunk of UTF-8 bytes at once, from `from` (a row's start)
   * to the first row that is not plain (or not whole before `to`): returns where that row starts,
   * `run.rows` the rows read (one line each). What is left is the reader's to split and
   * {@link pushSpan}: the same rows read either way give the same periods.
   */
  plainRun(bytes: Uint8Array, from: number, to: number, delimiter: number, crlf: boolean, run: { rows: number }): number;
  /** Makes room for about `rows` rows at once (the reader's estimate from the file's size). */
  reserve(rows: number): void;
  /** Counts a row the CSV parser could not split (unbalanced quotes) as read and in error. */
  reject(line: number, code: RowErrorCode): void;
  /** Rows pushed so far (blank lines excluded). */
  readonly rowsRead: number;
  /** Ends the import: converts currencies, applies the refusals, returns the columns and report
   * (`analysis` is null: `streamImport` adds it). */
  finish(): ImportResult;
  /**
   * Ends the reading of a later part of the file (read by another worker): what it read, unconverted
   * (its typed arrays can be transferred), for the first part's processor to {@link absorb}.
   */
  part(): RowsPart;
  /**
   * Appends a later part's rows as if this processor had read them (customers interned in this
   * table, lines moved by `lineOffset`: the part's line 1 is the file's `lineOffset + 1`). The
   * parts absorbed in file order, {@link finish} gives what one processor reading the whole file gives.
   * True when the part's customers are new here but its first, which may be the last one before it
   * (the parts then share customers only at their edges: {@link analyzeParts}).
   */
  absorb(part: RowsPart, lineOffset: number): boolean;
  /** Periods kept so far. */
  readonly periods: number;
  /**
   * What the periods read so far add to the file's movements ({@link partMovements}, through
   * `options.analysis.asOf`), but their first and last customers' when asked; undefined when their
   * amounts wait for the file's currency (a currency column) or they are not grouped by customer.
   */
  movements(skipFirst: boolean, skipLast: boolean): PartMovements | undefined;
}

/** What a processor read from a part of a file ({@link RowProcessor.part}), unconverted. */
export interface RowsPart {
  /** Periods in file order; `monthlyMinor` is final only without a currency column (`pending` null). */
  columns: PeriodColumns;
  /** Each period's amount, quantity, interval code, count and currency (index in `currencies`), when a currency column is mapped. */
  pending: {
    amount: Float64Array;
    quantity: Float64Array;
    interval: Uint8Array;
    intervalCount: Uint16Array;
    currencyIndex: Uint8Array;
  } | null;
  currencies: string[];
  currencyCounts: Record<string, number>;
  skipped: SkipCounts;
  rowsRead: number;
  errors: RowErrorLog;
}

/** The typed arrays of a part, to transfer rather than copy. */
export function rowsPartBuffers(part: RowsPart): ArrayBuffer[] {
  const c = part.columns;
  const arrays: ArrayBufferView[] = [c.customer, c.startDay, c.endDay, c.monthlyMinor, part.errors.lines, part.errors.codes];
  if (part.pending) arrays.push(...Object.values(part.pending));
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const INTERVAL_CODES = new Map(BILLING_INTERVALS.map((b, i) => [b, i]));

/** True for the characters `String.prototype.trim` removes. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && String.fromCharCode(code).trim() === '');
}

/**
 * Bytes of the character starting at `at` (before `end`) when it is a space `trim` removes, else 0:
 * an ASCII space, or one of several UTF-8 bytes (a no-break space, an ideographic space…).
 */
function spaceBytesAt(bytes: Uint8Array, at: number, end: number): number {
  if (at >= end) return 0;
  const b = bytes[at]!;
  if (b < 0x80) return isSpace(b) ? 1 : 0;
  const n = b >= 0xe0 ? (b >= 0xf0 ? 4 : 3) : b >= 0xc0 ? 2 : 0;
  return n >= 2 && n <= 3 && at + n <= end && isSpace(codePointOf(bytes, at, n)) ? n : 0;
}

/** {@link spaceBytesAt} of the character that ends just before `end` (after `start`). */
function spaceBytesBefore(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start) return 0;
  const last = bytes[end - 1]!;
  if (last < 0x80) return isSpace(last) ? 1 : 0;
  // Back over continuation bytes (10xxxxxx) to the character's first byte.
  let at = end - 1;
  while (at > start && at > end - 4 && (bytes[at]! & 0xc0) === 0x80) at -= 1;
  return spaceBytesAt(bytes, at, end) === end - at ? end - at : 0;
}

/** The code point of the `n` (2 or 3) UTF-8 bytes at `at`, or −1 when they are not one well-formed character. */
function codePointOf(bytes: Uint8Array, at: number, n: number): number {
  let cp = bytes[at]! & (n === 2 ? 0x1f : 0x0f);
  for (let k = 1; k < n; k++) {
    const b = bytes[at + k]!;
    if ((b & 0xc0) !== 0x80) return -1;
    cp = (cp << 6) | (b & 0x3f);
  }
  // An overlong form or a surrogate is no character: TextDecoder reads U+FFFD there.
  return cp < (n === 2 ? 0x80 : 0x800) || (cp >= 0xd800 && cp <= 0xdfff) ? -1 : cp;
}

/** Whether the cell [start, end) is not empty and starts and ends with printable ASCII (nothing to trim). */
function printable(bytes: Uint8Array, start: number, end: number): boolean {
  if (start >= end) return false;
  const first = bytes[start]!;
  const last = bytes[end - 1]!;
  return first > 32 && first < 0x7f && last > 32 && last < 0x7f;
}

/**
 * The number in bytes `start` … `end` of a plain row: `empty` when there are none, NaN when they
 * are not a plain number in `format` with nothing to trim (the row is then read the whole way).
 */
function plainNumberAt(bytes: Uint8Array, start: number, end: number, format: NumberFormat | undefined, empty: number): number {
  if (start === end) return empty;
  return printable(bytes, start, end) ? (plainAmountAt(bytes, start, end, format) ?? NaN) : NaN;
}

/** What a column is to a plain row (`plainRun`): not read, or the field it is mapped to. */
const OTHER = 0;
const CUSTOMER = 1;
const START = 2;
const END = 3;
const AMOUNT = 4;
const INTERVAL = 5;
const COUNT = 6;
const QUANTITY = 7;
const LF = 10;
const CR = 13;

const utf8Encoder = new TextEncoder();

/**
 * The cells of `row` as UTF-8 bytes, one after another, and their bounds, for
 * {@link RowProcessor.pushSpan}: rows split by papaparse (quoted cells) are read by the same code,
 * from bytes, as the rows read in place.
 */
function spansOf(row: readonly string[]): { text: Uint8Array; bounds: Int32Array } {
  const bounds = new Int32Array(row.length * 2);
  let size = 0;
  for (const cell of row) size += cell.length * 3; // UTF-8 takes at most three bytes per UTF-16 unit
  const text = new Uint8Array(size);
  let at = 0;
  row.forEach((cell, k) => {
    bounds[2 * k] = at;
    at += utf8Encoder.encodeInto(cell, text.subarray(at)).written;
    bounds[2 * k + 1] = at;
  });
  return { text, bounds };
}

/** Amount, quantity, interval (index in BILLING_INTERVALS), count and currency of each kept row,
 * in growable typed arrays. */
class PendingAmounts {
  length = 0;
  amount = new Float64Array(1024);
  quantity = new Float64Array(1024);
  interval = new Uint8Array(1024);
  intervalCount = new Uint16Array(1024);
  currencyIndex = new Uint8Array(1024);

  push(amount: number, quantity: number, interval: number, intervalCount: number, currencyIndex: number): void {
    if (this.length === this.amount.length) this.grow(this.length * 2);
    const i = this.length++;
    this.amount[i] = amount;
    this.quantity[i] = quantity;
    this.interval[i] = interval;
    this.intervalCount[i] = intervalCount;
    this.currencyIndex[i] = currencyIndex;
  }

  /** The first `length` entries (copies). */
  take(): NonNullable<RowsPart['pending']> {
    const n = this.length;
    return {
      amount: this.amount.slice(0, n),
      quantity: this.quantity.slice(0, n),
      interval: this.interval.slice(0, n),
      intervalCount: this.intervalCount.slice(0, n),
      currencyIndex: this.currencyIndex.slice(0, n),
    };
  }

  grow(n: number): void {
    if (n > this.amount.length) {
      this.amount = grow(this.amount, new Float64Array(n));
      this.quantity = grow(this.quantity, new Float64Array(n));
      this.interval = grow(this.interval, new Uint8Array(n));
      this.intervalCount = grow(this.intervalCount, new Uint16Array(n));
      this.currencyIndex = grow(this.currencyIndex, new Uint8Array(n));
    }
  }
}

function grow<T extends Float64Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

class ErrorCollector {
  count = 0;
  first: RowError[] = [];
  private lines = new Uint32Array(256);
  private codes = new Uint8Array(256);

  add(line: number, code: RowErrorCode, column?: string, value?: string, counts?: { cells: number; expected: number }): void {
    this.mark(line, ROW_ERROR_CODES.indexOf(code));
    if (this.first.length < MAX_DETAILED_ERRORS) {
      const error: RowError = { line, code };
      if (column !== undefined) error.column = column;
      if (value !== undefined) error.value = value.length > 200 ? `${value.slice(0, 200)}…` : value;
      if (counts) Object.assign(error, counts);
      this.first.push(error);
    }
  }

  /** Appends another log's errors (detailed while there is room), their lines moved by `offset`. */
  absorb(log: RowErrorLog, offset: number): void {
    for (let i = 0; i < log.count; i++) {
      const detail = log.first[i];
      if (detail && this.first.length < MAX_DETAILED_ERRORS) this.first.push({ ...detail, line: detail.line + offset });
      this.mark(log.lines[i]! + offset, log.codes[i]!);
    }
  }

  private mark(line: number, code: number): void {
    if (this.count === this.lines.length) {
      const lines = new Uint32Array(this.count * 2);
      lines.set(this.lines);
      this.lines = lines;
      const codes = new Uint8Array(this.count * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.lines[this.count] = line;
    this.codes[this.count] = code;
    this.count += 1;
  }

  log(): RowErrorLog {
    return {
      count: this.count,
      first: this.first,
      lines: this.lines.slice(0, this.count),
      codes: this.codes.slice(0, this.count),
    };
  }
}

/** An empty log, for reports of imports refused before any row. */
export function emptyErrorLog(): RowErrorLog {
  return { count: 0, first: [], lines: new Uint32Array(0), codes: new Uint8Array(0) };
}

export function emptySkipCounts(): SkipCounts {
  return { trial: 0, zeroAmount: 0, oneTime: 0, status: 0, emptyLine: 0 };
}

/**
 * A row processor for a file whose header row is `headers`, read with `mapping` (columns by
 * header text). An invalid mapping is not thrown: `finish()` reports `fatal: invalidMapping`.
 */
export function createRowProcessor(
  mapping: ColumnMapping,
  options: ImportOptions,
  headers: readonly string[],
  /** `plainRows: false` reads every row the whole way (tests compare both readings). */
  tuning: { plainRows?: boolean } = {},
): RowProcessor {
  const mappingIssues = validateMapping(mapping, headers);
  const col = (name: string | null): number => (name === null ? -1 : headers.indexOf(name));
  const cCustomer = col(mapping.customerId);
  const cStart = col(mapping.start);
  const cEnd = col(mapping.end);
  const cAmount = col(mapping.amount);
  const cInterval = col(mapping.interval);
  const cIntervalCount = col(mapping.intervalCount);
  const cQuantity = col(mapping.quantity);
  const cCurrency = col(mapping.currency);
  const cStatus = col(mapping.status);
  const cTrialEnd = col(mapping.trialEnd);
  const dateFormat = options.dateFormat ?? 'iso';
  // The one number reader of every import: the chosen format, else the locale's, else none (a cell
  // that reads two ways is then refused).
  const numberFormat = options.numberFormat ?? (options.locale ? numberFormatOfLocale(options.locale) : undefined);
  const skipStatuses = new Set((options.skipStatuses ?? DEFAULT_SKIP_STATUSES).map((s) => s.toLowerCase()));
  const defaultCurrency = (options.currency ?? 'USD').toUpperCase();
  const usesInterval = cInterval >= 0 && !mapping.amountIsMonthly;

  // Kept periods, appended as columns. The monthly amount needs the dataset currency (known only at
  // the end when a currency column is mapped), so each row's amount, quantity, interval and
  // currency wait in typed arrays until finish().
  const builder = new PeriodColumnsBuilder(defaultCurrency);
  const pending = new PendingAmounts();
  /** Currencies seen in the currency column, by index in `pending.currency`. */
  const currencyTable: string[] = [];
  const currencyCounts: Record<string, number> = {};
  const skipped = emptySkipCounts();
  const errors = new ErrorCollector();
  let rowsRead = 0;
  let finished = false;

  // Without a currency column every amount is in the dataset currency, known now: each row's
  // monthly minor units are computed as it is read (no pending arrays; the same rule as finish()).
  let defaultDigits: number | undefined;
  try {
    defaultDigits = currencyDigits(defaultCurrency);
  } catch {
    defaultDigits = undefined; // not a currency code: finish() fails on it as before
  }
  const directFactor = cCurrency < 0 && defaultDigits !== undefined ? 10 ** defaultDigits : undefined;

  // The row being read: cell k is text.slice(bounds[2k], bounds[2k + 1]). `span(c)` sets `s`, `e`
  // to cell c without the spaces around it.
  let text: TextSource = '';
  let bounds: Int32Array = new Int32Array(0);
  let cells = 0;
  let s = 0;
  let e = 0;
  const span = (c: number): boolean => {
    if (c < 0 || c >= cells) {
      s = e = 0;
      return false;
    }
    s = bounds[2 * c]!;
    e = bounds[2 * c + 1]!;
    if (typeof text === 'string') {
      while (s < e && isSpace(text.charCodeAt(s))) s += 1;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e -= 1;
    } else {
      // A cell's first and last bytes are most often printable ASCII: one test each.
      const first = text[s]!;
      if (first <= 32 || first >= 0x7f) for (let n = spaceBytesAt(text, s, e); n > 0; n = spaceBytesAt(text, s, e)) s += n;
      const last = text[e - 1]!;
      if (e > s && (last <= 32 || last >= 0x7f)) {
        for (let n = spaceBytesBefore(text, s, e); n > 0; n = spaceBytesBefore(text, s, e)) e -= n;
      }
    }
    return s < e;
  };
  /** Cell c, trimmed ('' when the column is not mapped). */
  const cell = (c: number): string => (span(c) ? textOf(text, s, e) : '');

  /**
   * The value of the word in span s..e, `read` from its text the first time: a column of words (an
   * interval, a status, a currency) holds a handful, and a cell equal to one met before is not cut
   * out (decoded) again. At most 16 words are kept per column.
   */
  function wordAt<T>(known: { word: string; value: T }[], read: (word: string) => T): T {
    const length = e - s;
    for (const k of known) if (k.word.length === length && holdsAt(text, s, k.word)) return k.value;
    const word = textOf(text, s, e);
    const value = read(word);
    if (known.length < 16) known.push({ word, value });
    return value;
  }
  const intervals: { word: string; value: ReturnType<typeof readInterval> }[] = [];
  const statuses: { word: string; value: string }[] = [];
  const currencies: { word: string; value: string }[] = [];
  const lower = (word: string): string => word.toLowerCase();
  const upper = (word: string): string => word.toUpperCase();

  /** The amount in span s..e. */
  function readAmount(currency: string): number | RowErrorCode {
    // Refuses what it would have to guess (`1,x`, `12abc`, `--5`, `1,50` in a `dot` file) and, with
    // no format chosen, what reads two ways (`12.000`).
    let value = plainAmountAt(text, s, e, numberFormat);
    if (value === undefined) {
      const parsed = readFileAmount(textOf(text, s, e), numberFormat);
      if (!parsed.ok) return parsed.code;
      value = parsed.value;
    }
    if (!Number.isFinite(value)) return 'badAmount';
    if (mapping.amountInMinorUnits) {
      value =
        value / 10 ** (currency === defaultCurrency && defaultDigits !== undefined ? defaultDigits : currencyDigits(currency));
    }
    if (value < 0) return 'negativeAmount';
    if (value > MAX_AMOUNT) return 'tooLarge';
    return value;
  }

  // The plain row, read at once (see `plainRun`): only for an import whose columns it knows.
  const plainRows =
    (tuning.plainRows ?? true) &&
    mappingIssues.length === 0 &&
    cCustomer >= 0 &&
    cStart >= 0 &&
    cAmount >= 0 &&
    cStatus < 0 &&
    cCurrency < 0 &&
    cTrialEnd < 0 &&
    directFactor !== undefined &&
    !mapping.amountInMinorUnits;

  // What each column is to a plain row (see `plainRun`): its field, or OTHER (not read). A column
  // mapped to two fields leaves plain rows off (as the reader does for a delimiter a date can hold).
  const kinds = new Uint8Array(headers.length);
  const kindOf: [number, number][] = [
    [cCustomer, CUSTOMER],
    [cStart, START],
    [cEnd, END],
    [cAmount, AMOUNT],
    [cInterval, INTERVAL],
    // The count is read only with an interval that is read (else the column is not looked at).
    [cInterval >= 0 && usesInterval ? cIntervalCount : -1, COUNT],
    [cQuantity, QUANTITY],
  ];
  let plainColumns = plainRows;
  for (const [c, kind] of kindOf) {
    if (c < 0) continue;
    if (kinds[c] !== OTHER) plainColumns = false;
    kinds[c] = kind;
  }

  /**
   * Reads the plain rows of `bytes` from `from` (a row's start) on, each ended by a line feed (after
   * a carriage return when `crlf`) before `to`, and stops at the first other row: returns where it
   * starts, `run.rows` the rows read. A row is plain when it has one cell per column and every cell
   * read starts and ends with a printable ASCII character (nothing to trim), ISO dates, plain
   * amounts and counts, an interval word met before, a positive amount, no error; then its period
   * is appended. Any other row (and a row cut by `to`) is left, unchanged, to the reader, which
   * splits it and reads it the whole way (`pushSpan`): same result (property tests read random
   * files both ways). Most rows of a large export are plain: each byte is looked at once, a date's
   * ten bytes without looking for a delimiter, in one loop with its state in locals (rows split by
   * the reader, then read cell by cell, took 172–196 ms for half the 1 M grouped file in a worker,
   * against 142–147 ms: bench/README).
   */
  function plainRun(
    bytes: Uint8Array,
    from: number,
    to: number,
    delimiter: number,
    crlf: boolean,
    run: { rows: number },
  ): number {
    run.rows = 0;
    if (!plainColumns || finished) return from;
    // The loop's state in locals (the row count is added to the processor's at the end).
    const kindOfColumn = kinds;
    const columns = kindOfColumn.length;
    const words = intervals;
    const format = numberFormat;
    const factor = directFactor!;
    let rows = 0;
    let i = from;
    let rowStart: number;
    for (;;) {
      rowStart = i;
      let customerStart = 0;
      let customerEnd = 0;
      let start = -1;
      let end = RUNNING;
      let amount = NaN;
      let quantity = 1;
      let interval: BillingInterval = 'month';
      let intervalCount = 1;
      let c = 0;
      for (; c < columns; c++) {
        const kind = kindOfColumn[c]!;
        const cellStart = i;
        let cellEnd = i;
        if (kind === START || kind === END) {
          // A date is ten bytes (or, the end, none): its reader refuses a delimiter or line feed.
          const first = i < to ? bytes[i]! : LF;
          if (kind === START || (first !== delimiter && first !== LF && first !== CR)) {
            if (i + 10 >= to) break;
            const day = parseIsoDayAt(bytes, i);
            if (day < 0) break;
            if (kind === START) start = day;
            else end = day;
            cellEnd = i + 10;
          }
        } else {
          for (; i < to; i++) {
            const code = bytes[i]!;
            if (code === delimiter || code === LF) break;
          }
          cellEnd = i;
        }
        // The cell's end: a delimiter, or for the last cell the row's line break.
        if (cellEnd >= to) break;
        const next = bytes[cellEnd]!;
        if (c < columns - 1) {
          if (next !== delimiter) break;
          i = cellEnd + 1;
        } else if (!crlf) {
          if (next !== LF) break;
          i = cellEnd + 1;
        } else if (next === CR && cellEnd + 1 < to && bytes[cellEnd + 1] === LF) {
          i = cellEnd + 2; // a date, or an empty end, then the carriage return and line feed
        } else if (next === LF && cellEnd > cellStart && bytes[cellEnd - 1] === CR && kind !== START && kind !== END) {
          i = cellEnd + 1;
          cellEnd -= 1;
        } else break; // a lone line feed: the reader's to count
        if (kind === OTHER || kind === START || kind === END) continue; // the end is checked against the start below
        if (kind === CUSTOMER) {
          if (!printable(bytes, cellStart, cellEnd)) break;
          customerStart = cellStart;
          customerEnd = cellEnd;
        } else if (kind === AMOUNT) {
          amount = plainNumberAt(bytes, cellStart, cellEnd, format, NaN);
          if (!(amount >= 0)) break;
        } else if (kind === QUANTITY) {
          quantity = plainNumberAt(bytes, cellStart, cellEnd, 'dot', 1);
          if (!(quantity >= 0)) break;
        } else if (kind === INTERVAL) {
          if (!printable(bytes, cellStart, cellEnd)) break;
          let known: ReturnType<typeof readInterval> | null = null;
          for (let k = 0; k < words.length; k++) {
            const word = words[k]!;
            if (word.word.length === cellEnd - cellStart && holdsAt(bytes, cellStart, word.word)) {
              known = word.value;
              break;
            }
          }
          if (known === null || known === 'oneTime') break;
          if (usesInterval) {
            if (known === undefined) break;
            interval = known;
          }
        } else {
          intervalCount = plainNumberAt(bytes, cellStart, cellEnd, 'dot', 1);
          if (!Number.isInteger(intervalCount) || intervalCount < 1 || intervalCount > 1000) break;
        }
      }
      const price = amount * quantity;
      if (c < columns || (end !== RUNNING && end < start) || !(price > 0 && price <= MAX_AMOUNT)) break;
      rows += 1;
      builder.append(
        builder.customerIndexAt(bytes, customerStart, customerEnd),
        start,
        end,
        monthlyMinorOf(price, factor, interval, intervalCount),
      );
      if (i >= to) {
        rowStart = i;
        break;
      }
    }
    rowsRead += rows;
    run.rows = rows;
    return rowStart;
  }

  function push(row: readonly string[], line: number): void {
    const spans = spansOf(row);
    pushSpan(spans.text, spans.bounds, row.length, line);
  }

  function pushSpan(rowText: TextSource, rowBounds: Int32Array, rowCells: number, line: number): void {
    if (finished || mappingIssues.length > 0) return;
    text = rowText;
    bounds = rowBounds;
    cells = rowCells;
    let blank = true;
    for (let c = 0; c < cells && blank; c++) blank = !span(c);
    if (blank) {
      skipped.emptyLine += 1;
      return;
    }
    rowsRead += 1;
    if (cells < headers.length) {
      errors.add(line, 'tooFewColumns', undefined, undefined, { cells, expected: headers.length });
      return;
    }
    for (let c = headers.length; c < cells; c++) {
      if (span(c)) {
        errors.add(line, 'tooManyColumns', undefined, undefined, { cells, expected: headers.length });
        return;
      }
    }

    const status = cStatus >= 0 && span(cStatus) ? wordAt(statuses, lower) : '';
    if (status === 'trialing') {
      skipped.trial += 1;
      return;
    }
    if (status !== '' && skipStatuses.has(status)) {
      skipped.status += 1;
      return;
    }

    if (!span(cCustomer)) return errors.add(line, 'missingCustomer', mapping.customerId ?? undefined);
    const customerStart = s;
    const customerEnd = e;

    let currency = defaultCurrency;
    if (cCurrency >= 0) {
      const code = span(cCurrency) ? wordAt(currencies, upper) : '';
      if (code !== '') {
        if (!/^[A-Z]{3}$/.test(code) || !isCurrency(code)) {
          return errors.add(line, 'badCurrency', mapping.currency ?? undefined, cell(cCurrency));
        }
        currency = code;
      }
    }

    // Day keys from the core's date reader (the engine's own, one time-zone rule), −1 when not a date.
    span(cStart);
    let start = readDayAt(text, s, e, dateFormat);
    if (start < 0) return errors.add(line, 'badDate', mapping.start ?? undefined, textOf(text, s, e));
    let end = RUNNING;
    if (span(cEnd)) {
      end = readDayAt(text, s, e, dateFormat);
      if (end < 0) return errors.add(line, 'badDate', mapping.end ?? undefined, textOf(text, s, e));
      if (end < start) return errors.add(line, 'endBeforeStart', mapping.end ?? undefined, textOf(text, s, e));
    }

    span(cAmount);
    const amount = readAmount(currency);
    if (typeof amount === 'string') return errors.add(line, amount, mapping.amount ?? undefined, textOf(text, s, e));
    const amountEnd = e;
    const amountStart = s;

    let quantity = 1;
    if (cQuantity >= 0 && span(cQuantity)) {
      const plain = plainAmountAt(text, s, e, 'dot');
      if (plain !== undefined) quantity = plain;
      else {
        const written = textOf(text, s, e);
        quantity = PLAIN_NUMBER.test(written) ? Number(written) : NaN;
      }
      if (!(quantity >= 0)) return errors.add(line, 'badQuantity', mapping.quantity ?? undefined, textOf(text, s, e));
    }
    if (amount * quantity > MAX_AMOUNT) {
      return errors.add(line, 'tooLarge', mapping.quantity ?? undefined, textOf(text, amountStart, amountEnd));
    }

    let interval: BillingInterval = 'month';
    let intervalCount = 1;
    if (cInterval >= 0) {
      span(cInterval);
      const known = wordAt(intervals, readInterval);
      if (known === 'oneTime') {
        skipped.oneTime += 1;
        return;
      }
      if (usesInterval) {
        if (known === undefined) return errors.add(line, 'badInterval', mapping.interval ?? undefined, textOf(text, s, e));
        interval = known;
      }
    }
    if (usesInterval && cIntervalCount >= 0 && span(cIntervalCount)) {
      intervalCount = plainAmountAt(text, s, e, 'dot') ?? Number(textOf(text, s, e));
      if (!Number.isInteger(intervalCount) || intervalCount < 1 || intervalCount > 1000) {
        return errors.add(line, 'badIntervalCount', mapping.intervalCount ?? undefined, textOf(text, s, e));
      }
    }

    // A trial before the paid period: revenue starts when the trial ends.
    if (cTrialEnd >= 0) {
      span(cTrialEnd);
      const trialEnd = readDayAt(text, s, e, dateFormat);
      if (trialEnd >= 0 && trialEnd > start) {
        if (amount * quantity === 0 || (end !== RUNNING && end <= trialEnd)) {
          skipped.trial += 1;
          return;
        }
        start = trialEnd;
      }
    }
    if (amount * quantity === 0) {
      skipped.zeroAmount += 1;
      return;
    }

    const customer = builder.customerIndexAt(text, customerStart, customerEnd);
    if (directFactor !== undefined) {
      builder.append(customer, start, end, monthlyMinorOf(amount * quantity, directFactor, interval, intervalCount));
      return;
    }
    builder.append(customer, start, end, 0);
    let currencyIndex = 0;
    if (cCurrency >= 0) {
      currencyCounts[currency] = (currencyCounts[currency] ?? 0) + 1;
      currencyIndex = currencyTable.indexOf(currency);
      if (currencyIndex < 0) currencyIndex = currencyTable.push(currency) - 1;
    }
    pending.push(amount, quantity, INTERVAL_CODES.get(interval)!, intervalCount, currencyIndex);
  }

  function finish(): ImportResult {
    finished = true;
    const found = Object.keys(currencyCounts).sort();
    const rates = options.rates ?? {};
    const hasRate = (c: string): boolean => {
      const r = rates[c] ?? rates[c.toLowerCase()];
      return typeof r === 'number' && Number.isFinite(r) && r > 0;
    };
    let currency = options.currency?.toUpperCase();
    if (!currency) {
      const withoutRate = found.filter((c) => !hasRate(c));
      currency =
        found.length === 1
          ? found[0]
          : withoutRate.length === 1
            ? withoutRate[0]
            : found.length === 0
              ? defaultCurrency
              : undefined;
    }
    let fatal: ImportFatal | undefined;
    if (mappingIssues.length > 0) fatal = { code: 'invalidMapping', mappingIssues };
    else if (rowsRead === 0) fatal = { code: 'noDataRows' };
    else {
      const missingRates = found.filter((c) => c !== currency && !hasRate(c));
      if (currency === undefined || missingRates.length > 0) {
        fatal = { code: 'multipleCurrencies', currencies: found, missingRates };
      }
    }
    const target = currency ?? defaultCurrency;
    let columns = emptyColumns(target);
    if (!fatal) {
      columns = { ...builder.build(), currency: target };
      // Each row's monthly minor units: converted into the dataset currency (rounded to its minor
      // unit per interval, as the amount column is written), then × quantity and made monthly with
      // the engine's own rounding.
      const factor = 10 ** currencyDigits(target);
      const rateOf = currencyTable.map((from) => (from === target ? 1 : (rates[from] ?? rates[from.toLowerCase()])));
      const { amount, quantity, interval, intervalCount, currencyIndex } = pending;
      // The pending arrays hold one entry per built row (i < columns.length), each currency index
      // is one of currencyTable's and each interval code one of BILLING_INTERVALS': hence the `!`s.
      for (let i = 0; directFactor === undefined && i < columns.length; i++) {
        const rate = cCurrency >= 0 ? rateOf[currencyIndex[i]!] : 1;
        const converted = rate === 1 ? amount[i]! : roundHalfAway(amount[i]! * rate! * factor) / factor;
        columns.monthlyMinor[i] = monthlyMinorOf(
          converted * quantity[i]!,
          factor,
          BILLING_INTERVALS[interval[i]!],
          intervalCount[i],
        );
      }
    }
    return {
      columns,
      analysis: null,
      report: {
        rowsRead,
        periodsImported: columns.length,
        customers: columns.customerIds.length,
        skipped,
        errors: errors.log(),
        currency: target,
        currenciesFound: currencyCounts,
        ...(fatal ? { fatal } : {}),
      },
    };
  }

  function part(): RowsPart {
    finished = true;
    return {
      columns: builder.build(),
      pending: directFactor === undefined ? pending.take() : null,
      currencies: currencyTable,
      currencyCounts,
      skipped,
      rowsRead,
      errors: errors.log(),
    };
  }

  function absorb(other: RowsPart, lineOffset: number): boolean {
    const { columns } = other;
    const n = columns.length;
    const before = builder.customerIds.length;
    const customers = builder.appendColumns(columns);
    let edgesOnly = customers.length === 0 || customers[0]! >= before - 1;
    for (let k = 1; edgesOnly && k < customers.length; k++) edgesOnly = customers[k]! >= before;
    const more = other.pending;
    if (more && directFactor === undefined) {
      const currencies = other.currencies.map((c) =>
        currencyTable.includes(c) ? currencyTable.indexOf(c) : currencyTable.push(c) - 1,
      );
      pending.grow(pending.length + n);
      for (let i = 0; i < n; i++) {
        pending.push(
          more.amount[i]!,
          more.quantity[i]!,
          more.interval[i]!,
          more.intervalCount[i]!,
          currencies[more.currencyIndex[i]!]!,
        );
      }
    }
    for (const [c, count] of Object.entries(other.currencyCounts)) currencyCounts[c] = (currencyCounts[c] ?? 0) + count;
    for (const key of Object.keys(skipped) as (keyof SkipCounts)[]) skipped[key] += other.skipped[key];
    rowsRead += other.rowsRead;
    errors.absorb(other.errors, lineOffset);
    return edgesOnly;
  }

  function movements(skipFirst: boolean, skipLast: boolean): PartMovements | undefined {
    if (directFactor === undefined || mappingIssues.length > 0) return undefined;
    return partMovements(builder.view(), { asOf: options.analysis?.asOf, skipFirst, skipLast });
  }

  function reject(line: number, code: RowErrorCode): void {
    if (finished || mappingIssues.length > 0) return;
    rowsRead += 1;
    errors.add(line, code);
  }

  function reserve(rows: number): void {
    if (finished || !(rows > 0) || !Number.isFinite(rows)) return;
    builder.reserve(rows);
    if (directFactor === undefined) pending.grow(Math.floor(rows));
  }

  return {
    push,
    pushSpan,
    plainRun,
    reserve,
    reject,
    get rowsRead() {
      return rowsRead;
    },
    finish,
    part,
    absorb,
    get periods() {
      return builder.length;
    },
    movements,
  };
}

/**
 * Every row error as a CSV (`line,code,column,value`) to download: all lines and codes, and the
 * column and cell for the first {@link MAX_DETAILED_ERRORS}.
 */
export function errorsToCsv(errors: RowErrorLog): string {
  const rows: (string | number)[][] = [['line', 'code', 'column', 'value']];
  for (let i = 0; i < errors.count; i++) {
    const detail = errors.first[i];
    const code = ROW_ERROR_CODES[errors.codes[i] ?? -1] ?? 'unknown';
    rows.push(
      detail ? [detail.line, detail.code, detail.column ?? '', detail.value ?? ''] : [errors.lines[i] ?? '', code, '', ''],
    );
  }
  return toCsv(rows);
}

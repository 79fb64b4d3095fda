/**
 * `mrr-kit movements FILE.csv`: the browser's import, headless. The same steps `<mrr-movements>`
 * takes, from the same modules: `sniff` (delimiter, column guessing, date and number formats, the
 * cents and cancellation questions), then `streamImport` (the streaming reader, the row reader with
 * its interval and amount rules, the columns) and the engine (`analyzeSubscriptions`). What the
 * element asks the user in its mapping step, the command asks as a refusal naming the flag that
 * answers it: it never guesses.
 */
import { analyzeSubscriptions, type MovementRow, type SubscriptionAnalysis } from '../core/movements.js';
import { currencyDigits, parseAmount } from '../core/money.js';
import { summaryMetrics, type SummaryMetrics } from '../core/metrics.js';
import { toCsv } from '../core/csv.js';
import { MAPPED_FIELDS, normalizeHeader } from '../import/mapping.js';
import { sniff, streamImport } from '../import/stream.js';
import type {
  ColumnMapping,
  DateFormat,
  ImportFatal,
  ImportOptions,
  ImportReport,
  MappedField,
  RowError,
  RowErrorCode,
  SniffResult,
} from '../import/types.js';
import {
  currencyFlag,
  decodeAscii,
  flagNumber,
  InputError,
  monthFlag,
  openInput,
  openOutput,
  progressReporter,
  unclosedQuoteColumn,
  type CliIo,
  type InputFile,
} from './io.js';

/** The flags of `movements`, as parsed. */
export interface MovementsArgs {
  file: string;
  asOf?: string;
  /** `COLUMN=field` pairs (`field` one of the mapping's fields, or `none`). */
  map?: readonly string[];
  format?: 'csv' | 'json';
  out?: string;
  amounts?: 'cents' | 'major';
  decimal?: string;
  dates?: string;
  cancellation?: 'end' | 'ignore';
  currency?: string;
  /** `CODE=rate` pairs: 1 CODE = rate of `currency`. */
  rate?: readonly string[];
  delimiter?: string;
  skipBadRows?: boolean;
}

const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy', 'unix'];

/**
 * The field a `--map` names: a mapping field in any case (`customerId`, `customerid`), or the SQL
 * model's column for it (`customer_id`, `start_date`, `end_date`, `interval_count`, `trial_end`).
 */
function mappedField(name: string): MappedField | 'none' | undefined {
  const key = name.toLowerCase().replace(/_/g, '');
  if (key === 'none') return 'none';
  const aliases: Record<string, MappedField> = { startdate: 'start', enddate: 'end' };
  return aliases[key] ?? MAPPED_FIELDS.find((f) => f.toLowerCase() === key);
}

/**
 * The delimiter a `--delimiter` names: one character, or a tab written `\t` or `tab` (a shell
 * passes `'\t'` as a backslash and a t). A quote, a line break, nothing or several characters
 * are refused: the reader would split on none of them.
 */
export function delimiterFlag(value: string): string {
  if (value === '\\t' || value.toLowerCase() === 'tab') return '\t';
  if ([...value].length !== 1 || /["\r\n]/.test(value))
    throw new InputError(`--delimiter takes one character (, ; | or \\t for a tab), not "${value}"`);
  return value;
}

/**
 * Cells that contradict each other on the decimal mark (none reads two ways, but one reads only
 * with a dot and another only with a comma): `"$29.00" (line 2) reads with a dot, "29,00 €"
 * (line 3) with a comma`; undefined when no such pair is found. `where` says where a cell is.
 */
export function decimalConflict(cells: readonly { text: string; where: string }[]): string | undefined {
  const readsOnly = (text: string, locale: string, other: string) =>
    parseAmount(text.trim(), locale).ok && !parseAmount(text.trim(), other).ok;
  const dot = cells.find((c) => readsOnly(c.text, 'en', 'de'));
  const comma = cells.find((c) => readsOnly(c.text, 'de', 'en'));
  if (!dot || !comma) return undefined;
  return `"${dot.text}" (${dot.where}) reads with a dot, "${comma.text}" (${comma.where}) with a comma`;
}

/** `text` cut to 60 characters (a header may be a whole paragraph, or a line without delimiters). */
const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The file's columns for a message: at most 30, each cut short. */
function columnList(headers: readonly string[]): string {
  const shown = headers.slice(0, 30).map((h) => `"${short(h)}"`);
  return headers.length > shown.length ? `${shown.join(', ')} and ${headers.length - shown.length} more` : shown.join(', ');
}

/** The import's settings from the file's first 64 kB and the flags; refuses what it would guess. */
export function planImport(sniffed: SniffResult, args: MovementsArgs): { mapping: ColumnMapping; options: ImportOptions } {
  const mapping: ColumnMapping = { ...sniffed.mapping };
  const headers = sniffed.headers;
  for (const pair of args.map ?? []) {
    const at = pair.lastIndexOf('=');
    const column = at > 0 ? pair.slice(0, at).trim() : '';
    const field = at > 0 ? pair.slice(at + 1).trim() : '';
    if (!column || !field) throw new InputError(`--map takes COLUMN=FIELD, not "${pair}"`);
    if (!headers.includes(column)) {
      throw new InputError(`--map ${short(pair)}: the file has no column "${short(column)}" (columns: ${columnList(headers)})`);
    }
    // A column feeds one field at most: taking it for one field frees it from any other.
    for (const f of MAPPED_FIELDS) if (mapping[f] === column) mapping[f] = null;
    const target = mappedField(field);
    if (target === undefined) {
      throw new InputError(`--map ${pair}: "${field}" is not a field (fields: ${MAPPED_FIELDS.join(', ')}, or none)`);
    }
    if (target === 'none') continue;
    mapping[target] = column;
  }
  if (args.map?.length) {
    // The guess's rule, on the final mapping: an amount named after MRR is monthly already, and
    // without an interval column every amount is read as monthly.
    const amountHeader = mapping.amount === null ? '' : normalizeHeader(mapping.amount);
    mapping.amountIsMonthly = /\bmrr\b|monthly/.test(amountHeader) || mapping.interval === null;
    mapping.amountInMinorUnits = /\bcents?\b|\bminor\b/.test(amountHeader);
  }

  const questions: string[] = [];
  const columnOf = (name: string | null) => (name === null ? '' : `column ${headers.indexOf(name) + 1} ("${name}")`);
  const options: ImportOptions = {};

  if (args.dates !== undefined) {
    if (!(DATE_FORMATS as readonly string[]).includes(args.dates)) {
      throw new InputError(`--dates must be one of ${DATE_FORMATS.join(', ')}, not "${args.dates}"`);
    }
    options.dateFormat = args.dates as DateFormat;
  } else if (sniffed.dateFormat === 'ambiguous') {
    questions.push(
      `the dates in ${columnOf(mapping.start)} read two ways (03/04/2024: 3 April or March 4?): add --dates dmy or --dates mdy`,
    );
  } else {
    options.dateFormat = sniffed.dateFormat === 'unknown' ? 'iso' : sniffed.dateFormat;
  }

  if (args.decimal !== undefined) {
    if (args.decimal !== '.' && args.decimal !== ',') throw new InputError(`--decimal must be . or , not "${args.decimal}"`);
    options.numberFormat = args.decimal === ',' ? 'comma' : 'dot';
  } else if (sniffed.numberFormat === 'dot' || sniffed.numberFormat === 'comma') {
    options.numberFormat = sniffed.numberFormat;
  } else if (sniffed.numberFormat === 'ambiguous') {
    const amountAt = mapping.amount === null ? -1 : headers.indexOf(mapping.amount);
    const conflict =
      sniffed.twoWayAmount === undefined && amountAt >= 0
        ? decimalConflict(sniffed.sampleRows.map((r, i) => ({ text: r[amountAt] ?? '', where: `line ${i + 2}` })))
        : undefined;
    if (conflict !== undefined) {
      questions.push(
        `the amounts in ${columnOf(mapping.amount)} are written both ways: ${conflict}: which is the decimal mark? add --decimal . or --decimal ,`,
      );
    } else {
      const sample = sniffed.twoWayAmount ?? '12.000';
      const row = sniffed.sampleRows.findIndex((r) => r.includes(sample));
      const where = row >= 0 ? ` (line ${row + 2}, ${columnOf(mapping.amount)})` : ` in ${columnOf(mapping.amount)}`;
      questions.push(
        `amounts like "${sample}"${where} read two ways: is the decimal mark a dot or a comma? add --decimal . or --decimal ,`,
      );
    }
  }

  if (args.amounts !== undefined) {
    mapping.amountInMinorUnits = args.amounts === 'cents';
  } else if (sniffed.amountLooksLikeMinorUnits) {
    questions.push(
      `the amounts in ${columnOf(mapping.amount)} are all whole numbers like cents (2900 for 29.00): add --amounts cents or --amounts major`,
    );
  }

  if (sniffed.cancellationColumn && mapping.end === null) {
    if (args.cancellation === 'end') mapping.end = sniffed.cancellationColumn;
    else if (args.cancellation === undefined) {
      questions.push(
        `${columnOf(sniffed.cancellationColumn)} may hold cancellations scheduled while the subscription still pays: add --cancellation end to read it as the end date, or --cancellation ignore`,
      );
    }
  }

  for (const field of ['customerId', 'start', 'amount'] as const) {
    if (mapping[field] === null) {
      questions.push(`no column was recognised as ${field}: add --map "COLUMN=${field}" (columns: ${headers.join(', ')})`);
    }
  }
  if (questions.length > 0)
    throw new InputError(`${args.file} needs an answer before it is read:\n  - ${questions.join('\n  - ')}`);

  if (args.currency !== undefined) options.currency = currencyFlag('--currency', args.currency);
  if (args.rate?.length) {
    const rates: Record<string, number> = {};
    for (const pair of args.rate) {
      const [code = '', value = ''] = pair.split('=');
      const rate = flagNumber(value);
      if (!/^[A-Za-z]{3}$/.test(code) || !(rate > 0) || !Number.isFinite(rate)) {
        throw new InputError(`--rate takes CODE=RATE with a positive rate (--rate EUR=1.08), not "${pair}"`);
      }
      rates[currencyFlag(`--rate ${pair}`, code)] = rate;
    }
    options.rates = rates;
  }
  if (args.delimiter !== undefined) options.delimiter = delimiterFlag(args.delimiter);
  return { mapping, options };
}

const ROW_ERROR_TEXT: Record<RowErrorCode, string> = {
  missingCustomer: 'no customer id',
  badDate: 'is not a date in the chosen format',
  endBeforeStart: 'ends before the period starts',
  badAmount: 'is not an amount',
  negativeAmount: 'is a negative amount',
  tooLarge: 'is too large an amount',
  badQuantity: 'is not a quantity (a number ≥ 0)',
  badInterval: 'is not a billing interval (day, week, month, quarter, year)',
  badIntervalCount: 'is not an interval count (a whole number 1–1000)',
  badCurrency: 'is not an ISO 4217 currency code',
  tooFewColumns: 'has too few cells',
  tooManyColumns: 'has too many cells',
  badQuotes: 'has a quote that does not close',
  ambiguousAmount: 'reads two ways (a dot or a comma as the decimal mark?): add --decimal . or --decimal ,',
};

/** `line 12, column 4 ("amount"): "12,5x" is not an amount`. */
export function describeRowError(error: RowError, headers: readonly string[]): string {
  let where = `line ${error.line}`;
  if (error.column !== undefined) where += `, column ${headers.indexOf(error.column) + 1} ("${error.column}")`;
  const what = error.value !== undefined ? `"${error.value}" ` : '';
  const counts = error.cells !== undefined ? ` (${error.cells} cells, the header has ${error.expected})` : '';
  return `${where}: ${what}${ROW_ERROR_TEXT[error.code]}${counts}`;
}

/**
 * Why a whole file was refused, with what to do about it; `column` (1-based) and `headers` say
 * where an `unterminatedQuote` opens, when it is known.
 */
export function describeFatal(fatal: ImportFatal, file: string, column?: number, headers: readonly string[] = []): string {
  switch (fatal.code) {
    case 'emptyFile':
      return `${file} is empty`;
    case 'binaryFile':
      return `${file} is not a text (CSV) file`;
    case 'noDataRows':
      return `${file} has a header but no data rows`;
    case 'unterminatedQuote':
      return `${file}, line ${fatal.line ?? '?'}${column === undefined ? '' : `, column ${column}${headers[column - 1] === undefined ? '' : ` ("${headers[column - 1]}")`}`}: a quoted cell opens and never closes`;
    case 'invalidMapping':
      return `${file}: the column mapping does not fit the header (${(fatal.mappingIssues ?? []).map((i) => `${i.field}: ${i.code}`).join(', ')})`;
    case 'multipleCurrencies':
      return (
        `${file} mixes currencies (${(fatal.currencies ?? []).join(', ')}): choose one with --currency CODE and ` +
        `give each other one a rate (--rate ${(fatal.missingRates ?? ['EUR'])[0]}=1.08 means 1 of it is 1.08 of --currency)`
      );
    case 'badRate':
      return `${file}: a --rate is not a positive number`;
    default:
      return `${file} could not be read: ${fatal.message ?? fatal.code}`;
  }
}

/**
 * {@link describeFatal}, with the column of an unclosed quote read back from the file at `path`
 * (`file` is the name the message gives: `stdin` for a spooled standard input).
 */
export async function describeFileFatal(
  fatal: ImportFatal,
  file: string,
  delimiter: string,
  headers: readonly string[],
  path = file,
): Promise<string> {
  const column =
    fatal.code === 'unterminatedQuote' && fatal.line !== undefined
      ? await unclosedQuoteColumn(path, fatal.line, delimiter).catch(() => undefined)
      : undefined;
  return describeFatal(fatal, file, column, headers);
}

/** What `movements` computes: the engine's analysis of the imported file, and the import report. */
export interface MovementsResult {
  analysis: SubscriptionAnalysis;
  summary: SummaryMetrics | null;
  report: ImportReport;
  headers: string[];
}

/**
 * Reads `args.file` (standard input for `-`) through the import pipeline and the engine;
 * InputError for anything refused.
 */
export async function readMovements(args: MovementsArgs, io: CliIo): Promise<MovementsResult> {
  monthFlag('--as-of', args.asOf);
  // Flags before the file: a wrong --currency or --delimiter is reported before a long read, not after.
  if (args.currency !== undefined) currencyFlag('--currency', args.currency);
  if (args.delimiter !== undefined) delimiterFlag(args.delimiter);
  const input = await openInput(args.file, io);
  try {
    return await readInput(input, args, io);
  } finally {
    await input.dispose();
  }
}

async function readInput(input: InputFile, args: MovementsArgs, io: CliIo): Promise<MovementsResult> {
  const { blob, name } = input;
  const sniffed = await sniff(blob, args.delimiter !== undefined ? { delimiter: delimiterFlag(args.delimiter) } : {});
  const fatal = (f: ImportFatal) => describeFileFatal(f, name, sniffed.delimiter, sniffed.headers, input.path);
  if (sniffed.fatal) throw new InputError(await fatal(sniffed.fatal));
  const { mapping, options } = planImport(sniffed, { ...args, file: name });
  const progress = progressReporter(io);
  const result = await streamImport(
    blob,
    mapping,
    { ...options, analysis: args.asOf !== undefined ? { asOf: args.asOf } : {} },
    { onProgress: progress.onProgress, decodeAscii },
  );
  progress.done();
  const { report } = result;
  if (report.fatal) throw new InputError(await fatal(report.fatal));
  const errors = report.errors;
  if (errors.count > 0) {
    const shown = errors.first.slice(0, 10).map((e) => `  ${name}: ${describeRowError(e, sniffed.headers)}`);
    const more = errors.count > shown.length ? `\n  … ${errors.count - shown.length} more` : '';
    if (!args.skipBadRows) {
      throw new InputError(
        `${name}: ${errors.count} row${errors.count === 1 ? '' : 's'} cannot be read (add --skip-bad-rows to leave them out):\n${shown.join('\n')}${more}`,
      );
    }
    io.stderr.write(
      `mrr-kit: left out ${errors.count} row${errors.count === 1 ? '' : 's'} that cannot be read:\n${shown.join('\n')}${more}\n`,
    );
  }
  // The import analyses where it runs; it reports null only when totals pass 2^53 minor units.
  const analysis = result.analysis ?? analyzeSubscriptions(result.columns, args.asOf !== undefined ? { asOf: args.asOf } : {});
  const rows = analysis.movements;
  if (rows.length === 0) {
    // An empty table is a result, but say why: every row left out on purpose, or nothing active yet.
    const { trial, zeroAmount, oneTime, status } = report.skipped;
    io.stderr.write(
      `mrr-kit: ${name}: no month with MRR (${report.periodsImported} periods kept; left out: ${trial} trials, ${zeroAmount} zero amounts, ${oneTime} one-time charges, ${status} by status)\n`,
    );
  }
  const summary = rows.length > 0 ? summaryMetrics(rows, { month: rows.at(-1)!.month, window: rows.length }) : null;
  return { analysis, summary, report, headers: sniffed.headers };
}

export const MOVEMENT_COLUMNS = [
  'month',
  'startingMrr',
  'new',
  'expansion',
  'contraction',
  'churn',
  'reactivation',
  'endingMrr',
  'customers',
  'newCustomers',
  'churnedCustomers',
  'reactivatedCustomers',
] as const satisfies readonly (keyof MovementRow)[];

const MONEY = new Set<string>(['startingMrr', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'endingMrr']);

/** The movements as CSV, money in major units with the currency's decimals (2 for USD). */
export function movementsCsv(rows: readonly MovementRow[], currency: string): string {
  const digits = currencyDigits(currency);
  const cells = rows.map((row) => MOVEMENT_COLUMNS.map((c) => (MONEY.has(c) ? (row[c] as number).toFixed(digits) : row[c])));
  return toCsv([[...MOVEMENT_COLUMNS], ...cells], { newline: '\n' });
}

/** `mrr-kit movements`: reads, analyses and writes (stdout, or `--out` atomically). */
export async function movementsCommand(args: MovementsArgs, io: CliIo): Promise<void> {
  const output = await openOutput(io, args.out, [args.file]);
  try {
    const { analysis, summary, report } = await readMovements(args, io);
    const text =
      args.format === 'json'
        ? `${JSON.stringify({ movements: analysis.movements, summary, cohorts: analysis.cohorts }, null, 2)}\n`
        : movementsCsv(analysis.movements, report.currency);
    await output.write([text]);
    if (io.stderr.isTTY) {
      io.stderr.write(
        `${report.periodsImported.toLocaleString('en')} periods of ${report.customers.toLocaleString('en')} customers, ` +
          `${analysis.movements.length} months${args.out ? ` → ${args.out}` : ''}\n`,
      );
    }
  } finally {
    await output.discard();
  }
}

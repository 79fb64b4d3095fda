/**
 * Types of the CSV import (issue "Real subscription data"): the column mapping the user confirms,
 * the import options, and the report that says what was imported, skipped and refused.
 */
import type { DateFormat, DetectedDateFormat } from '../core/dates.js';
import type { SubscriptionAnalysis } from '../core/movements.js';
import type { PeriodColumns } from '../core/period-columns.js';
import type { DatasetRecord, StorageFailure } from '../storage/db.js';
import type { StorageSettings } from '../storage/settings.js';
import type { DetectedNumberFormat, NumberFormat } from '../core/number-format.js';

export type { DateFormat, DetectedDateFormat } from '../core/dates.js';
export type { SubscriptionPeriod } from '../core/movements.js';
export type { PeriodColumns } from '../core/period-columns.js';

/** How a file writes decimals, and what its sample amounts show: the core's one number reader. */
export type { DetectedNumberFormat, NumberFormat } from '../core/number-format.js';

/** Which column (header text, exactly as in the file) feeds each field; null when none. */
export interface ColumnMapping {
  customerId: string | null;
  start: string | null;
  end: string | null;
  amount: string | null;
  interval: string | null;
  intervalCount: string | null;
  quantity: string | null;
  currency: string | null;
  status: string | null;
  /** Trial end: a paid period starts when the trial ends (Stripe's `Trial End (UTC)`). */
  trialEnd: string | null;
  /** The amount column already is monthly recurring revenue (`monthly_amount`, `mrr`): interval
   * and interval count are ignored. */
  amountIsMonthly: boolean;
  /** Amounts are in minor units (cents), as in Stripe's API exports; the dashboard CSV uses major. */
  amountInMinorUnits: boolean;
}

/** The fields a mapping can assign a column to. */
export type MappedField = Exclude<keyof ColumnMapping, 'amountIsMonthly' | 'amountInMinorUnits'>;

export type MappingIssueCode = 'required' | 'unknownColumn' | 'duplicateColumn';

export interface MappingIssue {
  field: MappedField;
  code: MappingIssueCode;
}

export interface ImportOptions {
  /** How the date columns are written; default: detected from the sample (`iso` when unsure). */
  dateFormat?: DateFormat;
  /** Currency of the dataset; default: the only currency found, else `USD`. */
  currency?: string;
  /** Conversion rates into the dataset currency: `{ EUR: 1.08 }` means 1 EUR = 1.08 of it. */
  rates?: Record<string, number>;
  /** How amounts are written (detected by `sniff`, or chosen by the user). Without it (and without
   * `locale`) an amount is read only when both formats read it alike: `12.000` is `ambiguousAmount`. */
  numberFormat?: NumberFormat;
  /** Locale in which amounts are written (`1.234,50` in `de`): its {@link NumberFormat}
   * (`numberFormatOfLocale`); `numberFormat` takes precedence. */
  locale?: string;
  /** Field delimiter; default: detected. */
  delimiter?: string;
  /** Statuses left out (lower case). Default: `incomplete`, `incomplete_expired`. `trialing` is
   * always counted as a trial. */
  skipStatuses?: readonly string[];
  /** Options of the analysis run with the import (the last month reported, `asOf`); default: the
   * engine's (through the last month any period starts or ends in). */
  analysis?: { asOf?: string };
}

/** Why one row could not be read. */
export type RowErrorCode =
  | 'missingCustomer'
  | 'badDate'
  | 'endBeforeStart'
  | 'badAmount'
  | 'negativeAmount'
  | 'tooLarge'
  | 'badQuantity'
  | 'badInterval'
  | 'badIntervalCount'
  | 'badCurrency'
  | 'tooFewColumns'
  | 'tooManyColumns'
  | 'badQuotes'
  | 'ambiguousAmount';

/** Every {@link RowErrorCode}, in a fixed order: the compact error log stores the index. */
export const ROW_ERROR_CODES: readonly RowErrorCode[] = [
  'missingCustomer',
  'badDate',
  'endBeforeStart',
  'badAmount',
  'negativeAmount',
  'tooLarge',
  'badQuantity',
  'badInterval',
  'badIntervalCount',
  'badCurrency',
  'tooFewColumns',
  'tooManyColumns',
  'badQuotes',
  'ambiguousAmount',
];

export interface RowError {
  /** 1-based line in the file where the row starts; the header is line 1. Quoted line breaks count. */
  line: number;
  code: RowErrorCode;
  /** Header of the offending column, when one column is to blame. */
  column?: string;
  /** The offending cell (cut to 200 characters). */
  value?: string;
  /** For `tooFewColumns` / `tooManyColumns`: cells in the row, and in the header. */
  cells?: number;
  expected?: number;
}

/** All row errors: the first {@link MAX_DETAILED_ERRORS} with details, every one as line + code. */
export interface RowErrorLog {
  count: number;
  first: RowError[];
  /** Line of each error, in file order (typed array: 4 bytes an error). */
  lines: Uint32Array;
  /** Index into {@link ROW_ERROR_CODES} of each error. */
  codes: Uint8Array;
}

export const MAX_DETAILED_ERRORS = 100;

/** Files smaller than this are imported in one part: a second worker costs more than it saves. */
export const SPLIT_MIN_BYTES = 8 << 20;

/** Why rows were left out on purpose (not errors). */
export interface SkipCounts {
  /** Status `trialing`, or a zero amount during a trial, or ended before its trial did. */
  trial: number;
  zeroAmount: number;
  /** No recurring interval (`one_time`, empty) while an interval column is mapped. */
  oneTime: number;
  /** A status in `skipStatuses` (`incomplete_expired`, …). */
  status: number;
  /** Blank lines. */
  emptyLine: number;
}

/** Why a whole import was refused. */
export type FatalCode =
  | 'emptyFile'
  | 'binaryFile'
  | 'noDataRows'
  | 'invalidMapping'
  | 'multipleCurrencies'
  | 'badRate'
  | 'unterminatedQuote'
  | 'readFailed'
  | 'workerFailed';

export interface ImportFatal {
  code: FatalCode;
  /** For `multipleCurrencies`: every currency found; `missingRates`: those without a rate. */
  currencies?: string[];
  missingRates?: string[];
  /** For `invalidMapping`. */
  mappingIssues?: MappingIssue[];
  /** For `unterminatedQuote`: where the quoted field opens. */
  line?: number;
  /** For `readFailed` / `workerFailed`: the underlying message, for logs. */
  message?: string;
}

export interface ImportReport {
  /** Data rows read (header and blank lines excluded). */
  rowsRead: number;
  periodsImported: number;
  customers: number;
  skipped: SkipCounts;
  errors: RowErrorLog;
  /** Currency of the imported amounts (after conversion). */
  currency: string;
  /** Currencies found in the currency column (upper case), with their row counts. */
  currenciesFound: Record<string, number>;
  /** Set when the import was refused: `columns` is then empty. */
  fatal?: ImportFatal;
}

export interface ImportResult {
  /** The imported periods as columns, amounts in `report.currency` (empty when refused). */
  columns: PeriodColumns;
  /** Movements and cohorts of `columns`, computed where the import ran (in the worker); null when
   * the import was refused or the analysis threw (totals beyond 2^53 minor units). */
  analysis: SubscriptionAnalysis | null;
  report: ImportReport;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  /** bytesRead ÷ totalBytes, 0–1. */
  fraction: number;
  rowsPerSecond: number;
}

export type SniffWarning = 'singleColumn' | 'ambiguousDates' | 'unknownDates' | 'ambiguousNumbers';

export interface SniffResult {
  /** Set when the file cannot be imported at all (`emptyFile`, `binaryFile`, `noDataRows`). */
  fatal?: ImportFatal;
  headers: string[];
  /** First data rows (up to 20), cells as text. */
  sampleRows: string[][];
  delimiter: string;
  /** The file has a single column although its lines contain this character: wrong delimiter? */
  suspectedDelimiter?: string;
  hadBom: boolean;
  mapping: ColumnMapping;
  /** Detected from the sample of the start column (and end column when mapped). */
  dateFormat: DetectedDateFormat;
  /** How the sample amounts write decimals; `ambiguous`: the user must choose (see `twoWayAmount`). */
  numberFormat: DetectedNumberFormat;
  /** A sample amount that reads two ways (`12.000`), for the question. */
  twoWayAmount?: string;
  /** The amount column's sample cells are all whole numbers of cent-like size (`2900`) and its
   * header does not say the unit: ask "are these cents?" instead of reading them as dollars. */
  amountLooksLikeMinorUnits: boolean;
  /** A cancellation column (`Canceled At`) when the file has no end-date column. A cancellation may
   * be scheduled while the subscription still pays, so it is never mapped to the end date silently:
   * the user is asked. */
  cancellationColumn?: string;
  warnings: SniffWarning[];
  totalBytes: number;
}

/**
 * An import's data saved as a new dataset by the worker that made it, as soon as it is made (the
 * page is not blocked while IndexedDB clones a million periods): its name, the file it came from,
 * and the storage settings of the page.
 */
export interface ImportSaveRequest {
  name: string;
  fileName: string;
  storage: StorageSettings;
}

/** Messages from the main thread to the import worker: an import, or the analysis of columns
 * (a saved dataset being opened), whose buffers are transferred to the worker and back. */
export type ImportWorkerRequest =
  | {
      type: 'import';
      input: Blob | string;
      mapping: ColumnMapping;
      options: ImportOptions;
      save?: ImportSaveRequest;
      /** To other workers (`serveParts`), each reading a later part of the file at once (a large file). */
      partPorts?: MessagePort[];
      /** Files smaller than this are read in one part (default {@link SPLIT_MIN_BYTES}). */
      splitMinBytes?: number;
    }
  /** Makes this worker a second reader: it reads the parts asked for through `port`. */
  | { type: 'serveParts'; port: MessagePort }
  /** Another worker failed: the file is read again here, alone. */
  | { type: 'partFailed' }
  | { type: 'analyze'; columns: PeriodColumns }
  | { type: 'open'; id: string; storage: StorageSettings }
  | { type: 'records'; input: Blob | string; options: { delimiter?: string; maxRows?: number; maxErrors?: number } };

/** Messages from the import worker: `ready` once loaded, then progress, then `done` or `error`;
 * `analyzed` answers `analyze`, `opened` (null columns: no such dataset) or `openFailed` answers
 * `open` (a saved dataset read and analysed in the worker). With `idsSent`, the customer-id table came before `done` in `ids`
 * parts (each deserialised in a task of its own) and `done` holds none; after a `save` request,
 * `saved` or `saveFailed` follows `done`. */
export type ImportWorkerResponse =
  | { type: 'ready' }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'ids'; ids: string[] }
  | { type: 'done'; result: ImportResult; idsSent?: boolean }
  | { type: 'saved'; record: DatasetRecord }
  | { type: 'saveFailed'; reason: StorageFailure }
  | { type: 'opened'; columns: PeriodColumns | null; analysis: SubscriptionAnalysis | null; idsSent?: boolean }
  | { type: 'openFailed'; reason: StorageFailure }
  | { type: 'analyzed'; columns: PeriodColumns; analysis: SubscriptionAnalysis | null }
  | { type: 'records'; result: import('./records.js').CsvRecordsResult & { truncated?: boolean } }
  | { type: 'error'; message: string };

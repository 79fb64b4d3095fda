/**
 * A generic CSV reader for elements that import rows of attributes (prospects, clients: any
 * columns), built on the import's own streaming reader ({@link readCsvRows}: papaparse's parser fed
 * chunk by chunk, BOM and UTF-16 handled, delimiter and line break guessed, true line numbers).
 *
 * ```ts
 * const { headers, rows, errors, fatal } = await parseCsvRecords(file, { onProgress, signal });
 * rows[0]['Company']; // every cell as text, keyed by its header
 * ```
 *
 * See /work/notes/import-api.md (and docs) for the contract.
 */
import { ImportCancelledError } from './cancel.js';
import { readCsvRows, type ImportInput } from './stream.js';
import type { ImportFatal, ImportProgress } from './types.js';

/** A row as text keyed by header. A null-prototype object: a header named `__proto__` or
 * `constructor` is an ordinary key, never an inherited member. */
export type CsvRecord = Record<string, string>;

/** Why a row was left out. */
export type CsvRecordErrorCode = 'tooFewColumns' | 'tooManyColumns' | 'badQuotes';

export interface CsvRecordError {
  /** 1-based line where the row starts (the header is line 1; quoted line breaks count). */
  line: number;
  code: CsvRecordErrorCode;
  /** Cells in the row and in the header (`tooFewColumns`, `tooManyColumns`). */
  cells?: number;
  expected?: number;
}

export interface CsvRecordsResult {
  /** Header cells, trimmed, in file order; a repeated or empty header gets a suffix (`Name (2)`,
   * `Column 3`) so every key is unique. */
  headers: string[];
  rows: CsvRecord[];
  /** 1-based line of each row in `rows` (same index). */
  lines: number[];
  /** Rows left out, in file order (at most `maxErrors` with details; `errorCount` counts all). */
  errors: CsvRecordError[];
  errorCount: number;
  /** Blank lines skipped. */
  blankLines: number;
  delimiter: string;
  hadBom: boolean;
  /** Set when the file was refused as a whole (`emptyFile`, `binaryFile`, `noDataRows`,
   * `unterminatedQuote` with its line, `readFailed`); `rows` is then empty. */
  fatal?: ImportFatal;
}

export interface CsvRecordsOptions {
  /** Field delimiter; default: guessed among `,` `;` tab `|`. */
  delimiter?: string;
  /** Progress, at most every 100 ms, and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting rejects with an `AbortError` (`ImportCancelledError`) between chunks. */
  signal?: AbortSignal;
  /** Keep at most this many data rows; past it the rest is not kept and `truncated` is set
   * (the file is still read to its end, for its errors); default unlimited. */
  maxRows?: number;
  /** Errors kept with details; default 1000. */
  maxErrors?: number;
  /** Bytes (Blob) or characters (string) per chunk; default 1 MiB. */
  chunkSize?: number;
  /**
   * Each row kept, as its cells in header order (one per header) and its line, instead of a record
   * in `rows`: `rows` and `lines` then stay empty, so a caller that stores rows its own way (the
   * prospects' columns) never holds every row as an object. The array is the reader's: copy what you keep.
   */
  onRecord?: (cells: readonly string[], line: number) => void;
}

/** Unique, non-empty header keys. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h === '' ? `Column ${i + 1}` : h;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * Reads a CSV of attribute rows: headers, every row as a text record keyed by header, and the rows
 * that could not be read with their line and reason. Never throws for bad input (a refused file has
 * `fatal`); rejects only when `signal` aborts. Between chunks it yields to the event loop, so a
 * large file does not freeze the page.
 */
export async function parseCsvRecords(
  input: ImportInput,
  options: CsvRecordsOptions = {},
): Promise<CsvRecordsResult & { truncated?: boolean }> {
  const { signal, maxRows = Infinity, maxErrors = 1000 } = options;
  if (signal?.aborted) throw new ImportCancelledError();
  let headers: string[] = [];
  const rows: CsvRecord[] = [];
  const lines: number[] = [];
  let kept = 0;
  const onRecord = options.onRecord;
  const errors: CsvRecordError[] = [];
  let errorCount = 0;
  let blankLines = 0;
  let truncated = false;
  const fail = (error: CsvRecordError) => {
    errorCount += 1;
    if (errors.length < maxErrors) errors.push(error);
  };
  const read = await readCsvRows(
    input,
    {
      header(cells) {
        headers = uniqueHeaders(cells);
      },
      row(cells, line) {
        if (truncated) return;
        if (cells.every((c) => c.trim() === '')) {
          blankLines += 1;
          return;
        }
        if (cells.length < headers.length)
          return fail({ line, code: 'tooFewColumns', cells: cells.length, expected: headers.length });
        if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
          return fail({ line, code: 'tooManyColumns', cells: cells.length, expected: headers.length });
        }
        if (kept >= maxRows) {
          truncated = true;
          return;
        }
        kept += 1;
        if (onRecord) return onRecord(cells.length === headers.length ? cells : cells.slice(0, headers.length), line);
        const record: CsvRecord = Object.create(null) as CsvRecord;
        // cells has at least one cell per header (checked above).
        headers.forEach((header, c) => (record[header] = cells[c]!));
        rows.push(record);
        lines.push(line);
      },
      badRow: (line) => fail({ line, code: 'badQuotes' }),
      rowsRead: () => kept + errorCount,
    },
    // A stray quote costs its line (reported once), not the whole file.
    { delimiter: options.delimiter, skipUnclosedQuotes: true },
    {
      chunkSize: options.chunkSize,
      onProgress: options.onProgress,
      isCancelled: () => signal?.aborted ?? false,
      betweenChunks: () => new Promise((resolve) => setTimeout(resolve, 0)),
    },
  );
  const base = { headers, delimiter: read.delimiter, hadBom: read.hadBom, blankLines, errorCount };
  if (read.fatal) return { ...base, rows: [], lines: [], errors: [], fatal: read.fatal };
  if (kept === 0 && errorCount === 0) return { ...base, rows, lines, errors, fatal: { code: 'noDataRows' } };
  return { ...base, rows, lines, errors, ...(truncated ? { truncated } : {}) };
}

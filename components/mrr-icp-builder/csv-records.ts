/**
 * Reads a CSV of records (clients, prospects) through the import pipeline's generic reader
 * (`parseCsvRecords`, src/import/records.ts: the same streaming reader as the subscription import,
 * BOM and UTF-16 handled, true line numbers, unbalanced quotes refused with their line), in small
 * chunks so that no task of the page runs long.
 */
import { ImportCancelledError } from '../../src/import/cancel.js';
import { type CsvRecord, parseCsvRecords } from '../../src/import/records.js';

export type { CsvRecord };

export interface RecordsError {
  line: number;
  code: 'tooFewColumns' | 'tooManyColumns' | 'badQuotes';
}

export interface CsvRecords {
  headers: string[];
  /** Rows as text keyed by header (null-prototype objects). */
  rows: CsvRecord[];
  /** Line of each row in the file (header = 1). */
  lines: number[];
  /** Rows left out (the first 1,000), and how many in all. */
  errors: RecordsError[];
  errorCount: number;
  /** Why the whole file was refused (`emptyFile`, `binaryFile`, `noDataRows`, `unterminatedQuote`, `readFailed`). */
  fatal?: string;
  /** The line of an unterminated quote. */
  fatalLine?: number;
}

export interface RecordsHooks {
  /** Share of the file read, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Aborting stops reading: the promise resolves with `cancelled`. */
  signal?: AbortSignal;
}

/** Small enough that parsing one chunk stays well under a 50 ms task on a slow phone. */
const CHUNK = 48 * 1024;

/**
 * Gives the page a turn behind what is already queued (a scroll fills the rows in view first):
 * src/ui/tasks.ts `nextMessageTask`.
 */
export { nextMessageTask as yieldToPage } from '../../src/ui/tasks.js';

/** Reads `input` (a file or text); never throws for bad input. */
export async function readCsvRecords(
  input: Blob | string,
  hooks: RecordsHooks = {},
): Promise<CsvRecords & { cancelled?: boolean }> {
  try {
    const r = await parseCsvRecords(input, {
      chunkSize: CHUNK,
      signal: hooks.signal,
      onProgress: (p) => hooks.onProgress?.(p.fraction),
    });
    return {
      headers: r.headers,
      rows: r.rows,
      lines: r.lines,
      errors: r.errors.map((e) => ({ line: e.line, code: e.code })),
      errorCount: r.errorCount,
      ...(r.fatal ? { fatal: r.fatal.code, fatalLine: r.fatal.line } : {}),
    };
  } catch (e) {
    if (e instanceof ImportCancelledError || (e as Error)?.name === 'AbortError')
      return { headers: [], rows: [], lines: [], errors: [], errorCount: 0, cancelled: true };
    return { headers: [], rows: [], lines: [], errors: [], errorCount: 0, fatal: 'readFailed' };
  }
}

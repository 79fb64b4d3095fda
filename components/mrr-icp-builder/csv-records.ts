/**
 * Reads a whole CSV of records (clients) through the import pipeline: `sniff()` refuses empty and
 * binary files, finds the delimiter, headers, date format and guessed columns; the rows are then
 * split by the same parser the pipeline uses (papaparse) with the line each starts on, and rows
 * with too few or too many cells are reported like the subscription import reports them.
 *
 * Gap: the subscription pipeline's streaming reader (`streamImport`) is tied to subscription rows;
 * once it offers generic records, this file becomes a call to it.
 */
import Papa from 'papaparse';
import { sniff } from '../../src/import/stream.js';
import type { FatalCode, SniffResult } from '../../src/import/types.js';

export interface RecordsError {
  line: number;
  code: 'tooFewColumns' | 'tooManyColumns' | 'badQuotes';
}

export interface CsvRecords {
  sniffed: SniffResult;
  headers: string[];
  /** Rows whose cell count matches the header. */
  rows: string[][];
  /** Line of each row in the file (header = 1). */
  lines: number[];
  errors: RecordsError[];
  fatal?: FatalCode;
}

export interface RecordsHooks {
  /** Share of the file read, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Checked between chunks: true stops reading (the promise resolves with `cancelled`). */
  isCancelled?: () => boolean;
}

/** Small enough that parsing one chunk stays well under a 50 ms task on a slow phone. */
const CHUNK = 48 * 1024;

/** Gives the page a turn between chunks (a message-channel task is not clamped like nested timeouts). */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads `input` (a file or text) into rows of cells, chunk by chunk with a turn for the page
 * between chunks (a 100,000-row file does not freeze it); never throws for bad input.
 */
export async function readCsvRecords(
  input: Blob | string,
  hooks: RecordsHooks = {},
): Promise<CsvRecords & { cancelled?: boolean }> {
  const sniffed = await sniff(input);
  const empty: CsvRecords = { sniffed, headers: sniffed.headers, rows: [], lines: [], errors: [] };
  if (sniffed.fatal) return { ...empty, fatal: sniffed.fatal.code };
  const headers = sniffed.headers;
  const total = typeof input === 'string' ? input.length : input.size;
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: RecordsError[] = [];
  let line = 1;
  let headerSeen = false;
  let cancelled = false;
  const take = (row: string[], quoteError: boolean): void => {
    const rowLine = line;
    // A row spans one line plus the line breaks inside its quoted cells.
    for (const cell of row) for (let k = cell.indexOf('\n'); k >= 0; k = cell.indexOf('\n', k + 1)) line += 1;
    line += 1;
    if (row.every((c) => c.trim() === '')) return;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (quoteError) return void errors.push({ line: rowLine, code: 'badQuotes' });
    if (row.length < headers.length) return void errors.push({ line: rowLine, code: 'tooFewColumns' });
    if (row.length > headers.length && row.slice(headers.length).some((c) => c.trim() !== ''))
      return void errors.push({ line: rowLine, code: 'tooManyColumns' });
    rows.push(row.length === headers.length ? row : row.slice(0, headers.length));
    lines.push(rowLine);
  };
  const failed = await new Promise<boolean>((resolve) => {
    Papa.parse<string[]>(input as File, {
      delimiter: sniffed.delimiter,
      chunkSize: CHUNK,
      skipEmptyLines: false,
      chunk(results, parser) {
        const bad = new Set(results.errors.filter((e) => e.code !== 'UndetectableDelimiter').map((e) => e.row));
        results.data.forEach((row, i) => take(row, bad.has(i)));
        hooks.onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, total)));
        parser.pause();
        void yieldToPage().then(() => {
          if (hooks.isCancelled?.()) {
            cancelled = true;
            parser.abort();
          } else parser.resume();
        });
      },
      complete: () => resolve(false),
      error: () => resolve(true),
    });
  });
  if (cancelled) return { ...empty, cancelled: true };
  if (failed) return { ...empty, fatal: 'readFailed' };
  hooks.onProgress?.(1);
  if (rows.length === 0 && errors.length === 0) return { ...empty, fatal: 'noDataRows' };
  return { sniffed, headers, rows, lines, errors };
}

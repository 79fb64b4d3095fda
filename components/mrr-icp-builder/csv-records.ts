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

/** Reads `input` (a file or text) into rows of cells; never throws for bad input. */
export async function readCsvRecords(input: Blob | string): Promise<CsvRecords> {
  const sniffed = await sniff(input);
  const empty: CsvRecords = { sniffed, headers: sniffed.headers, rows: [], lines: [], errors: [] };
  if (sniffed.fatal) return { ...empty, fatal: sniffed.fatal.code };
  let text: string;
  try {
    text = typeof input === 'string' ? input : await input.text();
  } catch {
    return { ...empty, fatal: 'readFailed' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<string[]>(text, { delimiter: sniffed.delimiter, skipEmptyLines: false });
  const rowsWithQuoteErrors = new Set(parsed.errors.filter((e) => e.row !== undefined).map((e) => e.row as number));
  const headers = sniffed.headers;
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: RecordsError[] = [];
  let line = 1;
  let headerSeen = false;
  parsed.data.forEach((row, i) => {
    const rowLine = line;
    // A row spans one line plus the line breaks inside its quoted cells.
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    if (row.every((c) => c.trim() === '')) return;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (rowsWithQuoteErrors.has(i)) return void errors.push({ line: rowLine, code: 'badQuotes' });
    if (row.length < headers.length) return void errors.push({ line: rowLine, code: 'tooFewColumns' });
    if (row.length > headers.length && row.slice(headers.length).some((c) => c.trim() !== ''))
      return void errors.push({ line: rowLine, code: 'tooManyColumns' });
    rows.push(row.slice(0, headers.length));
    lines.push(rowLine);
  });
  if (rows.length === 0 && errors.length === 0) return { ...empty, fatal: 'noDataRows' };
  return { sniffed, headers, rows, lines, errors };
}

/**
 * A large file imported in two parts read at once, on two cores: this worker reads the first half
 * (its header included), a second worker the rest, and the first absorbs what the second read. The
 * result is the one {@link streamImport} gives reading the whole file alone: the same periods in
 * the same order, the customer table in order of first sight, every error on its true line, the
 * same currency decisions (they are taken once, on the whole).
 *
 * The cut is the first line feed from the middle of the file. It is a row boundary unless it falls
 * inside a quoted cell that spans lines; the first part is read from the true start of the file,
 * so it knows: its last row then has an unclosed quote, which is a fatal of the first part. Any
 * fatal of either part (a genuine one, or that) reads the whole file again alone, which says the
 * right thing. A second part needs the first's delimiter, line break and header: it is started as
 * soon as the first part has read its header.
 */
import { analyzeColumns } from './analysis.js';
import { validateMapping } from './mapping.js';
import { createRowProcessor, type RowProcessor, type RowsPart } from './rows.js';
import { importRowHandlers, readCsvRows, streamImport, type CsvFormat, type StreamHooks } from './stream.js';
import {
  SPLIT_MIN_BYTES,
  type ColumnMapping,
  type ImportFatal,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from './types.js';

/** Bytes read from the middle of the file to find a line feed. */
const CUT_SEARCH = 1 << 16;

/** A later part of a file to read: from a line start to the end, the header and format known. */
export interface PartRequest {
  input: Blob;
  mapping: ColumnMapping;
  options: ImportOptions;
  headers: string[];
  format: CsvFormat;
}

/** What reading a part gave: its rows, or a fatal (then the whole file is read again alone). */
export type PartOutcome = { part: RowsPart } | { fatal: ImportFatal };

/** Progress of a part being read. */
export interface PartProgress {
  bytesRead: number;
  rowsRead: number;
}

/** Reads a part somewhere else (another worker), or here in tests. */
export type RunPart = (request: PartRequest, onProgress: (progress: PartProgress) => void) => Promise<PartOutcome>;

/** Reads a later part of a file (in the second worker): its rows, unconverted, or its fatal. */
export async function readPart(request: PartRequest, hooks: StreamHooks = {}): Promise<PartOutcome> {
  const { input, mapping, options, headers, format } = request;
  const processor = createRowProcessor(mapping, options, headers);
  const read = await readCsvRows(
    input,
    importRowHandlers(
      () => processor,
      () => undefined,
    ),
    { format, headers },
    hooks,
  );
  return read.fatal ? { fatal: read.fatal } : { part: processor.part() };
}

/**
 * Where `file` is cut in two: just after the first line feed from its middle; undefined when it is
 * too small, not UTF-8 (a UTF-16 line feed is two bytes) or has no line feed there.
 */
export async function cutPoint(file: Blob, minBytes = SPLIT_MIN_BYTES): Promise<number | undefined> {
  if (file.size < Math.max(minBytes, 2)) return undefined;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
  const middle = Math.floor(file.size / 2);
  const bytes = new Uint8Array(await file.slice(middle, middle + CUT_SEARCH).arrayBuffer());
  const at = bytes.indexOf(0x0a);
  return at < 0 || middle + at + 1 >= file.size ? undefined : middle + at + 1;
}

/**
 * {@link streamImport} of `file` read in two parts at once, the second by `runPart`; the same
 * result. A file too small to split, or a part that fails, is read alone.
 */
export async function streamImportInParts(
  file: Blob,
  mapping: ColumnMapping,
  options: ImportOptions,
  hooks: StreamHooks,
  runPart: RunPart,
  minBytes = SPLIT_MIN_BYTES,
): Promise<ImportResult> {
  const alone = () => streamImport(file, mapping, options, hooks);
  const cut = await cutPoint(file, minBytes);
  if (cut === undefined) return alone();
  const started = Date.now();
  let lastProgress = 0;
  let first: ImportProgress | undefined;
  let second: PartProgress = { bytesRead: 0, rowsRead: 0 };
  const report = (force = false) => {
    if (!hooks.onProgress || (!force && Date.now() - lastProgress < (hooks.progressIntervalMs ?? 100))) return;
    lastProgress = Date.now();
    const rowsRead = (first?.rowsRead ?? 0) + second.rowsRead;
    const bytesRead = (first?.bytesRead ?? 0) + second.bytesRead;
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    hooks.onProgress({
      rowsRead,
      bytesRead,
      totalBytes: file.size,
      fraction: bytesRead / file.size,
      rowsPerSecond: Math.round(rowsRead / seconds),
    });
  };

  let processor: RowProcessor | undefined;
  let later: Promise<PartOutcome> | undefined;
  const header = (headers: string[], format: CsvFormat): ImportFatal | void => {
    const issues = validateMapping(mapping, headers);
    if (issues.length > 0) return { code: 'invalidMapping', mappingIssues: issues };
    processor = createRowProcessor(mapping, options, headers);
    // A line break of \r alone is not a line feed: the cut is no row boundary.
    if (format.newline !== '\r') {
      later = runPart({ input: file.slice(cut), mapping, options, headers, format }, (p) => {
        second = p;
        report();
      });
    }
  };
  // The first part's size estimates the whole file's rows.
  const read = await readCsvRows(
    file.slice(0, cut),
    importRowHandlers(
      () => processor,
      header,
      (rows) => Math.ceil((rows * file.size) / cut),
    ),
    { delimiter: options.delimiter },
    {
      ...hooks,
      onProgress: (p) => {
        first = p;
        report();
      },
    },
  );
  if (read.fatal || !processor || !later) return alone();
  const outcome = await later;
  if ('fatal' in outcome) return alone();
  processor.absorb(outcome.part, read.nextLine - 1);
  second = { bytesRead: file.size - cut, rowsRead: outcome.part.rowsRead };
  report(true);
  const result = processor.finish();
  if (!result.report.fatal) result.analysis = analyzeColumns(result.columns, options.analysis);
  return result;
}

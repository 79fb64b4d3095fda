/**
 * A large file imported in parts read at once, one per core: this worker reads the first part (its
 * header included), other workers the rest, and the first absorbs what they read, in file order. The
 * result is the one {@link streamImport} gives reading the whole file alone: the same periods in
 * the same order, the customer table in order of first sight, every error on its true line, the
 * same currency decisions (they are taken once, on the whole).
 *
 * Each cut is the first line feed from k/parts of the file. It is a row boundary unless it falls
 * inside a quoted cell that spans lines; the first part is read from the true start of the file,
 * so it knows: its last row then has an unclosed quote, which is a fatal of that part. By
 * induction, when no part has a fatal every part started at a row. Any fatal (a genuine one, or
 * that) reads the whole file again alone, which says the right thing. The later parts need the
 * first's delimiter, line break and header: they start as soon as the first part has read its
 * header.
 */
import { analyzeColumns } from './analysis.js';
import { partMovements, type PartMovements } from '../core/movements.js';
import { groupedByCustomer, sliceColumns } from '../core/period-columns.js';
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
  /** The file's last part (the others' last customer may go on in the next). */
  lastPart?: boolean;
}

/**
 * What reading a part gave: its rows, how many lines it spans and what they add to the movements
 * (when they can say: {@link RowProcessor.movements}; summed while the first part's worker joins
 * the parts), or a fatal (then the whole file is read again alone).
 */
export type PartOutcome =
  { part: RowsPart; lines: number; movements?: Promise<PartMovements | undefined> } | { fatal: ImportFatal };

/** Progress of a part being read. */
export interface PartProgress {
  bytesRead: number;
  rowsRead: number;
}

/** Reads a part somewhere else (another worker), or here in tests. */
export type RunPart = (request: PartRequest, onProgress: (progress: PartProgress) => void) => Promise<PartOutcome>;

/**
 * A later part read ({@link readPartApart}): its outcome (without movements), and what its rows
 * add to the movements, summed when asked, on copies of its columns: the outcome may hand its own
 * over first.
 */
export interface PartReading {
  outcome: PartOutcome;
  movements: () => PartMovements | undefined;
}

/** Reads a later part of a file (in the second worker): its rows, unconverted, or its fatal. */
export async function readPartApart(request: PartRequest, hooks: StreamHooks = {}): Promise<PartReading> {
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
  if (read.fatal) return { outcome: { fatal: read.fatal }, movements: () => undefined };
  const part = processor.part();
  // Amounts are final as read only without a currency column (nothing pending); a part not grouped
  // by customer has no totals of its own (copied only for one that has).
  const summable = part.pending === null && groupedByCustomer(part.columns);
  const columns = summable ? sliceColumns(part.columns, 0, part.columns.length) : undefined;
  const movements = () =>
    columns && partMovements(columns, { asOf: options.analysis?.asOf, skipFirst: true, skipLast: !request.lastPart });
  return { outcome: { part, lines: read.nextLine - 1 }, movements };
}

/** {@link readPartApart} here: the outcome with its movements. */
export async function readPart(request: PartRequest, hooks: StreamHooks = {}): Promise<PartOutcome> {
  const { outcome, movements } = await readPartApart(request, hooks);
  return 'part' in outcome ? { ...outcome, movements: Promise.resolve(movements()) } : outcome;
}

/**
 * Where `file` is cut into `parts` parts: just after the first line feed from each k/parts of its
 * size (fewer cuts where two would meet or no line feed is near); none when the file is too small
 * or not UTF-8 (a UTF-16 line feed is two bytes).
 */
export async function cutPoints(file: Blob, parts: number, minBytes = SPLIT_MIN_BYTES): Promise<number[]> {
  if (parts < 2 || file.size < Math.max(minBytes, 2)) return [];
  // The start (is it UTF-16?) and the places to cut, read at once.
  const froms = Array.from({ length: parts - 1 }, (_, k) => Math.floor((file.size * (k + 1)) / parts));
  const [head, ...near] = await Promise.all(
    [file.slice(0, 2), ...froms.map((from) => file.slice(from, from + CUT_SEARCH))].map(
      async (b) => new Uint8Array(await b.arrayBuffer()),
    ),
  );
  if ((head![0] === 0xff && head![1] === 0xfe) || (head![0] === 0xfe && head![1] === 0xff)) return [];
  const cuts: number[] = [];
  for (const [k, from] of froms.entries()) {
    const bytes = near[k]!;
    const at = bytes.indexOf(0x0a);
    const cut = from + at + 1;
    if (at >= 0 && cut < file.size && cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
  }
  return cuts;
}

/** The one cut of `file` in two halves ({@link cutPoints}), or undefined. */
export async function cutPoint(file: Blob, minBytes = SPLIT_MIN_BYTES): Promise<number | undefined> {
  return (await cutPoints(file, 2, minBytes))[0];
}

/**
 * {@link streamImport} of `file` read in parts at once: the first here, each later one by one of
 * `runParts` (one per other worker); the same result. A file too small to cut, or a part that
 * fails, is read alone.
 */
export async function streamImportInParts(
  file: Blob,
  mapping: ColumnMapping,
  options: ImportOptions,
  hooks: StreamHooks,
  runParts: RunPart | readonly RunPart[],
  minBytes = SPLIT_MIN_BYTES,
): Promise<ImportResult> {
  const alone = () => streamImport(file, mapping, options, hooks);
  const runners = typeof runParts === 'function' ? [runParts] : runParts;
  const cuts = await cutPoints(file, runners.length + 1, minBytes);
  if (cuts.length === 0) return alone();
  const firstEnd = cuts[0]!;
  const started = Date.now();
  let lastProgress = 0;
  let first: ImportProgress | undefined;
  const others: PartProgress[] = cuts.map(() => ({ bytesRead: 0, rowsRead: 0 }));
  const report = (force = false) => {
    if (!hooks.onProgress || (!force && Date.now() - lastProgress < (hooks.progressIntervalMs ?? 100))) return;
    lastProgress = Date.now();
    let rowsRead = first?.rowsRead ?? 0;
    let bytesRead = first?.bytesRead ?? 0;
    for (const p of others) {
      rowsRead += p.rowsRead;
      bytesRead += p.bytesRead;
    }
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
  let later: Promise<PartOutcome>[] = [];
  const header = (headers: string[], format: CsvFormat): ImportFatal | void => {
    const issues = validateMapping(mapping, headers);
    if (issues.length > 0) return { code: 'invalidMapping', mappingIssues: issues };
    processor = createRowProcessor(mapping, options, headers);
    // A line break of \r alone is not a line feed: a cut is no row boundary.
    if (format.newline === '\r') return;
    later = cuts.map((from, k) =>
      runners[k]!(
        { input: file.slice(from, cuts[k + 1] ?? file.size), mapping, options, headers, format, lastPart: k === cuts.length - 1 },
        (p) => {
          others[k] = p;
          report();
        },
      ),
    );
  };
  // The first part's size estimates the whole file's rows.
  const read = await readCsvRows(
    file.slice(0, firstEnd),
    importRowHandlers(
      () => processor,
      header,
      (rows) => Math.ceil((rows * file.size) / firstEnd),
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
  if (read.fatal || !processor || later.length === 0) return alone();
  // What this part adds to the movements, summed while the other parts are being read.
  const mine = processor.movements(false, true);
  // Each part starts at a row only if the one before it ended outside a quote: any fatal (an
  // unclosed quote at a part's end among them) reads the file alone.
  const outcomes = await Promise.all(later);
  let offset = read.nextLine - 1;
  for (const outcome of outcomes) if ('fatal' in outcome) return alone();
  // The parts' totals add up when parts share customers only at their edges.
  const starts: number[] = [];
  let edgesOnly = true;
  for (const [k, outcome] of outcomes.entries()) {
    if ('fatal' in outcome) continue;
    starts.push(processor.periods);
    edgesOnly = processor.absorb(outcome.part, offset) && edgesOnly;
    offset += outcome.lines;
    others[k] = { bytesRead: (cuts[k + 1] ?? file.size) - cuts[k]!, rowsRead: outcome.part.rowsRead };
  }
  report(true);
  const result = processor.finish();
  if (result.report.fatal) return result;
  // The columns handed over (the worker posts the ids, copies what it saves) while the other
  // parts' totals are still being summed.
  hooks.onColumns?.(result.columns);
  const parts: { start: number; movements: PartMovements }[] = [];
  if (mine && edgesOnly) parts.push({ start: 0, movements: mine });
  for (const [k, outcome] of outcomes.entries()) {
    const movements = parts.length === k + 1 && 'part' in outcome ? await outcome.movements : undefined;
    if (movements) parts.push({ start: starts[k]!, movements });
  }
  // The parts' totals add up when every part has them.
  result.analysis = analyzeColumns(result.columns, options.analysis, parts.length === outcomes.length + 1 ? parts : undefined);
  return result;
}

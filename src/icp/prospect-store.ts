/**
 * A prospects file held where it is scored (the prospects worker, or the page without workers):
 * read straight into compact columns ({@link ProspectColumns}: no object per row), scored into
 * typed arrays, then asked for what the page shows: the order of a query and the text of the rows
 * in view ({@link ProspectRowText}), the unreadable cells, the scored CSV. The page never holds the
 * file's rows, its text or the scores of every row. Synchronous apart from reading and scoring;
 * no DOM, no Lit, no worker code here (`prospects-worker.ts` wraps it, `prospects-client.ts` talks
 * to it).
 */
import { icpBatchScorer, type Icp, type IcpTier } from '../core/icp.js';
import { detectNumberFormat, twoWaySample, type DetectedNumberFormat, type NumberFormat } from '../core/number-format.js';
import { ImportCancelledError } from '../import/cancel.js';
import { parseCsvRecords, type CsvRecordErrorCode } from '../import/records.js';
import type { ImportInput } from '../import/stream.js';
import { ProspectColumns, ProspectColumnsBuilder } from './prospect-columns.js';
import { prospectView, type ProspectQuery, type ProspectViewCache } from './prospect-view.js';
import {
  emptyScores,
  guessProspectMapping,
  scoredCsvLines,
  scoreInto,
  scoreOf,
  topReasons,
  UNREADABLE_CODE,
  type ProspectMapping,
  type ProspectScores,
  type TopReason,
  type UnreadableCell,
} from './scoring.js';

/** What the page learns of a file once it is read. */
export interface ProspectsFile {
  headers: string[];
  /** Rows kept. */
  count: number;
  /** Rows left out (the first 1,000), and how many in all. */
  errors: { line: number; code: CsvRecordErrorCode }[];
  errorCount: number;
  /** Why the whole file was refused (`emptyFile`, `binaryFile`, `noDataRows`, `unterminatedQuote`, `readFailed`). */
  fatal?: string;
  fatalLine?: number;
}

/** How the columns feeding number criteria write numbers (`sample`: a cell that reads two ways). */
export interface ProspectNumbers {
  format: DetectedNumberFormat;
  sample?: string;
}

/** A scoring's outcome, for the page. */
export interface ProspectsScored {
  count: number;
  /** Rows with at least one unreadable value. */
  unreadableRows: number;
  /** The first unreadable cells (at most 100), with their line. */
  unreadable: UnreadableCell[];
}

/** A top reason with the row's value of its column (trimmed, as written in the file). */
export interface ProspectReasonText extends TopReason {
  value: string;
}

/** What the table shows of one row. */
export interface ProspectRowText {
  row: number;
  line: number;
  /** The name column's cell, as written. */
  name: string;
  score: number | null;
  tier: IcpTier | null;
  coverage: number;
  reasons: ProspectReasonText[];
}

/** Rows `from`… of the order of a query, `length` rows in all; `view` names that order for {@link ProspectStore.page}. */
export interface ProspectsPage {
  view: number;
  length: number;
  from: number;
  rows: ProspectRowText[];
}

export interface ReadHooks {
  /** Share of the file read, 0–1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Bytes (Blob) or characters per chunk read; default 1 MiB. */
  chunkSize?: number;
}

export interface ScoreStoreHooks {
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Awaited between slices of about `sliceMs` (default 8 ms); without it, everything at once. */
  yieldNow?: () => Promise<void>;
  sliceMs?: number;
}

/** Reasons shown per row in the table. */
const ROW_REASONS = 2;
/** Rows per batch when scoring or exporting (each batch's cells are read from the columns). */
const BATCH = 4096;
/** Characters of CSV text per Blob part (the text is let go once in the Blob). */
const EXPORT_PART = 4_000_000;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class ProspectStore {
  private scores?: ProspectScores;
  private readonly cache: ProspectViewCache;
  private current?: { view: number; order: Uint32Array; nameColumn: number };
  private views = 0;

  constructor(
    readonly columns: ProspectColumns,
    readonly file: ProspectsFile,
  ) {
    this.cache = { distinct: (column) => columns.distinct(column) };
  }

  /** Reads a CSV file (the import pipeline's reader) into columns; never throws for bad input, rejects when `signal` aborts. */
  static async read(input: ImportInput, hooks: ReadHooks = {}): Promise<ProspectStore> {
    let builder: ProspectColumnsBuilder | undefined;
    let result;
    try {
      result = await parseCsvRecords(input, {
        chunkSize: hooks.chunkSize,
        signal: hooks.signal,
        onProgress: (p) => hooks.onProgress?.(p.fraction),
        onRecord: (cells, line) => (builder ??= new ProspectColumnsBuilder(cells.length)).push(cells, line),
      });
    } catch (e) {
      if (e instanceof ImportCancelledError || (e as Error)?.name === 'AbortError') throw new ImportCancelledError();
      return new ProspectStore(ProspectColumns.of([], []), {
        headers: [],
        count: 0,
        errors: [],
        errorCount: 0,
        fatal: 'readFailed',
      });
    }
    const headers = result.headers;
    const columns = result.fatal || !builder ? ProspectColumns.of(headers, []) : builder.finish(headers);
    return new ProspectStore(columns, {
      headers,
      count: columns.count,
      errors: result.errors.map((e) => ({ line: e.line, code: e.code })),
      errorCount: result.errorCount,
      ...(result.fatal ? { fatal: result.fatal.code, ...(result.fatal.line ? { fatalLine: result.fatal.line } : {}) } : {}),
    });
  }

  /** A store of these rows and, when given, their scores (a copy of a small file on the page). */
  static of(mirror: StoreMirror): ProspectStore {
    const store = new ProspectStore(ProspectColumns.of(mirror.file.headers, mirror.rows, mirror.lines), mirror.file);
    if (mirror.scores) store.scores = mirror.scores;
    return store;
  }

  /** Everything in plain arrays (cloneable), to make the same store on the page (small files only). */
  mirror(): StoreMirror {
    return {
      file: this.file,
      rows: this.columns.rows(0, this.columns.count),
      lines: Array.from(this.columns.lines),
      ...(this.scores ? { scores: this.scores } : {}),
    };
  }

  /**
   * How the columns feeding `icp`'s number criteria write numbers, from their first non-empty cells
   * (at most `limit` in all), as `prospectNumberFormat` reads a table.
   */
  numberFormat(icp: Icp, mapping: ProspectMapping = {}, limit = 2000): ProspectNumbers {
    const resolved = guessProspectMapping(icp, this.columns.headers, mapping);
    const fields = new Set(
      (Array.isArray(icp?.criteria) ? icp.criteria : []).filter((c) => c?.type === 'number').map((c) => c.field),
    );
    const headers = [...new Set([...fields].map((f) => resolved[f]).filter((h): h is string => !!h))];
    const perColumn = Math.max(1, Math.ceil(limit / Math.max(1, headers.length)));
    const samples: string[] = [];
    for (const header of headers) {
      const col = this.columns.column(header);
      let taken = 0;
      for (let i = 0; i < this.columns.count && taken < perColumn; i++) {
        const cell = this.columns.cell(i, col);
        if (cell.trim() === '') continue;
        samples.push(cell);
        taken += 1;
      }
    }
    const format = detectNumberFormat(samples);
    const sample = format === 'ambiguous' ? twoWaySample(samples) : undefined;
    return sample === undefined ? { format } : { format, sample };
  }

  /**
   * Scores every row against `icp`; number cells in `chosen`, else in the format the cells settle.
   * Rejects with an AbortError when `isCancelled` holds between slices (nothing is kept).
   */
  async score(
    icp: Icp,
    mapping: ProspectMapping,
    chosen: NumberFormat | undefined,
    hooks: ScoreStoreHooks = {},
  ): Promise<ProspectsScored> {
    this.scores = undefined;
    this.current = undefined;
    const detected = chosen ? undefined : this.numberFormat(icp, mapping).format;
    const format = chosen ?? (detected === 'dot' || detected === 'comma' ? detected : undefined);
    const columns = this.columns;
    const scores = emptyScores(icp, { headers: columns.headers, count: columns.count }, mapping, format);
    const score = icpBatchScorer(icp);
    const read = [...new Set(scores.columns.filter((c) => c >= 0))];
    const sliceMs = hooks.sliceMs ?? 8;
    let sliceStart = now();
    let lastProgress = sliceStart;
    for (let from = 0; from < columns.count; from += BATCH) {
      if (hooks.isCancelled?.()) throw new ImportCancelledError();
      const to = Math.min(columns.count, from + BATCH);
      const rows = columns.rows(from, to, read);
      scoreInto(score, { headers: columns.headers, rows }, scores, 0, rows.length, from);
      if (hooks.onProgress && now() - lastProgress >= 100) {
        lastProgress = now();
        hooks.onProgress(to, columns.count);
      }
      if (hooks.yieldNow && now() - sliceStart >= sliceMs && to < columns.count) {
        await hooks.yieldNow();
        sliceStart = now();
      }
    }
    if (hooks.isCancelled?.()) throw new ImportCancelledError();
    hooks.onProgress?.(columns.count, columns.count);
    this.scores = scores;
    return { count: scores.count, unreadableRows: scores.unreadableRows, unreadable: this.unreadable() };
  }

  /** The unreadable cells in row order, at most `limit` (as `unreadableCells` lists them). */
  unreadable(limit = 100): UnreadableCell[] {
    const scores = this.scores;
    const out: UnreadableCell[] = [];
    if (!scores) return out;
    const n = scores.criteria.length;
    for (let i = 0; i < scores.count && out.length < limit; i++) {
      for (let c = 0; c < n && out.length < limit; c++) {
        if (scores.matches[i * n + c] !== UNREADABLE_CODE) continue;
        // c < n: every per-criterion array of `scores` has n entries.
        const col = scores.columns[c]!;
        out.push({
          line: this.columns.lines[i] ?? i + 2,
          row: i,
          criterion: scores.criteria[c]!,
          column: this.columns.headers[col] ?? scores.fields[c]!,
          value: this.columns.cell(i, col).slice(0, 200),
          expected: scores.types[c] ?? 'category',
        });
      }
    }
    return out;
  }

  /** The rows of `query` in order (kept as the current order) and the text of its first `count` rows. */
  view(query: ProspectQuery, count: number): ProspectsPage {
    const scores = this.scored();
    const order = prospectView({ headers: this.columns.headers, rows: [] }, scores, query, this.cache);
    this.current = { view: ++this.views, order, nameColumn: this.columns.column(query.nameColumn) };
    return { view: this.current.view, length: order.length, from: 0, rows: this.texts(0, count) };
  }

  /** Rows `from`–`to` of the current order, or undefined when `view` is no longer the current one. */
  page(view: number, from: number, to: number): ProspectsPage | undefined {
    const current = this.current;
    if (!current || current.view !== view) return undefined;
    return { view, length: current.order.length, from, rows: this.texts(from, to) };
  }

  private texts(from: number, to: number): ProspectRowText[] {
    const { order, nameColumn } = this.current!;
    const scores = this.scored();
    const out: ProspectRowText[] = [];
    for (const i of order.subarray(Math.max(0, from), to)) {
      out.push({
        row: i,
        line: this.columns.lines[i] ?? i + 2,
        name: this.columns.cell(i, nameColumn),
        ...scoreOf(scores, i),
        reasons: topReasons(scores, i, ROW_REASONS).map((r) => ({
          ...r,
          value: this.columns.cell(i, scores.columns[scores.criteria.indexOf(r.criterion)] ?? -1).trim(),
        })),
      });
    }
    return out;
  }

  /**
   * The scored CSV (`toScoredCsv`'s text for these rows and scores) as a Blob, built batch by batch:
   * the text of a few thousand rows at a time, let go once it is in the Blob. `bom` puts a UTF-8 byte
   * order mark first. With `yieldNow`, awaited between slices of about 8 ms (on a page).
   */
  async exportBlob(options: { reasons?: number; bom?: boolean } = {}, yieldNow?: () => Promise<void>): Promise<Blob> {
    const scores = this.scored();
    const columns = this.columns;
    const table = { headers: columns.headers, rows: columns.rows(0, 0) };
    const type = 'text/csv;charset=utf-8';
    const blobs: Blob[] = [];
    let parts: string[] = [options.bom ? '\uFEFF' : '', scoredCsvLines(table, scores, 0, 0, { ...options, header: true })];
    let chars = 0;
    let sliceStart = now();
    const n = scores.criteria.length;
    for (let from = 0; from < scores.count; from += BATCH) {
      const to = Math.min(scores.count, from + BATCH);
      const slice: ProspectScores = {
        ...scores,
        count: to - from,
        scores: scores.scores.subarray(from, to),
        tiers: scores.tiers.subarray(from, to),
        coverage: scores.coverage.subarray(from, to),
        matches: scores.matches.subarray(from * n, to * n),
      };
      const text = scoredCsvLines({ headers: columns.headers, rows: columns.rows(from, to) }, slice, 0, to - from, options);
      parts.push(text);
      chars += text.length;
      if (chars >= EXPORT_PART) {
        blobs.push(new Blob(parts, { type }));
        parts = [];
        chars = 0;
      }
      if (yieldNow && now() - sliceStart >= 8) {
        await yieldNow();
        sliceStart = now();
      }
    }
    return new Blob([...blobs, new Blob(parts, { type })], { type });
  }

  private scored(): ProspectScores {
    if (!this.scores) throw new Error('not scored yet');
    return this.scores;
  }
}

/** A store's rows and scores in plain arrays (see {@link ProspectStore.mirror}). */
export interface StoreMirror {
  file: ProspectsFile;
  rows: string[][];
  lines: number[];
  scores?: ProspectScores;
}

/**
 * Scoring many prospects against an ICP without blocking the page (no task of the page over 50 ms):
 *
 * ```ts
 * const handle = scoreProspects(icp, { headers, rows, lines }, { mapping, onProgress });
 * cancelButton.onclick = () => handle.cancel();     // `done` rejects with an AbortError
 * const scores = await handle.done;                 // typed arrays, one entry per row
 * scoreOf(scores, 0); topReasons(scores, 0); unreadableCells(icp, input, scores);
 * download(toScoredCsv(input, scores));
 * ```
 *
 * The rows are scored in a module worker (`score-worker.ts`), sent to it in batches so that no
 * message blocks the page while it is cloned; the results come back as transferred typed arrays.
 * Where workers are missing, or the worker cannot load (a CSP, a cross-origin bundle), the same
 * code runs here in slices of about 8 ms, yielding to the page between slices. CSV files are read
 * by the import pipeline, not here: `parseCsvRecords(file)` (src/import/records.ts) gives a table
 * this module scores as it is.
 */
import { icpBatchScorer, type Icp } from '../core/icp.js';
import type { NumberFormat } from '../core/number-format.js';
import { ImportCancelledError } from '../import/cancel.js';
import {
  emptyScores,
  isTable,
  prospectCellsFormat,
  rowCount,
  scoreInto,
  scoredCsvParts,
  type ProspectInput,
  type ProspectMapping,
  type ProspectScores,
} from './scoring.js';
import type { ScoreWorkerRequest, ScoreWorkerResponse } from './score-protocol.js';
import { prospectView, prospectViewInSlices, type ProspectQuery, type ProspectViewCache } from './prospect-view.js';
import type { CsvRecord, CsvRecordsResult } from '../import/records.js';
import type { ImportProgress } from '../import/types.js';
import { nextTask as yieldToPage } from '../ui/tasks.js';
import { startWorker } from '../workers.js';

export * from './scoring.js';
export * from './prospect-view.js';
export { ImportCancelledError as ScoreCancelledError };

export interface ScoreHooks {
  /** Criterion field → column header (table input); unlisted fields are matched by name. */
  mapping?: ProspectMapping;
  /**
   * How the table's number cells are written (the user's answer to "how are decimals written?");
   * default: what the cells settle ({@link prospectNumberFormat}), else only what reads one way.
   */
  numberFormat?: NumberFormat;
  /** Rows scored so far, at most every 100 ms, and once at the end. */
  onProgress?: (scored: number, total: number) => void;
  /** Score on this thread even where workers exist (tests, debugging). */
  mainThread?: boolean;
  /** Longest slice of work on the main thread before yielding; default 8 ms. */
  sliceMs?: number;
  /** Rows per message to the worker; default 2,000 (cloning one batch stays a short task). */
  batchRows?: number;
  /**
   * Keep the rows and scores in the worker after `done`, for {@link ScoreHandle.view} and
   * {@link ScoreHandle.exportBlob} to run there (sorting 100,000 names, building the CSV) instead
   * of on the page. Call `release()` when the results are no longer shown.
   */
  keep?: boolean;
}

export interface ScoreHandle {
  /** Resolves with every row's score; rejects with an AbortError after `cancel()`. */
  done: Promise<ProspectScores>;
  /** Stops at once (terminates the worker); nothing is kept. */
  cancel(): void;
  /** Where the rows are being scored: 'main' from the start without workers, or after the worker failed to load. */
  readonly thread: 'worker' | 'main';
  /**
   * After `done`: the row numbers to show for `query` ({@link prospectView}), computed in the
   * worker that kept the rows (`keep`), else on this thread. The order arrives as a transferred
   * `Uint32Array`.
   */
  view(query: ProspectQuery): Promise<Uint32Array>;
  /**
   * After `done`: the scored CSV ({@link toScoredCsv}'s text) as a Blob, with a UTF-8 byte order
   * mark first unless `bom: false`; built in the worker that kept the rows, else here in slices.
   */
  exportBlob(options?: { reasons?: number; bom?: boolean }): Promise<Blob>;
  /** After `done`: {@link prospectView} on this thread, now (for small tables: no round trip to the worker). */
  viewHere(query: ProspectQuery): Uint32Array;
  /** Lets a kept worker go (it becomes the spare); `view` and `exportBlob` then run on this thread. */
  release(): void;
}

/** Gives the page a turn (a new task): src/ui/tasks.ts `nextTask`, under the name this module's API has used. */
export { yieldToPage };

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Scores `input` on this thread in slices of at most `sliceMs` (default 8 ms), yielding between
 * them; `isCancelled` is checked before each slice.
 */
export async function scoreInSlices(
  icp: Icp,
  input: ProspectInput,
  hooks: Pick<ScoreHooks, 'mapping' | 'numberFormat' | 'onProgress' | 'sliceMs'> & { isCancelled?: () => boolean } = {},
): Promise<ProspectScores> {
  const scores = emptyScores(icp, input, hooks.mapping, prospectCellsFormat(icp, input, hooks.mapping, hooks.numberFormat));
  const score = icpBatchScorer(icp);
  const total = scores.count;
  const sliceMs = hooks.sliceMs ?? 8;
  let lastProgress = now();
  let i = 0;
  // Rows per step, adapted so that a step takes about a millisecond.
  let step = 64;
  while (i < total) {
    if (hooks.isCancelled?.()) throw new ImportCancelledError();
    const sliceStart = now();
    while (i < total && now() - sliceStart < sliceMs) {
      const t0 = now();
      const to = Math.min(total, i + step);
      scoreInto(score, input, scores, i, to);
      i = to;
      const took = now() - t0;
      step = Math.max(16, Math.min(4096, Math.round(took > 0 ? step * (1 / took) : step * 2)));
    }
    if (hooks.onProgress && now() - lastProgress >= 100) {
      lastProgress = now();
      hooks.onProgress(i, total);
    }
    if (i < total) await yieldToPage();
  }
  hooks.onProgress?.(total, total);
  return scores;
}

/** The score worker, or undefined where none can start (src/workers.ts: another origin, no Worker). */
function createWorker(): Worker | undefined {
  return startWorker((Worker) => new Worker(new URL('./score-worker.ts', import.meta.url), { type: 'module' }));
}

/** One loaded, idle worker kept for the next scoring: loading a module worker is a wait the user sees (bench/README.md, ICP prospects). */
let spare: { worker: Worker; loaded: boolean } | undefined;

/**
 * Starts the score worker ahead of need (e.g. when the prospects panel opens), so the first
 * scoring does not wait for it to load. Harmless where workers are missing.
 */
export function prewarmScoreWorker(): void {
  if (spare) return;
  const worker = createWorker();
  if (!worker) return;
  const entry = { worker, loaded: false };
  spare = entry;
  worker.onmessage = (event: MessageEvent<ScoreWorkerResponse>) => {
    if (event.data?.type === 'ready') entry.loaded = true;
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    worker.terminate();
    if (spare === entry) spare = undefined;
  };
}

function takeWorker(): { worker: Worker; loaded: boolean } | undefined {
  const taken = spare;
  spare = undefined;
  if (taken) return taken;
  const worker = createWorker();
  return worker ? { worker, loaded: false } : undefined;
}

/** Keeps a worker that finished cleanly as the spare (the worker resets itself on `start`). */
function releaseWorker(worker: Worker): void {
  if (spare) return worker.terminate();
  const entry = { worker, loaded: true };
  spare = entry;
  worker.onmessage = null;
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    worker.terminate();
    if (spare === entry) spare = undefined;
  };
}

/** Scores every row of `input` against `icp`, in a worker when one can run. */
export function scoreProspects(icp: Icp, input: ProspectInput, hooks: ScoreHooks = {}): ScoreHandle {
  let cancelled = false;
  let worker: Worker | undefined;
  let thread: 'worker' | 'main' = 'main';
  let rejectDone: (reason: unknown) => void = () => {};
  /** With `keep`: the worker that scored the rows and holds them, until `release()`. */
  let kept: Worker | undefined;
  let results: ProspectScores | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (reason: unknown) => void }>();
  const cache: ProspectViewCache = {};
  const stopWorker = (): void => {
    worker?.terminate();
    worker = undefined;
  };
  const failPending = (reason: unknown): void => {
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
  };
  const dropKept = (): void => {
    kept?.terminate();
    kept = undefined;
    failPending(new Error('the worker stopped'));
  };
  /** Asks the kept worker; if it fails, the same is done here. */
  const ask = <T>(message: ScoreWorkerRequest & { id: number }, here: () => Promise<T>): Promise<T> => {
    if (!kept) return here();
    const k = kept;
    return new Promise<T>((resolve, reject) => {
      pending.set(message.id, { resolve: resolve as (value: unknown) => void, reject });
      k.postMessage(message);
    }).catch(() => here());
  };
  const onKept = (message: ScoreWorkerResponse): void => {
    if (message.type !== 'view' && message.type !== 'export' && message.type !== 'requestError') return;
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.type === 'view') p.resolve(message.order);
    else if (message.type === 'export') p.resolve(message.blob);
    else p.reject(new Error(message.message));
  };

  const done = new Promise<ProspectScores>((resolve, reject) => {
    rejectDone = reject;
    const here = (): void => {
      thread = 'main';
      scoreInSlices(icp, input, { ...hooks, isCancelled: () => cancelled }).then(resolve, reject);
    };
    const taken = hooks.mainThread ? undefined : takeWorker();
    if (!taken) return here();
    worker = taken.worker;
    thread = 'worker';
    let loaded = taken.loaded;
    const total = rowCount(input);
    worker.onmessage = (event: MessageEvent<ScoreWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') loaded = true;
      else if (message.type === 'progress') hooks.onProgress?.(message.scored, message.total);
      else if (message.type === 'done') {
        if (worker && hooks.keep && !cancelled) {
          kept = worker;
          const k = kept;
          k.onmessage = (e: MessageEvent<ScoreWorkerResponse>) => onKept(e.data);
          k.onerror = (e: ErrorEvent) => {
            e.preventDefault();
            if (kept === k) dropKept();
          };
        } else if (worker) releaseWorker(worker);
        worker = undefined;
        hooks.onProgress?.(total, total);
        results = message.scores;
        resolve(message.scores);
      } else if (message.type === 'error') {
        stopWorker();
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stopWorker();
      if (cancelled) return;
      // A worker that never loaded (blocked by a CSP, no module workers): score here instead.
      if (!loaded) here();
      else reject(new Error(event.message));
    };
    const table = isTable(input);
    const numberFormat = prospectCellsFormat(icp, input, hooks.mapping, hooks.numberFormat);
    const start: ScoreWorkerRequest = {
      type: 'start',
      icp,
      mapping: hooks.mapping ?? {},
      headers: table ? [...input.headers] : null,
      count: total,
      keep: hooks.keep === true,
      ...(numberFormat ? { numberFormat } : {}),
    };
    worker.postMessage(start);
    const batch = Math.max(1, hooks.batchRows ?? 2000);
    void (async () => {
      for (let offset = 0; offset < total; offset += batch) {
        if (cancelled || !worker) return;
        const rows = table ? input.rows.slice(offset, offset + batch) : input.slice(offset, offset + batch);
        const message: ScoreWorkerRequest = { type: 'rows', offset, table, rows };
        worker.postMessage(message);
        if (offset + batch < total) await yieldToPage();
      }
    })();
  });

  done.then(
    (scores) => (results = scores),
    () => {},
  );
  const scored = async (): Promise<ProspectScores> => results ?? (await done);
  return {
    done,
    get thread() {
      return thread;
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stopWorker();
      dropKept();
      rejectDone(new ImportCancelledError());
    },
    async view(query) {
      const scores = await scored();
      // Here (no worker kept): a name sort's collation in slices, so the page keeps getting turns.
      return ask({ type: 'view', id: nextId++, query }, () => prospectViewInSlices(input, scores, query, cache, yieldToPage));
    },
    async exportBlob(options = {}) {
      const scores = await scored();
      return ask({ type: 'export', id: nextId++, reasons: options.reasons, bom: options.bom !== false }, async () => {
        const parts = await scoredCsvParts(input, scores, yieldToPage, { reasons: options.reasons });
        return new Blob(options.bom === false ? parts : ['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' });
      });
    },
    viewHere(query) {
      if (!results) throw new Error('not scored yet');
      return prospectView(input, results, query, cache);
    },
    release() {
      const k = kept;
      if (!k) return;
      kept = undefined;
      failPending(new Error('released'));
      k.postMessage({ type: 'forget' } satisfies ScoreWorkerRequest);
      releaseWorker(k);
    },
  };
}

/** A CSV file read by the import pipeline and scored. */
export interface ScoredFile {
  /** `parseCsvRecords`' result: headers, rows keyed by header, their lines, the rows left out, `fatal`. */
  records: CsvRecordsResult & { truncated?: boolean };
  /** One entry per row of `records.rows`; null when the file was refused (`records.fatal`). */
  scores: ProspectScores | null;
}

export interface ScoreFileHooks extends Pick<ScoreHooks, 'mapping' | 'numberFormat' | 'mainThread' | 'sliceMs'> {
  /** Reading progress (bytes and rows), from the import pipeline. */
  onReadProgress?: (progress: ImportProgress) => void;
  /** Field delimiter; default guessed. */
  delimiter?: string;
}

export interface ScoreFileHandle {
  done: Promise<ScoredFile>;
  cancel(): void;
  readonly thread: 'worker' | 'main';
}

/**
 * Reads a CSV file with the import pipeline (`parseCsvRecords`) and scores every row, both in the
 * worker: the page only receives the rows back, in batches of 2,000 (short tasks), and the scores
 * as transferred typed arrays. Without workers, the same runs here (reading yields between 1 MiB
 * chunks, scoring in slices). Choose the mapping first from the headers (`sniffFile`, or
 * `parseCsvRecords(file, { maxRows: 20 })`).
 */
export function scoreProspectsFile(icp: Icp, file: Blob | string, hooks: ScoreFileHooks = {}): ScoreFileHandle {
  let cancelled = false;
  let thread: 'worker' | 'main' = 'main';
  let worker: Worker | undefined;
  let rejectDone: (reason: unknown) => void = () => {};
  const controller = new AbortController();
  const done = new Promise<ScoredFile>((resolve, reject) => {
    rejectDone = reject;
    const here = async (): Promise<ScoredFile> => {
      thread = 'main';
      const { parseCsvRecords } = await import('../import/records.js');
      const records = await parseCsvRecords(file, {
        delimiter: hooks.delimiter,
        onProgress: hooks.onReadProgress,
        signal: controller.signal,
      });
      if (records.fatal) return { records, scores: null };
      const scores = await scoreInSlices(icp, records, {
        mapping: hooks.mapping,
        numberFormat: hooks.numberFormat,
        sliceMs: hooks.sliceMs,
        isCancelled: () => cancelled,
      });
      return { records, scores };
    };
    const taken = hooks.mainThread ? undefined : takeWorker();
    if (!taken) return void here().then(resolve, reject);
    worker = taken.worker;
    thread = 'worker';
    let loaded = taken.loaded;
    const rows: CsvRecord[] = [];
    worker.onmessage = (event: MessageEvent<ScoreWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') loaded = true;
      else if (message.type === 'readProgress') hooks.onReadProgress?.(message.progress);
      else if (message.type === 'fileRows') for (const row of message.rows) rows.push(row);
      else if (message.type === 'fileDone') {
        if (worker) releaseWorker(worker);
        worker = undefined;
        resolve({ records: { ...message.records, rows }, scores: message.scores });
      } else if (message.type === 'error') {
        worker?.terminate();
        worker = undefined;
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker?.terminate();
      worker = undefined;
      if (cancelled) return;
      if (!loaded) here().then(resolve, reject);
      else reject(new Error(event.message));
    };
    const request: ScoreWorkerRequest = {
      type: 'file',
      icp,
      mapping: hooks.mapping ?? {},
      input: file,
      delimiter: hooks.delimiter,
      ...(hooks.numberFormat ? { numberFormat: hooks.numberFormat } : {}),
    };
    worker.postMessage(request);
  });
  return {
    done,
    get thread() {
      return thread;
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      controller.abort();
      worker?.terminate();
      worker = undefined;
      rejectDone(new ImportCancelledError());
    },
  };
}

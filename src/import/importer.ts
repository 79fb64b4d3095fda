/**
 * Main-thread API of the CSV import, for the import element:
 *
 * ```ts
 * const sniffed = await sniffFile(file);            // headers, sample rows, guessed mapping
 * // … the user confirms the mapping and, when asked, the date format …
 * const handle = startImport(file, mapping, { dateFormat: 'dmy' }, { onProgress });
 * cancelButton.onclick = () => handle.cancel();     // `done` rejects with an AbortError
 * const { columns, analysis, report } = await handle.done; // report.fatal set when refused
 * const opened = await analyzeInBackground(savedColumns); // a saved dataset: analysed in the worker
 * ```
 *
 * The import runs in a module worker; where workers are missing (or the worker cannot load), the
 * same streaming code runs on the main thread, yielding to the event loop between 1 MiB chunks.
 * The parsing code (papaparse included) is loaded on first use, so a page that only shows the
 * import button does not pay for it.
 */
import { ImportCancelledError } from './cancel.js';
import { startWorker } from '../workers.js';
import { analyzeColumns, columnBuffers } from './analysis.js';
import type { SubscriptionAnalysis } from '../core/movements.js';
import type { PeriodColumns } from '../core/period-columns.js';
import type { DatasetRecord, StorageFailure } from '../storage/db.js';
import { storageSettings } from '../storage/settings.js';
import type { CsvRecordsOptions, CsvRecordsResult } from './records.js';
import { SPLIT_MIN_BYTES } from './types.js';
import type {
  ColumnMapping,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportWorkerRequest,
  ImportWorkerResponse,
  SniffResult,
} from './types.js';

export { ImportCancelledError };

export interface ImportHandle {
  /** Resolves with the columns, their analysis and the report; rejects with `ImportCancelledError` after `cancel()`. */
  done: Promise<ImportResult>;
  /**
   * With `hooks.save`: the dataset record once the worker has saved the import; null when it did
   * not save it (no worker, the import was refused or empty), so the caller saves it itself.
   * Rejects with an error named `StorageError` (its `reason` a `StorageFailure`) when the save
   * failed, and with `ImportCancelledError` after `cancel()`.
   */
  saved: Promise<DatasetRecord | null>;
  /** Stops the import at once (terminates the worker); nothing is kept. */
  cancel(): void;
}

export interface StartImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Run on the main thread even where workers exist (tests, debugging). */
  mainThread?: boolean;
  /** Save the import as a new dataset of this name in the worker, as soon as it is made (see `saved`). */
  save?: { name: string; fileName: string };
  /**
   * Files of at least this many bytes are read in parts at once, by as many workers as
   * `partsFor` says (default {@link SPLIT_MIN_BYTES}; the result is the same either way).
   */
  splitMinBytes?: number;
}

/** Storage failing in the worker, recognised as the storage module's `StorageError` (by name). */
class WorkerSaveError extends Error {
  constructor(readonly reason: StorageFailure) {
    super(`IndexedDB ${reason}`);
    this.name = 'StorageError';
  }
}

/** The reading code of the page (the sniff, and the import where no worker runs), loaded once. */
let streamModule: Promise<typeof import('./stream.js')> | undefined;
function loadStream(): Promise<typeof import('./stream.js')> {
  if (!streamModule) {
    streamModule = import('./stream.js');
    streamModule.catch(() => (streamModule = undefined)); // a failed load is tried again next time
  }
  return streamModule;
}

/**
 * Loads what reading a file needs before one is chosen, when a user shows they are about to
 * (pointing at or focusing the file picker, dragging over it): the reader and its imports arrive
 * while the file dialog is open (loaded at the choice, they cost two round trips before the
 * columns show: the reader, then its imports), not with every page that shows the element.
 */
export function preloadImport(): void {
  loadStream().catch(() => undefined);
}

/**
 * Phase 1: headers, sample rows, delimiter, guessed mapping and date format of `file`. The workers
 * an import of it will use start now, while the user checks the mapping (see {@link prepareImport}).
 */
export async function sniffFile(file: Blob, options: { delimiter?: string } = {}): Promise<SniffResult> {
  prepareImport(file.size);
  const { sniff } = await loadStream();
  const sniffed = await sniff(file, options);
  if (sniffed.fatal) releaseImportWorkers();
  return sniffed;
}

/** The import worker, or undefined where none can start (src/workers.ts: another origin, no Worker). */
function createWorker(): Worker | undefined {
  return startWorker((Worker) => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }));
}

/** A worker started ahead of an import: whether it said `ready` (or failed to load) while it waited. */
interface WarmWorker {
  worker: Worker;
  ready: boolean;
  failed: boolean;
  expiry: ReturnType<typeof setTimeout>;
}

/** Workers started ahead, for the next import (each serves one import). */
const warm: WarmWorker[] = [];
/** Unused workers started ahead stop after this long. */
const WARM_MS = 60_000;

/** The most parts a file is read in at once (workers beyond it gain little: the rest is serial). */
const MAX_PARTS = 4;

/**
 * How many parts (workers) a file of `size` bytes is read in: one below `minBytes`; else one per
 * core on two cores, one per core but one from four cores (a core left to the page and to the
 * browser, which reads the file for every worker), up to {@link MAX_PARTS}. During an import the
 * page only draws progress: on two cores two workers measured 15–18 % faster than one on a quiet
 * machine (bench/vs-duckdb.bench.mjs with BENCH_CORES; under a load of two, no faster and no slower).
 */
function partsFor(size: number, minBytes: number): number {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  return size >= minBytes ? Math.max(1, Math.min(MAX_PARTS, cores <= 3 ? Math.min(cores, 2) : cores - 1)) : 1;
}

/**
 * Starts the workers an import of a file of `size` bytes needs (one, or several for a large file), so
 * that it starts at once; unused, they stop after a minute or at {@link releaseImportWorkers}.
 */
export function prepareImport(size: number): void {
  const wanted = partsFor(size, SPLIT_MIN_BYTES);
  while (warm.length < wanted) {
    const worker = createWorker();
    if (!worker) return;
    const w: WarmWorker = { worker, ready: false, failed: false, expiry: setTimeout(() => drop(w), WARM_MS) };
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      if (event.data?.type === 'ready') w.ready = true;
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      w.failed = true;
    };
    warm.push(w);
  }
}

function drop(w: WarmWorker): void {
  clearTimeout(w.expiry);
  w.worker.terminate();
  const at = warm.indexOf(w);
  if (at >= 0) warm.splice(at, 1);
}

/** Stops the workers started ahead (the file was refused, or the element went away). */
export function releaseImportWorkers(): void {
  for (const w of [...warm]) drop(w);
}

/** A worker for an import: one started ahead (and whether it is loaded), else a new one. */
function importWorker(): { worker: Worker; ready: boolean } | undefined {
  const w = warm.shift();
  if (w) {
    clearTimeout(w.expiry);
    // One that failed to load is started again: it fails the usual way (the import runs here).
    if (!w.failed) return { worker: w.worker, ready: w.ready };
    w.worker.terminate();
  }
  const worker = createWorker();
  return worker && { worker, ready: false };
}

/** Phase 2: imports the whole of `file` with the confirmed `mapping` and `options`. */
export function startImport(
  file: Blob,
  mapping: ColumnMapping,
  options: ImportOptions = {},
  hooks: StartImportHooks = {},
): ImportHandle {
  let cancelled = false;
  let worker: Worker | undefined;
  let rejectDone: (reason: unknown) => void = () => {};
  let settleSaved: (record: DatasetRecord | null, error?: Error) => void = () => {};
  const saved = new Promise<DatasetRecord | null>((resolve, reject) => {
    settleSaved = (record, error) => (error ? reject(error) : resolve(record));
  });
  saved.catch(() => {}); // observed by whoever asked for the save
  /** The other workers, each reading a later part of the file (a large file). */
  let helpers: Worker[] = [];
  const stopHelper = (): void => {
    for (const helper of helpers) helper.terminate();
    helpers = [];
  };
  const stopWorker = (): void => {
    worker?.terminate();
    worker = undefined;
    stopHelper();
  };

  const done = new Promise<ImportResult>((resolve, reject) => {
    rejectDone = reject;
    const runOnMainThread = (): void => {
      loadStream()
        .then(({ streamImport }) =>
          streamImport(file, mapping, options, {
            onProgress: hooks.onProgress,
            isCancelled: () => cancelled,
            betweenChunks: () => new Promise((r) => setTimeout(r, 0)),
          }),
        )
        .then(resolve, reject);
      settleSaved(null);
    };
    const fail = (message: string): void => {
      loadStream().then(({ fatalResult }) => resolve(fatalResult({ code: 'workerFailed', message }, options)), reject);
    };
    const taken = hooks.mainThread ? undefined : importWorker();
    worker = taken?.worker;
    if (!worker) {
      runOnMainThread();
      return;
    }
    let loaded = taken!.ready;
    let finished = false;
    const ids: string[] = [];
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') loaded = true;
      else if (message.type === 'progress') hooks.onProgress?.(message.progress);
      else if (message.type === 'ids') {
        for (const id of message.ids) ids.push(id);
      } else if (message.type === 'done') {
        finished = true;
        stopHelper();
        const { result } = message;
        if (message.idsSent) result.columns.customerIds = ids;
        const saving = hooks.save && !result.report.fatal && result.columns.length > 0;
        if (!saving) {
          stopWorker();
          settleSaved(null);
        }
        // Resolve in a task of its own: the page renders the result in the next.
        setTimeout(() => resolve(result), 0);
      } else if (message.type === 'saved') {
        stopWorker();
        settleSaved(message.record);
      } else if (message.type === 'saveFailed') {
        stopWorker();
        settleSaved(null, new WorkerSaveError(message.reason));
      } else if (message.type === 'error') {
        stopWorker();
        settleSaved(null);
        fail(message.message);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stopWorker();
      if (cancelled) return;
      // Failed while saving: the import is done, the save is not.
      if (finished) settleSaved(null, new WorkerSaveError('writeFailed'));
      // A worker that never loaded (blocked by a CSP, unsupported module workers): do it here.
      else if (!loaded) runOnMainThread();
      else {
        settleSaved(null);
        fail(event.message);
      }
    };
    const save = hooks.save && { ...hooks.save, storage: storageSettings() };
    const splitMinBytes = hooks.splitMinBytes ?? SPLIT_MIN_BYTES;
    const partPorts: MessagePort[] = [];
    for (let k = 1; k < partsFor(file.size, splitMinBytes); k++) {
      const helper = importWorker()?.worker;
      if (!helper) break;
      helpers.push(helper);
      // The workers talk through channels of their own: the page relays nothing.
      const channel = new MessageChannel();
      partPorts.push(channel.port1);
      helper.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        stopHelper();
        worker?.postMessage({ type: 'partFailed' } satisfies ImportWorkerRequest);
      };
      helper.postMessage({ type: 'serveParts', port: channel.port2 } satisfies ImportWorkerRequest, [channel.port2]);
    }
    const request: ImportWorkerRequest = {
      type: 'import',
      input: file,
      mapping,
      options,
      ...(save ? { save } : {}),
      ...(partPorts.length > 0 ? { partPorts, splitMinBytes } : {}),
    };
    worker.postMessage(request, partPorts);
  });

  return {
    done,
    saved,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stopWorker();
      rejectDone(new ImportCancelledError());
      settleSaved(null, new ImportCancelledError());
    },
  };
}

/**
 * Movements and cohorts of `columns` computed in a worker (opening a large saved dataset without
 * blocking the page): the typed arrays are transferred to the worker and back, so use the
 * `columns` this resolves with; the ones passed in are detached. Where workers are missing or fail,
 * the analysis runs here instead. `analysis` is null when the engine refuses the data.
 */
export function analyzeInBackground(
  columns: PeriodColumns,
): Promise<{ columns: PeriodColumns; analysis: SubscriptionAnalysis | null }> {
  // A throw of the analysis becomes a rejection, as from the worker.
  const here = () =>
    new Promise<{ columns: PeriodColumns; analysis: SubscriptionAnalysis | null }>((resolve) =>
      resolve({ columns, analysis: analyzeColumns(columns) }),
    );
  const worker = createWorker();
  if (!worker) return here();
  return new Promise((resolve, reject) => {
    let sent = false;
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') {
        sent = true;
        // The engine needs only the number of customers, not their ids: an empty array of the
        // table's length clones in O(1), where 100k id strings would be cloned twice.
        const request: ImportWorkerRequest = {
          type: 'analyze',
          columns: { ...columns, customerIds: new Array<string>(columns.customerIds.length) },
        };
        worker.postMessage(request, columnBuffers(columns));
      } else if (message.type === 'analyzed') {
        done();
        resolve({ columns: { ...message.columns, customerIds: columns.customerIds }, analysis: message.analysis });
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      done();
      // Not loaded (CSP, no module workers): the columns are still ours, analyse them here.
      if (!sent) here().then(resolve, reject);
      else reject(new Error(event.message));
    };
  });
}

/**
 * Saved dataset `id` read and analysed in a worker (opening a large dataset: the page never
 * deserialises its periods): its columns and their analysis, or null when there is no such
 * dataset. Rejects with an error named `StorageError` when storage fails. Where workers are
 * missing or cannot load, the columns are read here and analysed by {@link analyzeInBackground}.
 */
export function openInBackground(id: string): Promise<{ columns: PeriodColumns; analysis: SubscriptionAnalysis | null } | null> {
  const here = async () => {
    const { loadDatasetColumns } = await import('../storage/datasets.js');
    const columns = await loadDatasetColumns(id);
    return columns ? analyzeInBackground(columns) : null;
  };
  const worker = createWorker();
  if (!worker) return here();
  return new Promise((resolve, reject) => {
    let loaded = false;
    const ids: string[] = [];
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') loaded = true;
      else if (message.type === 'ids') {
        for (const one of message.ids) ids.push(one);
      } else if (message.type === 'opened') {
        worker.terminate();
        const { columns, analysis } = message;
        if (columns && message.idsSent) columns.customerIds = ids;
        resolve(columns && { columns, analysis });
      } else if (message.type === 'openFailed') {
        worker.terminate();
        reject(new WorkerSaveError(message.reason));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      // Not loaded (CSP, no module workers): read it here.
      if (!loaded) here().then(resolve, reject);
      else reject(new Error(event.message));
    };
    const request: ImportWorkerRequest = { type: 'open', id, storage: storageSettings() };
    worker.postMessage(request);
  });
}

/**
 * {@link parseCsvRecords} in the import worker (the page stays responsive while a large prospect
 * list is read): same options and result; aborting `signal` terminates the worker and rejects with
 * an `AbortError`. Where workers are missing or cannot load, it runs here, yielding between chunks.
 * Rows come back with a null prototype, as on the main thread.
 */
export function parseCsvRecordsInBackground(
  file: Blob | string,
  options: CsvRecordsOptions = {},
): Promise<CsvRecordsResult & { truncated?: boolean }> {
  const { onProgress, signal, chunkSize, ...plain } = options;
  const here = () => import('./records.js').then(({ parseCsvRecords }) => parseCsvRecords(file, options));
  if (signal?.aborted) return Promise.reject(new ImportCancelledError());
  const worker = createWorker();
  if (!worker || chunkSize !== undefined) {
    worker?.terminate();
    return here();
  }
  return new Promise((resolve, reject) => {
    let loaded = false;
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(new ImportCancelledError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') loaded = true;
      else if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'records') {
        stop();
        for (const row of message.result.rows) Object.setPrototypeOf(row, null);
        resolve(message.result);
      } else if (message.type === 'error') {
        stop();
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stop();
      if (!loaded) here().then(resolve, reject);
      else reject(new Error(event.message));
    };
    const request: ImportWorkerRequest = { type: 'records', input: file, options: plain };
    worker.postMessage(request);
  });
}

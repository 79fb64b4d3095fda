/**
 * The import worker: a thin shell that runs {@link streamImport} off the main thread and posts
 * progress (at most every 100 ms) and the result: the periods as columns, whose typed arrays are
 * transferred (not copied), their analysis, and the report. Asked to (`save`), it then saves the
 * periods as a new dataset itself, so the page never spends a long task on IndexedDB's copy of a
 * million periods. It also analyses columns sent to it (`analyze`, a saved dataset being opened)
 * and sends them back with the analysis. Cancel is `worker.terminate()` from the main thread: a
 * dataset is saved in one transaction, which terminating the worker aborts, so it leaves nothing
 * behind. Started by `importer.ts` as a module worker (Vite bundles it with papaparse).
 */
import { analyzeColumns, columnBuffers } from './analysis.js';
import { streamImport } from './stream.js';
import {
  readPartApart,
  streamImportInParts,
  type PartOutcome,
  type PartProgress,
  type PartRequest,
  type RunPart,
} from './parts.js';
import { rowsPartBuffers } from './rows.js';
import { parseCsvRecords } from './records.js';
import { datasetMeta } from './dataset-meta.js';
import { sliceColumns, type PeriodColumns } from '../core/period-columns.js';
import { knowCurrencyDigits } from '../core/money.js';
import { COMMON_CURRENCY_DIGITS } from '../core/currency-digits.js';
import type { PartMovements } from '../core/movements.js';
import type { StorageFailure } from '../storage/db.js';
import type { StorageSettings } from '../storage/settings.js';
import type { ImportProgress, ImportResult, ImportSaveRequest, ImportWorkerRequest, ImportWorkerResponse } from './types.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

// The digits of the file's currency without waiting for Intl's locale data (11–14 ms in a fresh worker).
knowCurrencyDigits(COMMON_CURRENCY_DIGITS);

scope.onmessage = (event) => {
  const request = event.data;
  if (request?.type === 'analyze') {
    const { columns } = request;
    const analysis = analyzeColumns(columns);
    // The ids stay with the caller (it sent a placeholder of the right length).
    scope.postMessage({ type: 'analyzed', columns: { ...columns, customerIds: [] }, analysis }, columnBuffers(columns));
    return;
  }
  if (request?.type === 'open') {
    void openHere(request.id, request.storage);
    return;
  }
  if (request?.type === 'records') {
    parseCsvRecords(request.input, {
      ...request.options,
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
    }).then(
      (result) => scope.postMessage({ type: 'records', result }),
      (error: unknown) => scope.postMessage({ type: 'error', message: String(error) }),
    );
    return;
  }
  if (request?.type === 'serveParts') {
    serveParts(request.port);
    return;
  }
  if (request?.type === 'partFailed') {
    partFailed();
    return;
  }
  if (request?.type !== 'import') return;
  const { save, partPorts } = request;
  // The customer ids go to the page as soon as the periods are read, while the analysis runs; and
  // then the copies the page gets when this worker saves the import (it keeps the originals).
  let idsPosted = false;
  let copies: PeriodColumns | undefined;
  const hooks = {
    onProgress: (progress: ImportProgress) => scope.postMessage({ type: 'progress', progress }),
    onColumns: (columns: PeriodColumns) => {
      postIds(columns);
      idsPosted = true;
      if (save && columns.length > 0) copies = sliceColumns(columns, 0, columns.length);
    },
  };
  const { input, mapping, options } = request;
  // A large file with other workers to read its later parts: the parts read at once.
  const importing =
    partPorts?.length && typeof input !== 'string'
      ? streamImportInParts(input, mapping, options, hooks, partPorts.map(partsThrough), request.splitMinBytes)
      : streamImport(input, mapping, options, hooks);
  importing.then(
    (result) => {
      const { lines, codes } = result.report.errors;
      const saving = save && !result.report.fatal && result.columns.length > 0;
      // Saved here, the page keeps copies (trimmed to their length) and this worker the originals.
      const columns = saving ? (copies ?? sliceColumns(result.columns, 0, result.columns.length)) : result.columns;
      if (!idsPosted) postIds(columns);
      // The typed arrays (columns, error log) move instead of being copied: only the movement rows
      // and the cohorts are cloned.
      const transfer = [...columnBuffers(columns), lines.buffer as ArrayBuffer, codes.buffer as ArrayBuffer];
      const sent = { ...result, columns: { ...columns, customerIds: [] } };
      scope.postMessage({ type: 'done', result: sent, idsSent: true }, transfer);
      if (saving) void saveHere(result, save);
    },
    (error: unknown) => scope.postMessage({ type: 'error', message: String(error) }),
  );
};

/** What a second worker sends back through the port ({@link serveParts}): progress, the outcome, then its movements. */
type PartMessage =
  | { type: 'progress'; progress: PartProgress }
  | { type: 'outcome'; outcome: PartOutcome }
  | { type: 'movements'; movements: PartMovements | undefined };

/** The page saw another worker fail (to load, or while reading). */
let partsFailed = false;
/** Settles the parts being read by other workers as failed. */
const partFailures = new Set<() => void>();
function partFailed(): void {
  partsFailed = true;
  for (const fail of partFailures) fail();
}

/** Reads later parts through `port`, in another worker ({@link serveParts} on its side). */
function partsThrough(port: MessagePort): RunPart {
  return (request, onProgress) =>
    new Promise<PartOutcome>((resolve) => {
      let movementsSent: (movements: PartMovements | undefined) => void = () => undefined;
      const movements = new Promise<PartMovements | undefined>((r) => (movementsSent = r));
      const failed = () => {
        resolve({ fatal: { code: 'workerFailed', message: 'another import worker failed' } });
        movementsSent(undefined); // an outcome already sent then has no movements to wait for
      };
      if (partsFailed) return failed();
      partFailures.add(failed);
      port.onmessage = (event: MessageEvent<PartMessage>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'movements') movementsSent(message.movements);
        else resolve('part' in message.outcome ? { ...message.outcome, movements } : message.outcome);
      };
      port.postMessage(request);
    });
}

/** In another worker: reads each part asked for through `port` and sends back what it read. */
function serveParts(port: MessagePort): void {
  port.onmessage = (event: MessageEvent<PartRequest>) => {
    const progress = (p: ImportProgress) =>
      port.postMessage({ type: 'progress', progress: { bytesRead: p.bytesRead, rowsRead: p.rowsRead } } satisfies PartMessage);
    readPartApart(event.data, { onProgress: progress }).then(
      ({ outcome, movements }) => {
        const message: PartMessage = { type: 'outcome', outcome };
        port.postMessage(message, 'part' in outcome ? rowsPartBuffers(outcome.part) : []);
        // Summed while the first worker joins the parts; it waits for them, so they always come
        // (none when summing fails: the whole file is then analysed there).
        if (!('part' in outcome)) return;
        let summed: PartMovements | undefined;
        try {
          summed = movements();
        } catch {
          summed = undefined;
        }
        port.postMessage({ type: 'movements', movements: summed } satisfies PartMessage);
      },
      (error: unknown) => {
        const message: PartMessage = { type: 'outcome', outcome: { fatal: { code: 'workerFailed', message: String(error) } } };
        port.postMessage(message);
      },
    );
  };
}

/** Customer ids per `ids` message. */
const ID_PART = 20_000;

/**
 * Posts the customer-id table of `columns` in parts, before the message with the columns (sent
 * with `customerIds: []` and `idsSent`): each part is deserialised in a task of its own on the
 * page, where the whole table in one message would be one long task.
 */
function postIds(columns: PeriodColumns): void {
  const ids = columns.customerIds;
  for (let i = 0; i < ids.length; i += ID_PART) scope.postMessage({ type: 'ids', ids: ids.slice(i, i + ID_PART) });
}

const failureOf = (e: unknown): StorageFailure =>
  (e as { name?: string } | null)?.name === 'StorageError' ? (e as { reason: StorageFailure }).reason : 'writeFailed';

/** Reads saved dataset `id` and analyses it here: the page never deserialises its million periods. */
async function openHere(id: string, storage: StorageSettings): Promise<void> {
  try {
    const { configureStorage } = await import('../storage/db.js');
    const { loadDatasetColumns } = await import('../storage/datasets.js');
    configureStorage(storage);
    const columns = await loadDatasetColumns(id);
    if (!columns) {
      scope.postMessage({ type: 'opened', columns: null, analysis: null });
      return;
    }
    const analysis = analyzeColumns(columns);
    postIds(columns);
    scope.postMessage(
      { type: 'opened', columns: { ...columns, customerIds: [] }, analysis, idsSent: true },
      columnBuffers(columns),
    );
  } catch (e) {
    scope.postMessage({ type: 'openFailed', reason: failureOf(e) });
  }
}

/** Saves the import as a new dataset (storage code loaded only now) and says how it went. */
async function saveHere(result: ImportResult, save: ImportSaveRequest): Promise<void> {
  try {
    const { configureStorage } = await import('../storage/db.js');
    const { saveDataset } = await import('../storage/datasets.js');
    configureStorage(save.storage);
    const record = await saveDataset({
      name: save.name,
      currency: result.report.currency,
      columns: result.columns,
      meta: datasetMeta(save.fileName, result.report),
    });
    scope.postMessage({ type: 'saved', record });
  } catch (e) {
    scope.postMessage({ type: 'saveFailed', reason: failureOf(e) });
  }
}

scope.postMessage({ type: 'ready' });

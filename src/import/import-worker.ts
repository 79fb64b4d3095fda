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
import { parseCsvRecords } from './records.js';
import { datasetMeta } from './dataset-meta.js';
import { sliceColumns, type PeriodColumns } from '../core/period-columns.js';
import type { StorageFailure } from '../storage/db.js';
import type { StorageSettings } from '../storage/settings.js';
import type { ImportResult, ImportSaveRequest, ImportWorkerRequest, ImportWorkerResponse } from './types.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

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
  if (request?.type !== 'import') return;
  const { save } = request;
  streamImport(request.input, request.mapping, request.options, {
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (result) => {
      const { lines, codes } = result.report.errors;
      const saving = save && !result.report.fatal && result.columns.length > 0;
      // Saved here, the page keeps copies (trimmed to their length) and this worker the originals.
      const columns = saving ? sliceColumns(result.columns, 0, result.columns.length) : result.columns;
      postIds(columns);
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

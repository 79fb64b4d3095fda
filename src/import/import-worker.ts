/**
 * The import worker: a thin shell that runs {@link streamImport} off the main thread and posts
 * progress (at most every 100 ms) and the result: the periods as columns, whose typed arrays are
 * transferred (not copied), their analysis, and the report. It also analyses columns sent to it
 * (`analyze`, a saved dataset being opened) and sends them back with the analysis. Cancel is
 * `worker.terminate()` from the main thread: nothing is saved by the worker, so terminating it
 * leaves nothing behind. Started by `importer.ts` as a module worker (Vite bundles it with
 * papaparse).
 */
import { analyzeColumns, columnBuffers } from './analysis.js';
import { streamImport } from './stream.js';
import { parseCsvRecords } from './records.js';
import type { ImportWorkerRequest, ImportWorkerResponse } from './types.js';

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
  streamImport(request.input, request.mapping, request.options, {
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (result) => {
      const { lines, codes } = result.report.errors;
      // The typed arrays (columns, error log) move instead of being copied: only the customer-id
      // table, the movement rows and the cohorts are cloned.
      const transfer = [...columnBuffers(result.columns), lines.buffer as ArrayBuffer, codes.buffer as ArrayBuffer];
      scope.postMessage({ type: 'done', result }, transfer);
    },
    (error: unknown) => scope.postMessage({ type: 'error', message: String(error) }),
  );
};

scope.postMessage({ type: 'ready' });

/**
 * The import worker: a thin shell that runs {@link streamImport} off the main thread and posts
 * progress (at most every 100 ms) and the result. Cancel is `worker.terminate()` from the main
 * thread: nothing is saved by the worker, so terminating it leaves nothing behind.
 * Started by `startImport` in `importer.ts` as a module worker (Vite bundles it with papaparse).
 */
import { streamImport } from './stream.js';
import type { ImportWorkerRequest, ImportWorkerResponse } from './types.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  if (request?.type !== 'import') return;
  streamImport(request.input, request.mapping, request.options, {
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (result) => {
      const { lines, codes } = result.report.errors;
      // The error log's typed arrays move instead of being copied.
      scope.postMessage({ type: 'done', result }, [lines.buffer, codes.buffer]);
    },
    (error: unknown) => scope.postMessage({ type: 'error', message: String(error) }),
  );
};

scope.postMessage({ type: 'ready' });

/**
 * Main-thread API of the CSV import, for the import element:
 *
 * ```ts
 * const sniffed = await sniffFile(file);            // headers, sample rows, guessed mapping
 * // … the user confirms the mapping and, when asked, the date format …
 * const handle = startImport(file, mapping, { dateFormat: 'dmy' }, { onProgress });
 * cancelButton.onclick = () => handle.cancel();     // `done` rejects with an AbortError
 * const { periods, report } = await handle.done;    // report.fatal set when refused
 * ```
 *
 * The import runs in a module worker; where workers are missing (or the worker cannot load), the
 * same streaming code runs on the main thread, yielding to the event loop between 1 MiB chunks.
 * The parsing code (papaparse included) is loaded on first use, so a page that only shows the
 * import button does not pay for it.
 */
import { ImportCancelledError } from './cancel.js';
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
  /** Resolves with the periods and report; rejects with `ImportCancelledError` after `cancel()`. */
  done: Promise<ImportResult>;
  /** Stops the import at once (terminates the worker); nothing is kept. */
  cancel(): void;
}

export interface StartImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  /** Run on the main thread even where workers exist (tests, debugging). */
  mainThread?: boolean;
}

/** Phase 1: headers, sample rows, delimiter, guessed mapping and date format of `file`. */
export async function sniffFile(file: Blob, options: { delimiter?: string } = {}): Promise<SniffResult> {
  const { sniff } = await import('./stream.js');
  return sniff(file, options);
}

function createWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
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
  const stopWorker = (): void => {
    worker?.terminate();
    worker = undefined;
  };

  const done = new Promise<ImportResult>((resolve, reject) => {
    rejectDone = reject;
    const runOnMainThread = (): void => {
      import('./stream.js')
        .then(({ streamImport }) =>
          streamImport(file, mapping, options, {
            onProgress: hooks.onProgress,
            isCancelled: () => cancelled,
            betweenChunks: () => new Promise((r) => setTimeout(r, 0)),
          }),
        )
        .then(resolve, reject);
    };
    const fail = (message: string): void => {
      import('./stream.js').then(({ fatalResult }) => resolve(fatalResult({ code: 'workerFailed', message }, options)), reject);
    };
    worker = hooks.mainThread ? undefined : createWorker();
    if (!worker) {
      runOnMainThread();
      return;
    }
    let loaded = false;
    worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') loaded = true;
      else if (message.type === 'progress') hooks.onProgress?.(message.progress);
      else if (message.type === 'done') {
        stopWorker();
        resolve(message.result);
      } else {
        stopWorker();
        fail(message.message);
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stopWorker();
      if (cancelled) return;
      // A worker that never loaded (blocked by a CSP, unsupported module workers): do it here.
      if (!loaded) runOnMainThread();
      else fail(event.message);
    };
    const request: ImportWorkerRequest = { type: 'import', input: file, mapping, options };
    worker.postMessage(request);
  });

  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stopWorker();
      rejectDone(new ImportCancelledError());
    },
  };
}

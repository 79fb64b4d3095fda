/**
 * The prospects worker: holds one prospects file ({@link ProspectStore}) for the page, which asks
 * it for what it shows. `open` reads the file (progress as `read` messages) and answers `opened`;
 * then `call`s are answered by `result` or `failure` with the same id: `numbers`, `score` (progress
 * as `scored` messages; `cancel` stops it between slices, the file stays), `view`, `page`,
 * `export` (a Blob), `mirror` (the rows and scores, for a small file kept on the page too).
 */
import type { ProspectQuery } from './prospect-view.js';
import { ProspectStore } from './prospect-store.js';
import type { ProspectsWorkerRequest, ProspectsWorkerResponse } from './prospects-protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ProspectsWorkerRequest>) => void) | null;
  postMessage(message: ProspectsWorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let store: ProspectStore | undefined;
let cancelled = false;
let reading: AbortController | undefined;
/** A turn of the worker's event loop, so that a `cancel` message is received while scoring. */
const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function call(method: string, args: unknown[]): Promise<unknown> {
  if (!store) throw new Error('no file');
  switch (method) {
    case 'numbers':
      return store.numberFormat(args[0] as never, args[1] as never);
    case 'score':
      cancelled = false;
      return store.score(args[0] as never, args[1] as never, args[2] as never, {
        isCancelled: () => cancelled,
        yieldNow: turn,
        sliceMs: 40,
        onProgress: (done, total) => scope.postMessage({ type: 'scored', done, total }),
      });
    case 'view':
      return store.view(args[0] as ProspectQuery, args[1] as number);
    case 'page':
      return store.page(args[0] as number, args[1] as number, args[2] as number);
    case 'export':
      return store.exportBlob(args[0] as never);
    case 'mirror':
      return store.mirror();
    default:
      throw new Error(`unknown call ${method}`);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    reading?.abort();
    return;
  }
  if (message.type === 'open') {
    store = undefined;
    let last = 0;
    const controller = (reading = new AbortController());
    ProspectStore.read(message.input, {
      signal: controller.signal,
      onProgress: (fraction) => {
        const t = Date.now();
        if (t - last < 100 && fraction < 1) return;
        last = t;
        scope.postMessage({ type: 'read', fraction });
      },
    }).then(
      (read) => {
        reading = undefined;
        store = read;
        scope.postMessage({ type: 'opened', file: read.file });
      },
      (error: unknown) => scope.postMessage({ type: 'failure', id: 0, name: (error as Error)?.name, message: String(error) }),
    );
    return;
  }
  const { id } = message;
  call(message.method, message.args).then(
    (value) => scope.postMessage({ type: 'result', id, value }),
    (error: unknown) => scope.postMessage({ type: 'failure', id, name: (error as Error)?.name, message: String(error) }),
  );
};

scope.postMessage({ type: 'ready' });

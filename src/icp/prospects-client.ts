/**
 * A prospects file opened for the page: read, held and scored in the prospects worker
 * (`prospects-worker.ts`), the page receiving only what it shows (a file summary, progress, the
 * rows of a view it asked for, the scored CSV as a Blob). Where workers are missing or the worker
 * cannot load (a CSP, a cross-origin bundle), the same {@link ProspectStore} runs on the page,
 * reading in small chunks and scoring in slices of about 8 ms.
 *
 * ```ts
 * const source = openProspects(file, { onProgress });
 * const summary = await source.opened;                 // headers, rows, unreadable lines
 * await source.score(icp, mapping, undefined, onProgress);
 * const page = await source.view({ sort: 'score', descending: true }, 100);
 * ```
 */
import type { Icp } from '../core/icp.js';
import type { NumberFormat } from '../core/number-format.js';
import { ImportCancelledError } from '../import/cancel.js';
import { nextTask } from '../ui/tasks.js';
import { startWorker } from '../workers.js';
import type { ProspectQuery } from './prospect-view.js';
import {
  ProspectStore,
  type ProspectNumbers,
  type ProspectsFile,
  type ProspectsPage,
  type ProspectsScored,
  type StoreMirror,
} from './prospect-store.js';
import type { ProspectsWorkerRequest, ProspectsWorkerResponse } from './prospects-protocol.js';
import type { ProspectMapping } from './scoring.js';

export interface ProspectsSource {
  /** The file once read; rejects with an AbortError after `cancel()` while reading. */
  readonly opened: Promise<ProspectsFile>;
  /** The store when the rows are on this page (no worker, or {@link ProspectsSource.keepHere}): its answers come at once. */
  readonly here: ProspectStore | undefined;
  numbers(icp: Icp, mapping: ProspectMapping): Promise<ProspectNumbers>;
  /** Scores every row; rejects with an AbortError after `cancel()` (the file stays open). */
  score(
    icp: Icp,
    mapping: ProspectMapping,
    numberFormat: NumberFormat | undefined,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ProspectsScored>;
  view(query: ProspectQuery, count: number): Promise<ProspectsPage>;
  page(view: number, from: number, to: number): Promise<ProspectsPage | undefined>;
  exportBlob(options?: { reasons?: number; bom?: boolean }): Promise<Blob>;
  /** Copies the rows and scores to this page (`here`): for small files, whose views are then computed at once. */
  keepHere(): Promise<void>;
  /** Stops reading (the file is dropped) or scoring (the file stays). */
  cancel(): void;
  /** Lets the file go (the worker ends). */
  close(): void;
}

export interface OpenHooks {
  /** Share of the file read, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Read and score on this page even where workers exist (tests). */
  mainThread?: boolean;
}

/** Chunks read per task on the page (no worker): small enough to stay well under 50 ms on a phone. */
const PAGE_CHUNK = 48 * 1024;

/** `f()` as a promise: what it returns, or its throw as a rejection. */
const settle = <T>(f: () => T | Promise<T>): Promise<T> => new Promise<T>((resolve) => resolve(f()));

/** The file held on this page: the store's answers, reading and scoring yielding to the page. */
function onPage(input: Blob | string, hooks: OpenHooks, store?: ProspectStore): ProspectsSource {
  const reading = new AbortController();
  let scoring = false;
  let cancelled = false;
  let held = store;
  const opened = held
    ? Promise.resolve(held.file)
    : ProspectStore.read(input, { chunkSize: PAGE_CHUNK, signal: reading.signal, onProgress: hooks.onProgress }).then((s) => {
        held = s;
        return s.file;
      });
  const get = (): ProspectStore => {
    if (!held) throw new Error('no file');
    return held;
  };
  return {
    opened,
    get here() {
      return held;
    },
    numbers: (icp, mapping) => settle(() => get().numberFormat(icp, mapping)),
    async score(icp, mapping, numberFormat, onProgress) {
      cancelled = false;
      scoring = true;
      try {
        return await get().score(icp, mapping, numberFormat, { onProgress, isCancelled: () => cancelled, yieldNow: nextTask });
      } finally {
        scoring = false;
      }
    },
    view: (query, count) => settle(() => get().view(query, count)),
    page: (view, from, to) => settle(() => get().page(view, from, to)),
    exportBlob: (options) => get().exportBlob(options, nextTask),
    keepHere: async () => {},
    cancel() {
      if (scoring) cancelled = true;
      else reading.abort();
    },
    close() {
      reading.abort();
      held = undefined;
    },
  };
}

/** Opens a prospects CSV: in the prospects worker when one can run, else on this page. */
export function openProspects(input: Blob | string, hooks: OpenHooks = {}): ProspectsSource {
  let worker: Worker | undefined;
  if (!hooks.mainThread)
    worker = startWorker((Worker) => new Worker(new URL('./prospects-worker.ts', import.meta.url), { type: 'module' }));
  if (!worker) return onPage(input, hooks);
  const w = worker;
  /** Set when the worker could not load: everything goes to the page instead. */
  let fallback: ProspectsSource | undefined;
  let here: ProspectStore | undefined;
  let loaded = false;
  let closed = false;
  let nextId = 1;
  let onScored: ((done: number, total: number) => void) | undefined;
  let scoring = false;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (reason: unknown) => void }>();
  let settleOpened: { resolve: (file: ProspectsFile) => void; reject: (reason: unknown) => void } | undefined;
  const opened = new Promise<ProspectsFile>((resolve, reject) => (settleOpened = { resolve, reject }));
  const failAll = (reason: unknown): void => {
    settleOpened?.reject(reason);
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
  };
  w.onmessage = (event: MessageEvent<ProspectsWorkerResponse>) => {
    const message = event.data;
    if (message.type === 'ready') loaded = true;
    else if (message.type === 'read') hooks.onProgress?.(message.fraction);
    else if (message.type === 'opened') {
      if (closed) w.terminate();
      else settleOpened?.resolve(message.file);
    } else if (message.type === 'scored') onScored?.(message.done, message.total);
    else if (message.type === 'result' || message.type === 'failure') {
      if (message.type === 'failure' && message.id === 0) {
        if (closed) return w.terminate();
        return settleOpened?.reject(message.name === 'AbortError' ? new ImportCancelledError() : new Error(message.message));
      }
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (message.type === 'result') p.resolve(message.value as never);
      else p.reject(message.name === 'AbortError' ? new ImportCancelledError() : new Error(message.message));
    }
  };
  w.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    w.terminate();
    if (closed) return;
    // A worker that never loaded (a CSP, no module workers): the page reads the file instead.
    if (!loaded) {
      fallback = onPage(input, hooks);
      void fallback.opened.then(settleOpened?.resolve, settleOpened?.reject);
    } else failAll(new Error(event.message || 'the prospects worker stopped'));
  };
  w.postMessage({ type: 'open', input } satisfies ProspectsWorkerRequest);
  const ask = <T>(method: Extract<ProspectsWorkerRequest, { type: 'call' }>['method'], ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new ImportCancelledError());
      const id = nextId++;
      pending.set(id, { resolve: resolve, reject });
      w.postMessage({ type: 'call', id, method, args } satisfies ProspectsWorkerRequest);
    });
  return {
    opened,
    get here() {
      return fallback ? fallback.here : here;
    },
    numbers: (icp, mapping) => (fallback ? fallback.numbers(icp, mapping) : ask('numbers', icp, mapping)),
    async score(icp, mapping, numberFormat, onProgress) {
      if (fallback) return fallback.score(icp, mapping, numberFormat, onProgress);
      here = undefined;
      onScored = onProgress;
      scoring = true;
      try {
        return await ask<ProspectsScored>('score', icp, mapping, numberFormat);
      } finally {
        onScored = undefined;
        scoring = false;
      }
    },
    view: (query, count) => (fallback ? fallback.view(query, count) : ask('view', query, count)),
    page: (view, from, to) => (fallback ? fallback.page(view, from, to) : ask('page', view, from, to)),
    exportBlob: (options = {}) => (fallback ? fallback.exportBlob(options) : ask('export', options)),
    async keepHere() {
      if (fallback) return;
      here = ProspectStore.of(await ask<StoreMirror>('mirror'));
    },
    cancel() {
      if (fallback) return fallback.cancel();
      if (scoring) return w.postMessage({ type: 'cancel' } satisfies ProspectsWorkerRequest);
      // Still reading: the worker stops between two chunks, then ends (ending it in the middle of
      // reading a file could take the page down in Chromium), and what it read goes.
      closed = true;
      w.postMessage({ type: 'cancel' } satisfies ProspectsWorkerRequest);
      failAll(new ImportCancelledError());
    },
    close() {
      if (closed) return;
      closed = true;
      fallback?.close();
      w.postMessage({ type: 'cancel' } satisfies ProspectsWorkerRequest);
      // Ended once idle: at once after reading, else when the reading stops (above).
      opened.then(
        () => w.terminate(),
        () => {},
      );
      failAll(new ImportCancelledError());
    },
  };
}

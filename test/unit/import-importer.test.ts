import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeInBackground, ImportCancelledError, sniffFile, startImport } from '../../src/import/importer.js';
import type { ImportProgress, ImportWorkerRequest, ImportWorkerResponse } from '../../src/import/types.js';
import { analyzeSubscriptions, periodsToColumns } from '../../src/core/movements.js';
import { columnsToPeriods } from '../../src/core/period-columns.js';

// Node has no `location`, and the worker file is a file: URL, so src/workers.ts starts no worker here
// (its same-origin and Trusted Types rules have their own tests). These tests replace only that
// check: the importer's relay is driven by whatever global `Worker` a test installs.
vi.mock('../../src/workers.js', async (original) => ({
  ...(await original<typeof import('../../src/workers.js')>()),
  startWorker: (make: (W: import('../../src/workers.js').WorkerConstructor) => Worker) => {
    if (typeof globalThis.Worker === 'undefined') return undefined;
    try {
      return make(globalThis.Worker);
    } catch {
      return undefined;
    }
  },
}));

const file = new Blob([readFileSync(new URL('../fixtures/dbt-subscription-periods.csv', import.meta.url))]);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('importer (main-thread fallback: Node has no Worker)', () => {
  it('sniffs, then imports with progress', async () => {
    const s = await sniffFile(file);
    expect(s.fatal).toBeUndefined();
    const seen: ImportProgress[] = [];
    const handle = startImport(file, s.mapping, {}, { onProgress: (p) => seen.push(p) });
    const { columns, analysis, report } = await handle.done;
    expect(columns.length).toBe(121);
    expect(report.periodsImported).toBe(121);
    expect(analysis).toEqual(analyzeSubscriptions(columnsToPeriods(columns)));
    expect(seen.at(-1)?.fraction).toBe(1);
  });

  it('cancel rejects done with an AbortError', async () => {
    const s = await sniffFile(file);
    const handle = startImport(file, s.mapping);
    handle.cancel();
    const error = await handle.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect((error as Error).name).toBe('AbortError');
  });
});

/** A stand-in Worker that answers with scripted messages, or fails to load. */
function fakeWorker(script: ImportWorkerResponse[] | 'fail') {
  const instances: { terminated: boolean }[] = [];
  class FakeWorker {
    onmessage: ((e: { data: ImportWorkerResponse }) => void) | null = null;
    onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
    terminated = false;
    constructor() {
      instances.push(this);
    }
    postMessage() {
      setTimeout(() => {
        if (script === 'fail') this.onerror?.({ message: 'load failed', preventDefault() {} });
        else for (const data of script) if (!this.terminated) this.onmessage?.({ data });
      }, 0);
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return instances;
}

describe('importer with a worker', () => {
  it('relays progress and the result, then terminates the worker', async () => {
    const s = await sniffFile(file);
    const result = {
      columns: periodsToColumns([]).columns,
      analysis: null,
      report: { rowsRead: 0 },
    } as unknown as import('../../src/import/types.js').ImportResult;
    const progress = { rowsRead: 5, bytesRead: 10, totalBytes: 20, fraction: 0.5, rowsPerSecond: 100 };
    const workers = fakeWorker([{ type: 'ready' }, { type: 'progress', progress }, { type: 'done', result }]);
    const seen: ImportProgress[] = [];
    expect(await startImport(file, s.mapping, {}, { onProgress: (p) => seen.push(p) }).done).toBe(result);
    expect(seen).toEqual([progress]);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('falls back to the main thread when the worker cannot load', async () => {
    const s = await sniffFile(file);
    fakeWorker('fail');
    const { columns, analysis } = await startImport(file, s.mapping).done;
    expect(columns.length).toBe(121);
    expect(analysis?.movements.length).toBeGreaterThan(0);
  });

  it('reports workerFailed when a loaded worker fails', async () => {
    const s = await sniffFile(file);
    fakeWorker([{ type: 'ready' }, { type: 'error', message: 'boom' }]);
    const { report } = await startImport(file, s.mapping).done;
    expect(report.fatal).toEqual({ code: 'workerFailed', message: 'boom' });
  });

  it('cancel terminates the worker', async () => {
    const s = await sniffFile(file);
    const workers = fakeWorker([{ type: 'ready' }]);
    const handle = startImport(file, s.mapping);
    handle.cancel();
    await expect(handle.done).rejects.toBeInstanceOf(ImportCancelledError);
    expect(workers[0]?.terminated).toBe(true);
  });
});

describe('analyzeInBackground', () => {
  const periods = [
    { customerId: 'a', start: '2024-01-01', end: '2024-04-01', amount: 10 },
    { customerId: 'b', start: '2024-02-10', end: null, amount: 25 },
  ];
  const expected = analyzeSubscriptions(periods);

  it('analyses here where there are no workers (Node)', async () => {
    const { columns } = periodsToColumns(periods);
    const result = await analyzeInBackground(columns);
    expect(result.analysis).toEqual(expected);
    expect(result.columns).toBe(columns);
  });

  /** A worker that says ready once loaded and answers `analyze` (or fails to load). */
  function analysisWorker(fails: boolean) {
    const seen: ImportWorkerRequest[] = [];
    class FakeWorker {
      onmessage: ((e: { data: ImportWorkerResponse }) => void) | null = null;
      onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
      terminated = false;
      constructor() {
        setTimeout(
          () =>
            fails
              ? this.onerror?.({ message: 'load failed', preventDefault() {} })
              : this.onmessage?.({ data: { type: 'ready' } }),
          0,
        );
      }
      postMessage(request: ImportWorkerRequest, transfer: Transferable[]) {
        seen.push(request);
        expect(transfer).toHaveLength(4); // the four column buffers move
        if (request.type === 'analyze') {
          const columns = structuredClone(request.columns);
          setTimeout(() => this.onmessage?.({ data: { type: 'analyzed', columns, analysis: analyzeSubscriptions(columns) } }), 0);
        }
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    return seen;
  }

  it('sends the columns to the worker once it is ready and returns what it answers', async () => {
    const seen = analysisWorker(false);
    const result = await analyzeInBackground(periodsToColumns(periods).columns);
    expect(seen.map((r) => r.type)).toEqual(['analyze']);
    expect(result.analysis).toEqual(expected);
    expect(columnsToPeriods(result.columns)).toEqual(periods);
  });

  it('analyses here when the worker cannot load (the columns were never sent)', async () => {
    const seen = analysisWorker(true);
    const result = await analyzeInBackground(periodsToColumns(periods).columns);
    expect(seen).toEqual([]);
    expect(result.analysis).toEqual(expected);
  });
});

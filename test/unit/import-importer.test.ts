import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportCancelledError, sniffFile, startImport } from '../../src/import/importer.js';
import type { ImportProgress, ImportWorkerResponse } from '../../src/import/types.js';

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
    const { periods, report } = await handle.done;
    expect(periods).toHaveLength(121);
    expect(report.periodsImported).toBe(121);
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
    const result = { periods: [], report: { rowsRead: 0 } } as unknown as import('../../src/import/types.js').ImportResult;
    const progress = { rowsRead: 5, bytesRead: 10, totalBytes: 20, fraction: 0.5, rowsPerSecond: 100 };
    const workers = fakeWorker([{ type: 'ready' }, { type: 'progress', progress }, { type: 'done', result }]);
    const seen: ImportProgress[] = [];
    expect(await startImport(file, s.mapping, {}, { onProgress: (p) => seen.push(p) }).done).toBe(result);
    expect(seen).toEqual([progress]);
    expect(workers[0].terminated).toBe(true);
  });

  it('falls back to the main thread when the worker cannot load', async () => {
    const s = await sniffFile(file);
    fakeWorker('fail');
    const { periods } = await startImport(file, s.mapping).done;
    expect(periods).toHaveLength(121);
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
    expect(workers[0].terminated).toBe(true);
  });
});

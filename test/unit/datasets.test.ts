import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureStorage, getDb, resetStorage, StorageError } from '../../src/storage/db.js';
import { deleteDataset, listDatasets, loadDatasetPeriods, renameDataset, saveDataset } from '../../src/storage/datasets.js';
import type { SubscriptionPeriod } from '../../src/import/types.js';

const realFactory = globalThis.indexedDB;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  configureStorage({ dbName: 'mrr-kit-datasets-test', timeoutMs: 3000 });
});
afterEach(() => {
  vi.restoreAllMocks();
  globalThis.indexedDB = realFactory;
  resetStorage();
});

function periods(n: number, prefix = 'c'): SubscriptionPeriod[] {
  return Array.from({ length: n }, (_, i) => ({
    customerId: `${prefix}${i % 7}`,
    start: '2024-01-01',
    end: i % 3 ? null : '2024-06-01',
    amount: i + 0.5,
    ...(i % 5 === 0 ? { interval: 'year' as const } : {}),
  }));
}

async function chunkKeys(): Promise<unknown[]> {
  const db = await getDb();
  return db.getAllKeys('datasetChunks');
}

describe('datasets', () => {
  it('saves periods in chunks and loads them back in order', async () => {
    const data = periods(23);
    const rec = await saveDataset({ name: 'Stripe March', currency: 'usd', periods: data, meta: { file: 'subs.csv' } }, { chunkSize: 5 });
    expect(rec).toMatchObject({ name: 'Stripe March', currency: 'USD', periodCount: 23, customerCount: 7, chunkCount: 5, meta: { file: 'subs.csv' } });
    expect(await chunkKeys()).toHaveLength(5);
    resetStorage();
    expect(await loadDatasetPeriods(rec.id)).toEqual(data);
    expect(await loadDatasetPeriods('nope')).toBeUndefined();
  });

  it('saves an empty dataset and loads it as no periods', async () => {
    const rec = await saveDataset({ name: 'empty', currency: 'EUR', periods: [] });
    expect(rec.chunkCount).toBe(0);
    expect(await loadDatasetPeriods(rec.id)).toEqual([]);
  });

  it('lists newest first, renames, deletes with chunks', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1000);
    const a = await saveDataset({ name: 'A', currency: 'USD', periods: periods(3) }, { chunkSize: 2 });
    now.mockReturnValue(2000);
    const b = await saveDataset({ name: 'B', currency: 'USD', periods: periods(4) }, { chunkSize: 2 });
    now.mockReturnValue(3000);
    expect((await listDatasets()).map((d) => d.name)).toEqual(['B', 'A']);

    const renamed = await renameDataset(a.id, 'A renamed');
    expect(renamed).toMatchObject({ id: a.id, name: 'A renamed', updatedAt: 3000, createdAt: 1000 });
    expect((await listDatasets()).map((d) => d.name)).toEqual(['B', 'A renamed']);
    expect(await renameDataset('nope', 'x')).toBeUndefined();

    expect(await deleteDataset(b.id)).toBe(true);
    expect(await deleteDataset(b.id)).toBe(false);
    expect((await listDatasets()).map((d) => d.id)).toEqual([a.id]);
    expect(await chunkKeys()).toEqual([
      [a.id, 0],
      [a.id, 1],
    ]);
    expect(await loadDatasetPeriods(a.id)).toEqual(periods(3));
  });

  it('a failed save leaves nothing of itself and the earlier datasets untouched', async () => {
    const a = await saveDataset({ name: 'A', currency: 'USD', periods: periods(6) }, { chunkSize: 2 });
    const store = globalThis.IDBObjectStore.prototype;
    const realPut = store.put;
    let calls = 0;
    vi.spyOn(store, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      if (calls === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const error = await saveDataset({ name: 'B', currency: 'USD', periods: periods(9) }, { chunkSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('quota');
    vi.restoreAllMocks();

    expect((await listDatasets()).map((d) => d.id)).toEqual([a.id]);
    expect(await chunkKeys()).toHaveLength(3);
    expect(await loadDatasetPeriods(a.id)).toEqual(periods(6));
  });

  it('a request failing inside the transaction aborts it too', async () => {
    const a = await saveDataset({ name: 'A', currency: 'USD', periods: periods(2) });
    // A period that cannot be structured-cloned makes its chunk's put fail.
    const bad = [...periods(3), { customerId: 'x', start: '2024-01-01', amount: 1, fn: () => 1 } as unknown as SubscriptionPeriod];
    const error = await saveDataset({ name: 'B', currency: 'USD', periods: bad }, { chunkSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('writeFailed');
    expect((await listDatasets()).map((d) => d.id)).toEqual([a.id]);
    expect(await chunkKeys()).toEqual([[a.id, 0]]);
  });

  it('surfaces a missing IndexedDB as StorageError', async () => {
    // @ts-expect-error simulating a browser without IndexedDB
    globalThis.indexedDB = undefined;
    resetStorage();
    const error = await listDatasets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('missing');
  });
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureStorage, getDb, resetStorage, StorageError } from '../../src/storage/db.js';
import {
  datasetName,
  MAX_NAME_LENGTH,
  deleteDataset,
  listDatasets,
  loadDatasetColumns,
  loadDatasetPeriods,
  renameDataset,
  saveDataset,
} from '../../src/storage/datasets.js';
import type { SubscriptionPeriod } from '../../src/import/types.js';
import { analyzeSubscriptions, periodsToColumns } from '../../src/core/movements.js';
import { columnsToPeriods } from '../../src/core/period-columns.js';

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

/** What a save of `data` stores and loads back: columns, read as periods with monthly amounts. */
const stored = (data: SubscriptionPeriod[]) => columnsToPeriods(periodsToColumns(data).columns);

async function chunkKeys(): Promise<unknown[]> {
  const db = await getDb();
  return db.getAllKeys('datasetChunks');
}

describe('datasets', () => {
  it('saves columns in chunks and loads them back in order', async () => {
    const data = periods(23);
    const { columns } = periodsToColumns(data);
    const rec = await saveDataset(
      { name: 'Stripe March', currency: 'usd', columns, meta: { file: 'subs.csv' } },
      { chunkSize: 5 },
    );
    expect(rec).toMatchObject({
      name: 'Stripe March',
      currency: 'USD',
      periodCount: 23,
      customerCount: 7,
      chunkCount: 5,
      format: 'columns',
      meta: { file: 'subs.csv' },
    });
    expect(await chunkKeys()).toHaveLength(5);
    // Each chunk holds typed arrays of its own rows (not views of the whole) and part of the id table.
    const chunk = (await (await getDb()).get('datasetChunks', [rec.id, 1]))!;
    expect(chunk).toMatchObject({ length: 5 });
    expect('customer' in chunk && chunk.customer).toBeInstanceOf(Int32Array);
    expect('monthlyMinor' in chunk && chunk.monthlyMinor.length).toBe(5);
    resetStorage();
    expect(await loadDatasetColumns(rec.id)).toEqual(columns);
    expect(await loadDatasetPeriods(rec.id)).toEqual(columnsToPeriods(columns));
    expect(analyzeSubscriptions((await loadDatasetColumns(rec.id))!)).toEqual(analyzeSubscriptions(data));
    expect(await loadDatasetPeriods('nope')).toBeUndefined();
    expect(await loadDatasetColumns('nope')).toBeUndefined();
  });

  it('saves periods given as objects as columns', async () => {
    const data = periods(12);
    const rec = await saveDataset({ name: 'objects', currency: 'USD', periods: data }, { chunkSize: 100 });
    expect(rec).toMatchObject({ periodCount: 12, chunkCount: 1, format: 'columns' });
    expect(await loadDatasetPeriods(rec.id)).toEqual(stored(data));
  });

  it('reads datasets saved before columns (period objects in chunks, no format)', async () => {
    const data = periods(9);
    const db = await getDb();
    const tx = db.transaction(['datasets', 'datasetChunks'], 'readwrite');
    await Promise.all([
      tx.objectStore('datasetChunks').put({ datasetId: 'old', index: 0, periods: data.slice(0, 5) }),
      tx.objectStore('datasetChunks').put({ datasetId: 'old', index: 1, periods: data.slice(5) }),
      tx.objectStore('datasets').put({
        id: 'old',
        name: 'Old',
        createdAt: 1,
        updatedAt: 1,
        currency: 'EUR',
        periodCount: 9,
        customerCount: 7,
        chunkCount: 2,
      }),
    ]);
    await tx.done;
    resetStorage();
    const columns = await loadDatasetColumns('old');
    expect(columns).toEqual(periodsToColumns(data, { currency: 'EUR' }).columns);
    expect(analyzeSubscriptions(columns!)).toEqual(analyzeSubscriptions(data, { currency: 'EUR' }));
    expect(await loadDatasetPeriods('old')).toEqual(columnsToPeriods(columns!));
    // Old and new side by side: listing, deleting work on both.
    const rec = await saveDataset({ name: 'New', currency: 'EUR', periods: data });
    expect((await listDatasets()).map((d) => d.id)).toEqual([rec.id, 'old']);
    expect(await deleteDataset('old')).toBe(true);
    expect(await chunkKeys()).toEqual([[rec.id, 0]]);
  });

  it('saves an empty dataset and loads it as no periods', async () => {
    const rec = await saveDataset({ name: 'empty', currency: 'EUR', periods: [] });
    expect(rec.chunkCount).toBe(0);
    expect(await loadDatasetPeriods(rec.id)).toEqual([]);
    expect((await loadDatasetColumns(rec.id))!.length).toBe(0);
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
    expect(await loadDatasetPeriods(a.id)).toEqual(stored(periods(3)));
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
    const error = await saveDataset({ name: 'B', currency: 'USD', periods: periods(9) }, { chunkSize: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).reason).toBe('quota');
    vi.restoreAllMocks();

    expect((await listDatasets()).map((d) => d.id)).toEqual([a.id]);
    expect(await chunkKeys()).toHaveLength(3);
    expect(await loadDatasetPeriods(a.id)).toEqual(stored(periods(6)));
  });

  it('a request failing inside the transaction aborts it too', async () => {
    const a = await saveDataset({ name: 'A', currency: 'USD', periods: periods(2) });
    // An import summary that cannot be structured-cloned makes the record's put fail, after the chunks'.
    const meta = { fn: () => 1 } as unknown as Record<string, unknown>;
    const error = await saveDataset({ name: 'B', currency: 'USD', periods: periods(3), meta }, { chunkSize: 2 }).catch(
      (e: unknown) => e,
    );
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

describe('dataset names', () => {
  it('are stored trimmed and at most 80 characters, whole code points', async () => {
    expect(MAX_NAME_LENGTH).toBe(80);
    expect(datasetName('  Acme  ')).toBe('Acme');
    expect(datasetName('x'.repeat(10_000))).toHaveLength(80);
    expect([...datasetName('😀'.repeat(100))]).toHaveLength(80);
    const record = await saveDataset({ name: 'n'.repeat(500), currency: 'usd', periods: periods(1) });
    expect(record.name).toHaveLength(80);
    const renamed = await renameDataset(record.id, ` ${'r'.repeat(300)} `);
    expect(renamed?.name).toBe('r'.repeat(80));
  });
});

describe('a connection lost under the page', () => {
  it('is opened again: saving, listing, loading, renaming and deleting still work', async () => {
    const data = periods(30);
    (await getDb()).close(); // as the browser does when the backing store goes away
    const rec = await saveDataset({ name: 'After a loss', currency: 'USD', periods: data }, { chunkSize: 7 });
    (await getDb()).close();
    expect((await listDatasets()).map((d) => d.name)).toEqual(['After a loss']);
    (await getDb()).close();
    expect(await loadDatasetPeriods(rec.id)).toEqual(stored(data));
    (await getDb()).close();
    expect((await renameDataset(rec.id, 'Renamed'))?.name).toBe('Renamed');
    (await getDb()).close();
    expect(await deleteDataset(rec.id)).toBe(true);
    expect(await listDatasets()).toEqual([]);
  });
});

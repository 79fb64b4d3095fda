/**
 * Imported subscription datasets in IndexedDB, through the one storage module (`db.ts`).
 *
 * A dataset is one `datasets` record (name, currency, counts, import summary) plus its periods in
 * `datasetChunks` of {@link DATASET_CHUNK_SIZE} periods each, so a million periods take twenty
 * puts. A save is one transaction over both stores, with nothing awaited inside but its own
 * requests; on any failure the transaction is aborted, so a dataset is saved whole or not at all,
 * and every new dataset gets a fresh id, so datasets saved earlier are never touched by a save.
 * Failures surface as `StorageError` (`quota`, `writeFailed`, and the connection failures).
 */
import { getDb, StorageError, toStorageError, type DatasetRecord } from './db.js';
import type { SubscriptionPeriod } from '../import/types.js';

export const DATASET_CHUNK_SIZE = 50_000;

export interface NewDataset {
  name: string;
  currency: string;
  periods: readonly SubscriptionPeriod[];
  /** Import summary: source file name, skipped rows by reason, … (structured-cloneable). */
  meta?: Record<string, unknown>;
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function chunkRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
}

/** Aborts `tx` unless it already finished or aborted. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // already aborted or committed
  }
}

/**
 * Saves a new dataset whole (records + chunks in one transaction) and returns its record.
 * Rejects with `StorageError`; nothing of the new dataset remains then.
 */
export async function saveDataset(dataset: NewDataset, options: { chunkSize?: number } = {}): Promise<DatasetRecord> {
  const chunkSize = Math.max(1, options.chunkSize ?? DATASET_CHUNK_SIZE);
  const { periods } = dataset;
  const customers = new Set<string>();
  for (const p of periods) customers.add(p.customerId);
  const now = Date.now();
  const record: DatasetRecord = {
    id: newId(),
    name: dataset.name,
    createdAt: now,
    updatedAt: now,
    currency: dataset.currency.toUpperCase(),
    periodCount: periods.length,
    customerCount: customers.size,
    chunkCount: Math.ceil(periods.length / chunkSize),
    ...(dataset.meta ? { meta: dataset.meta } : {}),
  };

  const db = await getDb();
  let tx;
  try {
    tx = db.transaction(['datasets', 'datasetChunks'], 'readwrite');
  } catch (e) {
    throw toStorageError(e);
  }
  // Observed at once so that an abort never becomes an unhandled rejection.
  const done = tx.done;
  done.catch(() => {});
  try {
    const chunks = tx.objectStore('datasetChunks');
    const writes: Promise<unknown>[] = [];
    const write = (request: Promise<unknown>): void => {
      request.catch(() => {}); // requests already queued reject with AbortError if a later put throws
      writes.push(request);
    };
    for (let index = 0; index * chunkSize < periods.length; index++) {
      const slice = periods.slice(index * chunkSize, (index + 1) * chunkSize);
      write(chunks.put({ datasetId: record.id, index, periods: slice as unknown[] }));
    }
    write(tx.objectStore('datasets').put(record));
    await Promise.all(writes);
    await done;
  } catch (e) {
    abortQuietly(tx);
    throw toStorageError(e ?? tx.error);
  }
  return record;
}

/** Every dataset, newest (created) first. */
export async function listDatasets(): Promise<DatasetRecord[]> {
  const db = await getDb();
  try {
    const all = await db.getAll('datasets');
    return all.sort((a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt);
  } catch (e) {
    throw toStorageError(e);
  }
}

/** The dataset record of `id`, or undefined. */
export async function getDataset(id: string): Promise<DatasetRecord | undefined> {
  const db = await getDb();
  try {
    return await db.get('datasets', id);
  } catch (e) {
    throw toStorageError(e);
  }
}

/** The periods of dataset `id` in their saved order, or undefined when there is no such dataset. */
export async function loadDatasetPeriods(id: string): Promise<SubscriptionPeriod[] | undefined> {
  const db = await getDb();
  try {
    const tx = db.transaction(['datasets', 'datasetChunks'], 'readonly');
    const [record, chunks] = await Promise.all([
      tx.objectStore('datasets').get(id),
      tx.objectStore('datasetChunks').getAll(chunkRange(id)),
    ]);
    await tx.done;
    if (!record) return undefined;
    // Keys [id, index] sort by index, so getAll returns the chunks in order.
    const periods: SubscriptionPeriod[] = [];
    for (const chunk of chunks) {
      for (const p of chunk.periods as SubscriptionPeriod[]) periods.push(p);
    }
    return periods;
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Renames dataset `id`; resolves with the updated record, or undefined when there is none. */
export async function renameDataset(id: string, name: string): Promise<DatasetRecord | undefined> {
  const db = await getDb();
  let tx;
  try {
    tx = db.transaction('datasets', 'readwrite');
  } catch (e) {
    throw toStorageError(e);
  }
  try {
    const record = await tx.store.get(id);
    if (!record) {
      await tx.done;
      return undefined;
    }
    const updated: DatasetRecord = { ...record, name, updatedAt: Math.max(Date.now(), record.updatedAt + 1) };
    await tx.store.put(updated);
    await tx.done;
    return updated;
  } catch (e) {
    abortQuietly(tx);
    throw toStorageError(e);
  }
}

/** Deletes dataset `id` and all its chunks in one transaction. Resolves true when it existed. */
export async function deleteDataset(id: string): Promise<boolean> {
  const db = await getDb();
  let tx;
  try {
    tx = db.transaction(['datasets', 'datasetChunks'], 'readwrite');
  } catch (e) {
    throw toStorageError(e);
  }
  try {
    const datasets = tx.objectStore('datasets');
    const existed = (await datasets.getKey(id)) !== undefined;
    await Promise.all([datasets.delete(id), tx.objectStore('datasetChunks').delete(chunkRange(id))]);
    await tx.done;
    return existed;
  } catch (e) {
    abortQuietly(tx);
    throw toStorageError(e);
  }
}

export { StorageError };

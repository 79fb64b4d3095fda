/**
 * Imported subscription datasets in IndexedDB, through the one storage module (`db.ts`).
 *
 * A dataset is one `datasets` record (name, currency, counts, import summary) plus its periods as
 * columns (`PeriodColumns`) in `datasetChunks` of {@link DATASET_CHUNK_SIZE} periods each: typed
 * arrays, which IndexedDB clones as a memory copy, so a million periods are four puts of a few
 * megabytes instead of a million objects to serialise. A save is one transaction over both
 * stores; the puts are issued one after the other (each awaited, which keeps the transaction
 * alive), so that no single task of the page clones the whole dataset. On any failure the
 * transaction is aborted, so a dataset is saved whole or not at all, and every new dataset gets a
 * fresh id, so datasets saved earlier are never touched by a save. Datasets saved before columns
 * (chunks of period objects, no `format` on the record) are still read. Failures surface as
 * `StorageError` (`quota`, `writeFailed`, and the connection failures).
 */
import {
  withDb,
  StorageError,
  toStorageError,
  type ColumnChunkRecord,
  type DatasetRecord,
  type PeriodChunkRecord,
} from './db.js';
import { periodsToColumns, type SubscriptionPeriod } from '../core/movements.js';
import { columnsToPeriods, concatColumns, sliceColumns, type PeriodColumns } from '../core/period-columns.js';
import { newId } from '../forms/ids.js';
import { datasetName, MAX_NAME_LENGTH } from './dataset-names.js';

export const DATASET_CHUNK_SIZE = 250_000;

/** A dataset to save: its periods as columns, or as objects (converted to columns first; periods
 * the movement engine would skip are left out). */
export type NewDataset = {
  name: string;
  currency: string;
  /** Import summary: source file name, skipped rows by reason, … (structured-cloneable). */
  meta?: Record<string, unknown>;
} & ({ columns: PeriodColumns; periods?: never } | { periods: readonly SubscriptionPeriod[]; columns?: never });

const datasetId = (): string => newId('ds-');

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

/** Customers that have at least one period (the table may hold more). */
function countCustomers(columns: PeriodColumns): number {
  const seen = new Uint8Array(columns.customerIds.length);
  let count = 0;
  for (const c of columns.customer.subarray(0, columns.length)) {
    if (seen[c] === 0) {
      seen[c] = 1;
      count += 1;
    }
  }
  return count;
}

export { datasetName, MAX_NAME_LENGTH };

/**
 * Saves a new dataset whole (record + column chunks in one transaction) and returns its record.
 * Rejects with `StorageError`; nothing of the new dataset remains then.
 */
export async function saveDataset(dataset: NewDataset, options: { chunkSize?: number } = {}): Promise<DatasetRecord> {
  const chunkSize = Math.max(1, options.chunkSize ?? DATASET_CHUNK_SIZE);
  const currency = dataset.currency.toUpperCase();
  const columns = dataset.columns ?? periodsToColumns(dataset.periods ?? [], { currency }).columns;
  const n = columns.length;
  const chunkCount = Math.ceil(n / chunkSize);
  const now = Date.now();
  const record: DatasetRecord = {
    id: datasetId(),
    name: datasetName(dataset.name),
    createdAt: now,
    updatedAt: now,
    currency,
    periodCount: n,
    customerCount: countCustomers(columns),
    chunkCount,
    format: 'columns',
    ...(dataset.meta ? { meta: dataset.meta } : {}),
  };

  return withDb(async (db) => {
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
      const ids = columns.customerIds;
      const idsPerChunk = Math.ceil(ids.length / Math.max(1, chunkCount));
      for (let index = 0; index < chunkCount; index++) {
        const part = sliceColumns(columns, index * chunkSize, (index + 1) * chunkSize);
        const chunk: ColumnChunkRecord = {
          datasetId: record.id,
          index,
          length: part.length,
          customerIds: ids.slice(index * idsPerChunk, (index + 1) * idsPerChunk),
          customer: part.customer,
          startDay: part.startDay,
          endDay: part.endDay,
          monthlyMinor: part.monthlyMinor,
        };
        // One put per task: awaiting a request of the transaction keeps it open.
        await chunks.put(chunk);
      }
      await tx.objectStore('datasets').put(record);
      await done;
    } catch (e) {
      abortQuietly(tx);
      throw toStorageError(e ?? tx.error);
    }
    return record;
  });
}

/** Every dataset, newest (created) first. */
export async function listDatasets(): Promise<DatasetRecord[]> {
  return withDb(async (db) => {
    try {
      const all = await db.getAll('datasets');
      return all.sort((a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt);
    } catch (e) {
      throw toStorageError(e);
    }
  });
}

/** The dataset record of `id`, or undefined. */
export async function getDataset(id: string): Promise<DatasetRecord | undefined> {
  return withDb(async (db) => {
    try {
      return await db.get('datasets', id);
    } catch (e) {
      throw toStorageError(e);
    }
  });
}

/**
 * The periods of dataset `id` as columns, in their saved order, or undefined when there is no such
 * dataset. A dataset saved before columns is converted (on this thread; periods the engine would
 * skip are left out).
 */
export async function loadDatasetColumns(id: string): Promise<PeriodColumns | undefined> {
  return withDb(async (db) => {
    let record: DatasetRecord | undefined;
    const chunks: Array<PeriodChunkRecord | ColumnChunkRecord> = [];
    try {
      const tx = db.transaction(['datasets', 'datasetChunks'], 'readonly');
      record = await tx.objectStore('datasets').get(id);
      // One chunk per request (each awaited, which keeps the transaction open), so each is
      // deserialised in a task of its own rather than the whole dataset in one.
      const store = tx.objectStore('datasetChunks');
      for (let index = 0; record && index < record.chunkCount; index++) {
        const chunk = await store.get([id, index]);
        if (chunk) chunks.push(chunk);
      }
      await tx.done;
    } catch (e) {
      throw toStorageError(e);
    }
    if (!record) return undefined;
    if (record.format === 'columns') {
      const parts = chunks as ColumnChunkRecord[];
      const [first] = parts;
      const customerIds = first && parts.length === 1 ? first.customerIds : parts.flatMap((c) => c.customerIds);
      const columns = parts.map(({ length, customer, startDay, endDay, monthlyMinor }) => ({
        length,
        customerIds,
        customer,
        startDay,
        endDay,
        monthlyMinor,
        currency: record.currency,
      }));
      return columns.length === 1 ? columns[0] : concatColumns(columns, customerIds, record.currency);
    }
    const periods: SubscriptionPeriod[] = [];
    for (const chunk of chunks as PeriodChunkRecord[]) {
      for (const p of chunk.periods as SubscriptionPeriod[]) periods.push(p);
    }
    return periodsToColumns(periods, { currency: record.currency }).columns;
  });
}

/**
 * The periods of dataset `id` as objects (`columnsToPeriods`: monthly amounts, interval and
 * quantity folded in), or undefined when there is no such dataset. For export and tests; the
 * element works from {@link loadDatasetColumns}.
 */
export async function loadDatasetPeriods(id: string): Promise<SubscriptionPeriod[] | undefined> {
  const columns = await loadDatasetColumns(id);
  return columns && columnsToPeriods(columns);
}

/** Renames dataset `id`; resolves with the updated record, or undefined when there is none. */
export async function renameDataset(id: string, name: string): Promise<DatasetRecord | undefined> {
  return withDb(async (db) => {
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
      const updated: DatasetRecord = {
        ...record,
        name: datasetName(name),
        updatedAt: Math.max(Date.now(), record.updatedAt + 1),
      };
      await tx.store.put(updated);
      await tx.done;
      return updated;
    } catch (e) {
      abortQuietly(tx);
      throw toStorageError(e);
    }
  });
}

/** Deletes dataset `id` and all its chunks in one transaction. Resolves true when it existed. */
export async function deleteDataset(id: string): Promise<boolean> {
  return withDb(async (db) => {
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
  });
}

export { StorageError };

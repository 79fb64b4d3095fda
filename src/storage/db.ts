/**
 * The one storage module of MRR Kit: a typed IndexedDB schema on `idb`, one connection promise,
 * migrations by version, and failures reported as typed `StorageError`s so that elements can keep
 * working in memory and say "not saved".
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DB_NAME, setStorageSettings, storageSettings } from './settings.js';

export { DB_NAME };
export const DB_VERSION = 2;

/** Saved state of one element instance (calculator inputs, package designs, …). */
export interface StateRecord<T = unknown> {
  /** `<component>:<storage-key>`, e.g. `calculator:default`. */
  key: string;
  data: T;
  savedAt: number;
  /** Version of `data`'s shape, for the element's own migrations. */
  schema: number;
}

/** An imported subscription dataset (issue: real subscription data). */
export interface DatasetRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  currency: string;
  periodCount: number;
  customerCount: number;
  chunkCount: number;
  /** How the chunks hold the periods: `columns` (typed arrays, see `ColumnChunkRecord`); absent in
   * datasets saved before columns, whose chunks hold period objects (`PeriodChunkRecord`). */
  format?: 'columns';
  /** Free-form import summary (skipped rows by reason, source file name…). */
  meta?: Record<string, unknown>;
}

/** Periods of a dataset saved before columns: period objects in bulk chunks (read, no longer written). */
export interface PeriodChunkRecord {
  datasetId: string;
  index: number;
  periods: unknown[];
}

/**
 * Periods of a dataset as columns (`PeriodColumns` in `src/core/period-columns.ts`): rows
 * `index × chunk size` onwards, typed arrays that IndexedDB clones as a memory copy, and a slice of
 * the customer-id table (the slices of all chunks, in index order, make the table).
 */
export interface ColumnChunkRecord {
  datasetId: string;
  index: number;
  length: number;
  customerIds: string[];
  customer: Int32Array;
  startDay: Int32Array;
  endDay: Int32Array;
  monthlyMinor: Float64Array;
}

/** One chunk of a dataset's periods, in the dataset's `format`. */
export type DatasetChunkRecord = PeriodChunkRecord | ColumnChunkRecord;

export interface MrrKitDB extends DBSchema {
  state: { key: string; value: StateRecord };
  datasets: { key: string; value: DatasetRecord; indexes: { 'by-updated': number } };
  datasetChunks: { key: [string, number]; value: DatasetChunkRecord };
}

export type StorageFailure = 'missing' | 'openFailed' | 'timeout' | 'writeFailed' | 'quota';

export class StorageError extends Error {
  readonly reason: StorageFailure;
  constructor(reason: StorageFailure, cause?: unknown) {
    super(`IndexedDB ${reason}`, { cause });
    this.name = 'StorageError';
    this.reason = reason;
  }
}

let connection: Promise<IDBPDatabase<MrrKitDB>> | undefined;

/** Test and integration hook: another database name or open timeout; drops the connection. */
export function configureStorage(options: { dbName?: string; timeoutMs?: number }): void {
  setStorageSettings(options);
  resetStorage();
}

/** Closes and forgets the connection (the next call opens again). */
export function resetStorage(): void {
  const c = connection;
  connection = undefined;
  c?.then((db) => db.close()).catch(() => {});
}

/** Migrations: each step runs once, in order, from the stored version to DB_VERSION. */
function upgrade(db: IDBPDatabase<MrrKitDB>, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('state', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    const datasets = db.createObjectStore('datasets', { keyPath: 'id' });
    datasets.createIndex('by-updated', 'updatedAt');
    db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'index'] });
  }
}

/**
 * The shared connection. Rejects with `StorageError` when IndexedDB is missing, fails to open, or
 * does not answer within the timeout (3 s); a later call tries again.
 */
export function getDb(): Promise<IDBPDatabase<MrrKitDB>> {
  if (connection) return connection;
  const settings = storageSettings();
  const attempt = new Promise<IDBPDatabase<MrrKitDB>>((resolve, reject) => {
    let factory: IDBFactory | undefined;
    try {
      factory = globalThis.indexedDB;
    } catch (e) {
      // Some browsers throw on access in sandboxed iframes or with storage disabled.
      reject(new StorageError('missing', e));
      return;
    }
    if (!factory || typeof factory.open !== 'function') {
      reject(new StorageError('missing'));
      return;
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new StorageError('timeout'));
    }, settings.timeoutMs);
    openDB<MrrKitDB>(settings.dbName, DB_VERSION, {
      upgrade: (db, oldVersion) => upgrade(db, oldVersion),
      blocking: () => resetStorage(), // another tab wants a newer version: let it
      terminated: () => {
        connection = undefined;
      },
    })
      .then((db) => {
        clearTimeout(timer);
        // Answered too late: this session already works in memory; do not hold a stray connection.
        if (timedOut) db.close();
        else resolve(db);
      })
      .catch((e) => {
        clearTimeout(timer);
        reject(new StorageError('openFailed', e));
      });
  });
  connection = attempt;
  attempt.catch(() => {
    if (connection === attempt) connection = undefined;
  });
  return attempt;
}

/** A connection the browser (or anyone) closed under us: its transactions throw InvalidStateError. */
function connectionLost(e: unknown): boolean {
  const name = (x: unknown) => (x as { name?: string } | null)?.name;
  return name(e) === 'InvalidStateError' || (e instanceof StorageError && name(e.cause) === 'InvalidStateError');
}

/**
 * Runs `work` on the shared connection. When the connection was lost meanwhile (closed by the
 * browser: site data cleared, the backing store gone), it is opened again and `work` runs once
 * more on the new one, so a lost connection costs no save. Rejects with what `work` rejects with.
 */
export async function withDb<T>(work: (db: IDBPDatabase<MrrKitDB>) => Promise<T>): Promise<T> {
  const db = await getDb();
  try {
    return await work(db);
  } catch (e) {
    if (!connectionLost(e)) throw e;
    const current = connection;
    if (current && (await current.catch(() => undefined)) === db) connection = undefined;
    return work(await getDb());
  }
}

function writeError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: string } | null)?.name;
  return new StorageError(name === 'QuotaExceededError' ? 'quota' : 'writeFailed', e);
}

/** Reads the saved state of `key`, or undefined. Rejects with StorageError. */
export function loadState<T>(key: string): Promise<StateRecord<T> | undefined> {
  return withDb(async (db) => (await db.get('state', key)) as StateRecord<T> | undefined);
}

/** Saves `data` under `key` in one short transaction. Rejects with StorageError (quota, …). */
export function saveState<T>(key: string, data: T, schema = 1): Promise<void> {
  return withDb(async (db) => {
    try {
      await db.put('state', { key, data, savedAt: Date.now(), schema });
    } catch (e) {
      throw writeError(e);
    }
  });
}

/**
 * Read-modify-write of `key` in one transaction: `merge` gets what is saved (or undefined) and
 * returns what to save. Two tabs saving different fields of one record both keep their change.
 * Resolves with what was written. Rejects with StorageError.
 */
export function mergeState<T>(key: string, merge: (saved: T | undefined) => T, schema = 1): Promise<T> {
  return withDb(async (db) => {
    try {
      const tx = db.transaction('state', 'readwrite');
      const saved = (await tx.store.get(key)) as StateRecord<T> | undefined;
      const data = merge(saved?.data);
      await tx.store.put({ key, data, savedAt: Date.now(), schema });
      await tx.done;
      return data;
    } catch (e) {
      throw writeError(e);
    }
  });
}

/** Deletes the saved state of `key`. */
export function deleteState(key: string): Promise<void> {
  return withDb(async (db) => {
    try {
      await db.delete('state', key);
    } catch (e) {
      throw writeError(e);
    }
  });
}

export { writeError as toStorageError };

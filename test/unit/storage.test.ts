import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureStorage, DB_VERSION, getDb, loadState, resetStorage, saveState, StorageError } from '../../src/storage/db.js';

const realFactory = globalThis.indexedDB;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  configureStorage({ dbName: 'mrr-kit-test', timeoutMs: 3000 });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  globalThis.indexedDB = realFactory;
  resetStorage();
});

async function failure(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (e) {
    return e as StorageError;
  }
  throw new Error('expected a StorageError');
}

describe('storage', () => {
  it('saves and restores state under a key, in a database prefixed mrr-kit', async () => {
    configureStorage({ dbName: 'mrr-kit' });
    await saveState('calculator:default', { churnPct: '3' });
    resetStorage();
    const rec = await loadState<{ churnPct: string }>('calculator:default');
    expect(rec?.data).toEqual({ churnPct: '3' });
    expect(rec?.savedAt).toBeGreaterThan(0);
    const db = await getDb();
    expect(db.name.startsWith('mrr-kit')).toBe(true);
    expect(db.version).toBe(DB_VERSION);
  });

  it('upgrades a version-1 database and keeps what it held', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('mrr-kit-test', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('state', { keyPath: 'key' });
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction('state', 'readwrite');
        tx.objectStore('state').put({ key: 'calculator:old', data: { horizon: 24 }, savedAt: 1, schema: 1 });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
      };
      req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
    });
    const db = await getDb();
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['datasetChunks', 'datasets', 'state']);
    expect((await loadState('calculator:old'))?.data).toEqual({ horizon: 24 });
  });

  it('reports a missing IndexedDB', async () => {
    // @ts-expect-error simulating a browser without IndexedDB
    globalThis.indexedDB = undefined;
    const e = await failure(saveState('k', 1));
    expect(e).toBeInstanceOf(StorageError);
    expect(e.reason).toBe('missing');
  });

  it('reports a database that fails to open (a newer version exists)', async () => {
    await new Promise<void>((resolve) => {
      const req = indexedDB.open('mrr-kit-test', 99);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const e = await failure(loadState('k'));
    expect(e.reason).toBe('openFailed');
  });

  it('gives up after 3 s when the database does not answer, and tries again later', async () => {
    // A connection in another "tab" that ignores versionchange blocks the upgrade forever.
    const blocker = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('mrr-kit-test', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('state', { keyPath: 'key' });
      req.onsuccess = () => resolve(req.result);
    });
    const started = Date.now();
    const e = await failure(loadState('k'));
    expect(e.reason).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    blocker.close();
    resetStorage();
    await saveState('k', 2);
    expect((await loadState('k'))?.data).toBe(2);
  });

  it('reports a failed write (quota) and keeps what was saved before', async () => {
    await saveState('calculator:default', { a: 1 });
    const proto = Object.getPrototypeOf((await getDb()).transaction('state', 'readwrite').store) as IDBObjectStore;
    vi.spyOn(proto, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const e = await failure(saveState('calculator:default', { a: 2 }));
    expect(e.reason).toBe('quota');
    vi.restoreAllMocks();
    expect((await loadState('calculator:default'))?.data).toEqual({ a: 1 });
  });
});

/**
 * Which IndexedDB database MRR Kit opens, and how long it waits for it: kept apart from `db.ts`
 * (and `idb`) so that the import can tell its worker where to save without loading storage code
 * on the page.
 */
export const DB_NAME = 'mrr-kit';

export interface StorageSettings {
  dbName: string;
  /** How long an open may take before the session works in memory. */
  timeoutMs: number;
}

const settings: StorageSettings = { dbName: DB_NAME, timeoutMs: 3000 };

/** The settings in force (a copy), e.g. to hand them to a worker that saves for this page. */
export function storageSettings(): StorageSettings {
  return { ...settings };
}

/** Changes the settings (`configureStorage` in db.ts, which also drops the open connection). */
export function setStorageSettings(options: Partial<StorageSettings>): void {
  if (options.dbName !== undefined) settings.dbName = options.dbName;
  if (options.timeoutMs !== undefined) settings.timeoutMs = options.timeoutMs;
}

/**
 * The app's workspace in the one storage module: the workspace record (`app:workspace` in the
 * `state` store) and the records of a scenario (every `state` record whose key ends with
 * `:<storage key>`: the elements' `<component>:<key>` and the channel's `channel:<topic>:<key>`).
 * A change of the workspace and of the records it implies is one transaction: written whole or
 * not at all. Other tabs and the elements on the page hear of each written key on the
 * BroadcastChannel the elements already listen to (`mrr-kit-state`).
 */
import { withDb, toStorageError, type StateRecord } from './db.js';

export const WORKSPACE_RECORD = 'app:workspace';
/** The BroadcastChannel of src/controllers/persist-controller.ts. */
export const STATE_CHANNEL = 'mrr-kit-state';

export interface RecordWrite {
  key: string;
  data: unknown;
  schema: number;
}

/** Every state record of scenario `storageKey` (its key ends with `:<storageKey>`). */
export async function readScenarioRecords(storageKey: string): Promise<StateRecord[]> {
  return withDb(async (db) => {
    try {
      const suffix = `:${storageKey}`;
      const keys = (await db.getAllKeys('state')).filter((k) => k.endsWith(suffix));
      const tx = db.transaction('state', 'readonly');
      const records = await Promise.all(keys.map((k) => tx.store.get(k)));
      await tx.done;
      return records.filter((r): r is StateRecord => !!r);
    } catch (e) {
      throw toStorageError(e);
    }
  });
}

/** The saved workspace (its data, unchecked), or undefined. */
export async function loadWorkspaceRecord(): Promise<unknown> {
  return withDb(async (db) => {
    try {
      return (await db.get('state', WORKSPACE_RECORD))?.data;
    } catch (e) {
      throw toStorageError(e);
    }
  });
}

/**
 * One transaction: reads the saved workspace, writes `merge(saved)` (what another tab saved
 * since is kept by the merge), deletes the records of `remove` (storage keys, every record of
 * each) and puts `put`. Resolves with the workspace written.
 */
export async function commitWorkspace<W>(
  merge: (saved: unknown) => W,
  changes: { put?: readonly RecordWrite[]; remove?: readonly string[] } = {},
): Promise<W> {
  return withDb(async (db) => {
    const written: string[] = [WORKSPACE_RECORD];
    let result: W;
    try {
      const tx = db.transaction('state', 'readwrite');
      const saved = (await tx.store.get(WORKSPACE_RECORD))?.data;
      result = merge(saved);
      const now = Date.now();
      if (changes.remove?.length) {
        const suffixes = changes.remove.map((k) => `:${k}`);
        for (const key of await tx.store.getAllKeys()) {
          if (key !== WORKSPACE_RECORD && suffixes.some((s) => key.endsWith(s))) {
            await tx.store.delete(key);
            written.push(key);
          }
        }
      }
      for (const r of changes.put ?? []) {
        await tx.store.put({ key: r.key, data: r.data, schema: r.schema, savedAt: now });
        written.push(r.key);
      }
      await tx.store.put({ key: WORKSPACE_RECORD, data: result, schema: 1, savedAt: now });
      await tx.done;
    } catch (e) {
      throw toStorageError(e);
    }
    announce(written);
    return result;
  });
}

/** Tells other tabs and the elements that `keys` changed. */
export function announce(keys: readonly string[]): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(STATE_CHANNEL);
  for (const key of keys) channel.postMessage({ key, source: 'app' });
  channel.close();
}

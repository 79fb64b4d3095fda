/**
 * What PersistController does once storage is used, loaded on demand with the storage module: a
 * first render does not need it (src/controllers/persist-controller.ts): restoring the saved
 * record, writing one, hearing other tabs.
 */
import { loadState, mergeState, saveState } from '../storage/db.js';
import { nextTask } from '../ui/tasks.js';
import type { PersistController } from './persist-controller.js';

/**
 * Loads the record `key` (and a newer copy the page mirrored as it went away) into `c`. The reading
 * and what it leads to (the merge, the cleaning, the host's render of what was restored) come in
 * two tasks, not one long one: a page still starting (a phone) gets a turn between them.
 */
export async function restoreRecord<T>(c: PersistController<T>, key: string, mirrorKey: string): Promise<void> {
  const record = await loadState<T>(key);
  await nextTask();
  // A save the page wrote as it went away (reload within the debounce) is newer than the record.
  const mirror = takeMirror<T>(mirrorKey);
  const newer = mirror && (!record || mirror.savedAt >= record.savedAt) ? mirror : undefined;
  const merge = c.options.merge;
  const data = newer ? (merge ? merge(record?.data, newer.data) : newer.data) : record?.data;
  c.lastKnown = record?.data;
  if (data !== undefined && !c.dirtyBeforeRestore) c.options.restore(data);
  if (newer && c.pending === undefined) c.pending = data;
  c.setStatus(record || newer ? 'saved' : 'idle');
}

/**
 * Writes `data` (being flushed) under `key`: read-modify-write with the controller's merge, or,
 * when `urgent` is given (the page is going away; already merged and mirrored), put as it is.
 */
export async function writeRecord<T>(
  c: PersistController<T>,
  key: string,
  data: T,
  mirrorKey: string,
  urgent?: T,
): Promise<void> {
  const schema = c.options.schema ?? 1;
  const merge = c.options.merge;
  let saved = urgent ?? data;
  try {
    if (merge && urgent === undefined) saved = await mergeState<T>(key, (current) => merge(current, data), schema);
    else await saveState(key, saved, schema);
    c.lastKnown = saved;
    if (c.inFlight === data) c.inFlight = undefined;
    if (c.pending === undefined && c.inFlight === undefined) clearMirror(mirrorKey);
    c.setStatus('saved');
    c.channel?.postMessage({ key, source: c.instanceId });
  } finally {
    // Removed from the page: the channel was kept open for the writes still to come; the last one
    // (announced above, or failed) closes it.
    if (!c.connected && c.pending === undefined && (c.inFlight === undefined || c.inFlight === data)) {
      c.channel?.close();
      c.channel = undefined;
    }
  }
}

/** Hears other tabs save the controller's record (BroadcastChannel `name`): reads it and hands it to `remoteChange`. */
export function hearOthers<T>(c: PersistController<T>, name: string): void {
  if (!c.connected || c.channel) return;
  c.channel = listen(name, (data) => {
    const key = c.recordKey;
    // Removed from the page, the channel stays open only until its last write is announced.
    if (!c.connected || !key || data?.key !== key || data.source === c.instanceId) return;
    c.db()
      .then(() => loadState<T>(key))
      .then((record) => {
        if (!record || key !== c.recordKey) return;
        c.lastKnown = record.data;
        c.options.remoteChange?.(record.data);
      })
      .catch((e: unknown) => c.fail(e));
  });
}

/** Reads and removes the copy of a save written to sessionStorage as the page went away (`key`: its item). */
export function takeMirror<T>(key: string): { savedAt: number; data: T } | undefined {
  try {
    const text = sessionStorage.getItem(key);
    if (!text) return undefined;
    const parsed = JSON.parse(text) as { savedAt?: unknown; data?: T };
    return typeof parsed.savedAt === 'number' && parsed.data !== undefined
      ? { savedAt: parsed.savedAt, data: parsed.data }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Removes that copy once the save has landed in IndexedDB. */
export function clearMirror(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Hears other tabs and elements announce a saved record (BroadcastChannel `name`), where there is one. */
export function listen(
  name: string,
  heard: (data: { key?: string; source?: string } | undefined) => void,
): BroadcastChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (e: MessageEvent<{ key?: string; source?: string } | undefined>) => heard(e.data);
  return channel;
}

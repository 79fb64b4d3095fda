/**
 * What PersistController needs once storage is used, loaded on demand with the storage module: a
 * first render does not need it (src/controllers/persist-controller.ts).
 */
export { loadState, mergeState, saveState } from '../storage/db.js';

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

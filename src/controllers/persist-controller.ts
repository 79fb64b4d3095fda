import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StorageFailure } from '../storage/db.js';

/**
 * The storage module (idb and the schema), with what only restoring and other tabs need, loads on
 * demand (src/controllers/persist-sync.ts): restoring is asynchronous anyway, and a page's first
 * render (the calculator's on a phone) does not pay for it.
 */
const storage = () => import('./persist-sync.js');

export type PersistStatus = 'idle' | 'loading' | 'saved' | 'unsaved';

export interface PersistOptions<T> {
  /** Component name; the record key is `<component>:<storage key>`. */
  component: string;
  /** The host's storage key (attribute `storage-key`); empty or null turns persistence off. */
  key: () => string | null | undefined;
  /** Applies restored data to the host. Not called when the user typed before it arrived. */
  restore: (data: T) => void;
  /** Shape version of T. */
  schema?: number;
  debounceMs?: number;
  /**
   * Read-modify-write: combines what is saved (another tab may have written since) with what this
   * element queued. Without it, a save replaces the record.
   */
  merge?: (saved: T | undefined, mine: T) => T;
  /** Another tab (or element) saved this record: `data` is what is saved now. */
  remoteChange?: (data: T) => void;
  /** Loads what `restore`, `merge` and `remoteChange` need (a part loaded on demand): storage waits for it. */
  prepare?: () => Promise<unknown>;
}

/** Tells other tabs and elements that a record changed (name of the BroadcastChannel). */
const CHANNEL = 'mrr-kit-state';
const sourceId = Math.random().toString(36).slice(2);

/**
 * Saves an element's state to IndexedDB (debounced, one short transaction) and restores it on
 * connect. When storage is missing, times out or a write fails, the element keeps working in
 * memory and `status` becomes 'unsaved' with the `failure` reason so the element can say so.
 */
export class PersistController<T> implements ReactiveController {
  status: PersistStatus = 'idle';
  failure?: StorageFailure;
  /** Resolves when the initial load finished (restored, nothing saved, or failed). */
  restored: Promise<void> = Promise.resolve();

  private timer?: ReturnType<typeof setTimeout>;
  private pending?: T;
  private dirtyBeforeRestore = false;
  private loading = false;
  /** The record key last loaded; a different key on a later update loads that one. */
  private loadedKey: string | null | undefined;
  private readonly onPageHide = () => void this.flush({ urgent: true });
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.flush({ urgent: true });
  };
  /** What is saved as far as this element knows (loaded, pulled or written): the base of an urgent merge. */
  private lastKnown?: T;
  private channel?: BroadcastChannel;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PersistOptions<T>,
  ) {
    host.addController(this);
  }

  /** The storage module, once `prepare` is done too. */
  private async db(): Promise<typeof import('./persist-sync.js')> {
    const [db] = await Promise.all([storage(), this.options.prepare?.()]);
    return db;
  }

  private get recordKey(): string | null {
    const key = this.options.key();
    return key ? `${this.options.component}:${key}` : null;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.connected = true;
    // Other tabs' saves are heard once storage is here (what they saved is read then anyway).
    if (this.options.remoteChange)
      void storage().then(({ listen }) => {
        if (!this.connected || this.channel) return;
        this.channel = listen(CHANNEL, (data) => {
          const key = this.recordKey;
          // Another tab saved this record: read what it saved and hand it to `remoteChange`.
          if (!key || data?.key !== key || data.source === this.instanceId) return;
          this.db()
            .then((db) => db.loadState<T>(key))
            .then((record) => {
              if (!record || key !== this.recordKey) return;
              this.lastKnown = record.data;
              this.options.remoteChange?.(record.data);
            })
            .catch((e: unknown) => this.fail(e));
        });
      });
    void this.reload();
  }

  private connected = false;

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.connected = false;
    this.channel?.close();
    this.channel = undefined;
    void this.flush();
  }

  private readonly instanceId = `${sourceId}:${Math.random().toString(36).slice(2)}`;

  hostUpdate(): void {
    // The host's storage key changed (attribute or property): show what is saved under the new one.
    if (this.loadedKey !== undefined && this.recordKey !== this.loadedKey) void this.reload();
  }

  /** Loads the state saved under the current key (call again when the key changes). */
  reload(): Promise<void> {
    const key = this.recordKey;
    this.loadedKey = key;
    if (!key) {
      this.restored = Promise.resolve();
      return this.restored;
    }
    this.loading = true;
    this.dirtyBeforeRestore = false;
    this.setStatus('loading');
    this.restored = this.db()
      .then(async (db) => {
        const record = await db.loadState<T>(key);
        // A save the page wrote as it went away (reload within the debounce) is newer than the record.
        const mirror = db.takeMirror<T>(MIRROR + key);
        const newer = mirror && (!record || mirror.savedAt >= record.savedAt) ? mirror : undefined;
        const data = newer ? (this.options.merge ? this.options.merge(record?.data, newer.data) : newer.data) : record?.data;
        this.lastKnown = record?.data;
        if (data !== undefined && !this.dirtyBeforeRestore) this.options.restore(data);
        if (newer && this.pending === undefined) this.pending = data;
        this.setStatus(record || newer ? 'saved' : 'idle');
      })
      .catch((e: unknown) => this.fail(e))
      .finally(() => {
        this.loading = false;
        if (this.pending !== undefined && this.status !== 'unsaved') this.schedule();
      });
    return this.restored;
  }

  /** Queues `data` to be saved after the debounce delay. */
  save(data: T): void {
    if (!this.recordKey) return;
    if (this.loading) this.dirtyBeforeRestore = true;
    this.pending = data;
    if (!this.loading) this.schedule();
  }

  /**
   * Writes what is queued now (page hidden, element removed, tests). `urgent` (the page is going
   * away): the write cannot wait for a read, so the data is mirrored synchronously to
   * sessionStorage (read back on the next load) and put without reading first, merged against the
   * last record this element knows.
   */
  async flush(opts: { urgent?: boolean } = {}): Promise<void> {
    clearTimeout(this.timer);
    const key = this.recordKey;
    // Going away while a save is still being written (a busy machine: the read-modify-write takes
    // longer than the user waits): that write may never land, so the urgent path writes it again.
    const data = this.pending ?? (opts.urgent ? this.inFlight : undefined);
    if (!key || data === undefined) return;
    this.pending = undefined;
    this.inFlight = data;
    const merge = this.options.merge;
    try {
      let saved: T = data;
      if (opts.urgent) {
        saved = merge ? merge(this.lastKnown, data) : data;
        writeMirror(key, saved); // before any wait: the page may be gone after it
      }
      const db = await this.db();
      const schema = this.options.schema ?? 1;
      if (merge && !opts.urgent) saved = await db.mergeState<T>(key, (current) => merge(current, data), schema);
      else await db.saveState(key, saved, schema);
      this.lastKnown = saved;
      if (this.inFlight === data) this.inFlight = undefined;
      if (this.pending === undefined && this.inFlight === undefined) db.clearMirror(MIRROR + key);
      this.setStatus('saved');
      this.channel?.postMessage({ key, source: this.instanceId });
    } catch (e) {
      if (this.inFlight === data) this.inFlight = undefined;
      this.fail(e);
    }
  }
  /** What a flush is writing now (until its write lands). */
  private inFlight?: T;

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? 300);
  }

  private fail(e: unknown): void {
    // StorageError, recognised without importing the storage module.
    const reason = (e as { name?: string; reason?: StorageFailure } | null)?.reason;
    this.failure = (e as { name?: string } | null)?.name === 'StorageError' && reason ? reason : 'writeFailed';
    this.setStatus('unsaved');
  }

  private setStatus(status: PersistStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.host.requestUpdate();
  }
}

// A synchronous copy of a save made while the page goes away: IndexedDB may not finish a write
// started in `pagehide`, sessionStorage does (same tab, so a reload finds it).
const MIRROR = 'mrr-kit:pending:';
// Read back and cleared by src/controllers/persist-sync.ts (`takeMirror`, `clearMirror`).

function writeMirror(key: string, data: unknown): void {
  try {
    sessionStorage.setItem(MIRROR + key, JSON.stringify({ savedAt: Date.now(), data }));
  } catch {
    // storage disabled or full: the IndexedDB write may still land
  }
}

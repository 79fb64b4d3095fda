import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StorageFailure } from '../storage/db.js';

/**
 * The storage module (idb and the schema), with what restoring, writing and hearing other tabs do,
 * loads on demand (src/controllers/persist-sync.ts): restoring is asynchronous anyway, writing comes
 * after an edit, and a page's first render (the calculator's on a phone) does not pay for them.
 * What persist-sync reads and sets of the controller is public here for it, not for elements.
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
  pending?: T;
  dirtyBeforeRestore = false;
  private loading = false;
  /** The record key last loaded; a different key on a later update loads that one. */
  private loadedKey: string | null | undefined;
  private readonly onPageHide = () => void this.flush({ urgent: true });
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.flush({ urgent: true });
  };
  /** What is saved as far as this element knows (loaded, pulled or written): the base of an urgent merge. */
  lastKnown?: T;
  channel?: BroadcastChannel;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    readonly options: PersistOptions<T>,
  ) {
    host.addController(this);
  }

  /** The storage module, once `prepare` is done too. */
  async db(): Promise<typeof import('./persist-sync.js')> {
    const [db] = await Promise.all([storage(), this.options.prepare?.()]);
    return db;
  }

  get recordKey(): string | null {
    const key = this.options.key();
    return key ? `${this.options.component}:${key}` : null;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.connected = true;
    void this.reload();
  }

  /**
   * Other tabs' saves are heard once storage is here (what they saved is read then anyway); only
   * with a record key: an element that saves nothing (`storage-key=""`) never loads storage.
   */
  private hear(): void {
    // hearOthers listens only while connected, once (storage is loading anyway: a record key is set).
    if (this.options.remoteChange) void storage().then((db) => db.hearOthers(this, CHANNEL));
  }

  /** Between hostConnected and hostDisconnected. */
  connected = false;

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.connected = false;
    void this.flush();
    // A write to come (the last edit, just started, or one under way) keeps the channel open: it
    // announces itself there, then closes it (persist-sync.ts). A view showing this record, such as
    // the app's comparison opened by the click that removed this element, reads it again.
    if (this.inFlight === undefined) {
      this.channel?.close();
      this.channel = undefined;
    }
  }

  readonly instanceId = `${sourceId}:${Math.random().toString(36).slice(2)}`;

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
    this.hear();
    this.loading = true;
    this.dirtyBeforeRestore = false;
    this.setStatus('loading');
    this.restored = this.db()
      .then((db) => db.restoreRecord(this, key, MIRROR + key))
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
    // Urgent: merged against the last record known (no time to read), mirrored before any wait.
    const urgent = opts.urgent ? (this.options.merge ? this.options.merge(this.lastKnown, data) : data) : undefined;
    if (urgent !== undefined) writeMirror(key, urgent);
    try {
      const db = await this.db();
      await db.writeRecord(this, key, data, MIRROR + key, urgent);
    } catch (e) {
      if (this.inFlight === data) this.inFlight = undefined;
      this.fail(e);
    }
  }
  /** What a flush is writing now (until its write lands). */
  inFlight?: T;

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? 300);
  }

  fail(e: unknown): void {
    // StorageError, recognised without importing the storage module.
    const reason = (e as { name?: string; reason?: StorageFailure } | null)?.reason;
    this.failure = (e as { name?: string } | null)?.name === 'StorageError' && reason ? reason : 'writeFailed';
    this.setStatus('unsaved');
  }

  setStatus(status: PersistStatus): void {
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

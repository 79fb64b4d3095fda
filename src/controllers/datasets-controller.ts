import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_NAME_LENGTH } from '../storage/dataset-names.js';
import type { DatasetRecord } from '../storage/db.js';

export { MAX_NAME_LENGTH };

/** The storage code (idb, the schema, the datasets) loads on demand: every use of it is asynchronous. */
const storage = () => import('../storage/datasets.js');

/** How long a deleted dataset can be brought back before it is really deleted. */
export const UNDO_MS = 10_000;

/**
 * The saved datasets of this browser: the list, inline rename and delete with Undo. A delete is
 * only committed to storage when the Undo window closes (or the element goes away / the page is
 * hidden), so Undo never has to rewrite a dataset of a million periods.
 */
export class DatasetsController implements ReactiveController {
  all: DatasetRecord[] = [];
  status: 'loading' | 'ready' | 'failed' = 'loading';
  /** Id of the dataset being renamed, with the typed name. */
  renaming: { id: string; value: string; error: boolean } | null = null;
  /** The dataset deleted last, until Undo or the delay. */
  pendingDelete: DatasetRecord | null = null;
  /** Last failed storage action (rename, delete). */
  failed = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly onPageHide = () => void this.commitDelete();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onDeleted: (record: DatasetRecord) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    void this.load();
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    void this.commitDelete();
  }

  /** The datasets to show (a pending delete is hidden). */
  get visible(): DatasetRecord[] {
    return this.pendingDelete ? this.all.filter((d) => d.id !== this.pendingDelete!.id) : this.all;
  }

  async load(): Promise<void> {
    try {
      this.all = await (await storage()).listDatasets();
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
    this.host.requestUpdate();
  }

  /** Adds a just-saved dataset at the top without reading storage again. */
  added(record: DatasetRecord): void {
    this.all = [record, ...this.all.filter((d) => d.id !== record.id)];
    this.status = 'ready';
    this.host.requestUpdate();
  }

  startRename(record: DatasetRecord): void {
    this.renaming = { id: record.id, value: record.name, error: false };
    this.host.requestUpdate();
  }

  /** The typed name, kept to {@link MAX_NAME_LENGTH} characters even when the input's
   * `maxlength` is bypassed (a script, a paste). */
  typeName(value: string): void {
    const chars = [...value];
    if (chars.length > MAX_NAME_LENGTH) value = chars.slice(0, MAX_NAME_LENGTH).join('');
    if (this.renaming) this.renaming = { ...this.renaming, value, error: false };
    this.host.requestUpdate();
  }

  cancelRename(): void {
    this.renaming = null;
    this.host.requestUpdate();
  }

  /** Saves the typed name; an empty name is refused with an error next to the field. */
  async commitRename(): Promise<DatasetRecord | null> {
    const r = this.renaming;
    if (!r) return null;
    const name = r.value.trim();
    if (!name) {
      this.renaming = { ...r, error: true };
      this.host.requestUpdate();
      return null;
    }
    try {
      const updated = await (await storage()).renameDataset(r.id, name);
      this.failed = false;
      this.renaming = null;
      if (updated) this.all = this.all.map((d) => (d.id === updated.id ? updated : d));
      this.host.requestUpdate();
      return updated ?? null;
    } catch {
      this.failed = true;
      this.host.requestUpdate();
      return null;
    }
  }

  /** Hides the dataset and starts the Undo window; a previous pending delete is committed first. */
  remove(record: DatasetRecord): void {
    void this.commitDelete();
    this.pendingDelete = record;
    this.timer = setTimeout(() => void this.commitDelete(), UNDO_MS);
    this.host.requestUpdate();
  }

  undo(): DatasetRecord | null {
    const record = this.pendingDelete;
    clearTimeout(this.timer);
    this.pendingDelete = null;
    this.host.requestUpdate();
    return record;
  }

  /** Deletes the pending dataset from storage now. */
  async commitDelete(): Promise<void> {
    clearTimeout(this.timer);
    const record = this.pendingDelete;
    if (!record) return;
    this.pendingDelete = null;
    this.all = this.all.filter((d) => d.id !== record.id);
    this.host.requestUpdate();
    try {
      await (await storage()).deleteDataset(record.id);
      this.onDeleted(record);
    } catch {
      // Still in storage: show it again rather than pretend it is gone.
      this.failed = true;
      this.all = [record, ...this.all];
      this.host.requestUpdate();
    }
  }
}

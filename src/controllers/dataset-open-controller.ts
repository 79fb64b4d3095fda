import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SubscriptionAnalysis } from '../core/movements.js';
import type { PeriodColumns } from '../core/period-columns.js';
import { openInBackground } from '../import/importer.js';
import type { DatasetRecord } from '../storage/db.js';

/** Saved datasets with more periods than this are read and analysed in a worker when opened. */
export const BACKGROUND_ANALYSIS_PERIODS = 50_000;

/** A saved dataset read back: its record, its periods as columns, and their analysis when it was
 * computed in the worker (null: the element analyses the columns itself). */
export interface OpenedDataset {
  record: DatasetRecord;
  columns: PeriodColumns;
  analysis: SubscriptionAnalysis | null;
}

/**
 * Opening a saved dataset for an element: reads the record and its columns from storage (never
 * raw IndexedDB), analyses large ones in the import worker so the page stays responsive, and
 * holds `loading` and `failed` for the element to show.
 */
export class DatasetOpenController implements ReactiveController {
  loading = false;
  /** The last open failed: the dataset is gone or storage did not answer. */
  failed = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Reads dataset `id`; resolves with it, or null when it cannot be read. `reportMissing` false
   * (restoring the last open dataset) says nothing when the dataset no longer exists.
   */
  async open(id: string, { reportMissing = true }: { reportMissing?: boolean } = {}): Promise<OpenedDataset | null> {
    this.loading = true;
    this.failed = false;
    this.host.requestUpdate();
    try {
      // The storage code loads on demand (the first render does not read a dataset).
      const { getDataset, loadDatasetColumns } = await import('../storage/datasets.js');
      const record = await getDataset(id);
      // A large one is read and analysed in a worker: the page never deserialises its periods.
      const large = record && record.periodCount > BACKGROUND_ANALYSIS_PERIODS;
      const opened = !record ? null : large ? await openInBackground(id) : await loadDatasetColumns(id);
      if (!record || !opened) {
        this.failed = reportMissing;
        return null;
      }
      if ('analysis' in opened) return { record, ...opened };
      return { record, columns: opened, analysis: null };
    } catch {
      this.failed = true;
      return null;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ImportCancelledError,
  type ImportHandle,
  preloadImport,
  releaseImportWorkers,
  sniffFile,
  startImport,
} from '../import/importer.js';
import { MAPPED_FIELDS, validateMapping } from '../import/fields.js';
import { datasetMeta } from '../import/dataset-meta.js';
import type {
  ColumnMapping,
  DateFormat,
  ImportFatal,
  ImportOptions,
  ImportProgress,
  ImportResult,
  MappedField,
  MappingIssue,
  NumberFormat,
  SniffResult,
} from '../import/types.js';
import { datasetName, MAX_NAME_LENGTH } from '../storage/dataset-names.js';
import type { DatasetRecord, StorageError, StorageFailure } from '../storage/db.js';
import { readNumber } from '../forms/read-number.js';
import { LatestCall } from './latest-call.js';

/** Where the import is: one state at a time, each holding what its step shows. */
export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'sniffing'; file: File }
  | {
      kind: 'mapping';
      file: File;
      sniff: SniffResult;
      mapping: ColumnMapping;
      dateFormat: DateFormat | null;
      /** How amounts write decimals; null until chosen when the file is ambiguous (`12.000`). */
      numberFormat: NumberFormat | null;
      /** Answer to "are these cents?"; null until answered when the amounts look like cents. */
      minorUnits: boolean | null;
      /** Answer to "is the cancellation column the end date?"; null until answered when asked. */
      cancelAsEnd: boolean | null;
      attempted: boolean;
    }
  | { kind: 'importing'; file: File; progress: ImportProgress | null; startedAt: number }
  | {
      kind: 'refused';
      file: File;
      fatal: ImportFatal;
      retry?: { mapping: ColumnMapping; options: ImportOptions };
      /** Currencies whose typed rate is not a positive number (rates form). */
      rateErrors?: string[];
      /** The currency chosen to import in (rates form); the first found until chosen. */
      target?: string;
    }
  | { kind: 'cancelled'; file: File }
  | {
      kind: 'report';
      file: File;
      result: ImportResult;
      name: string;
      nameError: boolean;
      save: 'idle' | 'saving' | 'saved' | 'failed';
      failure?: StorageFailure;
      record?: DatasetRecord;
      /** The automatic save was undone: the data is shown, not kept. */
      undone?: boolean;
    };

export interface ImportCallbacks {
  /** An import finished with periods: show them (in memory; saving follows at once). */
  onImported(result: ImportResult, name: string): void;
  /** The dataset was saved (or, saved, renamed). */
  onSaved(record: DatasetRecord, result: ImportResult): void;
  /** The user undid the automatic save of `record`: delete it (the data stays shown, not saved). */
  unsaved?(record: DatasetRecord): void;
  /** A sentence for the polite live region (phase changes, progress every few seconds). */
  announce(message: 'sniffing' | 'importing' | 'progress' | 'done' | 'cancelled' | 'refused'): void;
}

/** The fields of the mapping step, in form order. */
export { MAPPED_FIELDS };

/**
 * The CSV import of `<mrr-movements>` as a reactive controller: file → sniff → mapping (and date
 * format when ambiguous) → import in the worker with progress and cancel → report → save. Holds
 * the step; the element renders it with `renderImportPanel`. A finished import is saved at once
 * as a new dataset (Undo takes it back); a failed or cancelled import saves nothing, and a save
 * never touches datasets saved earlier.
 */
export class ImportController implements ReactiveController {
  step: ImportStep = { kind: 'idle' };
  private handle?: ImportHandle;
  /** The newest file chosen or import run: answers to older ones are dropped. */
  private readonly calls = new LatestCall();
  private lastAnnounced = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: ImportCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel(false);
    releaseImportWorkers();
  }

  private set(step: ImportStep): void {
    this.step = step;
    this.host.requestUpdate();
  }

  /** The user is about to choose a file (points at the picker, focuses it, drags over it): the reading code loads now. */
  warm(): void {
    preloadImport();
  }

  /** Reads the start of `file` and proposes a mapping (or says why the file cannot be used). */
  async choose(file: File): Promise<void> {
    this.cancel(false);
    const generation = this.calls.start();
    this.set({ kind: 'sniffing', file });
    this.callbacks.announce('sniffing');
    let sniff: SniffResult;
    try {
      sniff = await sniffFile(file);
    } catch (e) {
      sniff = { fatal: { code: 'readFailed', message: String(e) } } as SniffResult;
    }
    if (!this.calls.isLatest(generation)) return;
    if (sniff.fatal) {
      this.set({ kind: 'refused', file, fatal: sniff.fatal });
      this.callbacks.announce('refused');
      return;
    }
    const detected = sniff.dateFormat;
    const dateFormat = detected === 'ambiguous' ? null : detected === 'unknown' ? 'iso' : detected;
    const numberFormat = sniff.numberFormat === 'dot' || sniff.numberFormat === 'comma' ? sniff.numberFormat : null;
    this.set({
      kind: 'mapping',
      file,
      sniff,
      mapping: { ...sniff.mapping },
      dateFormat,
      numberFormat,
      minorUnits: sniff.amountLooksLikeMinorUnits ? null : sniff.mapping.amountInMinorUnits,
      cancelAsEnd: sniff.cancellationColumn ? null : false,
      attempted: false,
    });
  }

  /** Questions of the mapping step still unanswered (each blocks the import until answered). */
  get unanswered(): Array<'dateFormat' | 'numberFormat' | 'minorUnits' | 'cancelAsEnd'> {
    const s = this.step;
    if (s.kind !== 'mapping') return [];
    const out: Array<'dateFormat' | 'numberFormat' | 'minorUnits' | 'cancelAsEnd'> = [];
    if (s.dateFormat === null) out.push('dateFormat');
    if (s.numberFormat === null && s.sniff.numberFormat === 'ambiguous') out.push('numberFormat');
    if (s.minorUnits === null) out.push('minorUnits');
    if (s.cancelAsEnd === null) out.push('cancelAsEnd');
    return out;
  }

  /** Answers one question of the mapping step. */
  answer(patch: Partial<Pick<Extract<ImportStep, { kind: 'mapping' }>, 'numberFormat' | 'minorUnits' | 'cancelAsEnd'>>): void {
    if (this.step.kind === 'mapping') this.set({ ...this.step, ...patch });
  }

  /** Mapping problems of the current step, by field (empty when it can be imported). */
  get issues(): Partial<Record<MappedField, MappingIssue>> {
    const s = this.step;
    if (s.kind !== 'mapping') return {};
    const out: Partial<Record<MappedField, MappingIssue>> = {};
    for (const issue of validateMapping(s.mapping, s.sniff.headers)) out[issue.field] ??= issue;
    return out;
  }

  /** Chooses the currency to import in (rates are then asked for the other currencies only). */
  setTarget(target: string): void {
    if (this.step.kind === 'refused') this.set({ ...this.step, target, rateErrors: [] });
  }

  setMapping(patch: Partial<ColumnMapping>): void {
    if (this.step.kind === 'mapping') this.set({ ...this.step, mapping: { ...this.step.mapping, ...patch } });
  }

  setDateFormat(dateFormat: DateFormat): void {
    if (this.step.kind === 'mapping') this.set({ ...this.step, dateFormat });
  }

  /** Starts the import when the mapping is valid and every question answered; false when not. */
  start(): boolean {
    const s = this.step;
    if (s.kind !== 'mapping') return false;
    if (Object.keys(this.issues).length > 0 || this.unanswered.length > 0 || s.dateFormat === null) {
      this.set({ ...s, attempted: true });
      return false;
    }
    const mapping: ColumnMapping = { ...s.mapping, amountInMinorUnits: s.minorUnits ?? s.mapping.amountInMinorUnits };
    if (s.cancelAsEnd && s.sniff.cancellationColumn && mapping.end === null) mapping.end = s.sniff.cancellationColumn;
    const options: ImportOptions = { dateFormat: s.dateFormat };
    if (s.numberFormat) options.numberFormat = s.numberFormat;
    this.run(s.file, mapping, options);
    return true;
  }

  /**
   * Runs the import again in `currency`, converting the others with the typed rates (after
   * `multipleCurrencies`); rates that are not positive numbers in `locale` are flagged instead.
   */
  retryWithRates(currency: string, typed: Record<string, string>, locale: string): void {
    const s = this.step;
    if (s.kind !== 'refused' || !s.retry) return;
    const rates: Record<string, number> = {};
    const rateErrors: string[] = [];
    for (const [code, raw] of Object.entries(typed)) {
      if (code === currency) continue;
      const r = readNumber(raw, { locale, currency });
      if ('error' in r || r.value <= 0) rateErrors.push(code);
      else rates[code] = r.value;
    }
    if (rateErrors.length > 0) {
      this.set({ ...s, rateErrors });
      return;
    }
    this.run(s.file, s.retry.mapping, { ...s.retry.options, currency, rates });
  }

  private run(file: File, mapping: ColumnMapping, options: ImportOptions): void {
    const generation = this.calls.start();
    const startedAt = Date.now();
    this.lastAnnounced = startedAt;
    this.set({ kind: 'importing', file, progress: null, startedAt });
    this.callbacks.announce('importing');
    const name = datasetName(file.name.replace(/\.(csv|txt|tsv)$/i, '') || file.name);
    const handle = startImport(file, mapping, options, {
      // An import is kept: saved at once under the file's name, by the worker that made it.
      save: { name, fileName: file.name },
      onProgress: (progress) => {
        if (!this.calls.isLatest(generation) || this.step.kind !== 'importing') return;
        this.set({ ...this.step, progress });
        // Screen readers hear progress every 5 s at most, not every update.
        if (Date.now() - this.lastAnnounced >= 5000) {
          this.lastAnnounced = Date.now();
          this.callbacks.announce('progress');
        }
      },
    });
    this.handle = handle;
    handle.done.then(
      (result) => {
        if (!this.calls.isLatest(generation)) return;
        this.handle = undefined;
        const fatal = result.report.fatal;
        if (fatal) {
          this.set({ kind: 'refused', file, fatal, retry: { mapping, options } });
          this.callbacks.announce('refused');
          return;
        }
        this.set({ kind: 'report', file, result, name, nameError: false, save: 'idle' });
        if (result.columns.length > 0) this.callbacks.onImported(result, name);
        this.callbacks.announce('done');
        // An import is kept: saved at once under the file's name (Undo in the report takes it back);
        // by the worker where it ran in one, else here.
        if (result.columns.length > 0) void this.save(true, handle.saved);
      },
      (error: unknown) => {
        if (!this.calls.isLatest(generation)) return;
        this.handle = undefined;
        if (error instanceof ImportCancelledError || (error as Error)?.name === 'AbortError') return;
        this.set({ kind: 'refused', file, fatal: { code: 'workerFailed', message: String(error) } });
        this.callbacks.announce('refused');
      },
    );
  }

  /** Stops a running import; nothing is kept. `show` false resets silently (new file, removal). */
  cancel(show = true): void {
    const s = this.step;
    if (this.handle) {
      this.handle.cancel();
      this.handle = undefined;
    }
    this.calls.supersede();
    if (show && s.kind === 'importing') {
      this.set({ kind: 'cancelled', file: s.file });
      this.callbacks.announce('cancelled');
    }
  }

  reset(): void {
    this.cancel(false);
    this.set({ kind: 'idle' });
  }

  /** The typed dataset name, kept to {@link MAX_NAME_LENGTH} characters (the input's `maxlength`
   * stops typing; this stops a script or a paste that bypasses it). */
  setName(name: string): void {
    const chars = [...name];
    const kept = chars.length > MAX_NAME_LENGTH ? chars.slice(0, MAX_NAME_LENGTH).join('') : name;
    if (this.step.kind === 'report') this.set({ ...this.step, name: kept, nameError: false });
  }

  /**
   * Saves the imported periods as a new dataset (done at once after an import); once saved, saves
   * the typed name as the dataset's new name. A failure leaves the data shown, in memory.
   */
  async save(automatic = false, savedInWorker?: Promise<DatasetRecord | null>): Promise<boolean> {
    this.savedAutomatically = automatic;
    const s = this.step;
    if (s.kind !== 'report' || s.save === 'saving') return false;
    const name = s.name.trim();
    if (!name) {
      this.set({ ...s, nameError: true });
      return false;
    }
    if (s.save === 'saved') return this.rename(name);
    this.set({ ...s, name, save: 'saving', undone: false });
    const { result } = s;
    try {
      // Saved by the import's worker (null: it did not), else here; the storage code loads on demand.
      let record = await savedInWorker;
      if (!record) {
        const { saveDataset } = await import('../storage/datasets.js');
        const meta = datasetMeta(s.file.name, result.report);
        record = await saveDataset({ name, currency: result.report.currency, columns: result.columns, meta });
      }
      if (this.step.kind === 'report' && this.step.result === result) {
        // A name typed while it was saving stays in the field (its button saves it).
        this.set({ ...this.step, name: this.step.name.trim() === name ? record.name : this.step.name, save: 'saved', record });
      }
      this.callbacks.onSaved(record, result);
      return true;
    } catch (e) {
      // StorageError, recognised without loading the storage module.
      const failure: StorageFailure =
        (e as StorageError | null)?.name === 'StorageError' ? (e as StorageError).reason : 'writeFailed';
      if (this.step.kind === 'report' && this.step.result === result) this.set({ ...this.step, save: 'failed', failure });
      return false;
    }
  }

  /** True while the last save is the one made on its own after an import (not a button's). */
  savedAutomatically = false;

  /** The saved import's new name. */
  private async rename(name: string): Promise<boolean> {
    const s = this.step;
    if (s.kind !== 'report' || !s.record || name === s.record.name) return false;
    try {
      const { renameDataset } = await import('../storage/datasets.js');
      const record = await renameDataset(s.record.id, name);
      if (!record) return false;
      if (this.step.kind === 'report' && this.step.result === s.result) this.set({ ...this.step, name: record.name, record });
      this.callbacks.onSaved(record, s.result);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Undo of the automatic save: the import is shown again as not saved (with its Save button);
   * returns the dataset record to delete, or null when nothing was saved.
   */
  unsave(): DatasetRecord | null {
    const s = this.step;
    if (s.kind !== 'report' || s.save !== 'saved' || !s.record) return null;
    this.set({ ...s, save: 'idle', record: undefined, undone: true });
    this.callbacks.unsaved?.(s.record);
    return s.record;
  }
}

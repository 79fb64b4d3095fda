import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ImportCancelledError, type ImportHandle, sniffFile, startImport } from '../import/importer.js';
import { MAPPED_FIELDS, validateMapping } from '../import/fields.js';
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
    };

export interface ImportCallbacks {
  /** An import finished with periods: show them (in memory, not saved yet). */
  onImported(result: ImportResult, name: string): void;
  /** The dataset was saved. */
  onSaved(record: DatasetRecord, result: ImportResult): void;
  /** A sentence for the polite live region (phase changes, progress every few seconds). */
  announce(message: 'sniffing' | 'importing' | 'progress' | 'done' | 'cancelled' | 'refused'): void;
}

/** The fields of the mapping step, in form order. */
export { MAPPED_FIELDS };

/**
 * The CSV import of `<mrr-movements>` as a reactive controller: file → sniff → mapping (and date
 * format when ambiguous) → import in the worker with progress and cancel → report → save. Holds
 * the step; the element renders it with `renderImportPanel`. Nothing reaches storage before the
 * user presses Save, and a save creates a new dataset, so a failed or cancelled import never
 * touches datasets saved earlier.
 */
export class ImportController implements ReactiveController {
  step: ImportStep = { kind: 'idle' };
  private handle?: ImportHandle;
  private generation = 0;
  private lastAnnounced = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: ImportCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel(false);
  }

  private set(step: ImportStep): void {
    this.step = step;
    this.host.requestUpdate();
  }

  /** Reads the start of `file` and proposes a mapping (or says why the file cannot be used). */
  async choose(file: File): Promise<void> {
    this.cancel(false);
    const generation = ++this.generation;
    this.set({ kind: 'sniffing', file });
    this.callbacks.announce('sniffing');
    let sniff: SniffResult;
    try {
      sniff = await sniffFile(file);
    } catch (e) {
      sniff = { fatal: { code: 'readFailed', message: String(e) } } as SniffResult;
    }
    if (generation !== this.generation) return;
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
    const generation = ++this.generation;
    const startedAt = Date.now();
    this.lastAnnounced = startedAt;
    this.set({ kind: 'importing', file, progress: null, startedAt });
    this.callbacks.announce('importing');
    const handle = startImport(file, mapping, options, {
      onProgress: (progress) => {
        if (generation !== this.generation || this.step.kind !== 'importing') return;
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
        if (generation !== this.generation) return;
        this.handle = undefined;
        const fatal = result.report.fatal;
        if (fatal) {
          this.set({ kind: 'refused', file, fatal, retry: { mapping, options } });
          this.callbacks.announce('refused');
          return;
        }
        const name = datasetName(file.name.replace(/\.(csv|txt|tsv)$/i, '') || file.name);
        this.set({ kind: 'report', file, result, name, nameError: false, save: 'idle' });
        if (result.columns.length > 0) this.callbacks.onImported(result, name);
        this.callbacks.announce('done');
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
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
    this.generation++;
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

  /** Saves the imported periods as a new dataset. A failure leaves the data shown, in memory. */
  async save(): Promise<boolean> {
    const s = this.step;
    if (s.kind !== 'report' || s.save === 'saving' || s.save === 'saved') return false;
    const name = s.name.trim();
    if (!name) {
      this.set({ ...s, nameError: true });
      return false;
    }
    this.set({ ...s, name, save: 'saving' });
    const { result } = s;
    try {
      // The storage code loads on demand: nothing reaches storage before Save.
      const { saveDataset } = await import('../storage/datasets.js');
      const record = await saveDataset({
        name,
        currency: result.report.currency,
        columns: result.columns,
        meta: {
          fileName: s.file.name,
          rowsRead: result.report.rowsRead,
          skipped: { ...result.report.skipped },
          errorCount: result.report.errors.count,
        },
      });
      if (this.step.kind === 'report' && this.step.result === result) {
        this.set({ ...this.step, name: record.name, save: 'saved', record });
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
}

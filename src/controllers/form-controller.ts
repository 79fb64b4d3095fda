import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { formatNumber } from '../core/money.js';
import type { FieldSpecs } from '../forms/fields.js';
import { MrrChangeEvent } from '../events.js';
import { isObject } from '../forms/ids.js';
import { InvalidInputError } from '../core/validation.js';
import type { Messages } from '../i18n/locale.js';
import type { FieldError } from '../ui/fields.js';
import type { MrrElement } from '../ui/mrr-element.js';
import { holdUpdate } from '../ui/tasks.js';
import { type LocaleController, loadErrorWords } from './locale-controller.js';
import { PersistController } from './persist-controller.js';
import type { SettleController } from './settle-controller.js';

/**
 * Restoring, merging with another tab, re-writing numbers on a language switch and cleaning inputs
 * given by code (src/controllers/form-sync.ts), and the field errors' words (src/i18n/errors.ts):
 * none of it is needed by a first render, so it loads
 * on demand, starting at the form's first reading (a staged element's reading step: not in the
 * task that defines the element) or at the first edit, change from code or restore. Saving and restoring wait for it; until it is
 * here, text stays in the locale it was typed in and is read in that locale.
 */
let sync: typeof import('./form-sync.js') | undefined;
let syncLoading: Promise<unknown> | undefined;
const loadSync = () => (syncLoading ??= import('./form-sync.js').then((module) => (sync = module)));

export type FieldErrors = Record<string, FieldError>;

/** What `read` gets besides the inputs: the locale the text is read in and the currency. */
export interface FormContext {
  locale: string;
  currency: string;
}

/** A reading of the inputs: the result when every field is valid, else the errors by field id. */
export interface FormReading<R> {
  result?: R;
  errors: FieldErrors;
}

/** Re-formats one number text from the locale it was typed in to the current one. */
export type Relocalizer = (text: string) => string;

export interface FormOptions<I extends object, R> {
  /** Storage record `<component>:<storage-key>`; omit for an element that saves nothing. */
  component?: string;
  /** The element's localization (its locale reads the text, its language writes messages). */
  i18n: LocaleController<Messages>;
  /** Example inputs, numbers written by `fmt` in the current locale. */
  defaults: (fmt: (n: number, maximumFractionDigits?: number) => string) => I;
  /**
   * The inputs, declared once with their types (src/forms/fields.ts): numbers are re-formatted
   * when the locale changes (never re-read), and inputs restored or set by code are cleaned
   * against it (wrong types, choices, text limits, list items).
   */
  fields: FieldSpecs;
  /**
   * Numbers whose field is not declared because their type depends on other inputs (an ICP
   * example value is a number only for a number criterion): returns `inputs` with them re-formatted.
   */
  relocalize?: (inputs: I, convert: Relocalizer) => I;
  /** Keeps restored or code-set inputs consistent beyond their fields' types (e.g. drops removed items). */
  normalize?: (inputs: I) => I;
  /**
   * Reads the text in `ctx.locale`, calls the core and maps its issues to field ids. `edited` is the
   * field the user just changed, so a rule across fields can put its message where the user acts.
   */
  read: (inputs: I, ctx: FormContext, edited?: string) => FormReading<R>;
  /** The change event fired after a user edit, with the result shown. */
  changeEvent?: (result: R, inputs: I) => Event;
  /** Sentence for the polite live region once typing pauses. */
  announce?: (result: R) => string | undefined;
  /**
   * Two tabs edited the same top-level field (a list of items, say): returns the merged value, e.g.
   * item by item. Without it (or when it returns undefined) the later edit wins the whole field.
   */
  mergeField?: (field: string, mine: unknown, theirs: unknown, stamps: { mine: number; theirs: number }) => unknown;
  /**
   * Loads `mergeField` and `normalize` when they are big (an element's list merges): with the
   * form's on-demand part, never for a first render; restoring, saving and inputs set by code wait
   * for it. What it gives takes the place of those options.
   */
  merging?: () => Promise<Pick<FormOptions<I, R>, 'mergeField' | 'normalize'>>;
}

/** What is saved: the text, the locale it was typed in, when each field was edited, the last valid inputs. */
export interface SavedForm<I> {
  v: 2;
  inputs: I;
  locale: string;
  /** Field → time of the user's last edit (ms); fields never edited are absent. */
  stamps: Record<string, number>;
  /** The inputs of the last valid result, so a reload after an invalid edit shows that result, marked stale. */
  valid?: I;
  validLocale?: string;
}

/**
 * The one form recipe of MRR Kit elements (see docs/architecture.md): text as typed → read in the
 * element's locale → core → field errors → the last valid result, marked stale while the inputs
 * are refused → the change event (user edits only, once per change, carrying the result shown) →
 * save (debounced; flushed when the page hides; merged per field across tabs) → announce.
 *
 * The reading runs once per change of inputs, locale or currency: in the host's update, or sooner
 * when a getter (`result`, `errors`) is read, so the public API works before the first render.
 * Switching language re-formats numbers in the new locale; it never re-reads old text.
 */
/** What restoring (src/controllers/form-sync.ts `restoreForm`) reads and sets of a FormController. */
export interface RestoredForm<I> {
  readonly inputs: I;
  current?: I;
  textLocale: string;
  stamps: Record<string, number>;
  lastResult?: unknown;
  validInputs?: I;
  validLocale: string;
  readKey: string;
  clean(value: unknown): I;
}

export class FormController<I extends object, R> implements ReactiveController {
  readonly persist?: PersistController<SavedForm<I>>;

  private current?: I;
  /** The locale `current`'s text is written in. */
  private textLocale = '';
  private stamps: Record<string, number> = {};
  private lastResult?: R;
  private validInputs?: I;
  private validLocale = '';
  private fieldErrors: FieldErrors = {};
  private readKey = '';
  /** A user edit waiting for its reading: the field, to fire the event once the result exists. */
  private pendingEdit?: { field?: string };
  private lastEdited?: string;
  /**
   * `mrr-settled`: the change event's detail once the user commits a value (blur, Enter, pause).
   * Made with its module at the first change event (a first render never needs it).
   */
  private settle?: Promise<SettleController | undefined>;

  /** Form-sync and the element's `merging`, once asked for (restoring waits for these only). */
  private mergingLoad?: Promise<unknown>;
  /** The on-demand part (the above and the error words), once asked for. */
  private syncedLoad?: Promise<unknown>;
  /** True once `synced` has resolved. */
  private syncedNow = false;
  /** The options with what `merging` loaded. */
  private syncOptions: FormOptions<I, R>;

  constructor(
    private readonly host: MrrElement,
    private readonly options: FormOptions<I, R>,
  ) {
    host.addController(this);
    this.syncOptions = options;
    if (options.component) {
      this.persist = new PersistController<SavedForm<I>>(host, {
        component: options.component,
        key: () => host.storageKey,
        schema: 2,
        prepare: () => this.merging,
        restore: (data) => this.restore(data),
        // Field by field, the later edit wins (the module is here: saving waited for it).
        merge: (saved, mine) => sync?.mergeSaved(this.syncOptions, saved, mine) ?? mine,
        remoteChange: (data) => this.restore(data, true),
      });
    }
  }

  /** Loads form-sync and the element's `merging` (started on first use). */
  private get merging(): Promise<unknown> {
    return (this.mergingLoad ??= Promise.all([
      loadSync(),
      this.options.merging?.().then((loaded) => void (this.syncOptions = { ...this.options, ...loaded })),
    ]));
  }

  /**
   * The on-demand part: restoring waits for the merge code only; an edit or a change from code, for
   * the error words too. Started on first use; offline without the chunk nothing is restored and
   * the form works.
   */
  private get synced(): Promise<unknown> {
    if (!this.syncedLoad) {
      this.syncedLoad = Promise.all([this.merging, loadErrorWords()]).then(() => void (this.syncedNow = true));
      void this.syncedLoad.catch(() => undefined);
    }
    return this.syncedLoad;
  }

  private get i18n(): LocaleController<Messages> {
    return this.options.i18n;
  }

  private fmt = (n: number, digits = 2) => formatNumber(n, this.i18n.locale, digits);

  /**
   * Starting inputs from the element's configuration (`config.defaults`, checked by
   * src/config/settings.ts against `fields`), numbers as numbers; `applyDefaults()` after a change.
   */
  configDefaults: Record<string, unknown> = {};

  /** The declared inputs. */
  get fields(): FieldSpecs {
    return this.options.fields;
  }

  /** The element's example inputs, with the configuration's defaults over them (numbers as text). */
  private startingInputs(): I {
    const inputs: Record<string, unknown> = { ...(this.options.defaults(this.fmt) as Record<string, unknown>) };
    for (const [k, v] of Object.entries(this.configDefaults)) inputs[k] = typeof v === 'number' ? this.fmt(v, 6) : v;
    return inputs as I;
  }

  /** The typed inputs (defaults until the user types or saved inputs are restored). */
  get inputs(): I {
    if (!this.current) {
      this.current = this.startingInputs();
      this.textLocale = this.i18n.locale;
    }
    this.relocalizeIfNeeded();
    return this.current;
  }

  /** The last valid result (may belong to earlier inputs: see `stale`). */
  get result(): R | undefined {
    this.read();
    return this.lastResult;
  }

  /** Errors of the current inputs by field id. */
  get errors(): FieldErrors {
    this.read();
    return this.fieldErrors;
  }

  /** True when the current inputs are refused and `result` is an earlier one. */
  get stale(): boolean {
    this.read();
    return Object.keys(this.fieldErrors).length > 0;
  }

  /** The inputs of `result`. */
  get resultInputs(): I | undefined {
    this.read();
    return this.validInputs;
  }

  /** Fields set by code (`apply`, not as defaults): `applyDefaults` leaves them. */
  private givenByCode?: Set<string>; // made on first use: `apply` may run before the fields are set up

  /** Fields the user has edited (attribute defaults no longer apply to them). */
  isEdited(field: string): boolean {
    return field in this.stamps;
  }

  /** A user edit: merges `patch`, then (in the next update) reads, fires the change event, saves and announces. */
  edit(patch: Partial<I>, field?: string): void {
    const now = Date.now();
    for (const k of Object.keys(patch)) this.stamps[k] = now;
    this.set(patch);
    this.pendingEdit = { field: field ?? Object.keys(patch)[0] };
    this.lastEdited = this.pendingEdit.field;
    this.save();
    // The render of an edit may show an error: it waits for the on-demand part (its words) if need be.
    if (!this.syncedNow) holdUpdate(this.host, this.synced);
    this.host.requestUpdate();
  }

  /**
   * A change from code (applyFigures, attributes, restore): no event; saved like an edit. Cleaned
   * against the declaration (when it comes before the cleaning code has loaded, a few milliseconds
   * after the element is made, it is cleaned as that code arrives, before the next render).
   */
  apply(patch: Partial<I>, opts: { save?: boolean } = {}): void {
    // Values given by code (figures from another element, restored work) are not defaults: a
    // configuration's defaults arriving later leave them. `save: false` is the element's own
    // attribute defaults, which later defaults may replace.
    if (opts.save !== false) for (const k of Object.keys(patch)) (this.givenByCode ??= new Set()).add(k);
    const shown = this.inputs;
    this.current = { ...shown, ...patch };
    const done = () => {
      this.current = this.clean(this.current, shown);
      if (opts.save !== false) this.save();
    };
    // The host's next update waits for the on-demand part when it is not here yet.
    if (this.syncedNow) done();
    else holdUpdate(this.host, this.synced.then(done));
    this.host.requestUpdate();
  }

  /**
   * What an Undo of a change from code puts back: the inputs now, except that a field still at its
   * default follows the defaults as they are when Undo is pressed (figures can arrive before the
   * element has read its configuration's defaults; Undo then goes back to those, not to the
   * element's own examples).
   */
  undoPoint(): () => I {
    const shown = { ...this.inputs };
    const defaulted = Object.keys(shown).filter((k) => !this.isEdited(k) && !this.givenByCode?.has(k));
    return () => {
      const now = this.startingInputs() as unknown as Record<string, unknown>;
      const back = { ...shown } as Record<string, unknown>;
      for (const k of defaulted) back[k] = now[k];
      return back as I;
    };
  }

  /**
   * Inputs set by code (the element's `inputs` property), in any shape: the declared fields it
   * has, cleaned (numbers written as text in the element's locale; a field of the wrong type is
   * ignored); saved like an edit, with no event.
   */
  applyCode(next: unknown): void {
    if (!isObject(next)) return;
    const patch: Record<string, unknown> = {};
    for (const k of Object.keys(this.options.fields)) if (k in next) patch[k] = next[k];
    this.apply(patch as Partial<I>);
  }

  /** Replaces the defaults of fields the user never edited (attributes changed after the first render). */
  applyDefaults(): void {
    const defaults = this.startingInputs();
    const patch: Partial<I> = {};
    for (const k of Object.keys(defaults) as (keyof I & string)[])
      if (!this.isEdited(k) && !this.givenByCode?.has(k)) patch[k] = defaults[k];
    this.set(patch);
    this.host.requestUpdate();
  }

  private set(patch: Partial<I>): void {
    this.current = { ...this.inputs, ...patch };
  }

  /**
   * `value` (restored, from another tab or from code) as the element can show it: a field of the
   * wrong type keeps what the element shows now.
   */
  private clean(value: unknown, shown: I = this.inputs): I {
    if (!sync) return value as I;
    const cleaned = sync.cleanInputs(this.options.fields, value, shown, (n) => this.fmt(n));
    const normalize = this.syncOptions.normalize;
    return normalize ? normalize(cleaned) : cleaned;
  }

  hostUpdate(): void {
    // Without an edit the render reads what it shows (`result`, `errors`): a render that shows
    // neither (the first steps of a staged render) reads nothing.
    const edit = this.pendingEdit;
    if (!edit) return;
    this.read();
    this.pendingEdit = undefined;
    this.save(); // again: the snapshot now holds the inputs of the result just read
    if (Object.keys(this.fieldErrors).length === 0 && this.lastResult !== undefined) {
      const event = this.options.changeEvent?.(this.lastResult, this.current!);
      if (event) {
        this.host.dispatchEvent(event);
        // Every form element also says `mrr-change` (one name for hosts and the data layer).
        if (event.type !== 'mrr-change') this.host.dispatchEvent(new MrrChangeEvent((event as CustomEvent<unknown>).detail));
        const detail = (event as CustomEvent<unknown>).detail;
        this.settle ??= import('./settle-controller.js').then(
          (m) => new m.SettleController(this.host),
          () => undefined, // offline without the chunk: no mrr-settled, the form works
        );
        void this.settle.then((settle) => settle?.changed(detail));
      }
    }
    const announce = this.options.announce;
    if (announce) {
      this.announcer?.later(() => (this.lastResult === undefined ? undefined : announce(this.lastResult)));
    }
  }

  /** The live region the host renders (optional: set by `useAnnouncer`). */
  private announcer?: { later(compose: () => string | undefined): void };

  /** Lets the form announce results through the host's AnnounceController. */
  useAnnouncer(announcer: { later(compose: () => string | undefined): void }): this {
    this.announcer = announcer;
    return this;
  }

  /** Reads the inputs when they, the locale or the currency changed since the last reading. */
  private read(): void {
    const inputs = this.inputs;
    // The text's own locale: the element's, unless a language switch waits for the module that re-writes it.
    const ctx: FormContext = { locale: this.textLocale, currency: this.host.currency };
    const key = JSON.stringify([inputs, ctx.locale, ctx.currency]);
    if (key === this.readKey) return;
    this.readKey = key;
    const reading = this.safeRead(inputs, ctx, this.lastEdited);
    this.fieldErrors = reading.errors;
    // The on-demand part starts loading at the first reading; a render that shows an error waits for its words.
    const synced = this.synced;
    if (!this.syncedNow && Object.keys(reading.errors).length > 0) holdUpdate(this.host, synced);
    if (reading.result !== undefined && Object.keys(reading.errors).length === 0) {
      this.lastResult = reading.result;
      this.validInputs = inputs;
      this.validLocale = ctx.locale;
    } else if (this.lastResult === undefined && this.validInputs) {
      // Restored after a reload with refused inputs: show the result of the last valid ones, stale.
      const valid = sync ? sync.relocalizeValue(this.options, this.validInputs, this.validLocale, ctx.locale) : this.validInputs;
      const earlier = this.safeRead(valid, ctx);
      if (earlier.result !== undefined && Object.keys(earlier.errors).length === 0) this.lastResult = earlier.result;
    }
    // A currency change makes an older result meaningless (it was in another currency).
    if (Object.keys(reading.errors).length > 0 && this.resultCurrency !== ctx.currency && this.resultCurrency !== '')
      this.lastResult = undefined;
    if (reading.result !== undefined) this.resultCurrency = ctx.currency;
  }

  private resultCurrency = '';

  /** `read`, with any refusal the element did not map shown instead of swallowed. */
  private safeRead(inputs: I, ctx: FormContext, edited?: string): FormReading<R> {
    try {
      return this.options.read(inputs, ctx, edited);
    } catch (e) {
      const errors: FieldErrors = {};
      if (e instanceof InvalidInputError)
        for (const issue of e.issues) errors[issue.field] = { code: issue.code, params: issue.params };
      else errors.form = { code: 'invalid' };
      if (Object.keys(errors).length === 0) errors.form = { code: 'invalid' };
      return { errors };
    }
  }

  private relocalizeIfNeeded(): void {
    const to = this.i18n.locale;
    if (!this.current || this.textLocale === to) return;
    if (!sync) return holdUpdate(this.host, loadSync()); // re-written when it arrives (the next render reads `inputs`)
    this.current = sync.relocalizeValue(this.options, this.current, this.textLocale, to);
    this.textLocale = to;
  }

  private snapshot(): SavedForm<I> {
    return {
      v: 2,
      inputs: this.inputs,
      locale: this.textLocale,
      stamps: { ...this.stamps },
      valid: this.validInputs,
      validLocale: this.validLocale || undefined,
    };
  }

  private save(): void {
    this.persist?.save(this.snapshot());
  }

  /** Saved inputs (on connect, or another tab's save): merged field by field with what the user typed here. */
  private restore(data: SavedForm<I> | I, remote = false): void {
    // Restoring waits for the module (offline without it: nothing is restored).
    sync?.restoreForm(this as unknown as RestoredForm<I>, this.syncOptions, data, this.i18n.locale, remote);
    this.host.requestUpdate();
  }

  /** The "last valid result shown" notice, a refusal not tied to a field, and the "not saved" notice. */
  renderStatus(messages: { stale: string; form?: string }): TemplateResult | typeof nothing {
    const stale = this.stale && this.lastResult !== undefined;
    const formError = this.fieldErrors.form;
    if (!stale && !formError) return nothing;
    return html`${stale ? html`<p class="stale" role="note">${messages.stale}</p>` : nothing}${
      formError ? html`<p class="error" role="alert">${messages.form ?? messages.stale}</p>` : nothing
    }`;
  }
}

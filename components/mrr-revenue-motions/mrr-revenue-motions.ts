import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toMinor } from '../../src/core/money.js';
import type { MotionsPlan } from '../../src/core/motions.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LeadController } from '../../src/leads/lead-controller.js';
import { FormController } from '../../src/controllers/form-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { readingStage, type Stage, StagedElement } from '../../src/ui/staged-element.js';
import { MrrEvent } from '../../src/events.js';
import { type FieldError, numberField, storageNotice } from '../../src/ui/fields.js';
import { readNumber } from '../../src/forms/fields.js';
import { messages, type MotionsMessages } from './messages.js';
import { motionsStyles } from './mrr-revenue-motions.styles.js';
import { renderKpis, renderPlanTable } from './results.js';
import { renderSegment } from './segment-editor.js';
import {
  blankMotion,
  blankOffer,
  blankSegment,
  exampleInputs,
  fieldId,
  isolate,
  mergeRemovedSegments,
  mergeSegments,
  motionsConfigDefaults,
  removalsOf,
  stampSegments,
  withoutRemovedSegments,
  type MotionInput,
  FIELDS,
  type MotionsInputs,
  type MotionsReading,
  type OfferInput,
  readInputs,
  type SegmentInput,
  shortName,
} from './state.js';
import { ResizeController } from '../../src/controllers/resize-controller.js';

export interface MrrExpansionDetail {
  /** Expected monthly expansion MRR ÷ MRR × 100 over all segments; `null` when there is no MRR. */
  expansionPct: number | null;
  /** Expected expansion MRR per month, major units. */
  expansionMrr: number;
}

type ItemKind = 'segment' | 'motion' | 'offer';

type MotionsForm = FormController<MotionsInputs, MotionsReading>;

/**
 * `<mrr-revenue-motions>`: the cost of serving each client segment (meetings, report reviews,
 * calls, campaigns, automated reports), the account managers that takes, and the expansion MRR its
 * upsell and cross-sell offers should bring. Warns when serving a client costs more than its margin.
 *
 * @fires {MrrChangeEvent<MrrExpansionDetail>} mrr-change - With the element's own change event, the same `detail` (src/events.ts `MrrChangeEvent`; every form element fires it).
 * @fires {MrrEvent<MrrExpansionDetail>} mrr-expansion - On user edits with a valid plan; `detail: { expansionPct, expansionMrr }`,
 *   e.g. to feed the calculator's expansion rate.
 * @csspart base - The card.
 * @csspart segment - Each segment.
 * @csspart warning - A segment's warning.
 * @csspart field - Each field (label, input, error).
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart results - The results.
 * @csspart kpis - Totals.
 * @csspart table - The results table.
 * @csspart undo - The "removed, Undo" message.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-warning - see README "Theming".
 *
 * @attr lead-endpoint - Lead capture (README "Lead capture"): where leads are POSTed; empty: only the `mrr-lead` event.
 * @attr consent-text - Lead capture: the label of the consent checkbox, in the agency's words.
 * @fires {MrrLeadEvent} mrr-lead - With lead capture on, a prospect sent the form; `detail`: the lead (src/events.ts `MrrLeadEvent`).
 * @csspart lead - Lead capture: the "Email me …" button, its form and where the lead is.
 *
 * @tagname mrr-revenue-motions
 */
export class MrrRevenueMotions extends StagedElement {
  static override styles = motionsStyles;

  /** The typed inputs (text, as the user wrote them). Replace, don't mutate. Usable before the first render. */
  @property({ attribute: false })
  get inputs(): MotionsInputs {
    return this.form.inputs;
  }
  set inputs(next: MotionsInputs | undefined) {
    // From code, in any shape: numbers become text in the element's locale, junk is dropped (never a crash).
    if (!next || typeof next !== 'object') return;
    const patch: Partial<MotionsInputs> = { ...next };
    // Segments given by code are shown, even one the user removed earlier: its removal is forgotten.
    if (Array.isArray(next.segments)) {
      const removals = removalsOf(this.form.inputs.removedSegments);
      for (const seg of next.segments as unknown[])
        if (seg && typeof seg === 'object') delete removals[String((seg as SegmentInput).id)];
      patch.removedSegments = removals;
    }
    this.form.applyCode(patch);
  }

  /** The last valid plan (kept, marked stale, while a field is refused). Usable before the first render. */
  get plan(): MotionsPlan | undefined {
    return this.form.result?.plan;
  }

  /** True when the results table is wider than its box (the "scroll sideways" hint shows). */
  @state() private tableOverflows = false;

  /**
   * The first render, one step per frame (a prospect's phone never blocks long): the title; the
   * example inputs written in the element's locale (a task alone), then the team's hours; the first
   * reading (a task alone), then the figures; the segments' editors, the first one's figures and
   * motions, then its offers, then the second, then the rest with the "Add a segment" button (drawn
   * last, so it never moves down). Later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [
    { name: 'head' },
    readingStage('fields', () => this.form.inputs),
    readingStage('figures', () => this.form.result),
    { name: 'segment-1' },
    { name: 'offers-1' },
    { name: 'segment-2' },
    { name: 'segments' },
  ];

  protected readonly i18n = new LocaleController<MotionsMessages>(this, messages);
  private readonly announcer = new AnnounceController(this);
  /** "Email me this plan" (with `lead-endpoint` or `config.leads`; loaded on demand). */
  private readonly leads = new LeadController(this, {
    noun: 'plan',
    result: () => {
      const plan = this.form.result?.plan;
      return plan && { currency: this.currency, plan };
    },
  });
  /**
   * `config.defaults.segments` (core segments) for the shared settings reader (src/config/settings.ts).
   * @internal
   */
  readonly largerDefaults = (given: Record<string, unknown>) => motionsConfigDefaults(given, (n) => this.i18n.number(n, 6));
  /** Typed explicitly: its initializer refers to `this`, and type-aware lint would infer `any`. */
  private readonly form: MotionsForm = new FormController<MotionsInputs, MotionsReading>(this, {
    component: 'motions',
    i18n: this.i18n,
    defaults: (fmt) => this.example((n) => fmt(n, 2)),
    fields: FIELDS,
    normalize: withoutRemovedSegments,
    mergeField: (field, mine, theirs, stamps) =>
      field === 'segments'
        ? mergeSegments(mine as SegmentInput[], theirs as SegmentInput[], stamps)
        : field === 'removedSegments'
          ? mergeRemovedSegments(mine, theirs)
          : undefined,
    read: (inputs, ctx, edited) => readInputs(inputs, ctx, edited),
    changeEvent: ({ plan }) =>
      new MrrEvent<MrrExpansionDetail>('mrr-expansion', {
        expansionPct: plan.total.expansionPct.value,
        expansionMrr: plan.total.expansionMrr,
      }),
    announce: ({ plan }) =>
      this.i18n.t('announce', {
        cost: this.money(plan.total.costToServe),
        managers: this.i18n.number(plan.total.managersNeeded, 1),
        expansion: this.money(plan.total.expansionMrr),
      }),
  }).useAnnouncer(this.announcer);
  private readonly undo = new UndoController<SegmentInput[]>(this, {
    fallbackFocus: 'add-segment',
    restore: (segments) => {
      this.editSegments(segments, 'segments'); // stamped later than their removal
      this.announcer.say(this.i18n.t('restored'));
    },
  });

  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  get persist() {
    return this.form.persist!;
  }

  private example(format: (n: number) => string): MotionsInputs {
    const t = this.i18n.t.bind(this.i18n);
    return exampleInputs(format, (kind, id, fallback) =>
      `${kind}.${id}` in messages.en ? t(`${kind}.${id}` as keyof MotionsMessages) : fallback,
    );
  }

  /** A user edit of the segments; `field` is the input edited (a refusal across fields is shown there). */
  private editSegments(segments: SegmentInput[], field: string): void {
    this.undo.clear();
    // Each changed or added segment is stamped and each removed one remembered, so two tabs editing
    // different segments both keep theirs, and a removal is not undone by the other tab.
    this.form.edit(stampSegments(this.form.inputs, segments, Date.now()), field);
  }

  private focusId(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)?.focus();
  }

  private segmentLabel(s: SegmentInput, i: number): string {
    return s.name.trim() || this.i18n.t('segmentN', { n: this.i18n.number(i + 1) });
  }

  private editSegment(i: number, patch: Partial<SegmentInput>, field: string): void {
    const segments = this.form.inputs.segments.map((s, j) => (j === i ? { ...s, ...patch } : s));
    this.editSegments(segments, field);
  }

  private editItem<K extends 'motions' | 'offers'>(
    segmentIndex: number,
    key: K,
    itemIndex: number,
    patch: Partial<SegmentInput[K][number]>,
  ): void {
    const s = this.form.inputs.segments[segmentIndex];
    const edited = s?.[key][itemIndex];
    if (!s || !edited) return; // an item removed meanwhile (another tab): nothing to edit
    const items = (s[key] as (MotionInput | OfferInput)[]).map((it, j) => (j === itemIndex ? { ...it, ...patch } : it));
    const field = fieldId(s.id, edited.id, Object.keys(patch)[0] ?? '');
    this.editSegment(segmentIndex, { [key]: items }, field);
  }

  private addItem(segmentIndex: number | null, kind: ItemKind): void {
    const segments = this.form.inputs.segments;
    if (segmentIndex === null) {
      const added = blankSegment(this.i18n.t('newSegment'));
      this.editSegments([...segments, added], 'segments');
      void this.updateComplete.then(() => this.focusId(fieldId(added.id, 'name')));
      return;
    }
    const s = segments[segmentIndex];
    if (!s) return;
    const item = kind === 'motion' ? blankMotion() : blankOffer();
    if (kind === 'motion') this.editSegment(segmentIndex, { motions: [...s.motions, item as MotionInput] }, 'segments');
    else this.editSegment(segmentIndex, { offers: [...s.offers, item as OfferInput] }, 'segments');
    void this.updateComplete.then(() => this.focusId(fieldId(s.id, item.id, kind === 'motion' ? 'kind' : 'name')));
  }

  private removeItem(segmentIndex: number, kind: ItemKind, itemIndex = 0): void {
    const before = this.form.inputs.segments;
    const s = before[segmentIndex];
    if (!s) return;
    // The name isolated (a right-to-left override in it can't reorder the sentence) and cut short;
    // the sentence is written when shown, so it follows a language switch ("Segment 2" too).
    const name = () => isolate(shortName(this.segmentLabel(s, segmentIndex)));
    let segments: SegmentInput[];
    let focus: string;
    if (kind === 'segment') {
      segments = before.filter((_, j) => j !== segmentIndex);
      focus = fieldId(s.id, 'name');
    } else {
      const key = kind === 'motion' ? 'motions' : 'offers';
      const removed = s[key][itemIndex];
      if (!removed) return;
      const items = (s[key] as (MotionInput | OfferInput)[]).filter((_, j) => j !== itemIndex);
      segments = before.map((x, j) => (j === segmentIndex ? { ...x, [key]: items } : x));
      focus = fieldId(s.id, removed.id, kind === 'motion' ? 'kind' : 'name');
    }
    this.editSegments(segments, 'segments');
    this.undo.offer({ snapshot: before, message: () => this.i18n.t(`removed.${kind}`, { name: name() }), focus });
  }

  private money(major: number): string {
    return this.i18n.money(toMinor(major, this.currency), this.currency, { round: true });
  }

  /** A field's error with the words of a "too large" product in the element's language. */
  private fieldError(id: string): FieldError | undefined {
    if (!this.reached('figures')) return undefined; // not read before its step
    const error = this.form.errors[id];
    if (error?.code !== 'productTooLarge' || !error.params) return error;
    const word = (key: string | number | undefined) => this.i18n.t(String(key) as keyof MotionsMessages);
    return { ...error, params: { ...error.params, a: word(error.params.a), b: word(error.params.b) } };
  }

  /** The results table's box: its overflow is measured when it is resized (the page narrows). */
  protected readonly tableBox = new ResizeController(this, { selector: '.table-scroll', onResize: () => this.measureTable() });

  override updated(): void {
    // Measured once the frame is laid out, outside the update (a state set in `updated()` would
    // schedule a second update from inside this one).
    cancelAnimationFrame(this.measureFrame);
    this.measureFrame = requestAnimationFrame(() => this.measureTable());
  }
  private measureFrame = 0;

  /** Whether the results table is wider than its box, measured on the rendered table. */
  private measureTable(): void {
    const region = this.renderRoot.querySelector<HTMLElement>('.table-scroll');
    const overflows = !!region && region.scrollWidth > region.clientWidth + 1;
    // Shown in the same frame (a task later, the frame would paint the table without its hint, then move it).
    if (overflows !== this.tableOverflows) this.tableOverflows = overflows;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const plan = this.reached('figures') ? this.form.result?.plan : undefined;
    const bySegment = new Map(plan?.segments.map((s) => [s.segmentId, s]));
    const warned = new Set(plan?.warnings.map((w) => w.segmentId));
    return html`<div part="base" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <h2 id="motions-title">${t('title')}</h2>
      <p class="lead">${t('lead')}</p>
      ${this.renderConfigIssue()} ${this.reached('fields') ? this.renderHours() : nothing}
      ${storageNotice(this.i18n, this.persist)} ${this.renderResults()} ${this.leads.render()}
      ${this.reached('segment-1') ? this.renderSegments(bySegment, warned) : nothing}
      ${this.undo.render(this.i18n.c('common.undo'))} ${this.announcer.render()}
    </div>`;
  }

  /** The team's hours a month (the first stage draws the title alone: the inputs are not made yet). */
  private renderHours() {
    const t = this.i18n.t.bind(this.i18n);
    const inputs = this.form.inputs;
    const hours = readNumber(inputs.hoursPerManagerPerMonth, { locale: this.i18n.locale, currency: this.currency });
    return html`<div class="grid top">
      ${numberField(this.i18n, {
        id: 'hoursPerManagerPerMonth',
        label: t('hoursPerManager'),
        hint: t('hoursPerManagerHint'),
        value: inputs.hoursPerManagerPerMonth,
        error: this.fieldError('hoursPerManagerPerMonth'),
        suffix: this.i18n.tp('hoursUnit', 'value' in hours ? hours.value : 2),
        onInput: (v) => {
          this.undo.clear();
          this.form.edit({ hoursPerManagerPerMonth: v }, 'hoursPerManagerPerMonth');
        },
      })}
    </div>`;
  }

  /** The segments' editors (during the first render, the first ones only: see `stages`). */
  private renderSegments(bySegment: Map<string, MotionsPlan['segments'][number]>, warned: Set<string>) {
    const t = this.i18n.t.bind(this.i18n);
    const inputs = this.form.inputs;
    const all = this.reached('segments');
    const drawn = all ? inputs.segments : inputs.segments.slice(0, this.reached('segment-2') ? 2 : 1);
    return html`<h3>${t('segments')}</h3>
      <div class="segments">
        ${drawn.map((s, i) => {
          const p = bySegment.get(s.id);
          return renderSegment(s, {
            i18n: this.i18n,
            currency: this.currency,
            error: (id) => this.fieldError(id),
            label: this.segmentLabel(s, i),
            offers: i > 0 || this.reached('offers-1'), // the first segment's offers a frame after its motions
            warning:
              p && warned.has(s.id)
                ? t('warning', { cost: this.money(p.costToServePerClient), margin: this.money(p.grossMarginPerClient) })
                : undefined,
            onSegment: (patch) => this.editSegment(i, patch, fieldId(s.id, Object.keys(patch)[0] ?? '')),
            onMotion: (j, patch) => this.editItem(i, 'motions', j, patch),
            onOffer: (j, patch) => this.editItem(i, 'offers', j, patch),
            onAdd: (kind) => this.addItem(i, kind),
            onRemove: (kind, j) => this.removeItem(i, kind, j),
          });
        })}
      </div>
      ${
        all
          ? html`<button type="button" id="add-segment" class="add" @click=${() => this.addItem(null, 'segment')}>
              ${t('addSegment')}
            </button>`
          : nothing
      }`;
  }

  private renderResults() {
    if (!this.reached('figures')) return html`<section class="results" part="results"></section>`;
    const plan = this.form.result?.plan;
    const status = this.form.renderStatus({
      stale: this.i18n.c('common.stale'),
      form: this.form.errors.form && this.i18n.c('error.form'),
    });
    if (!plan) return html`<section class="results" part="results">${status}</section>`;
    const t = this.i18n.t.bind(this.i18n);
    const labels = new Map(this.form.inputs.segments.map((s, i) => [s.id, this.segmentLabel(s, i)]));
    const money = (v: number) => this.money(v);
    return html`<section class="results" part="results" aria-labelledby="motions-results-title" ?data-stale=${this.form.stale}>
      <h3 id="motions-results-title">${t('results')}</h3>
      ${status} ${renderKpis(this.i18n, plan, money)} ${renderPlanTable(this.i18n, plan, labels, money, this.tableOverflows)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-revenue-motions': MrrRevenueMotions;
  }
  interface HTMLElementEventMap {
    'mrr-expansion': MrrEvent<MrrExpansionDetail>;
  }
}

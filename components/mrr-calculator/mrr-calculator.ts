import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type BillingInterval, toMinor } from '../../src/core/money.js';
import { churnReductionValue, type MrrAssumptions, type Projection, projectMrr } from '../../src/core/mrr.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { resultsColumnWidth } from '../../src/ui/form-styles.js';
import { MrrElement } from '../../src/ui/mrr-element.js';
import { PersistController } from '../../src/controllers/persist-controller.js';
import { ResizeController } from '../../src/controllers/resize-controller.js';
import { MrrEvent } from '../../src/events.js';
import { type FieldError, numberField, radioGroup, storageNotice } from '../../src/ui/fields.js';
import { messages } from './messages.js';
import { renderPlanList } from './plans.js';
import { renderResults } from './results.js';
import { type CalculatorDefaults, type CalculatorInputs, exampleInputs, type NumericField, readInputs } from './state.js';
import { calculatorStyles } from './mrr-calculator.styles.js';

export interface MrrChangeDetail {
  assumptions: MrrAssumptions;
  summary: Projection['summary'];
}

/** Figures another element can hand to the calculator ("use these figures"). */
export interface StartingFigures {
  startingCustomers?: number;
  arpa?: number;
  newCustomersPerMonth?: number;
  churnPct?: number;
  expansionPct?: number;
  contractionPct?: number;
}

/**
 * `<mrr-calculator>`: what a prospect's MRR becomes — MRR now and at the horizon, ARR, the
 * movements that make it, and what one point less churn is worth. Recomputes on every input.
 *
 * @fires mrr-change - On user input with a valid result; `detail: { assumptions, summary }`.
 * @csspart base - The card around everything.
 * @csspart field - Each input field.
 * @csspart input - Each text input.
 * @csspart error - A field's error.
 * @csspart results - The results panel.
 * @csspart kpis - The key figures.
 * @csspart chart - The chart figure.
 * @csspart legend - The chart's legend.
 * @csspart table - The data table.
 * @csspart lever - The "one point less churn" line.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-radius - see README "Theming".
 * @cssprop --mrr-font - see README "Theming".
 *
 * @tagname mrr-calculator
 */
export class MrrCalculator extends MrrElement {
  static override styles = calculatorStyles;

  /** Default horizon in months (1–120) before the user changes it. */
  @property({ type: Number }) horizon = 24;
  /** Example number of current clients, shown before the user types. */
  @property({ type: Number }) clients?: number;
  /** Example average monthly price per client. */
  @property({ type: Number }) price?: number;
  /** Example new clients per month. */
  @property({ type: Number, attribute: 'new-clients' }) newClients?: number;
  /** Example monthly churn, % of MRR. */
  @property({ type: Number }) churn?: number;
  /** Example monthly expansion, % of MRR. */
  @property({ type: Number }) expansion?: number;
  /** Example monthly contraction, % of MRR. */
  @property({ type: Number }) contraction?: number;

  /** The typed inputs (text, as the user wrote them). Replace, don't mutate. */
  @property({ attribute: false }) inputs?: CalculatorInputs;

  @state() private errors: Record<string, FieldError> = {};
  @state() private tableOpen = false;
  /** The table module, imported the first time the table is opened. */
  private table?: typeof import('./table.js');

  /** The last valid projection (kept while a field is invalid). */
  projection?: Projection;
  /** The assumptions behind `projection`. */
  assumptions?: MrrAssumptions;
  private lever?: { mrr: number; arr: number };
  private userEdited = false;

  protected readonly l = new LocaleController(this, messages);
  private readonly announcer = new AnnounceController(this);
  private readonly undo = new UndoController<CalculatorInputs>(this, {
    fallbackFocus: 'add-plan',
    restore: (snapshot) => {
      this.setInputs(snapshot);
      this.announcer.say(this.l.t('planRestored'));
    },
  });
  private readonly size = new ResizeController(this);
  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  readonly persist = new PersistController<CalculatorInputs>(this, {
    component: 'calculator',
    key: () => this.storageKey,
    restore: (data) => {
      this.inputs = { ...exampleInputs((n) => this.l.number(n, 2)), ...data };
    },
  });

  private get defaults(): CalculatorDefaults {
    const d: CalculatorDefaults = { horizon: this.horizon };
    const pairs: [keyof CalculatorDefaults, number | undefined][] = [
      ['clients', this.clients],
      ['price', this.price],
      ['newClients', this.newClients],
      ['churnPct', this.churn],
      ['expansionPct', this.expansion],
      ['contractionPct', this.contraction],
    ];
    for (const [k, v] of pairs) if (v !== undefined && Number.isFinite(v)) d[k] = v;
    return d;
  }

  override willUpdate(): void {
    if (!this.inputs) this.inputs = exampleInputs((n) => this.l.number(n, 2), this.defaults);
    // Recompute whenever inputs, currency or the language (number parsing) may have changed.
    this.compute();
  }

  private compute(): void {
    if (!this.needsCompute(this.inputs)) return;
    const { assumptions, errors } = readInputs(this.inputs!, this.l.locale, this.currency);
    this.errors = errors;
    if (!assumptions) return;
    try {
      this.projection = projectMrr(assumptions);
      this.lever = churnReductionValue(assumptions, 1, this.projection);
      this.assumptions = assumptions;
    } catch {
      // Core validation mirrors the field rules; a mismatch keeps the last valid result.
    }
  }

  /** Fills the inputs from figures measured elsewhere (imported data, unit economics). */
  applyFigures(figures: StartingFigures): void {
    const fmt = (n: number) => this.l.number(n, 2);
    const next: CalculatorInputs = { ...this.inputs!, mode: figures.arpa !== undefined ? 'average' : this.inputs!.mode };
    if (figures.startingCustomers !== undefined) next.clients = fmt(Math.round(figures.startingCustomers));
    if (figures.arpa !== undefined) next.price = fmt(figures.arpa);
    if (figures.newCustomersPerMonth !== undefined) next.newClients = fmt(figures.newCustomersPerMonth);
    if (figures.churnPct !== undefined) next.churnPct = fmt(figures.churnPct);
    if (figures.expansionPct !== undefined) next.expansionPct = fmt(figures.expansionPct);
    if (figures.contractionPct !== undefined) next.contractionPct = fmt(figures.contractionPct);
    this.setInputs(next, false);
  }

  private setInputs(next: CalculatorInputs, fromUser = true): void {
    this.inputs = next;
    this.undo.clear();
    this.userEdited = this.userEdited || fromUser;
    this.persist.save(next);
    this.compute();
    if (fromUser && this.assumptions && this.projection && Object.keys(this.errors).length === 0) {
      this.dispatchEvent(
        new MrrEvent<MrrChangeDetail>('mrr-change', { assumptions: this.assumptions, summary: this.projection.summary }),
      );
    }
    this.scheduleAnnouncement();
  }

  private update1(field: NumericField, value: string): void {
    this.setInputs({ ...this.inputs!, [field]: value });
  }

  private updatePlan(index: number, patch: Partial<CalculatorInputs['plans'][number]>): void {
    const plans = this.inputs!.plans.map((p, i) => (i === index ? { ...p, ...patch } : p));
    this.setInputs({ ...this.inputs!, plans });
  }

  private addPlan(): void {
    const plans = [...this.inputs!.plans, { price: '', interval: 'month' as BillingInterval, intervalCount: '1', clients: '' }];
    this.setInputs({ ...this.inputs!, plans });
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>(`#plan-${plans.length - 1}-price`)?.focus(),
    );
  }

  private removePlan(index: number): void {
    const snapshot = this.inputs!;
    this.setInputs({ ...snapshot, plans: snapshot.plans.filter((_, i) => i !== index) });
    this.undo.offer({
      snapshot,
      message: this.l.t('planRemoved', { n: this.l.number(index + 1) }),
      focus: `plan-${index}-price`,
    });
  }

  private scheduleAnnouncement(): void {
    this.announcer.later(() => {
      const s = this.projection?.summary;
      if (!s) return undefined;
      return this.l.t('announce', {
        n: this.l.number(this.projection!.months.length),
        end: this.money(s.endingMrr),
        arr: this.money(s.arr),
        net: this.money(s.netNewMrr),
      });
    });
  }

  // Rows are rendered only while the table is open: 120 months × 8 formatted cells would otherwise
  // cost every keystroke (see bench/README.md).
  private onTableToggle(e: Event): void {
    this.tableOpen = (e.target as HTMLDetailsElement).open;
    if (this.tableOpen && !this.table) {
      void import('./table.js').then((module) => {
        this.table = module;
        this.requestUpdate();
      });
    }
  }

  /** Money for display: `exact` keeps minor digits (tables), otherwise whole units (tiles, sentences). */
  private money(major: number, style: 'compact' | 'exact' | 'rounded' = 'rounded'): string {
    const minor = toMinor(major, this.currency);
    if (style === 'compact') return this.l.money(minor, this.currency, { compact: true });
    if (style === 'exact') return this.l.money(minor, this.currency);
    return this.l.money(minor, this.currency, { round: true });
  }

  private field(
    id: NumericField,
    label: string,
    opts: { suffix?: string; hint?: string; prefix?: string; numeric?: boolean } = {},
  ) {
    return numberField(this.l, {
      id,
      label,
      value: this.inputs![id],
      error: this.errors[id],
      hint: opts.hint,
      suffix: opts.suffix,
      prefix: opts.prefix,
      inputmode: opts.numeric ? 'numeric' : 'decimal',
      onInput: (v) => this.update1(id, v),
    });
  }

  override render() {
    const t = this.l.t.bind(this.l);
    const pct = '%';
    return html`<div part="base" class="layout" dir=${this.l.dir} lang=${this.l.lang}>
      <section class="inputs" aria-labelledby="inputs-title">
        <h2 id="inputs-title">${t('title')}</h2>
        ${this.renderStartingRevenue()}
        <div class="grid">
          ${this.field('newClients', t('newClients'))}
          ${this.field('churnPct', t('churn'), { suffix: pct, hint: t('churnHint') })}
          ${this.field('expansionPct', t('expansion'), { suffix: pct, hint: t('expansionHint') })}
          ${this.field('contractionPct', t('contraction'), { suffix: pct, hint: t('contractionHint') })}
          ${this.field('horizon', t('horizon'), { suffix: t('horizonUnit'), numeric: true })}
        </div>
        ${storageNotice(this.l, this.persist)}
      </section>
      ${this.renderResults()} ${this.announcer.render()}
    </div>`;
  }

  private renderStartingRevenue() {
    const t = this.l.t.bind(this.l);
    const mode = this.inputs!.mode;
    const setMode = (m: CalculatorInputs['mode']) => this.setInputs({ ...this.inputs!, mode: m });
    return html`${radioGroup({
      name: 'mode',
      legend: t('mode'),
      value: mode,
      options: [
        { value: 'average', label: t('modeAverage') },
        { value: 'plans', label: t('modePlans') },
      ],
      onChange: setMode,
    })}
    ${
      mode === 'average'
        ? html`<div class="grid">
            ${this.field('clients', t('clients'), { numeric: true })}
            ${this.field('price', t('price'), { suffix: this.currency })}
          </div>`
        : this.renderPlans()
    }`;
  }

  private renderPlans() {
    return renderPlanList(this.l, {
      plans: this.inputs!.plans,
      currency: this.currency,
      errors: this.errors,
      onChange: (i, patch) => this.updatePlan(i, patch),
      onAdd: () => this.addPlan(),
      onRemove: (i) => this.removePlan(i),
      undo: this.undo.render(this.l.c('common.undo')),
    });
  }

  private renderResults() {
    if (!this.projection) return html`<section class="results" part="results"></section>`;
    return renderResults(this.l, {
      projection: this.projection,
      lever: this.lever,
      stale: Object.keys(this.errors).length > 0,
      chartWidth: resultsColumnWidth(this.size.value),
      money: (v, style) => this.money(v, style),
      tableOpen: this.tableOpen,
      onTableToggle: (e) => this.onTableToggle(e),
      table:
        this.tableOpen && this.table
          ? this.table.renderProjectionTable(this.l, this.projection, (v) => this.money(v, 'exact'))
          : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-calculator': MrrCalculator;
  }
  interface HTMLElementEventMap {
    'mrr-change': MrrEvent<MrrChangeDetail>;
  }
}

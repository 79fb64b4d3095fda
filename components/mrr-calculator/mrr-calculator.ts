import {
  type CSSResult,
  type CSSResultArray,
  type CSSResultOrNative,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import { toMinor } from '../../src/core/money.js';
import type { MrrAssumptions, Projection } from '../../src/core/mrr.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LeadController } from '../../src/leads/lead-controller.js';
import { FormController } from '../../src/controllers/form-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { resultsColumnWidth } from '../../src/ui/form-styles.js';
import { type Stage, StagedElement } from '../../src/ui/staged-element.js';
import { ResizeController } from '../../src/controllers/resize-controller.js';
import { nextTask } from '../../src/ui/tasks.js';
import { MrrChangeEvent } from '../../src/events.js';
import { type FieldError, numberField, radioGroup, storageNotice } from '../../src/ui/fields.js';
import { readNumber } from '../../src/forms/fields.js';
import type { FiguresOrigin } from '../../src/channel/figures.js';
import { messages } from './messages.js';
import {
  type CalculatorDefaults,
  type CalculatorInputs,
  type CalculatorView,
  exampleInputs,
  FIELDS,
  type NumericField,
  readInputs,
} from './state.js';
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

type CalculatorForm = FormController<CalculatorInputs, CalculatorView>;

/**
 * `<mrr-calculator>`: what a prospect's MRR becomes — MRR now and at the horizon, ARR, the
 * movements that make it, and what one point less churn is worth. Recomputes on every input.
 * "Reach a target" (loaded when first opened) solves one lever for a target MRR (core `goalSeek`).
 *
 * @fires {MrrChangeEvent<MrrChangeDetail>} mrr-change - On user input with a valid result; `detail: { assumptions, summary }`.
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
 * @cssstate loading - Until every step of its first render and the chart are drawn (a page may keep its place: `mrr-calculator:state(loading) { display: block; min-block-size: 100vh }`).
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-radius - see README "Theming".
 * @cssprop --mrr-font - see README "Theming".
 *
 * @attr lead-endpoint - Lead capture (README "Lead capture"): where leads are POSTed; empty: only the `mrr-lead` event.
 * @attr consent-text - Lead capture: the label of the consent checkbox, in the agency's words.
 * @fires {MrrLeadEvent} mrr-lead - With lead capture on, a prospect sent the form; `detail`: the lead (src/events.ts `MrrLeadEvent`).
 * @csspart lead - Lead capture: the "Email me …" button, its form and where the lead is.
 *
 * @tagname mrr-calculator
 */
export class MrrCalculator extends StagedElement {
  static override styles = calculatorStyles;

  /** Reactive properties (without decorators: see MrrElement). */
  static override properties: PropertyDeclarations = {
    horizon: { type: Number },
    clients: { type: Number },
    price: { type: Number },
    newClients: { type: Number, attribute: 'new-clients' },
    churn: { type: Number },
    expansion: { type: Number },
    contraction: { type: Number },
    inputs: { attribute: false },
  };

  /** Default horizon in months (1–120) before the user changes it. */
  horizon = 24;
  /** Example number of current clients, shown before the user types. */
  clients?: number;
  /** Example average monthly price per client. */
  price?: number;
  /** Example new clients per month. */
  newClients?: number;
  /** Example monthly churn, % of MRR. */
  churn?: number;
  /** Example monthly expansion, % of MRR. */
  expansion?: number;
  /** Example monthly contraction, % of MRR. */
  contraction?: number;

  /** The typed inputs (text, as the user wrote them). Replace, don't mutate. Readable before the first render. */
  get inputs(): CalculatorInputs {
    return this.form.inputs;
  }
  set inputs(next: CalculatorInputs | undefined) {
    this.form.applyCode(next);
  }

  /** The last valid projection (kept, marked stale, while a field is refused). Readable before the first render. */
  get projection(): Projection | undefined {
    return this.form.result?.projection;
  }

  /** The assumptions behind `projection`. */
  get assumptions(): MrrAssumptions | undefined {
    return this.form.result?.assumptions;
  }

  /** The table's disclosure is open (set from its toggle, which re-renders). */
  private tableOpen = false;
  /**
   * The first render, one step per task so a phone's main thread never blocks for long: the title
   * and the choice of starting revenue; its fields (clients × price); the first reading of the
   * inputs (a task alone), then the rest of the form with any field errors; the figures with the
   * chart's frame (their module, results.ts with its words and styles, and the chart's fetched from
   * the form step); the chart. Later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [
    { name: 'head' },
    { name: 'fields' },
    {
      name: 'form',
      before: () => {
        void this.loadChart();
        void this.loadFigures();
        void this.form.result; // the first reading and projection, in a task of their own
        return nextTask();
      },
    },
    { name: 'figures', before: () => this.loadFigures() },
    { name: 'chart', before: () => this.loadChart() },
  ];
  /**
   * The figures' renderer (results.ts), fetched from the form step beside the chart's module: the
   * first paint (the form) does not carry it.
   */
  private figures?: typeof import('./results.js');
  private figuresLoading?: Promise<unknown>;
  /** The figures' words (their own catalogue, loaded with them). */
  private figureWords?: import('./results.js').ResultWords;
  /** Resolves once the figures' words are loaded in the element's language (undefined when they are). */
  private figuresReady(): Promise<unknown> | undefined {
    const loading = this.figureWords?.whenReady(() => undefined);
    return loading instanceof Promise ? loading : undefined;
  }
  private readonly loadFigures = () =>
    (this.figuresLoading ??= import('./results.js').then(
      (module) => {
        this.adopt(module.styles);
        this.figureWords = module.wordsFor(this);
        this.figures = module;
        return this.figuresReady(); // their words in the element's language before they render
      },
      () => undefined, // offline without the chunk: the form works, the figures' place stays empty
    ));
  private plotStyled = false;
  /** The chart's module (d3 maths and its plot styles), fetched during the first render's steps. */
  private chart?: typeof import('../../src/ui/movement-chart.js');
  private chartLoading?: Promise<void>;
  private readonly loadChart = () =>
    (this.chartLoading ??= import('../../src/ui/movement-chart.js').then(
      (module) => void (this.chart = module),
      () => undefined, // offline without the chunk: the frame stays, the figures and the table work
    ));
  /** "Reach a target" (goal seek, its words and styles): made when its module loads, the first time it opens. */
  private goal?: import('./goal.js').GoalPanel;
  private goalLoading?: Promise<void>;
  /** The table module, imported the first time the table is opened. */
  private table?: typeof import('./table.js');
  /** Of churn and contraction, the one edited last: where "together they exceed 100 %" is said. */
  private sumField?: string;

  protected readonly i18n = new LocaleController(this, messages);
  private readonly announcer = new AnnounceController(this);
  /** "Email me this projection" (with `lead-endpoint` or `config.leads`; loaded on demand). */
  private readonly leads = new LeadController(this, {
    noun: 'projection',
    result: () => {
      const view = this.form.result;
      return view && { currency: this.currency, assumptions: view.assumptions, summary: view.projection.summary };
    },
  });
  /** The plan list's editing and Undo: made when its module loads (on demand). */
  private plans?: import('./plans.js').PlanList;
  private readonly size = new ResizeController(this);
  /** Typed explicitly: its initializer refers to `this`, and type-aware lint would infer `any`. */
  private readonly form: CalculatorForm = new FormController<CalculatorInputs, CalculatorView>(this, {
    component: 'calculator',
    i18n: this.i18n,
    defaults: (fmt) => exampleInputs((n) => fmt(n, 2), this.defaults),
    fields: FIELDS,
    read: (inputs, ctx, edited) => {
      if (edited === 'churnPct' || edited === 'contractionPct') this.sumField = edited;
      return readInputs(inputs, ctx, this.sumField);
    },
    changeEvent: (view) =>
      new MrrChangeEvent<MrrChangeDetail>({ assumptions: view.assumptions, summary: view.projection.summary }),
    announce: (view) => {
      const s = view.projection.summary;
      return this.i18n.t('announce', {
        months: this.monthsText(view.projection.months.length),
        end: this.money(s.endingMrr),
        arr: this.money(s.arr),
        net: this.money(s.netNewMrr),
      });
    },
  }).useAnnouncer(this.announcer);

  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  get persist() {
    return this.form.persist!;
  }

  /** The example figures set by attributes (`clients`, `price`, …), for fields the user has not edited. */
  private get defaults(): CalculatorDefaults {
    const d: CalculatorDefaults = {};
    for (const [field, prop] of DEFAULT_PROPS) {
      const v = this[prop];
      if (typeof v === 'number' && Number.isFinite(v)) d[field] = v;
    }
    return d;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // An attribute changed after the first render: its field follows, unless the user edited it
    // (before, the inputs are made from the attributes when first read).
    const fields = DEFAULT_PROPS.filter(([field, prop]) => changed.has(prop) && !this.form.isEdited(field));
    if (!this.hasUpdated || fields.length === 0) return;
    const example = exampleInputs((n) => this.i18n.number(n, 2), this.defaults);
    const patch: Partial<CalculatorInputs> = {};
    for (const [field] of fields) patch[field] = example[field];
    this.form.apply(patch, { save: false });
  }

  /**
   * Fills the inputs from figures measured elsewhere (imported data, unit economics); fires no event.
   * Works before the first render. With an `origin`, the calculator says where they came from above
   * its fields, with Undo (the figures notice, loaded on demand). `churnPct` is revenue churn: the
   * share of MRR lost each month to clients who leave (not a share of clients).
   */
  applyFigures(figures: StartingFigures, origin?: FiguresOrigin): void {
    const before = this.form.undoPoint();
    const fmt = (n: number) => this.i18n.number(n, 2);
    const patch: Partial<CalculatorInputs> = {};
    const set = (field: NumericField, v: number | undefined, whole = false) => {
      if (typeof v === 'number' && Number.isFinite(v)) patch[field] = fmt(whole ? Math.round(v) : v);
    };
    set('clients', figures?.startingCustomers, true);
    set('price', figures?.arpa);
    set('newClients', figures?.newCustomersPerMonth);
    set('churnPct', figures?.churnPct);
    set('expansionPct', figures?.expansionPct);
    set('contractionPct', figures?.contractionPct);
    if (patch.price !== undefined || patch.clients !== undefined) patch.mode = 'average';
    this.plans?.undo.clear();
    this.form.apply(patch);
    if (origin) void this.noticeFigures(before, origin);
  }

  /** The figures notice ("Figures from your data, … Undo"), made when figures first arrive with an origin. */
  private figuresNotice?: import('../../src/ui/figures-notice.js').FiguresNotice<() => CalculatorInputs>;
  private async noticeFigures(before: () => CalculatorInputs, origin: FiguresOrigin): Promise<void> {
    const module = await import('../../src/ui/figures-notice.js');
    if (!this.figuresNotice) {
      this.adopt(module.figuresNoticeStyles);
      this.figuresNotice = new module.FiguresNotice<() => CalculatorInputs>(this, {
        lang: () => this.i18n.lang,
        locale: () => this.i18n.locale,
        restore: (before) => this.form.apply(before()),
      });
    }
    this.figuresNotice.received(before, origin);
  }

  private edit(patch: Partial<CalculatorInputs>, field: string): void {
    this.plans?.undo.clear();
    this.figuresNotice?.edited();
    this.form.edit(patch, field);
  }

  // Rows are rendered only while the table is open: 120 months × 8 formatted cells would otherwise
  // cost every keystroke (see bench/README.md).
  private onTableToggle(e: Event): void {
    this.tableOpen = (e.target as HTMLDetailsElement).open;
    this.requestUpdate();
    if (this.tableOpen && !this.table) {
      void import('./table.js').then((module) => {
        this.table = module;
        this.adopt(module.styles);
        this.requestUpdate();
      });
    }
  }

  /**
   * Money for display: `exact` keeps minor digits (tables), otherwise whole units (tiles, sentences).
   * An amount that shows as zero is written as zero, never "−$0" (formatMoney sees to it).
   */
  private money(major: number, style: 'compact' | 'exact' | 'rounded' = 'rounded'): string {
    const options = style === 'compact' ? { compact: true } : style === 'exact' ? {} : { round: true };
    return this.i18n.money(toMinor(major, this.currency), this.currency, options);
  }

  /** "1 month", "24 months" (plural rules of the element's language). */
  private monthsText(n: number): string {
    return this.i18n.tp('months', n);
  }

  /** The field's error, with the field ids it names turned into labels and its figures formatted. */
  private errorOf(id: string): FieldError | undefined {
    if (!this.reached('form')) return undefined; // not read yet: the form's first steps show no error
    const error = this.form.errors[id];
    if (!error?.params || (error.code !== 'productTooLarge' && error.code !== 'sumTooLarge')) return error;
    const p = error.params;
    const label = (field: unknown) => {
      const name = String(field).replace(/^plan-\d+-/, 'plan-');
      const key = LABELS[name];
      const planKey = PLAN_LABELS[name];
      return key ? this.i18n.t(key) : planKey && this.plans ? this.plans.words.t(planKey) : String(field);
    };
    if (error.code === 'productTooLarge')
      return { code: error.code, params: { a: label(p.a), b: label(p.b), max: this.money(Number(p.max)) } };
    return {
      code: error.code,
      params: {
        other: label(p.other),
        otherValue: this.i18n.percent(Number(p.otherValue), 2),
        max: this.i18n.percent(Number(p.max), 0),
      },
    };
  }

  private field(
    id: NumericField,
    label: string,
    opts: { suffix?: string; hint?: string; prefix?: string; numeric?: boolean } = {},
  ) {
    return numberField(this.i18n, {
      id,
      label,
      value: this.form.inputs[id],
      error: this.errorOf(id),
      hint: opts.hint,
      suffix: opts.suffix,
      prefix: opts.prefix,
      inputmode: opts.numeric ? 'numeric' : 'decimal',
      onInput: (v) => this.edit({ [id]: v }, id),
    });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const pct = '%';
    // "1 month" / "24 months" beside the horizon as typed ("months" while it does not read).
    const horizon = () => {
      const typed = readNumber(this.form.inputs.horizon, { locale: this.i18n.locale, currency: this.currency });
      return 'value' in typed ? typed.value : 2;
    };
    return html`<div part="base" class="layout" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <section class="inputs" aria-labelledby="inputs-title">
        <h2 id="inputs-title">${t('title')}</h2>
        ${this.figuresNotice?.render() ?? nothing} ${this.renderConfigIssue()} ${this.renderStartingRevenue()}
        ${
          this.reached('form')
            ? html`<div class="grid">
                  ${this.field('newClients', t('newClients'))}
                  ${this.field('churnPct', t('churn'), { suffix: pct, hint: t('churnHint') })}
                  ${this.field('expansionPct', t('expansion'), { suffix: pct, hint: t('expansionHint') })}
                  ${this.field('contractionPct', t('contraction'), { suffix: pct, hint: t('contractionHint') })}
                  ${this.field('horizon', t('horizon'), { suffix: this.i18n.tp('monthsUnit', horizon()), numeric: true })}
                </div>
                ${this.renderGoal()} ${storageNotice(this.i18n, this.persist)}`
            : nothing
        }
      </section>
      ${this.renderResults()} ${this.leads.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderStartingRevenue() {
    const t = this.i18n.t.bind(this.i18n);
    // The head step draws the choice alone; the fields come a step later.
    const head = !this.reached('fields');
    const mode = this.form.inputs.mode;
    return html`${radioGroup({
      name: 'mode',
      legend: t('mode'),
      value: mode,
      options: [
        { value: 'average', label: t('modeAverage') },
        { value: 'plans', label: t('modePlans') },
      ],
      onChange: (m) => this.edit({ mode: m }, 'mode'),
    })}
    ${
      head
        ? nothing
        : mode === 'average'
          ? html`<div class="grid">
              ${this.field('clients', t('clients'), { numeric: true })}
              ${this.field('price', t('price'), { suffix: this.currency })}
            </div>`
          : this.renderPlans()
    }`;
  }

  protected override beforeUpdate(): void | Promise<unknown> {
    // The on-demand parts' words (goal, plan list, figures) in a language just chosen, before they render in it.
    const goalWords = this.goal?.ready() ?? this.plans?.ready() ?? this.figuresReady();
    if (goalWords) return goalWords.then(() => this.beforeUpdate());
    if (this.reached('chart') && this.chart && !this.plotStyled) {
      // The chart's plot styles arrive with its module.
      this.plotStyled = true;
      const root = this.renderRoot as ShadowRoot;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.chart.chartPlotCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    // The plan list UI is loaded when first shown (most people use clients × price). Before the
    // first update, properties set before the element was defined are not applied yet: the
    // inputs are made (from them) in the first update, and the plan list follows in the next.
    if (!this.plans && this.hasUpdated && this.form.inputs.mode === 'plans') {
      return loadPlanList().then((module) => {
        if (module) this.adopt(module.styles);
        this.plans ??=
          module &&
          new module.PlanList(this, {
            i18n: this.i18n,
            plans: () => this.form.inputs.plans,
            edit: (plans) => this.edit({ plans }, 'plans'),
            restored: (plans) => {
              this.form.edit({ plans }, 'plans');
              this.announcer.say(this.plans!.words.t('planRestored'));
            },
          });
        return this.plans?.ready(); // its words (its own catalogue) in the element's language before it renders
      });
    }
  }

  /** Adds the styles of a module loaded on demand (the plan list's, the table's) to the shadow root. */
  private adopt(styles: CSSResultOrNative | CSSResultArray): void {
    const root = this.renderRoot as ShadowRoot;
    const sheets = [styles].flat(Infinity as 1).map((s) => (s instanceof CSSStyleSheet ? s : (s as CSSResult).styleSheet!));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets.filter((s) => !root.adoptedStyleSheets.includes(s))];
  }

  /** "Reach a target": a disclosure; what it holds loads on demand, adding nothing to the first load. */
  private renderGoal() {
    return html`<details class="goal" @toggle=${this.onGoalToggle}>
      <summary>${this.i18n.t('goalTitle')}</summary>
      ${this.goal?.render() ?? nothing}
    </details>`;
  }

  private readonly onGoalToggle = (e: Event): void => {
    if (!(e.target as HTMLDetailsElement).open) return;
    this.goalLoading ??= import('./goal.js').then(
      (module) => {
        this.adopt(module.styles);
        this.goal = new module.GoalPanel(this, {
          i18n: this.i18n,
          view: () => this.form.result,
          // Clients × price: one price for all; a plan list: its empty-list price is new clients' only.
          price: () => {
            const plans = this.form.result?.assumptions.plans;
            return plans === undefined ? 'all' : plans.length === 0 ? 'new' : undefined;
          },
          currency: () => this.currency,
          money: (v, style) => this.money(v, style),
          months: (n) => this.monthsText(n),
          apply: (field, text) => this.edit({ [field]: text }, field),
          numberField,
          radioGroup,
        });
        return this.goal.ready()?.then(() => this.requestUpdate()) ?? this.requestUpdate();
      },
      () => void (this.goalLoading = undefined), // offline without the chunk: opening again tries again
    );
  };

  private renderPlans() {
    // No plan to take a price from: new clients need one of their own.
    const newClientPrice = () =>
      html`<div class="grid">${this.field('price', this.plans!.words.t('newClientPrice'), { suffix: this.currency })}</div>`;
    return this.plans?.render({ currency: this.currency, errorOf: (id) => this.errorOf(id), newClientPrice }) ?? nothing;
  }

  private renderResults() {
    if (!this.reached('figures')) return html`<section class="results" part="results"></section>`;
    const figures = this.figures;
    const view = this.form.result;
    const status = this.form.renderStatus({
      stale: this.i18n.c('common.stale'),
      form: this.form.errors.form && this.i18n.c('error.form'),
    });
    if (!view || !figures) return html`<section class="results" part="results">${status}</section>`;
    const words = this.figureWords!;
    return figures.renderResults(words, {
      view,
      status,
      stale: this.form.stale,
      months: (n) => this.monthsText(n),
      chartWidth: resultsColumnWidth(this.size.value),
      money: (v, style) => this.money(v, style),
      chart: this.reached('chart') ? this.chart?.movementChart : undefined,
      tableOpen: this.tableOpen,
      onTableToggle: (e) => this.onTableToggle(e),
      table:
        this.tableOpen && this.table
          ? this.table.renderProjectionTable(
              words,
              view.projection,
              (v) => this.money(v, 'exact'),
              this.monthsText(view.projection.months.length),
            )
          : nothing,
    });
  }
}

const loadPlanList = () => import('./plans.js').catch(() => undefined); // offline without the chunk: the plan list stays empty, the rest works

/** Input field ↔ the attribute property giving its example value. */
const DEFAULT_PROPS = [
  ['horizon', 'horizon'],
  ['clients', 'clients'],
  ['price', 'price'],
  ['newClients', 'newClients'],
  ['churnPct', 'churn'],
  ['expansionPct', 'expansion'],
  ['contractionPct', 'contraction'],
] as const satisfies readonly (readonly [NumericField & keyof CalculatorDefaults, keyof MrrCalculator])[];

/** Input id (plan fields as `plan-x`) → its label, for messages that name another field. */
const LABELS: Record<string, keyof typeof messages.en> = {
  clients: 'clients',
  price: 'price',
  newClients: 'newClients',
  churnPct: 'churn',
  expansionPct: 'expansion',
  contractionPct: 'contraction',
  horizon: 'horizon',
};

/** Plan fields (`plan-x`) → their label in the plan list's words, for messages that name them. */
const PLAN_LABELS: Record<string, 'planPrice' | 'planClients' | 'planCount'> = {
  'plan-price': 'planPrice',
  'plan-clients': 'planClients',
  'plan-intervalCount': 'planCount',
};

declare global {
  interface HTMLElementTagNameMap {
    'mrr-calculator': MrrCalculator;
  }
  interface HTMLElementEventMap {
    'mrr-change': MrrChangeEvent<MrrChangeDetail>;
  }
}

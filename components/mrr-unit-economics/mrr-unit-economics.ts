import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { toMinor } from '../../src/core/money.js';
import type { UnitEconomics, UnitEconomicsInputs } from '../../src/core/unit-economics.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LeadController } from '../../src/leads/lead-controller.js';
import { FormController } from '../../src/controllers/form-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { resultsColumnWidth } from '../../src/ui/form-styles.js';
import { readingStage, type Stage, StagedElement } from '../../src/ui/staged-element.js';
import { ResizeController } from '../../src/controllers/resize-controller.js';
import { MrrEvent } from '../../src/events.js';
import type { FiguresOrigin } from '../../src/channel/figures.js';
import { numberField, radioGroup, storageNotice } from '../../src/ui/fields.js';
import { ltvChart } from './ltv-chart.js';
import { messages } from './messages.js';
import { unitEconomicsStyles } from './mrr-unit-economics.styles.js';
import { figureText, renderCurveTable, renderTargets, renderWinKeep } from './results.js';
import { type EconomicsField, type EconomicsInputs, type EconomicsView, exampleInputs, FIELDS, readInputs } from './state.js';

export interface UnitEconomicsChangeDetail {
  inputs: UnitEconomicsInputs;
  result: UnitEconomics;
}

/** Figures another element (the calculator, imported data) can hand over; percents 0–100. */
export interface EconomicsFigures {
  arpa?: number;
  grossMarginPct?: number;
  /** Client churn: the share of clients who leave each month (not a share of MRR). */
  clientChurnPct?: number;
  /** The same as `clientChurnPct` (its former name); `clientChurnPct` wins when both are given. */
  churnPct?: number;
  cac?: number;
  salesSpend?: number;
  marketingSpend?: number;
  newCustomers?: number;
  retentionSpendPerClient?: number;
}

type EconomicsForm = FormController<EconomicsInputs, EconomicsView>;

/**
 * `<mrr-unit-economics>`: what a client is worth (LTV), what winning one costs (CAC), LTV:CAC,
 * payback and lifetime against editable targets, the cost of winning a client beside the cost of
 * keeping one, and how LTV moves with churn. Recomputes on every input.
 *
 * @fires {MrrChangeEvent<UnitEconomicsChangeDetail>} mrr-change - With the element's own change event, the same `detail` (src/events.ts `MrrChangeEvent`; every form element fires it).
 * @fires {MrrEvent<UnitEconomicsChangeDetail>} mrr-unit-economics-change - On user input with a valid result; `detail: { inputs, result }`.
 * @csspart base - The card.
 * @csspart field - Each field (label, input, error).
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart results - The results panel.
 * @csspart kpis - The key figures.
 * @csspart targets - The target verdicts.
 * @csspart win-keep - Win vs keep.
 * @csspart chart - The LTV curve.
 * @csspart table - The curve's data table.
 * @csspart lever - The "one point less churn" line.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-success - see README "Theming".
 * @cssprop --mrr-danger - see README "Theming".
 *
 * @attr lead-endpoint - Lead capture (README "Lead capture"): where leads are POSTed; empty: only the `mrr-lead` event.
 * @attr consent-text - Lead capture: the label of the consent checkbox, in the agency's words.
 * @fires {MrrLeadEvent} mrr-lead - With lead capture on, a prospect sent the form; `detail`: the lead (src/events.ts `MrrLeadEvent`).
 * @csspart lead - Lead capture: the "Email me …" button, its form and where the lead is.
 *
 * @tagname mrr-unit-economics
 */
export class MrrUnitEconomics extends StagedElement {
  static override styles = unitEconomicsStyles;

  /** The typed inputs (text, as the user wrote them). Replace, don't mutate. */
  @property({ attribute: false })
  get inputs(): EconomicsInputs {
    return this.form.inputs;
  }
  set inputs(next: EconomicsInputs | undefined) {
    this.form.applyCode(next);
  }

  /** The last valid result (kept, marked stale, while a field is refused). */
  get result(): UnitEconomics | undefined {
    return this.form.result?.result;
  }

  /**
   * The first render, one step per frame (a prospect's phone never blocks long): the title (its
   * template prepared alone); the revenue fields and the choice of CAC; the CAC, retention and
   * target fields; the first reading (a task alone), then the figures; the LTV chart and its table.
   * Later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [
    { name: 'head' },
    { name: 'fields' },
    { name: 'more-fields' },
    readingStage('figures', () => this.form.result),
    { name: 'chart' },
  ];

  protected readonly i18n = new LocaleController(this, messages);
  private readonly announcer = new AnnounceController(this);
  /** "Email me these figures" (with `lead-endpoint` or `config.leads`; loaded on demand). */
  private readonly leads = new LeadController(this, {
    noun: 'figures',
    result: () => {
      const view = this.form.result;
      return view && { currency: this.currency, inputs: view.inputs, result: view.result };
    },
  });
  private readonly size = new ResizeController(this);
  /** Typed explicitly: its initializer refers to `this`, and type-aware lint would infer `any`. */
  private readonly form: EconomicsForm = new FormController<EconomicsInputs, EconomicsView>(this, {
    component: 'unit-economics',
    i18n: this.i18n,
    defaults: (fmt) => exampleInputs((n) => fmt(n, 2)),
    fields: FIELDS,
    read: (inputs, ctx) => readInputs(inputs, ctx),
    changeEvent: (view) =>
      new MrrEvent<UnitEconomicsChangeDetail>('mrr-unit-economics-change', { inputs: view.inputs, result: view.result }),
    announce: (view) =>
      this.i18n.t('announce', {
        ltv: figureText(this.i18n, view.result.ltv, (v) => this.money(v)),
        ratio: figureText(this.i18n, view.result.ltvToCac, (v) => this.ratio(v)),
        payback: figureText(this.i18n, view.result.paybackMonths, (v) => this.months(v)),
      }),
  }).useAnnouncer(this.announcer);

  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  get persist() {
    return this.form.persist!;
  }

  /**
   * Fills inputs from figures measured elsewhere (calculator, imported data); fires no event. Works
   * before the first render. With an `origin`, the element says where they came from above its
   * fields, with Undo (loaded on demand).
   */
  applyFigures(figures: EconomicsFigures, origin?: FiguresOrigin): void {
    const before = this.form.undoPoint();
    if (typeof figures?.clientChurnPct === 'number') figures = { ...figures, churnPct: figures.clientChurnPct };
    const patch: Partial<EconomicsInputs> = {};
    const fields: (keyof EconomicsFigures & keyof EconomicsInputs)[] = [
      'arpa',
      'grossMarginPct',
      'churnPct',
      'cac',
      'salesSpend',
      'marketingSpend',
      'newCustomers',
      'retentionSpendPerClient',
    ];
    for (const f of fields) {
      const v = figures?.[f];
      if (typeof v === 'number' && Number.isFinite(v)) patch[f] = this.i18n.number(f === 'newCustomers' ? Math.round(v) : v, 2);
    }
    if (patch.cac !== undefined) patch.cacMode = 'direct';
    else if (patch.salesSpend !== undefined || patch.marketingSpend !== undefined || patch.newCustomers !== undefined)
      patch.cacMode = 'spend';
    this.form.apply(patch);
    if (origin) void this.noticeFigures(before, origin);
  }

  /** The figures notice ("Figures from your data, … Undo"), made when figures first arrive with an origin. */
  private figuresNotice?: import('../../src/ui/figures-notice.js').FiguresNotice<() => EconomicsInputs>;
  private async noticeFigures(before: () => EconomicsInputs, origin: FiguresOrigin): Promise<void> {
    const module = await import('../../src/ui/figures-notice.js');
    if (!this.figuresNotice) {
      const root = this.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, module.figuresNoticeStyles.styleSheet!];
      this.figuresNotice = new module.FiguresNotice<() => EconomicsInputs>(this, {
        lang: () => this.i18n.lang,
        locale: () => this.i18n.locale,
        restore: (before) => this.form.apply(before()),
      });
    }
    this.figuresNotice.received(before, origin);
  }

  private edit(patch: Partial<EconomicsInputs>, field: string): void {
    this.figuresNotice?.edited();
    this.form.edit(patch, field);
  }

  private money(major: number, compact = false): string {
    return this.i18n.money(toMinor(major, this.currency), this.currency, compact ? { compact: true } : { round: true });
  }
  /** "1 month", "6.7 months": the plural form of the number as shown (one decimal). */
  private months = (v: number) => this.i18n.tp('monthsValue', Math.round(v * 10) / 10, { n: this.i18n.number(v, 1) });
  private ratio = (v: number) => this.i18n.t('ratioValue', { x: this.i18n.number(v, 1) });

  private field(id: EconomicsField, label: string, opts: { suffix?: string; hint?: string; numeric?: boolean } = {}) {
    return numberField(this.i18n, {
      id,
      label,
      value: this.form.inputs[id],
      error: this.reached('figures') ? this.form.errors[id] : undefined, // not read before its step
      hint: opts.hint,
      suffix: opts.suffix,
      inputmode: opts.numeric ? 'numeric' : 'decimal',
      onInput: (v) => this.edit({ [id]: v }, id),
    });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const mode = this.form.inputs.cacMode;
    return html`<div part="base" class="layout" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <section class="inputs" aria-labelledby="ue-title">
        <h2 id="ue-title">${t('title')}</h2>
        ${this.figuresNotice?.render() ?? nothing} ${this.renderConfigIssue()}
        ${this.reached('fields') ? this.renderFields(mode) : nothing}
      </section>
      ${this.renderResults()} ${this.leads.render()} ${this.announcer.render()}
    </div>`;
  }

  /** The revenue fields and the choice of CAC, then (a stage later in the first render) the others. */
  private renderFields(mode: EconomicsInputs['cacMode']) {
    const t = this.i18n.t.bind(this.i18n);
    const setMode = (m: EconomicsInputs['cacMode']) => this.edit({ cacMode: m }, 'cacMode');
    return html`<div class="grid">
        ${this.field('arpa', t('arpa'), { suffix: this.currency })}
        ${this.field('grossMarginPct', t('grossMargin'), { suffix: '%', hint: t('grossMarginHint') })}
        ${this.field('churnPct', t('churn'), { suffix: '%', hint: t('churnHint') })}
      </div>
      ${radioGroup({
        name: 'cac-mode',
        legend: t('cacMode'),
        value: mode,
        options: [
          { value: 'direct', label: t('cacModeDirect') },
          { value: 'spend', label: t('cacModeSpend') },
        ],
        onChange: setMode,
      })}
      ${this.reached('more-fields') ? this.renderMoreFields(mode) : nothing}`;
  }

  /** The CAC (direct or from spend), retention and target fields, and the storage notice below them. */
  private renderMoreFields(mode: EconomicsInputs['cacMode']) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="grid">
        ${
          mode === 'direct'
            ? this.field('cac', t('cac'), { suffix: this.currency })
            : html`${this.field('salesSpend', t('salesSpend'), { suffix: this.currency })}
              ${this.field('marketingSpend', t('marketingSpend'), { suffix: this.currency })}
              ${this.field('newCustomers', t('newCustomers'), { numeric: true, hint: t('spendHint') })}`
        }
        ${this.field('retentionSpendPerClient', t('retentionSpend'), { suffix: this.currency, hint: t('retentionHint') })}
      </div>
      <fieldset class="targets-inputs">
        <legend>${t('targets')}</legend>
        <div class="grid">
          ${this.field('minLtvToCac', t('targetLtvToCac'))}
          ${this.field('maxPaybackMonths', t('targetPayback'), { suffix: t('monthsUnit') })}
        </div>
      </fieldset>
      ${storageNotice(this.i18n, this.persist)}`;
  }

  private renderResults() {
    if (!this.reached('figures')) return html`<section class="results" part="results"></section>`;
    const v = this.form.result;
    if (!v)
      return html`<section class="results" part="results">
        ${this.form.renderStatus({ stale: this.i18n.c('common.stale'), form: this.form.errors.form && this.i18n.c('error.form') })}
      </section>`;
    const t = this.i18n.t.bind(this.i18n);
    const r = v.result;
    const stale = this.form.stale;
    const money = (m: number) => this.money(m);
    const pct = (p: number) => this.i18n.percent(p, 1);
    return html`<section class="results" part="results" aria-labelledby="ue-results-title" ?data-stale=${stale}>
      <h2 id="ue-results-title" class="visually-hidden">${t('results')}</h2>
      ${this.form.renderStatus({ stale: this.i18n.c('common.stale'), form: this.form.errors.form && this.i18n.c('error.form') })}
      <dl class="kpis" part="kpis">
        <div class="kpi">
          <dt>${t('ltv')}</dt>
          <dd data-kpi="ltv">${figureText(this.i18n, r.ltv, money)}</dd>
        </div>
        <div class="kpi">
          <dt>${t('cacResult')}</dt>
          <dd data-kpi="cac">${figureText(this.i18n, r.cac, money)}</dd>
        </div>
        <div class="kpi">
          <dt>${t('ltvToCac')}</dt>
          <dd data-kpi="ltv-to-cac">${figureText(this.i18n, r.ltvToCac, this.ratio)}</dd>
        </div>
        <div class="kpi">
          <dt>${t('payback')}</dt>
          <dd data-kpi="payback">${figureText(this.i18n, r.paybackMonths, this.months)}</dd>
        </div>
        <div class="kpi">
          <dt>${t('lifetime')}</dt>
          <dd data-kpi="lifetime">${figureText(this.i18n, r.lifetimeMonths, this.months)}</dd>
        </div>
        <div class="kpi">
          <dt>${t('annualChurn')}</dt>
          <dd data-kpi="annual-churn">${pct(r.annualChurnPct)}</dd>
        </div>
      </dl>
      ${renderTargets(this.i18n, r, v.status, v.targets, { ratio: this.ratio, months: this.months })}
      ${renderWinKeep(this.i18n, r, v.inputs.retentionSpendPerClient ?? null, money)}
      <p class="lever" part="lever" data-kpi="lever">
        ${v.lever.value === null ? t('leverLow') : t('lever', { ltv: money(v.lever.value) })}
      </p>
      ${this.renderChart(v)}
    </section>`;
  }

  private renderChart(v: EconomicsView) {
    if (!this.reached('chart')) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const pct = (p: number) => this.i18n.percent(p, 1);
    const first = v.curve[0];
    const last = v.curve.at(-1);
    if (!first || !last) return nothing; // no curve to draw
    const churn = v.inputs.churnPct;
    const ltv = v.result.ltv;
    const inside = ltv.value !== null && churn >= first.churnPct && churn <= last.churnPct;
    const you = inside
      ? t('chartYou', { churn: pct(churn), ltv: this.money(ltv.value) })
      : t('chartOutside', { churn: pct(churn) });
    const title = t('chartTitle', { from: pct(first.churnPct), to: pct(last.churnPct) });
    const description = `${t('chartDesc', { high: this.money(first.ltv ?? 0), low: this.money(last.ltv ?? 0), from: pct(first.churnPct), to: pct(last.churnPct) })} ${you}`;
    return html`<h3 class="chart-title">${title}</h3>
      ${ltvChart(v.denseCurve, {
        width: resultsColumnWidth(this.size.value),
        rtl: this.i18n.dir === 'rtl',
        you: { churnPct: churn, ltv: ltv.value },
        formatMoney: (m) => this.money(m, true),
        formatPct: (p) => this.i18n.percent(p, 0),
        title,
        description,
        youLabel: t('you'),
      })}
      ${inside ? nothing : html`<p class="chart-note" data-kpi="outside">${you}</p>`}
      ${renderCurveTable(this.i18n, v.curve, churn, (m) => this.money(m), title)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-unit-economics': MrrUnitEconomics;
  }
  interface HTMLElementEventMap {
    'mrr-unit-economics-change': MrrEvent<UnitEconomicsChangeDetail>;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import type { Stage } from '../../src/ui/staged-element.js';
import { RedrawingElement } from '../../src/ui/redrawing-element.js';
import { nextTask } from '../../src/ui/tasks.js';
import { PersistController } from '../../src/controllers/persist-controller.js';
import { ResizeController } from '../../src/controllers/resize-controller.js';
import { DatasetOpenController } from '../../src/controllers/dataset-open-controller.js';
import type { CohortRow } from '../../src/core/cohorts.js';
import { measuredAssumptions, type SummaryMetrics, summaryMetrics } from '../../src/core/metrics.js';
import { toMinor } from '../../src/core/money.js';
import {
  analyzeSubscriptions,
  type MovementRow,
  type PeriodsInput,
  type SubscriptionAnalysis,
} from '../../src/core/movements.js';
import { MrrEvent } from '../../src/events.js';
import { EXAMPLE_CURRENCY, examplePeriods } from '../../src/import/example-data.js';
import type { DatasetRecord } from '../../src/storage/db.js';
import { movementChart } from '../../src/ui/movement-chart.js';
import type { CohortMetric } from './cohort-heatmap.js';
import { DatasetsController } from '../../src/controllers/datasets-controller.js';
import { downloadText, formatMonth, named } from './format.js';
import { ImportController } from '../../src/controllers/import-controller.js';
import { renderKpis } from './kpis.js';
import { messages } from './messages.js';
import { movementsStyles } from './mrr-movements.styles.js';
import { renderPeriodSelector, type RangePreset, resolveRange } from './period.js';
import { movementsToCsv, renderMovementsTable } from './table.js';
import { renderUseFigures, type UseFiguresDetail } from './use-figures.js';

export type { UseFiguresDetail };

export interface DatasetSavedDetail {
  id: string;
  name: string;
  periodCount: number;
}

export { BACKGROUND_ANALYSIS_PERIODS } from '../../src/controllers/dataset-open-controller.js';

/** What is shown: nothing, the built-in example, a saved dataset, an import not saved, or `periods` set by code. */
type Source =
  | { kind: 'none' }
  | { kind: 'example' }
  | { kind: 'dataset'; id: string; name: string }
  | { kind: 'unsaved'; name: string }
  | { kind: 'property' };

/** Cohort rows the first render's first cohort step draws (the next draws the others). */
const COHORTS_FIRST = 6;

/** What an import or an opened dataset draws after its key figures, a part per frame. */
const REDRAWN_IN_STEPS = ['use-figures', 'chart', 'table', 'cohorts', 'cohorts-all'];

/**
 * `<mrr-movements>`: MRR movements, key figures and cohort retention of real subscription data.
 * Import a CSV (mapping, progress, report), keep datasets in this browser, pick a period, and send
 * the measured figures to an `<mrr-calculator>`.
 *
 * @fires {MrrEvent<UseFiguresDetail>} mrr-use-figures - "Use these figures" pressed; `detail: UseFiguresDetail` (percents 0–100, monthly; `churnPct` revenue churn, `clientChurnPct` client churn), exactly the figures listed beside the button.
 * @fires {MrrEvent<DatasetSavedDetail>} mrr-dataset-saved - The user saved an import; `detail: { id, name, periodCount }`.
 * @slot figures-sent - Shown under "Figures sent" once the user sent figures: where the page put them (links there).
 * @csspart base - The card around everything.
 * @csspart kpis - The key figures.
 * @csspart chart - The chart.
 * @csspart legend - The chart legend.
 * @csspart table - The movements table.
 * @csspart cohorts - The cohort heatmap (a table).
 * @csspart import - The import panel.
 * @csspart dropzone - The drop zone.
 * @csspart file-input - The file input.
 * @csspart progress - Import progress.
 * @csspart report - The import report.
 * @csspart datasets - Saved datasets.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-radius - see README "Theming".
 * @cssprop --mrr-font - see README "Theming".
 *
 * @tagname mrr-movements
 */

export class MrrMovements extends RedrawingElement {
  static override styles = movementsStyles;

  /**
   * The first render, one step per task (an agency's page never blocks long). Before the first
   * step, what is shown is settled (the saved dataset restored, else the example, else nothing) and
   * analysed, in a task alone: the first render draws the data's figures or the empty state, never
   * one replaced by the other. Then the title and the period; the key figures; what "Use these
   * figures" sends; the chart (its month bands fetched meanwhile); the table; the first cohorts
   * (their module fetched meanwhile), then the others; the import and datasets panels. Each part
   * comes below what is drawn already. Later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [
    {
      name: 'figures',
      before: () =>
        this.settleSource().then(() => {
          this.analyse();
          return nextTask();
        }),
    },
    // Offline without a chunk, the step comes without it (the chart without month bands, no cohorts).
    { name: 'kpis' },
    { name: 'use-figures' },
    { name: 'chart', before: () => this.loadChartMonths().catch(() => undefined) },
    { name: 'table' },
    { name: 'cohorts', before: () => this.heatmapLoaded.catch(() => undefined) },
    { name: 'cohorts-all' },
    { name: 'sources', before: () => this.panelsLoaded.catch(() => undefined) },
  ];

  /** Show the built-in example dataset when nothing was imported or opened. */
  @property({ type: Boolean }) example = false;
  /**
   * Periods to analyse, set from code (replaces what is shown): `SubscriptionPeriod` objects or
   * `PeriodColumns`. After an import or when a saved dataset is open, it holds that data as
   * columns. Replace the value, don't mutate it.
   */
  @property({ attribute: false }) periods: PeriodsInput | null = null;

  @state() private source: Source = { kind: 'none' };
  @state() private preset: RangePreset = 'last12';
  @state() private from = '';
  @state() private to = '';
  @state() private cohortMetric: CohortMetric = 'revenue';
  @state() private announcement = '';
  @state() private figuresNote: 'sent' | 'missing' | null = null;
  /** The chart's month whose tooltip shows (pointer or keyboard), index in the rows shown. */
  @state() private chartMonth: number | null = null;

  /** Movements and cohorts of the data shown (null when none). */
  analysis: SubscriptionAnalysis | null = null;
  /** Summary of the selected period. */
  summary: SummaryMetrics | null = null;
  /** Movement rows of the selected period. */
  rows: MovementRow[] = [];
  /** Resolves once the saved state (last dataset) is restored, or the example is shown. */
  ready: Promise<void> = Promise.resolve();

  private ownPeriods: PeriodsInput | null = null;
  private analysed: { periods: PeriodsInput | null; currency: string } = { periods: null, currency: '' };
  private opening?: Promise<void>;

  protected readonly i18n = new LocaleController(this, messages);
  /** Width of the card's content box, where the chart is drawn. */
  private readonly contentWidth = new ResizeController(this, { selector: '[part="base"]' });
  /** Reading saved datasets (storage, worker analysis of large ones). */
  private readonly opener = new DatasetOpenController(this);
  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  readonly persist = new PersistController<{ datasetId: string | null }>(this, {
    component: 'movements',
    key: () => this.storageKey,
    restore: (data) => {
      if (data.datasetId && this.source.kind === 'none') this.opening = this.openDataset(data.datasetId, false);
    },
  });
  readonly datasets = new DatasetsController(this, (record) => {
    if (this.source.kind === 'dataset' && this.source.id === record.id) {
      this.source = { kind: 'unsaved', name: record.name };
      this.remember(null);
    }
  });
  readonly importer = new ImportController(this, {
    onImported: (result, name) => {
      // The worker already analysed the columns: nothing of the million periods is read here.
      this.show(result.columns, result.report.currency, { kind: 'unsaved', name }, result.analysis);
    },
    onSaved: (record, result) => {
      const renamed = this.source.kind === 'dataset' && this.source.id === record.id;
      if (this.ownPeriods === result.columns) this.source = { kind: 'dataset', id: record.id, name: record.name };
      // Saved by the user's button (a retry, a new name): the button is gone, so focus the
      // confirmation, which names the dataset. Saved on its own after an import: focus stays.
      if (!this.importer.savedAutomatically) this.focusLater('#saved-message');
      this.remember(record.id);
      this.datasets.added(record);
      if (renamed) return;
      this.dispatchEvent(
        new MrrEvent<DatasetSavedDetail>('mrr-dataset-saved', {
          id: record.id,
          name: record.name,
          periodCount: record.periodCount,
        }),
      );
    },
    unsaved: (record) => {
      // Undo of the automatic save: the dataset goes, the data stays shown as not saved.
      this.datasets.remove(record);
      void this.datasets.commitDelete();
      this.focusLater('#save-dataset');
    },
    announce: (what) => this.announceImport(what),
  });

  /** The cohort heatmap's renderer: below the fold, so it loads after the element's first render. */
  private heatmap?: typeof import('./cohort-heatmap.js');
  private readonly heatmapLoaded = import('./cohort-heatmap.js').then((module) => {
    this.heatmap = module;
    this.requestUpdate();
  });

  /**
   * The import and datasets panels (and the import report): drawn last, below the data, so
   * fetched at once and drawn in the first render's last step.
   */
  private panels?: [
    typeof import('./import-panel.js'),
    typeof import('./datasets-panel.js'),
    typeof import('./import-report.js'),
  ];
  private readonly panelsLoaded = Promise.all([
    import('./import-panel.js'),
    import('./datasets-panel.js'),
    import('./import-report.js'),
  ]).then((modules) => {
    this.panels = modules;
    this.requestUpdate();
  });

  /** The chart's month bands and tooltip: fetched at once, drawn from the chart's step, with their styles. */
  private chartMonths?: typeof import('../../src/ui/chart-months.js');
  private readonly chartMonthsLoaded = import('../../src/ui/chart-months.js');

  /** Adds the month bands (and their styles) to the chart; the render root's own styles are in place by then. */
  private async loadChartMonths(): Promise<void> {
    const module = await this.chartMonthsLoaded;
    if (this.chartMonths) return;
    this.chartMonths = module;
    const root = this.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, module.chartMonthsStyles.styleSheet!];
    this.requestUpdate();
  }

  /** What is shown, once settled: the saved dataset restored (or not), else the example if asked. */
  private sourceSettled?: Promise<void>;

  /**
   * Settles what is shown, once, when the first step comes: by then the controllers are connected
   * (a staged element connects them a task after the script's), so `persist.restored` is the read
   * of what is saved, not the promise it holds before.
   */
  private settleSource(): Promise<void> {
    return (this.sourceSettled ??= this.persist.restored.then(async () => {
      await this.opening;
      if (this.source.kind === 'none' && !this.periods && this.example) this.showExample();
    }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first render's first step waits for the source to settle: its end is the end of that wait.
    this.ready = this.updateComplete.then(() => this.settleSource());
  }

  /** Shows the built-in example dataset (the "Load example data" button). */
  loadExample(): void {
    this.showExample();
    this.remember(null);
  }

  /** Remembers the open dataset now, not after the debounce: a reload right after Save must find it. */
  private remember(datasetId: string | null): void {
    this.persist.save({ datasetId });
    void this.persist.flush();
  }

  /**
   * Opens a saved dataset by id; resolves when it is shown (or failed to load). Large datasets are
   * analysed in a worker, so the page stays responsive while a million periods are read.
   */
  async openDataset(id: string, remember = true): Promise<void> {
    const opened = await this.opener.open(id, { reportMissing: remember });
    if (!opened) return;
    const { record, columns, analysis } = opened;
    this.show(columns, record.currency, { kind: 'dataset', id: record.id, name: record.name }, analysis);
    if (remember) this.remember(id);
  }

  /** Starts an import of `file` (what the file input and the drop zone do). */
  importFile(file: File): Promise<void> {
    return this.importer.choose(file);
  }

  private showExample(): void {
    this.show(examplePeriods(), EXAMPLE_CURRENCY, { kind: 'example' });
  }

  /** Shows `periods`; `analysis`, when given, is theirs (computed elsewhere) and is not redone. */
  private show(periods: PeriodsInput, currency: string, source: Source, analysis: SubscriptionAnalysis | null = null): void {
    this.ownPeriods = periods;
    this.periods = periods;
    this.currency = currency;
    this.source = source;
    if (analysis) {
      this.analysed = { periods, currency };
      this.analysis = analysis;
      this.preset = 'last12';
      this.figuresNote = null;
      // Large data (analysed off the page): its figures first, the rest a part per frame.
      this.redrawInSteps(REDRAWN_IN_STEPS);
    }
  }

  /** Analyses the data shown when it (or the currency) changed since the last analysis. */
  private analyse(): void {
    if (this.periods !== this.ownPeriods) {
      this.ownPeriods = this.periods;
      this.source = this.periods ? { kind: 'property' } : { kind: 'none' };
    }
    if (this.analysed.periods !== this.periods || this.analysed.currency !== this.currency) {
      this.analysed = { periods: this.periods, currency: this.currency };
      this.analysis = this.periods ? analyzeSubscriptions(this.periods, { currency: this.currency }) : null;
      this.preset = 'last12';
      this.figuresNote = null;
    }
  }

  override willUpdate(): void {
    this.analyse();
    const months = this.analysis?.movements.map((r) => r.month) ?? [];
    const range = resolveRange(months, this.preset, this.from, this.to);
    this.from = range.from;
    this.to = range.to;
    this.rows = this.analysis ? this.analysis.movements.slice(range.fromIndex, range.toIndex + 1) : [];
    this.summary = this.rows.length
      ? summaryMetrics(this.analysis!.movements, { month: range.to, window: this.rows.length })
      : null;
    // NRR and GRR compound the months that start with MRR. The very first months of a dataset
    // start with none (the business had not begun), so "All months" measures retention from the
    // first month that has starting MRR instead of refusing the whole window.
    let lead = 0;
    while (lead < this.rows.length - 1 && this.rows[lead]?.startingMrr === 0) lead += 1;
    this.retentionMonths = this.rows.length - lead;
    this.retentionFrom = lead > 0 ? (this.rows[lead]?.month ?? '') : '';
    if (this.summary && lead > 0) {
      const retention = summaryMetrics(this.analysis!.movements, { month: range.to, window: this.retentionMonths });
      const reasons = { ...this.summary.reasons };
      delete reasons.nrrPct;
      delete reasons.grrPct;
      if (retention.reasons.nrrPct) reasons.nrrPct = retention.reasons.nrrPct;
      if (retention.reasons.grrPct) reasons.grrPct = retention.reasons.grrPct;
      this.summary = { ...this.summary, nrrPct: retention.nrrPct, grrPct: retention.grrPct, reasons };
    }
  }

  /** Months NRR and GRR compound over (the selected months from the first with starting MRR). */
  private retentionMonths = 0;
  /** First month NRR and GRR compound from, when the selection starts earlier (months without MRR); else ''. */
  private retentionFrom = '';

  /**
   * What "Use these figures" sends for the selected period (shown beside the button), or null
   * without enough data: the calculator's starting assumptions, the client churn tile, the months.
   */
  figures(): UseFiguresDetail | null {
    const measured = this.summary ? measuredAssumptions(this.summary, this.rows) : null;
    if (!measured || !this.summary) return null;
    return { ...measured, clientChurnPct: this.summary.churnPct, from: this.from, to: this.to };
  }

  private useFigures(): void {
    const detail = this.figures();
    if (!detail) {
      this.figuresNote = 'missing';
      return;
    }
    // Events are the one way elements feed each other: the page passes these to a calculator's applyFigures().
    this.dispatchEvent(new MrrEvent<UseFiguresDetail>('mrr-use-figures', detail));
    this.figuresNote = 'sent';
  }

  private announceImport(what: 'sniffing' | 'importing' | 'progress' | 'done' | 'cancelled' | 'refused'): void {
    const step = this.importer.step;
    const t = this.i18n.t.bind(this.i18n);
    if (what === 'sniffing') this.announcement = t('sniffing');
    else if (what === 'importing' && step.kind === 'importing') this.announcement = t('importing', { name: step.file.name });
    else if (what === 'progress' && step.kind === 'importing' && step.progress)
      this.announcement = t('progressText', {
        rows: this.i18n.number(step.progress.rowsRead),
        rate: this.i18n.number(step.progress.rowsPerSecond),
      });
    else if (what === 'done' && step.kind === 'report')
      this.announcement = this.i18n.tp('importDone', step.result.report.periodsImported);
    else if (what === 'cancelled') this.announcement = t('cancelled');
    else if (what === 'refused' && step.kind === 'refused')
      this.announcement = this.panels?.[2].fatalMessage(this.i18n, step.fatal) ?? '';
    void this.updateComplete.then(() => this.focusAfterImport(what));
  }

  private focusAfterImport(what: string): void {
    const root = this.renderRoot;
    if (what === 'importing') root.querySelector<HTMLElement>('#cancel-import')?.focus();
    else if (what === 'cancelled') root.querySelector<HTMLElement>('#file')?.focus();
    else if (what === 'done') root.querySelector<HTMLElement>('#import-report h4')?.focus();
  }

  private money(major: number, exact = false): string {
    const minor = toMinor(major, this.currency);
    return this.i18n.money(minor, this.currency, exact ? undefined : { round: true });
  }

  private sourceName(): string {
    const s = this.source;
    if (s.kind === 'example') return this.i18n.t('exampleName');
    if (s.kind === 'dataset' || s.kind === 'unsaved') return s.name;
    return '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const name = this.sourceName();
    const currentId = this.source.kind === 'dataset' ? this.source.id : null;
    return html`<div part="base" class="layout" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <div class="head">
        <h2 id="title">${t('title')}</h2>
        ${
          name
            ? html`<p class="source" id="source" title=${name}>
                ${named((mark) => t(this.source.kind === 'unsaved' ? 'showingUnsaved' : 'showing', { name: mark }), name)}
              </p>`
            : nothing
        }
      </div>
      ${this.opener.loading ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${this.opener.failed ? html`<p class="notice" role="alert">${t('loadFailed')}</p>` : nothing}
      ${this.analysis ? this.renderAnalysis() : this.renderEmpty()}
      ${this.reached('sources') && this.panels ? this.renderSources(this.panels, currentId) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">${this.announcement}</div>
    </div>`;
  }

  /** The import and datasets panels, and the storage notice. */
  private renderSources(
    [{ renderImportPanel }, { renderDatasetsPanel }]: NonNullable<typeof this.panels>,
    currentId: string | null,
  ) {
    return html`<div class="sources">
        ${renderImportPanel(this.i18n, this.importer)}
        ${renderDatasetsPanel(this.i18n, this.datasets, currentId, {
          open: (record: DatasetRecord) => void this.openDataset(record.id),
          afterRename: (id) => this.focusLater(`li[data-id="${id}"] .rename-button`, 'li[data-id] .rename-input'),
          afterDelete: () => this.focusLater('#undo-delete'),
          afterUndo: (id) => this.focusLater(`li[data-id="${id}"] .delete`),
        })}
      </div>
      ${this.renderStorageNotice()}`;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.heatmap?.showScrollHint(this.renderRoot);
    const input = this.renderRoot.querySelector<HTMLInputElement>('.rename-input');
    if (input && this.renamingFocused !== this.datasets.renaming?.id) {
      this.renamingFocused = this.datasets.renaming?.id;
      input.focus();
      input.select();
    } else if (!input) this.renamingFocused = undefined;
  }
  private renamingFocused?: string;

  private focusLater(...selectors: string[]): void {
    void this.updateComplete.then(() => {
      for (const s of selectors) {
        const el = this.renderRoot.querySelector<HTMLElement>(s);
        if (el) return el.focus();
      }
    });
  }

  /**
   * One "not saved" notice for the element: storage unavailable (saving the open dataset, listing
   * datasets), unless the save form already says it with what happens to the imported data.
   */
  private renderStorageNotice() {
    const step = this.importer.step;
    if (step.kind === 'report' && step.save === 'failed') return nothing;
    if (this.persist.status !== 'unsaved' && this.datasets.status !== 'failed') return nothing;
    const quota = this.persist.status === 'unsaved' && this.persist.failure === 'quota';
    return html`<p class="notice" part="notice" role="status" id="storage-notice">
      ${quota ? this.i18n.c('storage.quota') : this.i18n.c('storage.unsaved')}
    </p>`;
  }

  private renderEmpty() {
    if (this.opener.loading) return nothing;
    return html`<section class="empty" aria-labelledby="empty-title">
      <h3 id="empty-title">${this.i18n.t('empty.title')}</h3>
      <p>${this.i18n.t('empty.body')}</p>
      <button type="button" id="load-example" @click=${() => this.loadExample()}>${this.i18n.t('loadExample')}</button>
    </section>`;
  }

  private renderAnalysis() {
    const t = this.i18n.t.bind(this.i18n);
    const rows = this.rows;
    const s = this.summary;
    if (!s || rows.length === 0) return html`<p class="notice" role="note">${t('noMrr')}</p>`;
    const range = { from: formatMonth(this.from, this.i18n.locale, 'long'), to: formatMonth(this.to, this.i18n.locale, 'long') };
    const months = this.analysis!.movements.map((r) => r.month);
    const chartWidth = Math.min(this.contentWidth.value, 1100);
    const labelStep = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor(chartWidth / 70))));
    const cohorts: CohortRow[] = this.analysis!.cohorts.cohorts.filter((c) => c.cohort >= this.from && c.cohort <= this.to);
    return html`${renderPeriodSelector(this.i18n, months, { preset: this.preset, from: this.from, to: this.to }, (next) => {
      this.preset = next.preset;
      this.from = next.from;
      this.to = next.to;
      this.figuresNote = null;
    })}
    ${
      this.reached('kpis')
        ? renderKpis(this.i18n, s, (v, exact) => this.money(v, exact), range, rows, {
            months: this.retentionMonths,
            from: this.retentionFrom && formatMonth(this.retentionFrom, this.i18n.locale, 'long'),
          })
        : nothing
    }
    ${
      this.reached('use-figures')
        ? renderUseFigures(this.i18n, this.figures(), {
            gross: s.grossMrrChurnPct,
            range,
            money: (v) => this.money(v, true),
            note: this.figuresNote,
            use: () => this.useFigures(),
          })
        : nothing
    }
    ${this.reached('chart') ? this.renderChart(rows, range, chartWidth, labelStep) : nothing}
    ${this.reached('table') ? this.renderTable(rows, range) : nothing}
    ${
      this.reached('cohorts')
        ? (this.heatmap?.renderCohortHeatmap(
            this.i18n,
            cohorts,
            this.cohortMetric,
            (m) => (this.cohortMetric = m),
            this.reached('cohorts-all') ? undefined : COHORTS_FIRST,
          ) ?? nothing)
        : nothing
    }`;
  }

  private renderChart(rows: MovementRow[], range: { from: string; to: string }, chartWidth: number, labelStep: number) {
    const t = this.i18n.t.bind(this.i18n);
    return movementChart(
      rows.map((r, i) => ({
        ...r,
        name: formatMonth(r.month, this.i18n.locale, 'long'),
        // The chart labels every labelStep-th month and the last; drop the one that would crowd the last.
        label:
          i !== rows.length - 1 && rows.length - 1 - i < labelStep
            ? ''
            : formatMonth(r.month, this.i18n.locale, chartWidth < 560 ? 'numeric' : 'tick'),
      })),
      {
        width: chartWidth,
        rtl: this.i18n.dir === 'rtl',
        formatTick: (v) => this.i18n.money(toMinor(v, this.currency), this.currency, { compact: true }),
        title: t('chartTitle', range),
        description: t('chartDesc', {
          start: this.money(rows[0]?.startingMrr ?? 0),
          end: this.money(rows.at(-1)?.endingMrr ?? 0),
        }),
        seriesLabels: {
          mrr: t('series.mrr'),
          new: t('series.new'),
          expansion: t('series.expansion'),
          reactivation: t('series.reactivation'),
          contraction: t('series.contraction'),
          churn: t('series.churn'),
        },
        series: ['new', 'expansion', 'reactivation', 'contraction', 'churn'],
        axisTitles: { mrr: t('chart.axisMrr'), change: t('chart.axisChange') },
        interactive: this.chartMonths && {
          overlay: this.chartMonths.monthOverlay,
          active: this.chartMonth !== null && this.chartMonth < rows.length ? this.chartMonth : null,
          onActive: (index, focus) => {
            this.chartMonth = index;
            if (focus && index !== null) this.focusLater(`.chart .month[data-month="${index}"]`);
          },
          formatValue: (v) => this.money(v),
          hint: t('chart.monthsHint'),
        },
      },
    );
  }

  private renderTable(rows: MovementRow[], range: { from: string; to: string }) {
    const t = this.i18n.t.bind(this.i18n);
    return renderMovementsTable(
      this.i18n,
      rows,
      (v) => this.money(v, true),
      t('chartTitle', range),
      () =>
        downloadText(
          movementsToCsv(rows, this.currency),
          `${(this.sourceName() || 'mrr').replace(/[^\p{L}\p{N}_-]+/gu, '-')}-movements.csv`,
        ),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-movements': MrrMovements;
  }
  interface HTMLElementEventMap {
    'mrr-use-figures': MrrEvent<UseFiguresDetail>;
    'mrr-dataset-saved': MrrEvent<DatasetSavedDetail>;
  }
}

import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { movementChart as MovementChart, Series } from '../../src/ui/movement-chart.js';
import type { messages } from './messages.js';
import type { CalculatorView } from './state.js';

export interface ResultsOptions {
  view: CalculatorView;
  /** The "last valid result" notice and a refusal no field carries (FormController.renderStatus). */
  status: TemplateResult | typeof nothing;
  /** A field is refused: the figures shown are the last valid ones. */
  stale: boolean;
  /** "1 month", "24 months". */
  months: (n: number) => string;
  chartWidth: number;
  money: (major: number, style?: 'compact' | 'exact' | 'rounded') => string;
  tableOpen: boolean;
  onTableToggle: (e: Event) => void;
  /** The data table (rendered only while open). */
  table: TemplateResult | typeof nothing;
  /** The chart renderer, loaded after the first paint; until then a frame of its exact size. */
  chart?: typeof MovementChart;
}

const SERIES: Series[] = ['new', 'expansion', 'contraction', 'churn'];

/**
 * The chart's place while its module loads (the form and the figures paint first): the same
 * figure, SVG size and legend as movementChart() draws, so nothing moves when the chart arrives.
 */
function chartFrame(width: number, title: string, labels: Record<Series | 'mrr', string>): TemplateResult {
  const w = Math.max(240, Math.round(width));
  const h = Math.round(Math.min(320, Math.max(220, w * 0.45)));
  return html`<figure class="chart" part="chart">
    <svg role="img" aria-label=${title} viewBox="0 0 ${w} ${h}" width=${w} height=${h}></svg>
    <figcaption class="legend" part="legend">
      <span><i class="swatch mrr"></i>${labels.mrr}</span>
      ${SERIES.map((k) => html`<span><i class="swatch ${k}"></i>${labels[k]}</span>`)}
    </figcaption>
  </figure>`;
}

/**
 * The "what less churn is worth" line, true to the churn typed: one point less when churn is a
 * point or more, none at all below that, a word on keeping clients at zero churn, and nothing
 * when there is no MRR for churn to take.
 */
function churnLever(i18n: LocaleController<typeof messages.en>, o: ResultsOptions, n: string): TemplateResult | typeof nothing {
  const churnPct = o.view.assumptions.churnPct ?? 0;
  const lever = o.view.lever;
  let text: string | undefined;
  if (churnPct === 0) text = i18n.t('churnLeverZero');
  else if (lever.mrr > 0) {
    const params = { mrr: o.money(lever.mrr), arr: o.money(lever.arr), n };
    text = churnPct >= 1 ? i18n.t('churnLever', params) : i18n.t('churnLeverAll', params);
  }
  return text === undefined ? nothing : html`<p class="lever" part="lever" data-kpi="lever">${text}</p>`;
}

/** Key figures, the "less churn" line, the chart and its table. */
export function renderResults(i18n: LocaleController<typeof messages.en>, o: ResultsOptions): TemplateResult {
  const p = o.view.projection;
  const t = i18n.t.bind(i18n);
  const s = p.summary;
  const n = i18n.number(p.months.length);
  const months = o.months(p.months.length);
  const pctOrNa = (v: number | null) => (v === null ? i18n.c('common.na') : i18n.percent(v, 1));
  const title = t('chartTitle', { months });
  const seriesLabels = {
    mrr: t('series.mrr'),
    new: t('series.new'),
    expansion: t('series.expansion'),
    reactivation: '',
    contraction: t('series.contraction'),
    churn: t('series.churn'),
  };
  return html`<section class="results" part="results" aria-labelledby="results-title" ?data-stale=${o.stale}>
    <h2 id="results-title" class="visually-hidden">${t('results')}</h2>
    ${o.status}
    <dl class="kpis" part="kpis">
      <div class="kpi">
        <dt>${t('mrrNow')}</dt>
        <dd data-kpi="mrr-now">${o.money(s.startingMrr)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('mrrAtHorizon', { months })}</dt>
        <dd data-kpi="mrr-end">${o.money(s.endingMrr)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('arr', { months })}</dt>
        <dd data-kpi="arr">${o.money(s.arr)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('netNew')}</dt>
        <dd data-kpi="net-new">${o.money(s.netNewMrr)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('nrr')}</dt>
        <dd data-kpi="nrr">${pctOrNa(s.nrrPct)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('grr')}</dt>
        <dd data-kpi="grr">${pctOrNa(s.grrPct)}</dd>
      </div>
    </dl>
    ${churnLever(i18n, o, n)} ${s.capped ? html`<p class="notice" role="note">${t('capped')}</p>` : nothing}
    ${
      o.chart
        ? o.chart(
            p.months.map((m) => ({ ...m, label: i18n.number(m.month) })),
            {
              width: o.chartWidth,
              rtl: i18n.dir === 'rtl',
              formatTick: (v) => o.money(v, 'compact'),
              title,
              description: t('chartDesc', { start: o.money(s.startingMrr), end: o.money(s.endingMrr) }),
              seriesLabels,
              series: SERIES,
            },
          )
        : chartFrame(o.chartWidth, title, seriesLabels)
    }
    <details class="table-details" .open=${o.tableOpen} @toggle=${o.onTableToggle}>
      <summary>${i18n.c('common.showTable')}</summary>
      ${o.table}
    </details>
  </section>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import type { movementChart as MovementChart, Series } from '../../src/ui/movement-chart.js';
import type { CalculatorView } from './state.js';
import { chartLegendStyles } from '../../src/ui/chart-legend-styles.js';
import { resultMessages } from './results.messages.js';

/** The figures' words (results.messages.ts), in the element's language. */
export type ResultWords = LocaleController<typeof resultMessages.en>;

/** The figures' words for `host` (their catalogue loads with this module; `whenReady` before they render). */
export const wordsFor = (host: ConstructorParameters<typeof LocaleController>[0]): ResultWords =>
  new LocaleController(host, resultMessages);

/** The chart's figure and legend (its frame's size before the plot is drawn), adopted when this module loads. */
export const styles = chartLegendStyles;

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

/** Where the "5 to 25 times" figure comes from. */
export const RETENTION_SOURCE_URL = 'https://hbr.org/2014/10/the-value-of-keeping-the-right-customers';

/** "Keeping a client costs 5 to 25 times less… (source)", the source a link to the article. */
function retentionClaim(i18n: ResultWords): TemplateResult {
  const [before = '', after = ''] = i18n.t('retentionClaim').split('{source}');
  return html`${before}<a class="source" href=${RETENTION_SOURCE_URL} target="_blank" rel="noopener noreferrer"
      ><cite>${i18n.t('retentionSource')}</cite></a
    >${after}`;
}

/**
 * The "what less churn is worth" line, true to the churn typed: one point less when churn is a
 * point or more (with what keeping a client costs, and its source), none at all below that, a
 * word on keeping clients at zero churn, and nothing when there is no MRR for churn to take.
 */
function churnLever(i18n: ResultWords, o: ResultsOptions, n: string): TemplateResult | typeof nothing {
  const churnPct = o.view.assumptions.churnPct ?? 0;
  const lever = o.view.lever;
  let text: TemplateResult | string | undefined;
  if (churnPct === 0) text = i18n.t('churnLeverZero');
  else if (lever.mrr > 0) {
    const params = { mrr: o.money(lever.mrr), arr: o.money(lever.arr), n };
    text = churnPct >= 1 ? html`${i18n.t('churnLever', params)} ${retentionClaim(i18n)}` : i18n.t('churnLeverAll', params);
  }
  return text === undefined ? nothing : html`<p class="lever" part="lever" data-kpi="lever">${text}</p>`;
}

/**
 * One key figure. While a field is refused the figures are the last valid ones: each tile says so
 * (visible, and read with the figure) besides being dimmed.
 */
function tile(id: string, label: string, value: string, stale: string | undefined, hint?: string): TemplateResult {
  return html`<div class="kpi" ?data-stale=${!!stale}>
    <dt>${label}</dt>
    <dd data-kpi=${id}>${value}</dd>
    ${stale ? html`<dd class="kpi-stale">${stale}</dd>` : nothing} ${hint ? html`<dd class="kpi-hint">${hint}</dd>` : nothing}
  </div>`;
}

/** Key figures, the "less churn" line, the chart and its table. */
export function renderResults(i18n: ResultWords, o: ResultsOptions): TemplateResult {
  const p = o.view.projection;
  const t = i18n.t.bind(i18n);
  const s = p.summary;
  const n = i18n.number(p.months.length);
  const months = o.months(p.months.length);
  const pctOrNa = (v: number | null) => (v === null ? i18n.c('common.na') : i18n.percent(v, 1));
  const title = t('chartTitle', { months });
  const stale = o.stale ? t('staleTile') : undefined;
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
    <dl class="kpis stale-tiles" part="kpis">
      ${tile('mrr-now', t('mrrNow'), o.money(s.startingMrr), stale)}
      ${tile('mrr-end', t('mrrAtHorizon', { months }), o.money(s.endingMrr), stale)}
      ${tile('arr', t('arr', { months }), o.money(s.arr), stale)} ${tile('net-new', t('netNew'), o.money(s.netNewMrr), stale)}
      ${tile('nrr', t('nrr', { months }), pctOrNa(s.nrrPct), stale, t('nrrHint', { months, year: o.months(12) }))}
      ${tile('grr', t('grr', { months }), pctOrNa(s.grrPct), stale, t('grrHint', { months, year: o.months(12) }))}
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

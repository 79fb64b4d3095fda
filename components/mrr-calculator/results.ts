import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { Projection } from '../../src/core/mrr.js';
import { movementChart } from '../../src/ui/movement-chart.js';
import type { messages } from './messages.js';

export interface ResultsOptions {
  projection: Projection;
  /** What one point less churn adds at the horizon (major units). */
  lever?: { mrr: number; arr: number };
  /** A field is invalid: the figures shown are the last valid ones. */
  stale: boolean;
  chartWidth: number;
  money: (major: number, style?: 'compact' | 'exact' | 'rounded') => string;
  tableOpen: boolean;
  onTableToggle: (e: Event) => void;
  /** The data table (rendered only while open). */
  table: TemplateResult | typeof nothing;
}

/** Key figures, the "one point less churn" line, the chart and its table. */
export function renderResults(l: LocaleController<typeof messages.en>, o: ResultsOptions): TemplateResult {
  const p = o.projection;
  const t = l.t.bind(l);
  const s = p.summary;
  const n = l.number(p.months.length);
  const stale = o.stale;
  const pctOrNa = (v: number | null) => (v === null ? l.c('common.na') : l.percent(v, 1));
  const lever = o.lever && o.lever.mrr > 0 ? o.lever : undefined;
  return html`<section class="results" part="results" aria-labelledby="results-title" ?data-stale=${stale}>
    <h2 id="results-title" class="visually-hidden">${t('results')}</h2>
    ${stale ? html`<p class="stale" role="note">${l.c('common.stale')}</p>` : nothing}
    <dl class="kpis" part="kpis">
      <div class="kpi">
        <dt>${t('mrrNow')}</dt>
        <dd data-kpi="mrr-now">${o.money(s.startingMrr)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('mrrAtHorizon', { n })}</dt>
        <dd data-kpi="mrr-end">${o.money(s.endingMrr)}</dd>
      </div>
      <div class="kpi">
        <dt>${t('arr', { n })}</dt>
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
    <p class="lever" part="lever" data-kpi="lever">
      ${lever ? t('churnLever', { mrr: o.money(lever.mrr), arr: o.money(lever.arr), n }) : t('churnLeverZero')}
    </p>
    ${s.capped ? html`<p class="notice" role="note">${t('capped')}</p>` : nothing}
    ${movementChart(
      p.months.map((m) => ({ ...m, label: l.number(m.month) })),
      {
        width: o.chartWidth,
        rtl: l.dir === 'rtl',
        formatTick: (v) => o.money(v, 'compact'),
        title: t('chartTitle', { n }),
        description: t('chartDesc', { start: o.money(s.startingMrr), end: o.money(s.endingMrr) }),
        seriesLabels: {
          mrr: t('series.mrr'),
          new: t('series.new'),
          expansion: t('series.expansion'),
          reactivation: t('series.reactivation'),
          contraction: t('series.contraction'),
          churn: t('series.churn'),
        },
        series: ['new', 'expansion', 'contraction', 'churn'],
      },
    )}
    <details class="table-details" .open=${o.tableOpen} @toggle=${o.onTableToggle}>
      <summary>${l.c('common.showTable')}</summary>
      ${o.table}
    </details>
  </section>`;
}

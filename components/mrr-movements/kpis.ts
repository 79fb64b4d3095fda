import { html, nothing } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { SummaryMetrics, UnavailableReason } from '../../src/core/metrics.js';
import type { MovementRow } from '../../src/core/movements.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;

/** One tile: a figure, or "Not enough data" with the reason (never 0, NaN or Infinity). */
function tile(
  i18n: MovementsLocale,
  id: string,
  label: string,
  value: string | null,
  reason?: UnavailableReason | 'noStartingCustomers',
  detail?: string,
) {
  return html`<div class="kpi" data-kpi=${id} ?data-missing=${value === null}>
    <dt>${label}</dt>
    <dd>
      ${value ?? i18n.t('notEnoughData')}
      ${value === null && reason ? html`<span class="why">${i18n.t(`reason.${reason}`)}</span>` : nothing}
      ${value !== null && detail ? html`<span class="why">${detail}</span>` : nothing}
    </dd>
  </div>`;
}

/** Customers at the start of a row's month (as the core counts them for churn). */
const startingCustomers = (r: MovementRow) => r.customers - r.newCustomers - r.reactivatedCustomers + r.churnedCustomers;

/**
 * The key figures of the selected period, from core `summaryMetrics` (the component computes none
 * itself). `money` formats major units in the dataset currency (whole units unless `exact`); `range` names the period.
 */
export function renderKpis(
  i18n: MovementsLocale,
  s: SummaryMetrics,
  money: (major: number, exact?: boolean) => string,
  range: { from: string; to: string },
  rows: readonly MovementRow[],
  retention: { months: number; from: string },
) {
  const retentionMonths = retention.months;
  // Retention compounds only months that start with MRR: when the selection starts before the
  // business had any, the tiles say which months they cover and why.
  const retentionWhy = retention.from ? i18n.t('retentionWhy', { from: retention.from, to: range.to }) : undefined;
  const pct = (v: number | null) => (v === null ? null : i18n.percent(v, 1));
  const r = s.reasons;
  // Churn is measured against the customers at the start: with none there (a first month), say so
  // rather than "no customers" beside a customers tile that shows some.
  const churnReason = r.churnPct === 'noCustomers' && s.customers > 0 ? 'noStartingCustomers' : r.churnPct;
  const only = rows.length === 1 ? rows[0] : undefined;
  const churnDetail = only
    ? i18n.t('churnDetail', {
        churned: i18n.number(only.churnedCustomers),
        starting: i18n.number(startingCustomers(only)),
        month: range.to,
      })
    : undefined;
  return html`<section class="kpi-section" aria-labelledby="kpis-title">
    <h3 id="kpis-title">${i18n.t('kpisTitle', range)}</h3>
    <dl class="kpis" part="kpis">
      ${tile(i18n, 'mrr', i18n.t('kpi.mrr'), money(s.endingMrr))} ${tile(i18n, 'arr', i18n.t('kpi.arr'), money(s.endingMrr * 12))}
      ${tile(i18n, 'customers', i18n.t('kpi.customers'), i18n.number(s.customers))}
      ${tile(i18n, 'arpa', i18n.t('kpi.arpa'), s.arpa === null ? null : money(s.arpa, true), r.arpa)}
      ${tile(i18n, 'logo-churn', i18n.t('kpi.logoChurn'), pct(s.churnPct), churnReason, churnDetail)}
      ${tile(i18n, 'gross-churn', i18n.t('kpi.grossChurn'), pct(s.grossMrrChurnPct), r.grossMrrChurnPct)}
      ${tile(i18n, 'net-churn', i18n.t('kpi.netChurn'), pct(s.netMrrChurnPct), r.netMrrChurnPct)}
      ${tile(i18n, 'nrr', i18n.tp('kpi.nrr', retentionMonths), pct(s.nrrPct), r.nrrPct, retentionWhy)}
      ${tile(i18n, 'grr', i18n.tp('kpi.grr', retentionMonths), pct(s.grrPct), r.grrPct, retentionWhy)}
      ${tile(i18n, 'quick-ratio', i18n.t('kpi.quickRatio'), s.quickRatio === null ? null : i18n.number(s.quickRatio, 2), r.quickRatio)}
      ${tile(i18n, 'ltv', i18n.t('kpi.ltv'), s.ltv.value === null ? null : money(s.ltv.value), s.ltv.reason ?? undefined)}
    </dl>
  </section>`;
}

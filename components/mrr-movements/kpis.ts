import { html, nothing } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { SummaryMetrics, UnavailableReason } from '../../src/core/metrics.js';
import type { MovementRow } from '../../src/core/movements.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;

/** One tile: a figure, or "Not enough data" with the reason (never 0, NaN or Infinity). */
function tile(
  l: MovementsLocale,
  id: string,
  label: string,
  value: string | null,
  reason?: UnavailableReason | 'noStartingCustomers',
  detail?: string,
) {
  return html`<div class="kpi" data-kpi=${id} ?data-missing=${value === null}>
    <dt>${label}</dt>
    <dd>
      ${value ?? l.t('notEnoughData')}
      ${value === null && reason ? html`<span class="why">${l.t(`reason.${reason}`)}</span>` : nothing}
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
  l: MovementsLocale,
  s: SummaryMetrics,
  money: (major: number, exact?: boolean) => string,
  range: { from: string; to: string },
  rows: readonly MovementRow[],
  retentionMonths: number,
) {
  const pct = (v: number | null) => (v === null ? null : l.percent(v, 1));
  const r = s.reasons;
  // Churn is measured against the customers at the start: with none there (a first month), say so
  // rather than "no customers" beside a customers tile that shows some.
  const churnReason = r.churnPct === 'noCustomers' && s.customers > 0 ? 'noStartingCustomers' : r.churnPct;
  const only = rows.length === 1 ? rows[0] : undefined;
  const churnDetail = only
    ? l.t('churnDetail', {
        churned: l.number(only.churnedCustomers),
        starting: l.number(startingCustomers(only)),
        month: range.to,
      })
    : undefined;
  return html`<section class="kpi-section" aria-labelledby="kpis-title">
    <h3 id="kpis-title">${l.t('kpisTitle', range)}</h3>
    <dl class="kpis" part="kpis">
      ${tile(l, 'mrr', l.t('kpi.mrr'), money(s.endingMrr))} ${tile(l, 'arr', l.t('kpi.arr'), money(s.endingMrr * 12))}
      ${tile(l, 'customers', l.t('kpi.customers'), l.number(s.customers))}
      ${tile(l, 'arpa', l.t('kpi.arpa'), s.arpa === null ? null : money(s.arpa, true), r.arpa)}
      ${tile(l, 'logo-churn', l.t('kpi.logoChurn'), pct(s.churnPct), churnReason, churnDetail)}
      ${tile(l, 'gross-churn', l.t('kpi.grossChurn'), pct(s.grossMrrChurnPct), r.grossMrrChurnPct)}
      ${tile(l, 'net-churn', l.t('kpi.netChurn'), pct(s.netMrrChurnPct), r.netMrrChurnPct)}
      ${tile(l, 'nrr', l.tp('kpi.nrr', retentionMonths), pct(s.nrrPct), r.nrrPct)}
      ${tile(l, 'grr', l.tp('kpi.grr', retentionMonths), pct(s.grrPct), r.grrPct)}
      ${tile(l, 'quick-ratio', l.t('kpi.quickRatio'), s.quickRatio === null ? null : l.number(s.quickRatio, 2), r.quickRatio)}
      ${tile(l, 'ltv', l.t('kpi.ltv'), s.ltv.value === null ? null : money(s.ltv.value), s.ltv.reason ?? undefined)}
    </dl>
  </section>`;
}

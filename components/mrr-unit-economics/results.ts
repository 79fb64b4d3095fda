import { html, svg, type TemplateResult } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { Figure, LtvPoint, TargetStatus, Targets, UnitEconomics } from '../../src/core/unit-economics.js';
import type { EconomicsMessages } from './messages.js';

type L = LocaleController<EconomicsMessages>;

/** A figure's text: the value formatted, or the localized reason it has none (never 0, NaN or ∞). */
export function figureText(i18n: L, f: Figure | undefined, format: (v: number) => string): string {
  if (!f) return i18n.c('common.na');
  return f.value === null ? i18n.t(`reason.${f.reason}`) : format(f.value);
}

const ICONS: Record<TargetStatus, TemplateResult> = {
  met: svg`<path d="M4 10.5l4 4 8-9" />`,
  missed: svg`<path d="M5 5l10 10M15 5L5 15" />`,
  unknown: svg`<path d="M4 10h12" />`,
};

/** A target verdict as an icon plus words, so it never relies on colour alone. */
function verdict(i18n: L, status: TargetStatus): TemplateResult {
  return html`<span class="verdict" data-status=${status}>
    <svg class="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">${ICONS[status]}</svg>
    <span>${i18n.t(`target.${status}`)}</span>
  </span>`;
}

export function renderTargets(
  i18n: L,
  r: UnitEconomics,
  status: { ltvToCac: TargetStatus; payback: TargetStatus },
  targets: Targets,
  fmt: { ratio: (v: number) => string; months: (v: number) => string },
) {
  const t = i18n.t.bind(i18n);
  return html`<ul class="targets" part="targets">
    <li data-target="ltv-to-cac">
      <span class="target-name">${t('targetLtvToCacLine', { target: i18n.number(targets.minLtvToCac ?? 3, 1) })}</span>
      ${verdict(i18n, status.ltvToCac)}
      <span class="target-value">${t('targetValue', { value: figureText(i18n, r.ltvToCac, fmt.ratio) })}</span>
    </li>
    <li data-target="payback">
      <span class="target-name">${t('targetPaybackLine', { target: i18n.number(targets.maxPaybackMonths ?? 12, 1) })}</span>
      ${verdict(i18n, status.payback)}
      <span class="target-value">${t('targetValue', { value: figureText(i18n, r.paybackMonths, fmt.months) })}</span>
    </li>
  </ul>`;
}

/** The cost of winning a client beside the cost of keeping one, and their ratio. */
export function renderWinKeep(i18n: L, r: UnitEconomics, retentionPerMonth: number | null, money: (v: number) => string) {
  const t = i18n.t.bind(i18n);
  return html`<section class="win-keep" part="win-keep" aria-labelledby="win-keep-title">
    <h3 id="win-keep-title">${t('winKeep')}</h3>
    <dl class="pair">
      <div>
        <dt>${t('winCost')}</dt>
        <dd data-kpi="win">${figureText(i18n, r.cac, money)}</dd>
      </div>
      <div>
        <dt>${t('keepMonthly')}</dt>
        <dd data-kpi="keep-month">${retentionPerMonth === null ? i18n.c('common.na') : money(retentionPerMonth)}</dd>
      </div>
      <div>
        <dt>${t('keepLifetime')}</dt>
        <dd data-kpi="keep-lifetime">${figureText(i18n, r.retentionCostPerClient, money)}</dd>
      </div>
    </dl>
    <p data-kpi="win-keep-ratio">${winKeepSentence(i18n, r, money)}</p>
  </section>`;
}

/**
 * What is true of winning vs keeping a client, never "costs 0 times as much": winning may cost
 * nothing, about the same, more (× times) or less (then keeping costs × times as much).
 */
function winKeepSentence(i18n: L, r: UnitEconomics, money: (v: number) => string): string {
  const ratio = r.acquisitionToRetentionRatio;
  if (!ratio) return i18n.t('winKeepMissing');
  if (ratio.value === null) return i18n.t(`reason.${ratio.reason}`);
  const keep = r.retentionCostPerClient?.value;
  if (r.cac.value === 0 && keep != null) return i18n.t('winKeepFree', { keep: money(keep) });
  // Compared as they are shown (one decimal), so "1.0 times" reads "about as much".
  const shown = Math.round(ratio.value * 10) / 10;
  const inverse = Math.round((1 / ratio.value) * 10) / 10;
  if (shown > 1) return i18n.t('winKeepRatio', { x: i18n.number(ratio.value, 1) });
  if (inverse > 1) return i18n.t('winKeepInverse', { x: i18n.number(1 / ratio.value, 1) });
  return i18n.t('winKeepSame');
}

/** The curve as a table: the accessible alternative of the chart. */
export function renderCurveTable(i18n: L, points: LtvPoint[], you: number, money: (v: number) => string, caption: string) {
  return html`<details class="table-details">
    <summary>${i18n.c('common.showTable')}</summary>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${i18n.t('col.churn')}</th>
            <th scope="col">${i18n.t('col.ltv')}</th>
          </tr>
        </thead>
        <tbody>
          ${points.map(
            (p) =>
              html`<tr ?data-you=${Math.abs(p.churnPct - you) < 1e-9}>
                <th scope="row">${i18n.percent(p.churnPct, 1)}</th>
                <td>${p.ltv === null ? i18n.t('reason.noChurn') : money(p.ltv)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

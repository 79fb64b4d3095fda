import { html } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { MotionsFigures, MotionsPlan } from '../../src/core/motions.js';
import type { Figure } from '../../src/core/unit-economics.js';
import type { MotionsMessages } from './messages.js';
import { warningIcon } from './segment-editor.js';

type MotionsLocale = LocaleController<MotionsMessages>;

const pctText = (i18n: MotionsLocale, f: Figure) => (f.value === null ? i18n.t('reason.noBase') : i18n.percent(f.value, 2));

/** Key totals: cost to serve, managers, expected expansion. */
export function renderKpis(i18n: MotionsLocale, plan: MotionsPlan, money: (v: number) => string) {
  const t = i18n.t.bind(i18n);
  const total = plan.total;
  return html`<dl class="kpis" part="kpis">
    <div class="kpi">
      <dt>${t('kpi.cost')}</dt>
      <dd data-kpi="cost">${money(total.costToServe)}</dd>
    </div>
    <div class="kpi">
      <dt>${t('kpi.managers')}</dt>
      <dd data-kpi="managers">${i18n.number(total.managersNeeded, 1)}</dd>
    </div>
    <div class="kpi">
      <dt>${t('kpi.expansion')}</dt>
      <dd data-kpi="expansion-mrr">${money(total.expansionMrr)}</dd>
    </div>
    <div class="kpi">
      <dt>${t('kpi.expansionPct')}</dt>
      <dd data-kpi="expansion-pct">${pctText(i18n, total.expansionPct)}</dd>
    </div>
  </dl>`;
}

/**
 * Per segment and in total, in a table that scrolls sideways inside a focusable region when it is
 * wider than its box (`overflows`: then a "scroll" hint shows, and shadows mark the hidden side).
 */
export function renderPlanTable(
  i18n: MotionsLocale,
  plan: MotionsPlan,
  labels: Map<string, string>,
  money: (v: number) => string,
  overflows: boolean,
) {
  const t = i18n.t.bind(i18n);
  const warned = new Set(plan.warnings.map((w) => w.segmentId));
  const cells = (f: MotionsFigures) =>
    html` <td>${i18n.number(f.touchesPerMonth, 0)}</td>
      <td>${i18n.number(f.staffHoursPerMonth, 1)}</td>
      <td>${money(f.costToServe)}</td>
      <td>${money(f.marginAfterService)}</td>
      <td>${i18n.number(f.managersNeeded, 2)}</td>
      <td>${i18n.number(f.managerHeadcount)}</td>
      <td>${money(f.expansionMrr)}</td>
      <td>${pctText(i18n, f.expansionPct)}</td>`;
  return html`<p class="table-title" aria-hidden="true">${t('tableLabel')}</p>
    <p class="scroll-hint" aria-hidden="true" ?hidden=${!overflows}>${t('scrollHint')}</p>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${t('tableLabel')} ?data-overflows=${overflows}>
      <table part="table">
        <caption class="visually-hidden">
          ${t('tableLabel')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('col.segment')}</th>
            <th scope="col">${t('col.costPerClient')}</th>
            <th scope="col">${t('col.touches')}</th>
            <th scope="col">${t('col.hours')}</th>
            <th scope="col">${t('col.costTotal')}</th>
            <th scope="col">${t('col.marginAfter')}</th>
            <th scope="col">${t('col.managers')}</th>
            <th scope="col">${t('col.headcount')}</th>
            <th scope="col">${t('col.expansionMrr')}</th>
            <th scope="col">${t('col.expansionPct')}</th>
          </tr>
        </thead>
        <tbody>
          ${plan.segments.map(
            (s) =>
              html`<tr data-row=${s.segmentId}>
                <th scope="row">
                  <bdi class="name" title=${labels.get(s.segmentId) ?? s.name}>${labels.get(s.segmentId) ?? s.name}</bdi>
                  ${warned.has(s.segmentId) ? html`<span class="row-warning">${warningIcon}<span>${t('warningShort')}</span></span>` : ''}
                </th>
                <td>${money(s.costToServePerClient)}</td>
                ${cells(s)}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr data-row="total">
            <th scope="row">${i18n.c('common.total')}</th>
            <td>${i18n.c('common.na')}</td>
            ${cells(plan.total)}
          </tr>
        </tfoot>
      </table>
    </div>`;
}

import { html } from 'lit';
import type { Projection } from '../../src/core/mrr.js';
import type { ResultWords } from './results.js';

export { tableStyles as styles } from '../../src/ui/theme.js';

/**
 * The projection as a table: the accessible alternative of the chart. Loaded on demand when the
 * user opens "Show the numbers as a table" (it is not needed for the first render).
 */
export function renderProjectionTable(i18n: ResultWords, p: Projection, money: (major: number) => string, months: string) {
  const t = i18n.t.bind(i18n);
  return html`<p class="customers-note" id="customers-note">${t('customersNote')}</p>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${t('chartTitle', { months })}>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${i18n.c('common.month')}</th>
            <th scope="col">${t('col.start')}</th>
            <th scope="col">${t('series.new')}</th>
            <th scope="col">${t('series.expansion')}</th>
            <th scope="col">${t('series.contraction')}</th>
            <th scope="col">${t('series.churn')}</th>
            <th scope="col">${t('col.end')}</th>
            <th scope="col" aria-describedby="customers-note">${t('col.customers')}</th>
          </tr>
        </thead>
        <tbody>
          ${p.months.map(
            (m) =>
              html`<tr>
                <th scope="row">${i18n.number(m.month)}</th>
                <td>${money(m.startingMrr)}</td>
                <td>${money(m.new)}</td>
                <td>${money(m.expansion)}</td>
                <td>${money(m.contraction)}</td>
                <td>${money(m.churn)}</td>
                <td>${money(m.endingMrr)}</td>
                <td>${i18n.number(m.customers, 1)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

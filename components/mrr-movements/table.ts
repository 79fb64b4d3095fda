import { html } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { toCsv } from '../../src/core/csv.js';
import { currencyDigits } from '../../src/core/money.js';
import type { MovementRow } from '../../src/core/movements.js';
import { formatMonth } from './format.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;

/** Money columns of a movement row, in table and CSV order. */
const MONEY = ['startingMrr', 'new', 'expansion', 'reactivation', 'contraction', 'churn', 'endingMrr'] as const;

/**
 * The movements as CSV for a spreadsheet: machine headers (the dbt mrr-playbook's names), plain
 * numbers with a dot and the currency's decimals, one line per month. Localized text belongs on
 * screen, not in data people compute with.
 */
export function movementsToCsv(rows: readonly MovementRow[], currency: string): string {
  const digits = currencyDigits(currency);
  const head = [
    'month',
    'starting_mrr',
    'new',
    'expansion',
    'reactivation',
    'contraction',
    'churn',
    'ending_mrr',
    'customers',
    'new_customers',
    'churned_customers',
    'reactivated_customers',
  ];
  const lines = rows.map((r) => [
    r.month,
    ...MONEY.map((k) => (Object.is(r[k], -0) ? 0 : r[k]).toFixed(digits)),
    r.customers,
    r.newCustomers,
    r.churnedCustomers,
    r.reactivatedCustomers,
  ]);
  // The product's one CSV writer (quoting, formula neutralising): src/core/csv.ts.
  return toCsv([head, ...lines]);
}

/**
 * The movements table: the accessible alternative of the chart, one row per month of the period
 * (`regionLabel` names its scroll region, e.g. the chart title).
 * Cells carry their raw value in `data-value` for scripts and tests.
 */
export function renderMovementsTable(
  i18n: MovementsLocale,
  rows: readonly MovementRow[],
  money: (major: number) => string,
  regionLabel: string,
  onDownload: () => void,
) {
  const t = i18n.t.bind(i18n);
  return html`<section class="table-section" aria-labelledby="table-title">
    <div class="section-head">
      <h3 id="table-title">${t('tableTitle')}</h3>
      <button type="button" id="download-csv" @click=${onDownload}>${t('downloadCsv')}</button>
    </div>
    <details class="table-details">
      <summary>${i18n.c('common.showTable')}</summary>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${regionLabel}>
        <table part="table" id="movements-table">
          <thead>
            <tr>
              <th scope="col">${t('col.month')}</th>
              <th scope="col">${t('col.start')}</th>
              <th scope="col">${t('series.new')}</th>
              <th scope="col">${t('series.expansion')}</th>
              <th scope="col">${t('series.reactivation')}</th>
              <th scope="col">${t('series.contraction')}</th>
              <th scope="col">${t('series.churn')}</th>
              <th scope="col">${t('col.end')}</th>
              <th scope="col">${t('col.customers')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr data-month=${r.month}>
                  <th scope="row">${formatMonth(r.month, i18n.locale)}</th>
                  ${MONEY.map((k) => html`<td data-value=${r[k]}>${money(r[k])}</td>`)}
                  <td data-value=${r.customers}>${i18n.number(r.customers)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </section>`;
}

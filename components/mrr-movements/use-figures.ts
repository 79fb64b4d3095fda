import { html, nothing } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;

/**
 * Detail of `mrr-use-figures`: a calculator's starting assumptions measured on real data
 * (percents 0–100, monthly), with the client churn unit economics takes and the months measured.
 * Churn has two meanings and each has its own name: `churnPct` is **revenue churn** (share of MRR
 * lost each month to clients who leave, as `<mrr-calculator>` takes it); `clientChurnPct` is
 * **client churn** (share of clients who leave each month, the "Client churn" tile, as
 * `<mrr-unit-economics>` takes it).
 */
export interface UseFiguresDetail {
  startingCustomers: number;
  /** Average monthly revenue per client at the end of the period (the ARPA tile). */
  arpa: number;
  newCustomersPerMonth: number;
  /** Revenue churn: % of MRR lost each month to clients who leave (gross MRR churn − contraction). */
  churnPct: number;
  /** % of MRR gained each month from upgrades. */
  expansionPct: number;
  /** % of MRR lost each month to downgrades. */
  contractionPct: number;
  /** Client churn: % of clients who leave each month; null when no client was there to leave. */
  clientChurnPct: number | null;
  /** First and last month measured (`YYYY-MM`). */
  from: string;
  to: string;
}

/**
 * The "Use these figures in the calculator" button and, beside it, exactly what it sends, each
 * figure with its meaning, written as the receiving field will show it (2 decimals). `gross` is
 * the gross MRR churn tile, which revenue churn + contraction add up to.
 */
export function renderUseFigures(
  i18n: MovementsLocale,
  figures: UseFiguresDetail | null,
  o: {
    gross: number | null;
    range: { from: string; to: string };
    money: (major: number) => string;
    note: 'sent' | 'missing' | null;
    use: () => void;
  },
) {
  const t = i18n.t.bind(i18n);
  const pct = (v: number) => i18n.percent(v, 2);
  const row = (id: string, label: string, value: string, meaning: string) =>
    html`<div data-sent=${id}>
      <dt>${label}</dt>
      <dd><bdi>${value}</bdi> <span class="meaning">${meaning}</span></dd>
    </div>`;
  return html`<div class="use-figures">
    <button type="button" class="primary" id="use-figures" aria-describedby="use-figures-hint" @click=${o.use}>
      ${t('useFigures')}
    </button>
    ${
      figures
        ? html`<div class="sent" id="use-figures-hint">
            <p class="hint">${t('useFiguresHint', o.range)}</p>
            <p class="sent-to" id="sent-to-calculator">${t('send.toCalculator')}</p>
            <dl class="sent-list" aria-labelledby="sent-to-calculator">
              ${row('clients', t('send.clients'), i18n.number(Math.round(figures.startingCustomers)), t('send.clientsMeaning', o.range))}
              ${row('arpa', t('send.arpa'), o.money(figures.arpa), t('send.arpaMeaning', o.range))}
              ${row('new-clients', t('send.newClients'), i18n.number(figures.newCustomersPerMonth, 2), t('send.newClientsMeaning'))}
              ${row('revenue-churn', t('send.revenueChurn'), pct(figures.churnPct), t('send.revenueChurnMeaning'))}
              ${row('expansion', t('send.expansion'), pct(figures.expansionPct), t('send.expansionMeaning'))}
              ${row('contraction', t('send.contraction'), pct(figures.contractionPct), t('send.contractionMeaning'))}
            </dl>
            ${
              figures.clientChurnPct === null
                ? nothing
                : html`<p class="sent-to" id="sent-to-economics">${t('send.toEconomics')}</p>
                    <dl class="sent-list" aria-labelledby="sent-to-economics">
                      ${row('arpa-ue', t('send.arpa'), o.money(figures.arpa), t('send.arpaMeaning', o.range))}
                      ${row('client-churn', t('send.clientChurn'), pct(figures.clientChurnPct), t('send.clientChurnMeaning'))}
                    </dl>`
            }
            ${o.gross === null ? nothing : html`<p class="hint" id="gross-note">${t('send.grossNote', { gross: i18n.percent(o.gross, 1) })}</p>`}
          </div>`
        : html`<p class="hint" id="use-figures-hint">${t('figuresMissing')}</p>`
    }
    <div role="status" class="figures-note">
      ${
        o.note === 'sent'
          ? html`<p>${t('figuresSent')}</p>
              <slot name="figures-sent"></slot>`
          : o.note === 'missing'
            ? html`<p>${t('figuresMissing')}</p>`
            : nothing
      }
    </div>
  </div>`;
}

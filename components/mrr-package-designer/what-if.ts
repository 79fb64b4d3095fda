import { html, nothing, type TemplateResult } from 'lit';
import { isolate, type L, numberInput } from './fields.js';
import { fid, typedAt } from './state.js';
import type { View } from './view.js';

/** The what-if: clients on each tier, and the MRR, margin, profit and setup fees that mix brings. */
export function renderWhatIf(v: View): TemplateResult {
  const { t, i18n } = v;
  const mix = v.result?.economics.mix;
  const kpi = (key: string, label: string, value: string) =>
    html`<div class="kpi">
      <dt>${label}</dt>
      <dd data-kpi=${key}>${value}</dd>
    </div>`;
  return html`<section class="what-if" part="what-if" aria-labelledby="what-if-title">
    <h3 id="what-if-title">${t('whatIf')}</h3>
    <p class="hint">${t('whatIfHint')}</p>
    <div class="mix-grid">
      ${v.inputs.tiers.map((tier) =>
        numberInput(i18n, {
          id: fid('mix', tier.id),
          label: t('clientsOn', { tier: isolate(v.tierLabel(tier)) }),
          value: typedAt(v.inputs.mix, tier.id),
          inputmode: 'numeric',
          error: v.errors[fid('mix', tier.id)],
          onInput: (value) => v.edit({ mix: { ...v.inputs.mix, [tier.id]: value } }, fid('mix', tier.id)),
        }),
      )}
    </div>
    ${
      mix
        ? html`<dl class="kpis" ?data-stale=${v.stale}>
            ${kpi('mix-mrr', t('mixMrr'), v.money(mix.mrr))}
            ${kpi('mix-margin', t('mixMargin'), mix.marginPct === null ? t('reason.noPrice') : i18n.percent(mix.marginPct, 2))}
            ${kpi('mix-profit', t('mixProfit'), v.money(mix.grossProfit))}
            ${kpi('mix-clients', t('mixClients'), i18n.number(mix.clients))}
            ${kpi('mix-setup', t('mixSetup'), v.money(mix.setupFees))}
          </dl>`
        : nothing
    }
  </section>`;
}

/** The table-wide settings "Publish on your site" offers. */
export type TableSetting = 'listIncludes' | 'wholeUnitPrices';

/**
 * "Publish on your site": what the site's pricing table shows (never costs or margins), its
 * table-wide settings, the download and what became of the last one. `example` writes the
 * rounding example (`$2,142, not $2,141.70`) in the design's currency.
 */
export function renderExport(
  i18n: L,
  o: {
    message: string;
    settings: Record<TableSetting, boolean>;
    /** The rounding example (`$2,142`, `$2,141.70`); none for a currency without minor units. */
    example?: { whole: string; exact: string };
    onSetting: (setting: TableSetting, on: boolean) => void;
    onExport: () => void;
  },
): TemplateResult {
  const t = i18n.t.bind(i18n);
  const box = (setting: TableSetting, label: string) =>
    html`<label class="check"
      ><input
        type="checkbox"
        id=${setting}
        .checked=${o.settings[setting]}
        @change=${(e: Event) => o.onSetting(setting, (e.target as HTMLInputElement).checked)}
      />${label}</label
    >`;
  return html`<section class="export" part="export" aria-labelledby="export-title">
    <h3 id="export-title">${t('exportDesign')}</h3>
    <p class="hint">${t('exportHint')}</p>
    <fieldset class="table-settings">
      <legend>${t('tableSettings')}</legend>
      ${box('listIncludes', t('listIncludes'))}
      ${box('wholeUnitPrices', o.example ? t('wholeUnitPrices', o.example) : t('wholeUnitPricesPlain'))}
    </fieldset>
    <button type="button" id="export-design" class="primary" @click=${o.onExport}>${t('exportButton')}</button>
    <p class="export-message" role="status">${o.message}</p>
  </section>`;
}

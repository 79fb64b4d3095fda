import { html, nothing, type TemplateResult } from 'lit';
import { isolate, numberInput } from './fields.js';
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

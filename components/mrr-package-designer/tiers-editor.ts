import { html, nothing, type TemplateResult } from 'lit';
import type { PackageFigureReason, TierEconomics } from '../../src/core/packages.js';
import { renderCardRows } from './card-rows.js';
import { issueText } from './catalog-editor.js';
import { isolate, numberInput, removeButton, textField, warningIcon } from './fields.js';
import type { DesignerKey } from './messages.js';
import { tierName } from './read.js';
import { fid, MAX_TEXT, MAX_TIERS, type TierInput, typedAt } from './state.js';
import type { View } from './view.js';

type Figure =
  'listValue' | 'cost' | 'price' | 'grossProfit' | 'marginPct' | 'discountPct' | 'annualPrice' | 'maxDiscountPct' | 'setupFee';

const FIGURES: { key: Figure; label: DesignerKey; kind: 'money' | 'pct' }[] = [
  { key: 'listValue', label: 'fig.listValue', kind: 'money' },
  { key: 'cost', label: 'fig.cost', kind: 'money' },
  { key: 'price', label: 'fig.price', kind: 'money' },
  { key: 'grossProfit', label: 'fig.grossProfit', kind: 'money' },
  { key: 'marginPct', label: 'fig.margin', kind: 'pct' },
  { key: 'discountPct', label: 'fig.discount', kind: 'pct' },
  { key: 'annualPrice', label: 'fig.annualPrice', kind: 'money' },
  { key: 'maxDiscountPct', label: 'fig.maxDiscount', kind: 'pct' },
  { key: 'setupFee', label: 'fig.setupFee', kind: 'money' },
];

const REASONS: Partial<Record<PackageFigureReason, DesignerKey>> = {
  noPrice: 'reason.noPrice',
  noListValue: 'reason.noValue',
  targetUnreachable: 'reason.unreachable',
};

/**
 * Tiers side by side (a column each): what each includes (quantity per product), how it is
 * priced, then its economics and problems in words, computed live by the core. `drawn` (a step of
 * the first render): only the inclusions (0), those and the pricing (1), and the card's rows but
 * its button's (2), and those (3), without the actions below; the table's columns are fixed by its
 * head, so rows added later move nothing.
 */
export function renderTiers(v: View, drawn?: 0 | 1 | 2 | 3): TemplateResult {
  const { t, i18n, inputs } = v;
  const byId = new Map(v.result?.economics.tiers.map((e) => [e.id, e]));
  const tiers = inputs.tiers;
  return html`<section class="tiers" part="tiers">
    <h3 id="tiers-title">${t('tiers')}</h3>
    <p class="hint">${t('tiersHint')}</p>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="tiers-title">
      <table class="tier-table" ?data-stale=${v.stale} data-tiers=${tiers.length}>
        <thead>
          <tr>
            <td></td>
            ${tiers.map(
              (tier) =>
                html`<th scope="col" data-tier=${tier.id}>
                  <div class="tier-head">
                    ${textField(i18n, {
                      id: fid(tier.id, 'name'),
                      label: t('tierName'),
                      hideLabel: true,
                      max: MAX_TEXT,
                      value: tierName(tier, t),
                      onInput: (value) => v.editTier(tier.id, { name: value, ex: undefined }, 'name'),
                    })}
                    ${removeButton(fid(tier.id, 'remove'), t('removeTier', { name: v.tierLabel(tier) }), () => v.removeTier(tier.id))}
                  </div>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${inputs.catalog.map(
            (p) =>
              html`<tr data-product=${p.key}>
                <th scope="row"><span class="clip" title=${v.productLabel(p)}>${v.productLabel(p)}</span></th>
                ${tiers.map(
                  (tier) =>
                    html`<td>
                      ${numberInput(i18n, {
                        id: fid(tier.id, p.key),
                        label: t('includes', { product: isolate(v.productLabel(p)), tier: isolate(v.tierLabel(tier)) }),
                        hideLabel: true,
                        inputmode: 'numeric',
                        value: typedAt(tier.quantities, p.key),
                        error: v.errors[fid(tier.id, p.key)],
                        onInput: (value) => v.editTier(tier.id, { quantities: { ...tier.quantities, [p.key]: value } }, p.key),
                      })}
                    </td>`,
                )}
              </tr>`,
          )}
          ${
            drawn === 0
              ? nothing
              : html`<tr class="pricing">
                  <th scope="row">${t('pricing')}</th>
                  ${tiers.map((tier) => html`<td>${renderPricing(v, tier)}</td>`)}
                </tr>`
          }
        </tbody>
        ${drawn === undefined || drawn > 1 ? renderCardRows(v, drawn !== 2) : nothing}
        ${drawn === undefined ? renderEconomics(v, byId) : nothing}
      </table>
    </div>
    ${drawn === undefined ? renderActions(v) : nothing}
  </section>`;
}

function renderEconomics(v: View, byId: Map<string, TierEconomics>): TemplateResult {
  const { t } = v;
  const tiers = v.inputs.tiers;
  return html`<tbody class="figures" part="economics">
    <tr class="section">
      <th scope="rowgroup" colspan=${tiers.length + 1}>${t('economics')}</th>
    </tr>
    ${FIGURES.map(
      (f) =>
        html`<tr data-figure=${f.key}>
          <th scope="row">${t(f.label)}</th>
          ${tiers.map((tier) => html`<td class="figure" data-tier=${tier.id}>${figure(v, byId.get(tier.id), f)}</td>`)}
        </tr>`,
    )}
    <tr class="problems">
      <th scope="row">${t('problems')}</th>
      ${tiers.map((tier) => html`<td data-tier=${tier.id}>${renderTierIssues(v, tier)}</td>`)}
    </tr>
  </tbody>`;
}

function renderActions(v: View): TemplateResult {
  const { t } = v;
  const tiers = v.inputs.tiers;
  return html`<div class="actions">
    <button type="button" id="add-tier" class="add" ?disabled=${tiers.length >= MAX_TIERS} @click=${v.addTier}>
      ${t('addTier')}
    </button>
    ${tiers.length >= MAX_TIERS ? html`<span class="hint">${t('maxTiers')}</span>` : nothing}
  </div>`;
}

function renderPricing(v: View, tier: TierInput): TemplateResult {
  const { t, i18n } = v;
  const id = fid(tier.id, 'pricing');
  const field = tier.pricing === 'price' ? 'price' : 'discountPct';
  // Two radios rather than a select: their words wrap in a narrow tier column, a select's are cut.
  return html`<div class="pricing-cell">
    <fieldset id=${id} class="pricing-choice">
      <legend class="visually-hidden">${t('fieldOf', { field: t('pricing'), name: v.tierLabel(tier) })}</legend>
      ${(['discount', 'price'] as const).map(
        (choice) =>
          html`<label class="check"
            ><input
              type="radio"
              name=${id}
              value=${choice}
              .checked=${tier.pricing === choice}
              @change=${() => v.editTier(tier.id, { pricing: choice }, 'pricing')}
            />${t(`pricing.${choice}`)}</label
          >`,
      )}
    </fieldset>
    ${numberInput(i18n, {
      id: fid(tier.id, field),
      label: t('fieldOf', { field: t(field === 'price' ? 'fixedPrice' : 'discountPct'), name: v.tierLabel(tier) }),
      hideLabel: true,
      value: tier[field],
      suffix: field === 'price' ? v.currency : '%',
      error: v.errors[fid(tier.id, field)],
      onInput: (value) => v.editTier(tier.id, { [field]: value }, field),
    })}
  </div>`;
}

function figure(v: View, e: TierEconomics | undefined, f: (typeof FIGURES)[number]): string {
  if (!e) return '—';
  const value = e[f.key];
  if (value === null) {
    const reason = e.reasons[f.key as keyof TierEconomics['reasons']];
    // A list value of 0 is "nothing included" only when the tier includes nothing: products
    // priced 0 are included all the same.
    if (reason === 'noListValue' && v.result?.design.tiers.find((x) => x.id === e.id)?.items.length)
      return v.t('reason.zeroValue');
    return v.t((reason && REASONS[reason]) || 'reason.other');
  }
  // A negative "largest discount" is no discount at all: even the list price misses the target.
  if (f.key === 'maxDiscountPct' && value < 0) return v.t('reason.noDiscount');
  return f.kind === 'money' ? v.money(value) : v.i18n.percent(value, 2);
}

function renderTierIssues(v: View, tier: TierInput): TemplateResult {
  const own = (v.result?.economics.issues ?? []).filter((i) => i.tierId === tier.id);
  if (!v.result) return html``;
  if (!own.length) return html`<p class="ok">${v.t('noProblems')}</p>`;
  return html`<ul class="issues" part="issues">
    ${own.map((i) => html`<li data-issue=${i.code}>${warningIcon}<span>${issueText(v, i)}</span></li>`)}
  </ul>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { removeButton, textField } from './fields.js';
import { fid, MAX_HREF, MAX_TEXT, newId, shown, type TierInput } from './state.js';
import type { View } from './view.js';

/** Draws one row of the card: its name, then a cell per tier. */
type Row = (name: string, key: string, cell: (tier: TierInput) => TemplateResult) => TemplateResult;

/**
 * The rows of the tiers table that set each tier's card on the pricing table, edited with the tier
 * (a column each): recommended or not, what the client gets (outcomes), the button's label and link
 * (not while `cta` is false: a step of the first render).
 */
export function renderCardRows(v: View, cta = true): TemplateResult {
  const { t } = v;
  const tiers = v.inputs.tiers;
  const row: Row = (name, key, cell) =>
    html`<tr data-card=${key}>
      <th scope="row">${name}</th>
      ${tiers.map((tier) => html`<td data-tier=${tier.id}>${cell(tier)}</td>`)}
    </tr>`;
  return html`<tbody class="card-rows" part="card">
    <tr class="section">
      <th scope="rowgroup" colspan=${tiers.length + 1}>
        ${t('forPricingTable')}
        <span class="hint">${t('forPricingTableHint')}</span>
      </th>
    </tr>
    ${row(t('recommended'), 'highlighted', (tier) => renderHighlight(v, tier))}
    ${row(t('outcomes'), 'outcomes', (tier) => renderOutcomes(v, tier))} ${cta ? renderCta(v, row) : nothing}
  </tbody>`;
}

/** The rows of the card's button: its label and its link. */
function renderCta(v: View, row: Row): TemplateResult {
  const { t } = v;
  return html`${row(t('ctaLabel'), 'ctaLabel', (tier) =>
    textField(v.i18n, {
      id: fid(tier.id, 'ctaLabel'),
      label: t('fieldOf', { field: t('ctaLabel'), name: v.tierLabel(tier) }),
      hideLabel: true,
      max: MAX_TEXT,
      value: tier.ctaLabel,
      placeholder: t('ctaDefault'),
      onInput: (value) => v.editTier(tier.id, { ctaLabel: value }, 'ctaLabel'),
    }),
  )}
  ${row(t('ctaHref'), 'ctaHref', (tier) => {
    const id = fid(tier.id, 'ctaHref');
    return textField(v.i18n, {
      id,
      label: t('fieldOf', { field: t('ctaHref'), name: v.tierLabel(tier) }),
      hideLabel: true,
      max: MAX_HREF,
      value: tier.ctaHref,
      placeholder: 'https://',
      error: v.errors[id] ? t('error.hrefUnsafe') : undefined,
      onInput: (value) => v.editTier(tier.id, { ctaHref: value }, 'ctaHref'),
    });
  })}`;
}

function renderHighlight(v: View, tier: TierInput): TemplateResult {
  return html`<label class="check"
    ><input
      type="checkbox"
      id=${fid(tier.id, 'highlighted')}
      .checked=${tier.highlighted}
      @change=${(e: Event) => v.editTier(tier.id, { highlighted: (e.target as HTMLInputElement).checked }, 'highlighted')}
    /><span class="visually-hidden">${v.t('fieldOf', { field: v.t('recommended'), name: v.tierLabel(tier) })}</span></label
  >`;
}

/** The tier's outcomes: one line each, added and removed in place. */
function renderOutcomes(v: View, tier: TierInput): TemplateResult {
  const { t, i18n } = v;
  const items = tier.outcomes;
  const set = (outcomes: TierInput['outcomes']) => v.editTier(tier.id, { outcomes }, 'outcomes');
  const add = () => {
    const id = newId('x');
    set([...items, { id, text: '' }]);
    v.focus(fid(tier.id, 'outcomes', id));
  };
  const remove = (id: string, index: number) => {
    const next = items.filter((x) => x.id !== id);
    set(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    v.focus(neighbour ? fid(tier.id, 'outcomes', neighbour.id) : fid(tier.id, 'outcomes', 'add'));
  };
  return html`<div class="list" data-list="outcomes">
    <ul aria-label=${t('fieldOf', { field: t('outcomes'), name: v.tierLabel(tier) })}>
      ${items.map((item, i) => {
        const name = t('outcome', { n: i18n.number(i + 1) });
        return html`<li data-item=${item.id}>
          <div class="item-row">
            ${textField(i18n, {
              id: fid(tier.id, 'outcomes', item.id),
              label: t('fieldOf', { field: name, name: v.tierLabel(tier) }),
              hideLabel: true,
              max: MAX_TEXT,
              value: shown(item, t),
              onInput: (value) => set(items.map((x) => (x.id === item.id ? { ...x, text: value, ex: undefined } : x))),
            })}
            ${removeButton(fid(tier.id, 'outcomes', item.id, 'remove'), t('remove', { name }), () => remove(item.id, i))}
          </div>
        </li>`;
      })}
    </ul>
    <button type="button" class="add small" id=${fid(tier.id, 'outcomes', 'add')} @click=${add}>${t('addOutcome')}</button>
  </div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { BILLING_INTERVALS, type BillingInterval } from '../../src/core/money.js';
import type { PackageIssue } from '../../src/core/packages.js';
import { isolate, numberInput, removeButton, textField, warningIcon } from './fields.js';
import type { DesignerKey } from './messages.js';
import { productWords } from './read.js';
import { fid, MAX_DESCRIPTION, MAX_TEXT, type ProductInput, type ProductTextField } from './state.js';
import type { View } from './view.js';

/** The catalogue as a table: one product a row, every field editable, its problems in words under it. `drawn`: only the first rows, without the actions below (a step of the first render). */
export function renderCatalog(v: View, io: TemplateResult, drawn?: number): TemplateResult {
  const { t } = v;
  const issues = v.result?.economics.issues ?? [];
  const cols: DesignerKey[] = [
    'col.id',
    'col.name',
    'col.category',
    'col.description',
    'col.wholesale',
    'col.retail',
    'col.billing',
    'col.setupFee',
    'col.unit',
  ];
  return html`<section class="catalog" part="catalog">
    <h3 id="catalog-title">${t('catalog')}</h3>
    <p class="hint">${t('catalogHint')}</p>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="catalog-title">
      <table class="catalog-table">
        <thead>
          <tr>
            ${cols.map((c) => html`<th scope="col">${t(c)}</th>`)}
            <th scope="col"><span class="visually-hidden">${t('col.actions')}</span></th>
          </tr>
        </thead>
        ${(drawn === undefined ? v.inputs.catalog : v.inputs.catalog.slice(0, drawn)).map((p) => renderProduct(v, p, issues))}
      </table>
    </div>
    ${
      drawn === undefined
        ? html`<div class="actions">
            <button type="button" id="add-product" class="add" @click=${v.addProduct}>${t('addProduct')}</button>
            ${io}
          </div>`
        : nothing
    }
  </section>`;
}

function renderProduct(v: View, p: ProductInput, issues: PackageIssue[]): TemplateResult {
  const { t, i18n } = v;
  const name = v.productLabel(p);
  const words = productWords(p, t);
  const label = (col: DesignerKey) => t('fieldOf', { field: t(col), name });
  const text = (field: ProductTextField, col: DesignerKey, max = MAX_TEXT) =>
    textField(i18n, {
      id: fid(p.key, field),
      label: label(col),
      hideLabel: true,
      max,
      value: field === 'id' ? p.id : words[field],
      multiline: field === 'description',
      wrap: field !== 'description',
      error: field === 'id' && v.errors[fid(p.key, 'id')] ? t('error.idEmpty') : undefined,
      onInput: (value) => v.editProduct(p.key, { [field]: value }, field),
    });
  const num = (field: 'wholesale' | 'retail' | 'setupFee' | 'intervalCount', col: DesignerKey) =>
    numberInput(i18n, {
      id: fid(p.key, field),
      label: label(col),
      hideLabel: true,
      value: p[field],
      error: v.errors[fid(p.key, field)],
      inputmode: field === 'intervalCount' ? 'numeric' : 'decimal',
      onInput: (value) => v.editProduct(p.key, { [field]: value }, field),
    });
  const own = issues.filter((i) => i.productId !== undefined && i.tierId === undefined && i.productId === p.id.trim());
  return html`<tbody data-product=${p.key}>
    <tr>
      <td class="id">${text('id', 'col.id')}</td>
      <td class="name">
        ${text('name', 'col.name')} ${p.exampleFigures ? html`<span class="badge" part="badge">${t('example')}</span>` : nothing}
      </td>
      <td>${text('category', 'col.category')}</td>
      <td class="description">${text('description', 'col.description', MAX_DESCRIPTION)}</td>
      <td class="money">${num('wholesale', 'col.wholesale')}</td>
      <td class="money">${num('retail', 'col.retail')}</td>
      <td class="billing">
        <div class="pair">
          ${num('intervalCount', 'col.intervalCount')}
          <div class="field">
            <label class="visually-hidden" for=${fid(p.key, 'interval')}>${label('col.interval')}</label>
            <select
              id=${fid(p.key, 'interval')}
              @change=${(e: Event) =>
                v.editProduct(p.key, { interval: (e.target as HTMLSelectElement).value as BillingInterval }, 'interval')}
            >
              ${BILLING_INTERVALS.map(
                (i) => html`<option value=${i} ?selected=${i === p.interval}>${t(`interval.${i}` as DesignerKey)}</option>`,
              )}
            </select>
          </div>
        </div>
      </td>
      <td class="money">${num('setupFee', 'col.setupFee')}</td>
      <td>${text('unit', 'col.unit')}</td>
      <td class="row-actions">
        ${removeButton(fid(p.key, 'remove'), t('removeProduct', { name }), () => v.removeProduct(p.key))}
      </td>
    </tr>
    ${
      own.length
        ? html`<tr class="row-issues">
            <td colspan="10">
              <ul class="issues" part="issues">
                ${own.map((i) => html`<li data-issue=${i.code}>${warningIcon}<span>${issueText(v, i)}</span></li>`)}
              </ul>
            </td>
          </tr>`
        : nothing
    }
  </tbody>`;
}

/** One issue of the core's `packageEconomics`, in words. */
export function issueText(v: View, issue: PackageIssue): string {
  const { t } = v;
  const product = v.inputs.catalog.find((p) => p.id.trim() === issue.productId);
  const productName = product ? v.productLabel(product) : (issue.productId ?? '');
  switch (issue.code) {
    case 'belowTargetMargin': {
      const target = v.result?.design.targetMarginPct ?? 0;
      return t('issue.belowTargetMargin', { target: v.i18n.percent(target, 2) });
    }
    case 'notSuperset':
      return t('issue.notSuperset', { product: isolate(productName) });
    case 'belowCost':
    case 'priceOrder':
    case 'duplicateProduct':
    case 'emptyName':
    case 'zeroPrice':
    case 'freeYearly':
      return t(`issue.${issue.code}`);
    default:
      return t('issue.other', { code: String((issue as { code: string }).code) });
  }
}

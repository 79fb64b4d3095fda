import { html, type nothing, type TemplateResult } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { BILLING_INTERVALS, type BillingInterval } from '../../src/core/money.js';
import { type FieldError, numberField } from '../../src/ui/fields.js';
import type { messages } from './messages.js';
import type { PlanInput } from './state.js';

export interface PlanListOptions {
  plans: PlanInput[];
  currency: string;
  /** The error of a field id (messages that name other fields already resolved). */
  errorOf: (id: string) => FieldError | undefined;
  onChange: (index: number, patch: Partial<PlanInput>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** The "Plan 2 removed. Undo" message (UndoController). */
  undo: TemplateResult;
  /** The price of a new client, asked when no plan is listed to take it from. */
  newClientPrice: TemplateResult | typeof nothing;
}

/** The plan list: price, billing interval, number of periods and clients per plan. */
export function renderPlanList(l: LocaleController<typeof messages.en>, o: PlanListOptions): TemplateResult {
  const t = l.t.bind(l);
  const plans = o.plans;
  return html`<div class="plans">
    ${plans.map(
      (p, i) =>
        html`<fieldset class="plan">
          <legend>${t('planRow', { n: l.number(i + 1) })}</legend>
          ${numberField(l, {
            id: `plan-${i}-price`,
            label: t('planPrice'),
            value: p.price,
            suffix: o.currency,
            error: o.errorOf(`plan-${i}-price`),
            onInput: (v) => o.onChange(i, { price: v }),
          })}
          <div class="field">
            <label for="plan-${i}-interval">${t('planInterval')}</label>
            <div class="input-wrap">
              <select
                id="plan-${i}-interval"
                @change=${(e: Event) => o.onChange(i, { interval: (e.target as HTMLSelectElement).value as BillingInterval })}
              >
                ${BILLING_INTERVALS.map((iv) => html`<option value=${iv} ?selected=${iv === p.interval}>${t(`interval.${iv}`)}</option>`)}
              </select>
            </div>
          </div>
          ${numberField(l, {
            id: `plan-${i}-intervalCount`,
            label: t('planCount'),
            value: p.intervalCount,
            inputmode: 'numeric',
            error: o.errorOf(`plan-${i}-intervalCount`),
            onInput: (v) => o.onChange(i, { intervalCount: v }),
          })}
          ${numberField(l, {
            id: `plan-${i}-clients`,
            label: t('planClients'),
            value: p.clients,
            inputmode: 'numeric',
            error: o.errorOf(`plan-${i}-clients`),
            onInput: (v) => o.onChange(i, { clients: v }),
          })}
          <button
            type="button"
            class="remove"
            @click=${() => o.onRemove(i)}
            aria-label=${t('removePlan', { n: l.number(i + 1) })}
          >
            ${l.c('common.remove')}
          </button>
        </fieldset>`,
    )}
    <button type="button" id="add-plan" @click=${o.onAdd}>${t('addPlan')}</button>
    ${o.undo} ${o.newClientPrice}
  </div>`;
}

import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { BILLING_INTERVALS, type BillingInterval } from '../../src/core/money.js';
import { type FieldError, numberField } from '../../src/ui/fields.js';
import type { messages } from './messages.js';
import type { PlanInput } from './state.js';
import { planMessages } from './plans.messages.js';
import { controlStyles } from '../../src/ui/theme.js';

/** What the plan list needs from the calculator. */
export interface PlanListHost {
  i18n: LocaleController<typeof messages.en>;
  /** The plans as typed. */
  plans: () => PlanInput[];
  /** A user edit of the list (withdraws an Undo offer). */
  edit: (plans: PlanInput[]) => void;
  /** Undo put `plans` back. */
  restored: (plans: PlanInput[]) => void;
}

/**
 * The plan list's editing (add, change, remove with Undo), loaded with its UI the first time the
 * calculator shows plans (most people use clients × price).
 */
export class PlanList {
  readonly undo: UndoController<PlanInput[]>;
  /** The plan list's words (their own catalogue, loaded with it). */
  readonly words: LocaleController<typeof planMessages.en>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly o: PlanListHost,
  ) {
    this.undo = new UndoController<PlanInput[]>(host, { fallbackFocus: 'add-plan', restore: o.restored });
    this.words = new LocaleController(host, planMessages);
  }

  /** Resolves once the list's words are loaded in the element's language (undefined when they are). */
  ready(): Promise<unknown> | undefined {
    const loading = this.words.whenReady(() => undefined);
    return loading instanceof Promise ? loading : undefined;
  }

  private change(index: number, patch: Partial<PlanInput>): void {
    this.o.edit(this.o.plans().map((p, i) => (i === index ? { ...p, ...patch } : p)));
  }

  private add(): void {
    const plans = [...this.o.plans(), { price: '', interval: 'month' as BillingInterval, intervalCount: '1', clients: '' }];
    this.o.edit(plans);
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLInputElement>(`#plan-${plans.length - 1}-price`)?.focus(),
    );
  }

  private remove(index: number): void {
    const plans = this.o.plans();
    this.o.edit(plans.filter((_, i) => i !== index));
    this.undo.offer({
      snapshot: plans,
      message: () => this.words.t('planRemoved', { n: this.o.i18n.number(index + 1) }),
      focus: `plan-${index}-price`,
    });
  }

  render(o: { currency: string; errorOf: PlanListOptions['errorOf']; newClientPrice: () => TemplateResult }): TemplateResult {
    const plans = this.o.plans();
    return renderPlanList(this.o.i18n, this.words, {
      plans,
      currency: o.currency,
      errorOf: o.errorOf,
      onChange: (i, patch) => this.change(i, patch),
      onAdd: () => this.add(),
      onRemove: (i) => this.remove(i),
      undo: this.undo.render(this.o.i18n.c('common.undo')),
      newClientPrice: plans.length === 0 ? o.newClientPrice() : nothing,
    });
  }
}

export interface PlanListOptions {
  plans: PlanInput[];
  currency: string;
  /** The error of a field id (messages that name other fields already resolved). */
  errorOf: (id: string) => FieldError | undefined;
  onChange: (index: number, patch: Partial<PlanInput>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** The "Plan 2 removed. Undo" message (UndoController). */
  undo: TemplateResult | typeof nothing;
  /** The price of a new client, asked when no plan is listed to take it from. */
  newClientPrice: TemplateResult | typeof nothing;
}

/** The plan list: price, billing interval, number of periods and clients per plan. */
export function renderPlanList(
  i18n: LocaleController<typeof messages.en>,
  words: LocaleController<typeof planMessages.en>,
  o: PlanListOptions,
): TemplateResult {
  const t = words.t.bind(words);
  const plans = o.plans;
  return html`<div class="plans">
    ${plans.map(
      (p, i) =>
        html`<fieldset class="plan">
          <legend>${t('planRow', { n: i18n.number(i + 1) })}</legend>
          ${numberField(i18n, {
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
          ${numberField(i18n, {
            id: `plan-${i}-intervalCount`,
            label: t('planCount'),
            value: p.intervalCount,
            inputmode: 'numeric',
            error: o.errorOf(`plan-${i}-intervalCount`),
            onInput: (v) => o.onChange(i, { intervalCount: v }),
          })}
          ${numberField(i18n, {
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
            aria-label=${t('removePlan', { n: i18n.number(i + 1) })}
          >
            ${i18n.c('common.remove')}
          </button>
        </fieldset>`,
    )}
    <button type="button" id="add-plan" @click=${o.onAdd}>${t('addPlan')}</button>
    ${o.undo} ${o.newClientPrice}
  </div>`;
}

/** The plan list's styles (its fieldsets, buttons and Undo message): adopted when this module loads. */
export const styles = [
  controlStyles,
  css`
    fieldset.plan {
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      align-items: end;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      padding: 10px;
    }
    fieldset.plan legend {
      font-weight: 600;
      padding: 0 4px;
    }
  `,
];

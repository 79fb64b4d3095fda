import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { goalSeek, type GoalSeekField, type GoalSeekResult } from '../../src/core/goal-seek.js';
import { currencyDigits } from '../../src/core/money.js';
import { InvalidInputError } from '../../src/core/validation.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { issueError, readNumber } from '../../src/forms/fields.js';
import { controlStyles } from '../../src/ui/theme.js';
import type { FieldError, numberField, radioGroup } from '../../src/ui/fields.js';
import { goalMessages } from './goal.messages.js';
import type { messages } from './messages.js';
import type { CalculatorView, NumericField } from './state.js';

/** What "Reach a target" needs from the calculator. */
export interface GoalHost {
  i18n: LocaleController<typeof messages.en>;
  /** The last valid reading (its assumptions are "today's values"). */
  view: () => CalculatorView | undefined;
  /**
   * What the price field is: `all` with clients × price (one average price for every client),
   * `new` when it is only new clients' price (a plan list with no plan), none with plans (new
   * clients pay the plans' mean price: no field to set).
   */
  price: () => 'all' | 'new' | undefined;
  currency: () => string;
  /** Money in the calculator's words (`exact` keeps the minor digits). */
  money: (major: number, style?: 'exact' | 'rounded') => string;
  /** "24 months". */
  months: (n: number) => string;
  /** The user chose to use the answer: one edit of `field` (one `mrr-change`). */
  apply: (field: NumericField, text: string) => void;
  /**
   * The calculator's own field helpers (src/ui/fields.ts). Given rather than imported: a second
   * on-demand chunk importing that module makes the bundler split it, with Lit, out of the
   * calculator's file into shared chunks, which the first load would then fetch (1.5 kB more).
   */
  numberField: typeof numberField;
  radioGroup: typeof radioGroup;
}

/** Each lever: the core field solved for, the input it sets, its words. */
const LEVERS = {
  clients: { field: 'newCustomersPerMonth', input: 'newClients', label: 'newClients' },
  price: { field: 'newCustomerMrr', input: 'price', label: 'price' },
  expansion: { field: 'expansionPct', input: 'expansionPct', label: 'expansion' },
  churn: { field: 'churnPct', input: 'churnPct', label: 'churn' },
} as const satisfies Record<string, { field: GoalSeekField; input: NumericField; label: keyof typeof messages.en }>;
type Lever = keyof typeof LEVERS;

/** A round target above what the figures reach: half as much again, to two significant digits. */
function suggestedTarget(endingMrr: number): number {
  const x = Math.max(endingMrr * 1.5, 1000);
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / unit) * unit;
}

/**
 * "Reach a target": a target MRR, the lever to solve for, the answer in words next to today's value
 * (core `goalSeek`), and one button that sets it. Loaded, with its words and styles, the first time
 * the calculator's "Reach a target" disclosure opens.
 */
export class GoalPanel {
  private readonly words: LocaleController<typeof goalMessages.en>;
  /** The target as typed, with the locale it was written in (re-written on a language switch). */
  private target?: { text: string; locale: string };
  private lever: Lever = 'clients';
  private last?: { view: CalculatorView; lever: Lever; target: number; samePrice: boolean; result: GoalSeekResult };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly o: GoalHost,
  ) {
    this.words = new LocaleController(host, goalMessages);
  }

  /** Resolves once the part's words are loaded in the element's language (undefined when they are). */
  ready(): Promise<unknown> | undefined {
    const loading = this.words.whenReady(() => undefined);
    return loading instanceof Promise ? loading : undefined;
  }

  /** The target's text in the current locale (a language switch re-writes a valid one, never re-reads it). */
  private targetText(view: CalculatorView): string {
    const i18n = this.o.i18n;
    const ctx = { locale: i18n.locale, currency: this.o.currency() };
    if (!this.target) {
      this.target = { text: i18n.number(suggestedTarget(view.projection.summary.endingMrr)), locale: ctx.locale };
    } else if (this.target.locale !== ctx.locale) {
      const old = readNumber(this.target.text, { ...ctx, locale: this.target.locale }, 'money');
      this.target = {
        text: 'value' in old ? i18n.number(old.value, currencyDigits(ctx.currency)) : this.target.text,
        locale: ctx.locale,
      };
    }
    return this.target.text;
  }

  private levers(): Lever[] {
    return this.o.price() ? ['clients', 'price', 'expansion', 'churn'] : ['clients', 'expansion', 'churn'];
  }

  /** The answer for the shown figures (kept while neither they, the lever nor the target change). */
  private solve(view: CalculatorView, lever: Lever, target: number): GoalSeekResult | FieldError {
    const samePrice = this.o.price() === 'all';
    const last = this.last;
    if (last && last.view === view && last.lever === lever && last.target === target && last.samePrice === samePrice)
      return last.result;
    try {
      const result = goalSeek(view.assumptions, {
        field: LEVERS[lever].field,
        targetEndingMrr: target,
        startingAtSamePrice: samePrice,
      });
      this.last = { view, lever, target, samePrice, result };
      return result;
    } catch (e) {
      const issue = e instanceof InvalidInputError ? e.issues.find((i) => i.field === 'targetEndingMrr') : undefined;
      if (!issue) throw e;
      return issueError(issue);
    }
  }

  render(): TemplateResult | typeof nothing {
    const view = this.o.view();
    if (!view) return nothing;
    const i18n = this.o.i18n;
    const w = this.words;
    const currency = this.o.currency();
    const levers = this.levers();
    const lever = levers.includes(this.lever) ? this.lever : 'clients';
    const text = this.targetText(view);
    const read = readNumber(text, { locale: i18n.locale, currency }, 'money');
    const answer = 'value' in read ? this.solve(view, lever, read.value) : read.error;
    const error = 'code' in answer ? answer : undefined;
    const months = this.o.months(view.projection.months.length);
    const priceWords = this.o.price() === 'new' ? 'newPrice' : 'price';
    return html`<div class="goal-body">
      <div class="grid">
        ${this.o.numberField(i18n, {
          id: 'goal-target',
          label: w.t('target'),
          value: text,
          error,
          hint: w.t('targetHint', { months }),
          suffix: currency,
          onInput: (value) => {
            this.target = { text: value, locale: i18n.locale };
            this.host.requestUpdate();
          },
        })}
      </div>
      ${this.o.radioGroup({
        name: 'goal-lever',
        legend: w.t('lever'),
        value: lever,
        options: levers.map((l) => ({ value: l, label: w.t(`lever.${l === 'price' ? priceWords : l}`) })),
        onChange: (l) => {
          this.lever = l;
          this.host.requestUpdate();
        },
      })}
      ${error || !('value' in read) ? nothing : this.renderAnswer(view, lever, answer as GoalSeekResult, read.value, months)}
    </div>`;
  }

  private renderAnswer(view: CalculatorView, lever: Lever, r: GoalSeekResult, target: number, months: string): TemplateResult {
    const i18n = this.o.i18n;
    const w = this.words;
    const a = view.assumptions;
    const priceWords = this.o.price() === 'new' ? 'newPrice' : 'price';
    const words = lever === 'price' ? priceWords : lever;
    if (r.value === null) {
      const sentence = w.t(`unreachable.${words}`, { target: this.o.money(target), months, zero: i18n.percent(0, 0) });
      return html`<p class="goal-answer" data-goal="answer" role="status">${sentence}</p>`;
    }
    const value = r.value;
    const current =
      lever === 'clients'
        ? (a.newCustomersPerMonth ?? 0)
        : lever === 'price'
          ? (a.newCustomerMrr ?? 0)
          : lever === 'expansion'
            ? (a.expansionPct ?? 0)
            : (a.churnPct ?? 0);
    const show = (v: number) =>
      lever === 'clients' ? i18n.number(v, 2) : lever === 'price' ? this.o.money(v, 'exact') : i18n.percent(v, 2);
    // Raising levers: the least that reaches; churn: the most. Within that, today's value already does.
    const enough = lever === 'churn' ? value >= current : value <= current;
    const kind = enough ? 'enough' : 'need';
    const sentence =
      words === 'clients'
        ? w.tp(`${kind}.clients`, value, { current: show(current) })
        : w.t(`${kind}.${words}`, { value: show(value), current: show(current) });
    const { input, label } = LEVERS[lever];
    const typed =
      lever === 'clients' ? i18n.number(value) : i18n.number(value, lever === 'price' ? currencyDigits(this.o.currency()) : 2);
    return html`<p class="goal-answer" data-goal="answer" role="status">${sentence}</p>
      ${
        value === current
          ? nothing
          : html`<button type="button" class="goal-apply" @click=${() => this.use(input, typed)}>
              ${w.t('apply', { field: i18n.t(label), value: show(value) })}
            </button>`
      }`;
  }

  /** Sets the field (one edit, one `mrr-change`), then takes the focus there: the button goes once it is used. */
  private use(input: NumericField, text: string): void {
    this.o.apply(input, text);
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>(`#${input}`)?.focus());
  }
}

/** The part's styles (its button's with them), adopted when it loads. */
export const styles = [
  controlStyles,
  css`
    .goal-body {
      padding-block: 4px 12px;
    }
    .goal-answer {
      margin: 4px 0 8px;
      padding: 10px 12px;
      border-inline-start: 4px solid var(--_accent);
      background: var(--_surface-alt);
      border-radius: calc(var(--_radius) * 0.75);
    }
  `,
];

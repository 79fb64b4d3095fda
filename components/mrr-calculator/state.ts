import { type BillingInterval, BILLING_INTERVALS } from '../../src/core/money.js';
import {
  churnReductionValue,
  type MrrAssumptions,
  type Projection,
  projectMrr,
  validateAssumptions,
} from '../../src/core/mrr.js';
import { type FieldIssue, InvalidInputError } from '../../src/core/validation.js';
import type { FieldErrors, FormContext, FormReading } from '../../src/controllers/form-controller.js';
import { field, issueError, type NumberKind, readNumber } from '../../src/forms/fields.js';

/** What the user typed, kept as text so a reload shows exactly that (and invalid text survives). */
export interface CalculatorInputs {
  mode: 'average' | 'plans';
  clients: string;
  /** Average monthly price per client; in plan-list mode with no plan, the price of a new client. */
  price: string;
  plans: PlanInput[];
  newClients: string;
  churnPct: string;
  expansionPct: string;
  contractionPct: string;
  horizon: string;
}

export interface PlanInput {
  price: string;
  interval: BillingInterval;
  intervalCount: string;
  clients: string;
}

export type NumericField = 'clients' | 'price' | 'newClients' | 'churnPct' | 'expansionPct' | 'contractionPct' | 'horizon';

/** The inputs, declared once (src/forms/fields.ts): reading, re-formatting and cleaning come from it. */
export const FIELDS = {
  mode: field.choice(['average', 'plans']),
  clients: field.amount(),
  price: field.money(),
  plans: field.list(
    { price: field.money(), interval: field.choice(BILLING_INTERVALS), intervalCount: field.amount(), clients: field.amount() },
    { keyed: false, blank: () => ({ price: '0', interval: 'month', intervalCount: '1', clients: '0' }) },
  ),
  newClients: field.amount(),
  churnPct: field.percent(),
  expansionPct: field.percent(),
  contractionPct: field.percent(),
  /** Whole months: read as a number, the core says when it is not whole (with the other fields' limits). */
  horizon: field.amount(),
} as const satisfies Record<keyof CalculatorInputs, unknown>;

/** A valid reading: what the core was given, its projection and the "one point less churn" value. */
export interface CalculatorView {
  assumptions: MrrAssumptions;
  projection: Projection;
  /** What one point less churn adds at the horizon (major units). */
  lever: { mrr: number; arr: number };
}

/** Core fields → input ids. `startingMrr` (clients × price) and plan paths are handled apart. */
const INPUT_OF: Record<string, NumericField> = {
  months: 'horizon',
  newCustomersPerMonth: 'newClients',
  startingCustomers: 'clients',
  newCustomerMrr: 'price',
  churnPct: 'churnPct',
  expansionPct: 'expansionPct',
  contractionPct: 'contractionPct',
};

/** `plans.2.price` → `plan-2-price`; other core fields through INPUT_OF. */
const inputId = (field: string): string | undefined =>
  field.startsWith('plans.') ? field.replace(/^plans\.(\d+)\.(\w+)$/, 'plan-$1-$2') : INPUT_OF[field];

/**
 * Puts one core issue on the fields the user can act on. A derived figure (clients × price, a
 * plan's clients × price) is refused on both fields, with `productTooLarge`; a rule across fields
 * (churn + contraction) goes on the field the user just edited, naming the other one; the params
 * `a`, `b` and `other` are input ids, turned into labels when the message is rendered.
 */
function placeIssue(errors: FieldErrors, issue: FieldIssue, values: Record<string, number>, edited?: string): boolean {
  const max = issue.params?.max;
  if (issue.field === 'startingMrr' || issue.code === 'productTooLarge') {
    const [a, b] = issue.field === 'startingMrr' ? ['clients', 'price'] : (issue.related ?? []).map((f) => inputId(f) ?? f);
    if (!a || !b) return false;
    const error = { code: 'productTooLarge' as const, params: { a, b, ...(max === undefined ? {} : { max }) } };
    errors[a] = error;
    errors[b] = error;
    return true;
  }
  if (issue.code === 'sumTooLarge') {
    const related = (issue.related ?? [issue.field]).map((f) => inputId(f) ?? f);
    const here = edited && related.includes(edited) ? edited : (inputId(issue.field) ?? issue.field);
    const other = related.find((f) => f !== here) ?? here;
    errors[here] = { code: 'sumTooLarge', params: { other, otherValue: values[other] ?? 0, max: max ?? 0 } };
    return true;
  }
  const id = inputId(issue.field);
  if (!id) return false;
  // "Must be 1,000,000 or less" says more than "too large": keep the upper limit only.
  errors[id] = issueError(issue.code === 'tooLarge' && max !== undefined ? { code: issue.code, params: { max } } : issue);
  return true;
}

/**
 * Reads every field in `ctx.locale` (parsing only: the limits live in the core), then lets the
 * core judge: its issues become the errors of the fields they name. `edited` is the field the user
 * changed last, where a rule across fields puts its message. A refusal no field can carry becomes
 * `errors.form` (shown in the results), never a silent old result.
 */
export function readInputs(inputs: CalculatorInputs, ctx: FormContext, edited?: string): FormReading<CalculatorView> {
  const errors: FieldErrors = {};
  const values: Record<string, number> = {};
  const num = (id: string, raw: string, kind: NumberKind = 'amount'): number => {
    const r = readNumber(raw, ctx, kind);
    if ('error' in r) {
      errors[id] = r.error;
      return 0;
    }
    return (values[id] = r.value);
  };
  const a: MrrAssumptions = {
    months: num('horizon', inputs.horizon),
    newCustomersPerMonth: num('newClients', inputs.newClients),
    churnPct: num('churnPct', inputs.churnPct),
    expansionPct: num('expansionPct', inputs.expansionPct),
    contractionPct: num('contractionPct', inputs.contractionPct),
    currency: ctx.currency,
  };
  if (inputs.mode === 'plans') {
    a.plans = inputs.plans.map((p, i) => ({
      price: num(`plan-${i}-price`, p.price, 'money'),
      interval: p.interval,
      intervalCount: num(`plan-${i}-intervalCount`, p.intervalCount),
      clients: num(`plan-${i}-clients`, p.clients),
    }));
    // No plan to take a price from: new clients pay the price typed for them.
    if (a.plans.length === 0) a.newCustomerMrr = num('price', inputs.price, 'money');
  } else {
    a.startingCustomers = num('clients', inputs.clients);
    a.newCustomerMrr = num('price', inputs.price, 'money');
    a.startingMrr = a.startingCustomers * a.newCustomerMrr;
  }
  if (Object.keys(errors).length) return { errors };
  const place = (issues: FieldIssue[]) => {
    for (const issue of issues) if (!placeIssue(errors, issue, values, edited)) errors.form = { code: issue.code };
  };
  place(validateAssumptions(a));
  if (Object.keys(errors).length) return { errors };
  try {
    const projection = projectMrr(a);
    return { errors, result: { assumptions: a, projection, lever: churnReductionValue(a, 1, projection) } };
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    place(e.issues);
    if (Object.keys(errors).length === 0) errors.form = { code: 'invalid' };
    return { errors };
  }
}

/** Example numbers shown before the user types, written in the element's locale by `format`. */
export const EXAMPLE = {
  clients: 40,
  price: 500,
  newClients: 4,
  churnPct: 3,
  expansionPct: 1,
  contractionPct: 0.5,
  horizon: 24,
  plans: [
    { price: 300, interval: 'month' as BillingInterval, intervalCount: 1, clients: 25 },
    { price: 6000, interval: 'year' as BillingInterval, intervalCount: 1, clients: 15 },
  ],
};

export type CalculatorDefaults = Partial<Omit<typeof EXAMPLE, 'plans'>>;

export function exampleInputs(format: (n: number) => string, overrides: CalculatorDefaults = {}): CalculatorInputs {
  const e = { ...EXAMPLE, ...overrides };
  return {
    mode: 'average',
    clients: format(e.clients),
    price: format(e.price),
    plans: EXAMPLE.plans.map((p) => ({
      price: format(p.price),
      interval: p.interval,
      intervalCount: format(p.intervalCount),
      clients: format(p.clients),
    })),
    newClients: format(e.newClients),
    churnPct: format(e.churnPct),
    expansionPct: format(e.expansionPct),
    contractionPct: format(e.contractionPct),
    horizon: format(e.horizon),
  };
}

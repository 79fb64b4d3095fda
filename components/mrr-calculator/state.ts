import type { BillingInterval } from '../../src/core/money.js';
import type { MrrAssumptions } from '../../src/core/mrr.js';
import { MAX_HORIZON_MONTHS } from '../../src/core/mrr.js';
import { type FieldError, type FieldRule, readNumber } from '../../src/ui/fields.js';

/** What the user typed, kept as text so a reload shows exactly that (and invalid text survives). */
export interface CalculatorInputs {
  mode: 'average' | 'plans';
  clients: string;
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

export const RULES: Record<NumericField, FieldRule> = {
  clients: { integer: true, max: 1e7 },
  price: { max: 1e9, money: true },
  newClients: { max: 1e6 },
  churnPct: { max: 100 },
  expansionPct: { max: 100 },
  contractionPct: { max: 100 },
  horizon: { min: 1, max: MAX_HORIZON_MONTHS, integer: true },
};

const PLAN_RULES = {
  price: { max: 1e9, money: true },
  intervalCount: { min: 1, max: 120, integer: true },
  clients: { integer: true, max: 1e7 },
} satisfies Record<string, FieldRule>;

/** Reads every field; returns the assumptions for core when all are valid, and the errors by field id. */
export function readInputs(
  inputs: CalculatorInputs,
  locale: string,
  currency: string,
): { assumptions?: MrrAssumptions; errors: Record<string, FieldError> } {
  const errors: Record<string, FieldError> = {};
  const num = (id: string, raw: string, rule: FieldRule): number => {
    const r = readNumber(raw, locale, rule, currency);
    if ('error' in r) {
      errors[id] = r.error;
      return 0;
    }
    return r.value;
  };
  const a: MrrAssumptions = {
    months: num('horizon', inputs.horizon, RULES.horizon),
    newCustomersPerMonth: num('newClients', inputs.newClients, RULES.newClients),
    churnPct: num('churnPct', inputs.churnPct, RULES.churnPct),
    expansionPct: num('expansionPct', inputs.expansionPct, RULES.expansionPct),
    contractionPct: num('contractionPct', inputs.contractionPct, RULES.contractionPct),
    currency,
  };
  if (inputs.mode === 'plans') {
    a.plans = inputs.plans.map((p, i) => ({
      price: num(`plan-${i}-price`, p.price, PLAN_RULES.price),
      interval: p.interval,
      intervalCount: num(`plan-${i}-intervalCount`, p.intervalCount, PLAN_RULES.intervalCount),
      clients: num(`plan-${i}-clients`, p.clients, PLAN_RULES.clients),
    }));
  } else {
    a.startingCustomers = num('clients', inputs.clients, RULES.clients);
    a.startingMrr = a.startingCustomers * num('price', inputs.price, RULES.price);
    a.newCustomerMrr = num('price', inputs.price, RULES.price);
  }
  if ((a.churnPct ?? 0) + (a.contractionPct ?? 0) > 100)
    errors.churnPct = { code: 'outOfRange', params: { min: 0, max: 100 - (a.contractionPct ?? 0) } };
  return Object.keys(errors).length ? { errors } : { assumptions: a, errors };
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

import { type Targets, type UnitEconomicsInputs, validateUnitEconomics } from '../../src/core/unit-economics.js';
import { type FieldError, type FieldRule, readNumber } from '../../src/ui/fields.js';

/** What the user typed, kept as text so a reload shows exactly that (and invalid text survives). */
export interface EconomicsInputs {
  /** CAC typed directly, or derived from sales + marketing spend ÷ new clients. */
  cacMode: 'direct' | 'spend';
  arpa: string;
  grossMarginPct: string;
  churnPct: string;
  cac: string;
  salesSpend: string;
  marketingSpend: string;
  newCustomers: string;
  /** Optional: empty means unknown (the win-vs-keep comparison is then not shown). */
  retentionSpendPerClient: string;
  minLtvToCac: string;
  maxPaybackMonths: string;
}

export type EconomicsField = Exclude<keyof EconomicsInputs, 'cacMode'>;

/** Edge rules; they mirror the core schema so the message can say the limits. */
export const RULES: Record<EconomicsField, FieldRule> = {
  arpa: { max: 1e9, money: true },
  grossMarginPct: { max: 100 },
  churnPct: { max: 100 },
  cac: { max: 1e9, money: true },
  salesSpend: { max: 1e11, money: true },
  marketingSpend: { max: 1e11, money: true },
  newCustomers: { integer: true, max: 1e7 },
  retentionSpendPerClient: { max: 1e9, money: true },
  minLtvToCac: { max: 1000 },
  maxPaybackMonths: { max: 1200 },
};

export interface ReadResult {
  economics?: UnitEconomicsInputs;
  targets?: Targets;
  errors: Record<string, FieldError>;
}

/** Reads every field in `locale`; returns the core inputs when all are valid, and the errors by field id. */
export function readInputs(inputs: EconomicsInputs, locale: string, currency: string): ReadResult {
  const errors: Record<string, FieldError> = {};
  const num = (id: EconomicsField): number => {
    const r = readNumber(inputs[id], locale, RULES[id], currency);
    if ('error' in r) {
      errors[id] = r.error;
      return 0;
    }
    return r.value;
  };
  const head = { arpa: num('arpa'), grossMarginPct: num('grossMarginPct'), churnPct: num('churnPct') };
  const cacPart =
    inputs.cacMode === 'direct'
      ? { cac: num('cac') }
      : { salesSpend: num('salesSpend'), marketingSpend: num('marketingSpend'), newCustomers: num('newCustomers') };
  const retentionSpendPerClient = inputs.retentionSpendPerClient.trim() === '' ? null : num('retentionSpendPerClient');
  const economics = { ...head, ...cacPart, retentionSpendPerClient, currency } as UnitEconomicsInputs;
  const targets: Targets = { minLtvToCac: num('minLtvToCac'), maxPaybackMonths: num('maxPaybackMonths') };
  if (Object.keys(errors).length) return { errors };
  // Core has the last word; its field names are the input ids.
  for (const issue of validateUnitEconomics(economics)) {
    if (issue.field in RULES) errors[issue.field] = { code: issue.code, params: limits(issue.field as EconomicsField) };
  }
  return Object.keys(errors).length ? { errors } : { economics, targets, errors };
}

function limits(field: EconomicsField): Record<string, number> {
  const { min = 0, max = 1e12 } = RULES[field];
  return { min, max };
}

/** Example figures of a small agency, shown before the user types. */
export const EXAMPLE = {
  arpa: 1500,
  grossMarginPct: 50,
  churnPct: 4,
  cac: 5000,
  salesSpend: 24000,
  marketingSpend: 16000,
  newCustomers: 8,
  retentionSpendPerClient: 100,
  minLtvToCac: 3,
  maxPaybackMonths: 12,
};

export type EconomicsDefaults = Partial<typeof EXAMPLE>;

export function exampleInputs(format: (n: number) => string, overrides: EconomicsDefaults = {}): EconomicsInputs {
  const e = { ...EXAMPLE, ...overrides };
  return {
    cacMode: 'direct',
    arpa: format(e.arpa),
    grossMarginPct: format(e.grossMarginPct),
    churnPct: format(e.churnPct),
    cac: format(e.cac),
    salesSpend: format(e.salesSpend),
    marketingSpend: format(e.marketingSpend),
    newCustomers: format(e.newCustomers),
    retentionSpendPerClient: format(e.retentionSpendPerClient),
    minLtvToCac: format(e.minLtvToCac),
    maxPaybackMonths: format(e.maxPaybackMonths),
  };
}

import {
  churnImprovementValue,
  evaluateTargets,
  type Figure,
  type LtvPoint,
  ltvCurve,
  type TargetStatus,
  type Targets,
  type UnitEconomics,
  type UnitEconomicsInputs,
  unitEconomics,
  validateTargets,
  validateUnitEconomics,
} from '../../src/core/unit-economics.js';
import type { FieldErrors, FormContext, FormReading } from '../../src/controllers/form-controller.js';
import { field, issueError, parseInputs } from '../../src/forms/fields.js';

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

/** The inputs, declared once (src/forms/fields.ts): reading, re-formatting and cleaning come from it. */
export const FIELDS = {
  cacMode: field.choice(['direct', 'spend']),
  arpa: field.money(),
  grossMarginPct: field.percent(),
  churnPct: field.percent(),
  cac: field.money(),
  salesSpend: field.money(),
  marketingSpend: field.money(),
  newCustomers: field.amount(),
  /** Empty means unknown (the win-vs-keep comparison is then not shown). */
  retentionSpendPerClient: field.money({ optional: true }),
  minLtvToCac: field.amount(),
  maxPaybackMonths: field.amount(),
} as const satisfies Record<keyof EconomicsInputs, unknown>;

export interface EconomicsView {
  inputs: UnitEconomicsInputs;
  result: UnitEconomics;
  targets: Targets;
  status: { ltvToCac: TargetStatus; payback: TargetStatus };
  /** 1–10 % in whole points, for the table. */
  curve: LtvPoint[];
  /** The same range in quarter points, for the chart's line. */
  denseCurve: LtvPoint[];
  lever: Figure;
}

/**
 * Reads every field in `ctx.locale` (parsing only), then lets the core judge: its issues (limits
 * live in the core's schemas) become the errors of the fields they name, which are the input ids.
 */
export function readInputs(inputs: EconomicsInputs, ctx: FormContext): FormReading<EconomicsView> {
  const { values: v, errors: parsed } = parseInputs(FIELDS, inputs, ctx);
  // Only the fields of the chosen way of entering CAC count.
  const unused: EconomicsField[] = inputs.cacMode === 'direct' ? ['salesSpend', 'marketingSpend', 'newCustomers'] : ['cac'];
  const errors: FieldErrors = Object.fromEntries(Object.entries(parsed).filter(([id]) => !unused.includes(id as EconomicsField)));
  if (Object.keys(errors).length) return { errors };
  const n = (id: EconomicsField) => v[id] as number;
  const cacPart =
    inputs.cacMode === 'direct'
      ? { cac: n('cac') }
      : { salesSpend: n('salesSpend'), marketingSpend: n('marketingSpend'), newCustomers: n('newCustomers') };
  const economics = {
    arpa: n('arpa'),
    grossMarginPct: n('grossMarginPct'),
    churnPct: n('churnPct'),
    ...cacPart,
    retentionSpendPerClient: v.retentionSpendPerClient as number | null,
    currency: ctx.currency,
  } as UnitEconomicsInputs;
  const targets: Targets = { minLtvToCac: n('minLtvToCac'), maxPaybackMonths: n('maxPaybackMonths') };
  for (const issue of [...validateUnitEconomics(economics), ...validateTargets(targets)])
    // Over an amount's limit says the limit ("Must be 1,000,000,000,000 or less"); below 0 is `negative`.
    errors[issue.field] =
      issue.code === 'tooLarge' && issue.params?.max !== undefined
        ? { code: 'tooLarge', params: { max: issue.params.max } }
        : issueError(issue);
  if (Object.keys(errors).length) return { errors };
  const result = unitEconomics(economics);
  const ltvInputs = { arpa: economics.arpa, grossMarginPct: economics.grossMarginPct, currency: ctx.currency };
  return {
    errors,
    result: {
      inputs: economics,
      result,
      targets,
      status: evaluateTargets(result, targets),
      curve: ltvCurve(ltvInputs, 1, 10, 10),
      denseCurve: ltvCurve(ltvInputs, 1, 10, 37),
      lever: churnImprovementValue({ ...ltvInputs, churnPct: economics.churnPct }, 1),
    },
  };
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

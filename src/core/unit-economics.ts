/**
 * Unit economics of an agency's recurring clients: lifetime value (LTV), acquisition cost (CAC),
 * LTV:CAC, CAC payback and expected client lifetime. Formulas and edge cases: docs/unit-economics.md.
 *
 * Conventions: money in and out in major units (49.5), computed in minor units of `currency`;
 * money outputs are rounded to the currency's minor unit, ratios and months are returned unrounded
 * (rounding them is display). A figure that is undefined for the inputs (LTV with no churn) is a
 * `Figure` with `value: null` and a `reason`, never 0, NaN or Infinity.
 */
import * as v from 'valibot';
import { currencyDigits, isCurrency, roundHalfAway } from './money.js';
import { InvalidInputError, amount, checkFields, count, lazySchema, percent, type FieldIssue } from './validation.js';

/** Why a figure has no value. */
export type FigureReason =
  /** Churn is 0: the expected lifetime, and so LTV, is unbounded. */
  | 'noChurn'
  /** CAC is 0 (or unknown): LTV:CAC is unbounded or undefined. */
  | 'noCac'
  /** No new customers to divide acquisition spend by. */
  | 'noNewCustomers'
  /** Gross profit per month is 0: CAC is never paid back. */
  | 'noMargin'
  /** Monthly churn is at or below the improvement asked for. */
  | 'churnTooLow'
  /** A denominator is 0 (expansion % of a segment with no MRR, a ratio of nothing). */
  | 'noBase'
  /** The result is too large to be represented (a churn of 1e-300 %). */
  | 'overflow';

/** A computed number, or `null` with the reason it is undefined. */
export type Figure = { value: number; reason?: undefined } | { value: null; reason: FigureReason };

interface CommonInputs {
  /** Average revenue per account (client) per month, major units. */
  arpa: number;
  /** Gross margin on that revenue, 0–100. */
  grossMarginPct: number;
  /** Monthly client churn, 0–100. */
  churnPct: number;
  /** Monthly cost of keeping one client (check-ins, reports, gifts), major units. */
  retentionSpendPerClient?: number | null;
  /** ISO 4217 code; default 'USD'. */
  currency?: string;
}

/** CAC given directly. */
export interface CacInputs extends CommonInputs {
  cac: number;
  salesSpend?: never;
  marketingSpend?: never;
  newCustomers?: never;
}

/** CAC derived: (sales spend + marketing spend) ÷ new customers, over the same period. */
export interface SpendInputs extends CommonInputs {
  cac?: undefined;
  salesSpend: number;
  marketingSpend: number;
  newCustomers: number;
}

export type UnitEconomicsInputs = CacInputs | SpendInputs;

export interface UnitEconomics {
  currency: string;
  /** Lifetime value: ARPA × gross margin ÷ monthly churn. */
  ltv: Figure;
  /** Customer acquisition cost, given or derived from spend. */
  cac: Figure;
  ltvToCac: Figure;
  /** Months of gross profit needed to earn back CAC: CAC ÷ (ARPA × gross margin). */
  paybackMonths: Figure;
  /** Expected client lifetime: 1 ÷ monthly churn. */
  lifetimeMonths: Figure;
  /** 1 − (1 − monthly churn)^12, as 0–100. */
  annualChurnPct: number;
  /** Retention spend over a client's expected lifetime; present when `retentionSpendPerClient` is. */
  retentionCostPerClient?: Figure;
  /** CAC ÷ lifetime retention cost ("acquiring costs N× keeping"); present with the above. */
  acquisitionToRetentionRatio?: Figure;
}

/** The module's schemas, built on first use (src/core/validation.ts `lazySchema`). */
const schemas = lazySchema(() => {
  const currencySchema = v.optional(v.pipe(v.string('outOfRange'), v.check(isCurrency, 'outOfRange')));
  // Entries in form order, so issues come out in the order a person reads the fields.
  const headEntries = { arpa: amount(), grossMarginPct: percent(), churnPct: percent() };
  const tailEntries = { retentionSpendPerClient: v.nullish(amount()), currency: currencySchema };
  const ltv = v.object({ arpa: amount(), grossMarginPct: percent(), currency: currencySchema });
  return {
    cac: v.object({ ...headEntries, cac: amount(), ...tailEntries }),
    spend: v.object({
      ...headEntries,
      salesSpend: amount(),
      marketingSpend: amount(),
      newCustomers: count(),
      ...tailEntries,
    }),
    curve: v.object({
      inputs: ltv,
      churnFromPct: percent(),
      churnToPct: percent(),
      steps: v.pipe(count(1000), v.minValue(2, 'outOfRange')),
    }),
    improvement: v.object({
      inputs: v.object({ ...ltv.entries, churnPct: percent() }),
      points: v.pipe(percent(), v.gtValue(0, 'outOfRange')),
    }),
    targets: v.object({
      minLtvToCac: v.optional(amount(1e9)),
      maxPaybackMonths: v.optional(amount(1e9)),
    }),
  };
});

/** The spend route is taken when `cac` is absent and any spend field is present. */
function usesSpend(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const r = input as Record<string, unknown>;
  return r.cac === undefined && (r.salesSpend !== undefined || r.marketingSpend !== undefined || r.newCustomers !== undefined);
}

function check(input: unknown) {
  return usesSpend(input) ? checkFields(schemas().spend, input) : checkFields(schemas().cac, input);
}

/**
 * Every invalid field of `inputs`, `[]` when valid. Without `cac` and without any spend field,
 * `cac` is reported as `required`.
 */
export function validateUnitEconomics(inputs: unknown): FieldIssue[] {
  const r = check(inputs);
  return r.ok ? [] : r.issues;
}

const val = (value: number): Figure => (Number.isFinite(value) ? { value } : { value: null, reason: 'overflow' });
const none = (reason: FigureReason): Figure => ({ value: null, reason });

/** Exact (fractional) minor units to major units, rounded to the minor unit. */
function moneyFigure(minorExact: number, digits: number): Figure {
  if (!Number.isFinite(minorExact)) return none('overflow');
  const major = Number((roundHalfAway(minorExact) / 10 ** digits).toFixed(digits));
  return val(major);
}

/** LTV in exact minor units; the two percents cancel their ÷100. Infinity when churn is 0. */
const ltvMinor = (arpaMinor: number, grossMarginPct: number, churnPct: number) => (arpaMinor * grossMarginPct) / churnPct;

/**
 * LTV, CAC, LTV:CAC, payback and lifetime for one set of inputs.
 * @throws InvalidInputError when any field is invalid (see `validateUnitEconomics`).
 */
export function unitEconomics(inputs: UnitEconomicsInputs): UnitEconomics {
  const checked = check(inputs);
  if (!checked.ok) throw new InvalidInputError(checked.issues);
  const input = checked.value;
  const currency = (input.currency ?? 'USD').toUpperCase();
  const digits = currencyDigits(currency);
  const scale = 10 ** digits;
  const { grossMarginPct, churnPct } = input;
  const arpaMinor = roundHalfAway(input.arpa * scale);

  // CAC in exact minor units: spends are summed as integers, the division is left exact.
  let cacMinor: number | null;
  if ('cac' in input) {
    cacMinor = roundHalfAway(input.cac * scale);
  } else {
    const spendMinor = roundHalfAway(input.salesSpend * scale) + roundHalfAway(input.marketingSpend * scale);
    cacMinor = input.newCustomers > 0 ? spendMinor / input.newCustomers : null;
  }
  const cac = cacMinor === null ? none('noNewCustomers') : moneyFigure(cacMinor, digits);

  const ltvExact = churnPct > 0 ? ltvMinor(arpaMinor, grossMarginPct, churnPct) : null;
  const ltv = ltvExact === null ? none('noChurn') : moneyFigure(ltvExact, digits);

  let ltvToCac: Figure;
  if (ltvExact === null) ltvToCac = none('noChurn');
  else if (cacMinor === null || cacMinor === 0) ltvToCac = none('noCac');
  else ltvToCac = val(ltvExact / cacMinor);

  // Gross profit per client per month in minor units × 100 (margin kept as a percent).
  const profitMinorX100 = arpaMinor * grossMarginPct;
  let paybackMonths: Figure;
  if (cacMinor === null) paybackMonths = none('noCac');
  else if (cacMinor === 0) paybackMonths = val(0);
  else if (profitMinorX100 === 0) paybackMonths = none('noMargin');
  else paybackMonths = val((cacMinor * 100) / profitMinorX100);

  const lifetimeMonths = churnPct > 0 ? val(100 / churnPct) : none('noChurn');
  // -expm1(12·log1p(-c)) is 1 − (1 − c)^12 without cancellation for small c; churn 100 % gives 100.
  const annualChurnPct = -Math.expm1(12 * Math.log1p(-churnPct / 100)) * 100;

  const result: UnitEconomics = { currency, ltv, cac, ltvToCac, paybackMonths, lifetimeMonths, annualChurnPct };

  if (input.retentionSpendPerClient != null) {
    const retentionMinor = roundHalfAway(input.retentionSpendPerClient * scale);
    if (churnPct === 0) {
      result.retentionCostPerClient = none('noChurn');
      result.acquisitionToRetentionRatio = none('noChurn');
    } else {
      const lifetimeRetentionMinor = (retentionMinor * 100) / churnPct;
      result.retentionCostPerClient = moneyFigure(lifetimeRetentionMinor, digits);
      if (cacMinor === null) result.acquisitionToRetentionRatio = none('noCac');
      else if (lifetimeRetentionMinor === 0) result.acquisitionToRetentionRatio = none('noBase');
      else result.acquisitionToRetentionRatio = val(cacMinor / lifetimeRetentionMinor);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// LTV as churn changes

/** The inputs LTV alone depends on (a full `UnitEconomicsInputs` fits). */
export type LtvInputs = Pick<CommonInputs, 'arpa' | 'grossMarginPct' | 'currency'>;

export interface LtvPoint {
  churnPct: number;
  /** `null` at churn 0 (unbounded) or on overflow, so a chart leaves a gap. */
  ltv: number | null;
}

/**
 * `steps` evenly spaced points (both ends included) of LTV against monthly churn, for a chart.
 * `churnFromPct` may exceed `churnToPct` (the points then run downwards).
 * @throws InvalidInputError with fields `inputs.arpa`, `churnFromPct`, `steps`, …
 */
export function ltvCurve(inputs: LtvInputs, churnFromPct = 1, churnToPct = 10, steps = 10): LtvPoint[] {
  const checked = checkFields(schemas().curve, { inputs, churnFromPct, churnToPct, steps });
  if (!checked.ok) throw new InvalidInputError(checked.issues);
  const { arpa, grossMarginPct, currency = 'USD' } = checked.value.inputs;
  ({ churnFromPct, churnToPct, steps } = checked.value);
  const digits = currencyDigits(currency);
  const arpaMinor = roundHalfAway(arpa * 10 ** digits);
  const points: LtvPoint[] = [];
  for (let i = 0; i < steps; i++) {
    // Interpolate from both ends so the last point is exactly churnToPct.
    const t = i / (steps - 1);
    const churnPct = i === steps - 1 ? churnToPct : churnFromPct + (churnToPct - churnFromPct) * t;
    const ltv = churnPct > 0 ? moneyFigure(ltvMinor(arpaMinor, grossMarginPct, churnPct), digits).value : null;
    points.push({ churnPct, ltv });
  }
  return points;
}

/**
 * What cutting monthly churn by `points` percentage points is worth per client: LTV at
 * (churn − points) minus LTV now. `null` with reason `churnTooLow` when churn ≤ points.
 * @throws InvalidInputError with fields `inputs.arpa`, `inputs.churnPct`, `points`, …
 */
export function churnImprovementValue(inputs: LtvInputs & Pick<CommonInputs, 'churnPct'>, points = 1): Figure {
  const checked = checkFields(schemas().improvement, { inputs, points });
  if (!checked.ok) throw new InvalidInputError(checked.issues);
  const { arpa, grossMarginPct, churnPct, currency = 'USD' } = checked.value.inputs;
  if (churnPct <= points) return none('churnTooLow');
  const digits = currencyDigits(currency);
  const arpaMinor = roundHalfAway(arpa * 10 ** digits);
  // a·m/(c−p) − a·m/c = a·m·p / (c·(c−p)): one division, no cancellation between two large LTVs.
  return moneyFigure((arpaMinor * grossMarginPct * points) / (churnPct * (churnPct - points)), digits);
}

// ---------------------------------------------------------------------------------------------
// Targets

export type TargetStatus = 'met' | 'missed' | 'unknown';

export interface Targets {
  /** Default 3 (LTV at least three times CAC). */
  minLtvToCac?: number;
  /** Default 12 months. */
  maxPaybackMonths?: number;
}

/** Every invalid field of `targets` (`minLtvToCac`, `maxPaybackMonths`), `[]` when valid. */
export function validateTargets(targets: unknown): FieldIssue[] {
  const r = checkFields(schemas().targets, targets);
  return r.ok ? [] : r.issues;
}

/**
 * Compares a result with targets. A figure that is `null` is `unknown` whatever its reason: the UI
 * shows the reason rather than a verdict built on an unbounded number.
 * @throws InvalidInputError with fields `minLtvToCac`, `maxPaybackMonths`.
 */
export function evaluateTargets(
  result: Pick<UnitEconomics, 'ltvToCac' | 'paybackMonths'>,
  targets: Targets = {},
): { ltvToCac: TargetStatus; payback: TargetStatus } {
  const checked = checkFields(schemas().targets, targets);
  if (!checked.ok) throw new InvalidInputError(checked.issues);
  const { minLtvToCac = 3, maxPaybackMonths = 12 } = checked.value;
  const ratio = result.ltvToCac.value;
  const payback = result.paybackMonths.value;
  return {
    ltvToCac: ratio === null ? 'unknown' : ratio >= minLtvToCac ? 'met' : 'missed',
    payback: payback === null ? 'unknown' : payback <= maxPaybackMonths ? 'met' : 'missed',
  };
}

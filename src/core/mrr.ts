/**
 * MRR projection: how monthly recurring revenue evolves from a few assumptions.
 *
 * Every month is computed in integer minor units, so each row balances exactly:
 * ending = starting + new + expansion + contraction + churn (contraction and churn are negative).
 */
import * as v from 'valibot';
import { BILLING_INTERVALS, type BillingInterval, fromMinor, roundHalfAway, toMinor, toMonthlyMinor } from './money.js';
import { amount, checkFields, count, type FieldIssue, integerIn, InvalidInputError, lazySchema, percent } from './validation.js';

export const MAX_HORIZON_MONTHS = 120;
/**
 * MRR is capped at 5e14 minor units (5 trillion in a 2-digit currency) so that every sum stays an
 * exact integer below 2^53; `summary.capped` says when a projection reached it.
 */
export const MAX_MRR_MINOR = 5e14;

/** One line of a price list: `clients` pay `price` every `intervalCount` `interval`s. */
export interface PlanLine {
  price: number;
  interval?: BillingInterval;
  intervalCount?: number;
  clients: number;
}

/**
 * Assumptions of a projection. Money in major units, percents 0–100 per month.
 * Give either `startingMrr` + `startingCustomers`, or `plans`.
 */
export interface MrrAssumptions {
  /** Horizon, 1–120 months. */
  months: number;
  startingMrr?: number;
  startingCustomers?: number;
  /** A plan list in place of startingMrr/startingCustomers; each price normalised with toMonthly. */
  plans?: PlanLine[];
  newCustomersPerMonth?: number;
  /**
   * Monthly price of one new customer. Default: the starting average (ARPA, weighted by clients);
   * with no starting customers, the mean monthly price of the plans listed (each plan counted
   * once: new clients have to pay something, and no plan is favoured); with neither, 0.
   */
  newCustomerMrr?: number;
  /** Revenue churn, % of starting MRR lost each month to customers leaving. */
  churnPct?: number;
  /** Customers lost each month, %; defaults to churnPct. */
  logoChurnPct?: number;
  expansionPct?: number;
  contractionPct?: number;
  /** ISO 4217 code; decides the minor unit. Default USD. */
  currency?: string;
}

export interface ProjectionMonth {
  /** 1 for the first projected month. */
  month: number;
  startingMrr: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  endingMrr: number;
  /** Customers at the end of the month (fractional: an expectation, not a head count). */
  customers: number;
  newCustomers: number;
  churnedCustomers: number;
}

export interface ProjectionSummary {
  startingMrr: number;
  startingCustomers: number;
  endingMrr: number;
  endingCustomers: number;
  /** 12 × ending MRR. */
  arr: number;
  netNewMrr: number;
  totalNew: number;
  totalExpansion: number;
  totalContraction: number;
  totalChurn: number;
  /** Net revenue retention of the starting MRR over the horizon, %; null without starting MRR. */
  nrrPct: number | null;
  /** Gross revenue retention (no expansion) over the horizon, %; null without starting MRR. */
  grrPct: number | null;
  /** (new + expansion) ÷ |contraction + churn|; null when nothing is lost. */
  quickRatio: number | null;
  /** True when MRR reached MAX_MRR_MINOR and expansion was held there. */
  capped: boolean;
  /** First month whose ending MRR is twice the starting MRR (looking up to 50 years); null when never. */
  monthsToDouble: number | null;
}

export interface Projection {
  months: ProjectionMonth[];
  summary: ProjectionSummary;
}

const planSchema = lazySchema(() =>
  v.object({
    price: amount(),
    interval: v.optional(v.picklist(BILLING_INTERVALS, 'outOfRange')),
    intervalCount: v.optional(integerIn(1, 120)),
    clients: count(),
  }),
);

/** Highest starting MRR, major units (clients × price, or the plan list's total). */
export const MAX_STARTING_MRR = 1e11;

const assumptionsSchema = lazySchema(() =>
  v.object({
    months: integerIn(1, MAX_HORIZON_MONTHS),
    startingMrr: v.optional(amount(MAX_STARTING_MRR)),
    startingCustomers: v.optional(count()),
    plans: v.optional(v.array(planSchema())),
    newCustomersPerMonth: v.optional(amount(1e6)),
    newCustomerMrr: v.optional(amount(1e9)),
    churnPct: v.optional(percent()),
    logoChurnPct: v.optional(percent()),
    expansionPct: v.optional(percent()),
    contractionPct: v.optional(percent()),
    currency: v.optional(v.string()),
  }),
);

/** Every invalid field of `assumptions` as `{ field, code }`; empty when valid. */
export function validateAssumptions(assumptions: unknown): FieldIssue[] {
  const r = checkFields(assumptionsSchema(), assumptions);
  // Churn and contraction both take from the same MRR: together they cannot take more than all of
  // it. Said even when another field is refused, as long as both percents are valid themselves.
  const sum = (pcts: { churnPct?: unknown; contractionPct?: unknown }): FieldIssue[] => {
    const pct = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 100 ? v : v === undefined ? 0 : NaN);
    return pct(pcts.contractionPct) + pct(pcts.churnPct) > 100
      ? [{ field: 'churnPct', code: 'sumTooLarge', params: { max: 100 }, related: ['churnPct', 'contractionPct'] }]
      : [];
  };
  if (!r.ok) return [...r.issues, ...sum(assumptions ?? {})];
  const a = r.value;
  const issues: FieldIssue[] = sum(a);
  // A plan list's MRR has the same limit as startingMrr: refused on the plan that weighs most.
  if (a.plans && a.plans.length > 0) {
    const currency = a.currency ?? 'USD';
    const mrrOf = (p: PlanLine) =>
      toMonthlyMinor(toMinor(p.price, currency), p.interval ?? 'month', p.intervalCount ?? 1) * p.clients;
    const total = a.plans.reduce((sum, p) => sum + mrrOf(p), 0);
    if (total > toMinor(MAX_STARTING_MRR, currency)) {
      let heaviest = 0;
      let heaviestMrr = 0;
      a.plans.forEach((p, i) => {
        const mrr = mrrOf(p);
        if (i === 0 || mrr > heaviestMrr) [heaviest, heaviestMrr] = [i, mrr];
      });
      issues.push({
        field: `plans.${heaviest}.price`,
        code: 'productTooLarge',
        params: { max: MAX_STARTING_MRR },
        related: [`plans.${heaviest}.clients`, `plans.${heaviest}.price`],
      });
    }
  }
  return issues;
}

/** Starting MRR (minor units) and customers from a plan list. */
export function plansToMrr(plans: PlanLine[], currency = 'USD'): { mrrMinor: number; customers: number } {
  let mrrMinor = 0;
  let customers = 0;
  for (const p of plans) {
    mrrMinor += toMonthlyMinor(toMinor(p.price, currency), p.interval ?? 'month', p.intervalCount ?? 1) * p.clients;
    customers += p.clients;
  }
  return { mrrMinor, customers };
}

/**
 * Projects MRR month by month over `assumptions.months` (1–120).
 * Throws `InvalidInputError` (with one `{ field, code }` per bad field) on invalid assumptions.
 * Example: MRR 10,000, churn 5 %/month, nothing else, 12 months → ending MRR 5,403.60.
 */
export function projectMrr(input: MrrAssumptions): Projection {
  const issues = validateAssumptions(input);
  if (issues.length) throw new InvalidInputError(issues);
  // The validated copy: what the schema reads (−0 read as 0, so no row carries it).
  const assumptions: MrrAssumptions = v.parse(assumptionsSchema(), input);
  const currency = assumptions.currency ?? 'USD';

  let startMinor: number;
  let startCustomers: number;
  if (assumptions.plans && assumptions.plans.length > 0) {
    const p = plansToMrr(assumptions.plans, currency);
    startMinor = p.mrrMinor;
    startCustomers = p.customers;
  } else {
    startMinor = toMinor(assumptions.startingMrr ?? 0, currency);
    startCustomers = assumptions.startingCustomers ?? 0;
  }

  const churnRate = (assumptions.churnPct ?? 0) / 100;
  const logoChurnRate = (assumptions.logoChurnPct ?? assumptions.churnPct ?? 0) / 100;
  const expansionRate = (assumptions.expansionPct ?? 0) / 100;
  const contractionRate = (assumptions.contractionPct ?? 0) / 100;
  const newPerMonth = assumptions.newCustomersPerMonth ?? 0;
  const newPriceMinor = newCustomerPriceMinor(assumptions, startMinor, startCustomers, currency);
  const newMrrMinor = roundHalfAway(newPerMonth * newPriceMinor);

  const rows: ProjectionMonth[] = [];
  let s = startMinor;
  let customers = startCustomers;
  let totals = { new: 0, expansion: 0, contraction: 0, churn: 0 };
  let capped = false;
  const major = (minor: number) => fromMinor(minor, currency);
  for (let m = 1; m <= assumptions.months; m++) {
    const contraction = -roundHalfAway(s * contractionRate);
    const churn = -roundHalfAway(s * churnRate);
    let expansion = roundHalfAway(s * expansionRate);
    let added = newMrrMinor;
    const room = Math.max(0, MAX_MRR_MINOR - (s + contraction + churn));
    if (added + expansion > room) {
      added = Math.min(added, room);
      expansion = room - added;
      capped = true;
    }
    const ending = s + added + expansion + contraction + churn;
    const churnedCustomers = customers * logoChurnRate;
    const nextCustomers = customers - churnedCustomers + newPerMonth;
    rows.push({
      month: m,
      startingMrr: major(s),
      new: major(added),
      expansion: major(expansion),
      contraction: major(contraction),
      churn: major(churn),
      endingMrr: major(ending),
      customers: nextCustomers,
      newCustomers: newPerMonth,
      churnedCustomers,
    });
    totals = {
      new: totals.new + added,
      expansion: totals.expansion + expansion,
      contraction: totals.contraction + contraction,
      churn: totals.churn + churn,
    };
    s = ending;
    customers = nextCustomers;
  }

  const months = assumptions.months;
  const netRetention = 1 + expansionRate - contractionRate - churnRate;
  const grossRetention = 1 - contractionRate - churnRate;
  const lost = -(totals.contraction + totals.churn);
  return {
    months: rows,
    summary: {
      startingMrr: major(startMinor),
      startingCustomers: startCustomers,
      endingMrr: major(s),
      endingCustomers: customers,
      arr: major(s * 12),
      netNewMrr: major(s - startMinor),
      totalNew: major(totals.new),
      totalExpansion: major(totals.expansion),
      totalContraction: major(totals.contraction),
      totalChurn: major(totals.churn),
      nrrPct: startMinor > 0 ? Math.pow(netRetention, months) * 100 : null,
      grrPct: startMinor > 0 ? Math.pow(Math.max(0, grossRetention), months) * 100 : null,
      quickRatio: lost > 0 ? (totals.new + totals.expansion) / lost : null,
      capped,
      monthsToDouble: monthsToDouble(startMinor, newMrrMinor, expansionRate, contractionRate, churnRate),
    },
  };
}

/** The monthly price of one new customer, minor units (see `MrrAssumptions.newCustomerMrr`). */
function newCustomerPriceMinor(a: MrrAssumptions, startMinor: number, startCustomers: number, currency: string): number {
  if (a.newCustomerMrr !== undefined) return toMinor(a.newCustomerMrr, currency);
  if (startCustomers > 0) return roundHalfAway(startMinor / startCustomers);
  const plans = a.plans ?? [];
  if (plans.length === 0) return 0;
  const sum = plans.reduce(
    (s, p) => s + toMonthlyMinor(toMinor(p.price, currency), p.interval ?? 'month', p.intervalCount ?? 1),
    0,
  );
  return roundHalfAway(sum / plans.length);
}

/** Same rounding as projectMrr, continued up to 600 months; null when MRR never doubles by then. */
function monthsToDouble(
  startMinor: number,
  newMrrMinor: number,
  expansionRate: number,
  contractionRate: number,
  churnRate: number,
): number | null {
  if (startMinor <= 0) return null;
  const target = startMinor * 2;
  let s = startMinor;
  for (let m = 1; m <= 600; m++) {
    const next =
      s + newMrrMinor + roundHalfAway(s * expansionRate) - roundHalfAway(s * contractionRate) - roundHalfAway(s * churnRate);
    if (next >= target) return m;
    if (next <= s && newMrrMinor === 0) return null; // shrinking or flat with nothing new: never
    s = next;
  }
  return null;
}

/**
 * What `points` percentage points less churn (revenue and logo) would add at the horizon:
 * the difference in ending MRR and ARR, in major units. Zero when churn is already below `points`.
 * Pass `base` when the projection of `assumptions` is already computed.
 */
export function churnReductionValue(
  assumptions: MrrAssumptions,
  points = 1,
  base: Projection = projectMrr(assumptions),
): { mrr: number; arr: number } {
  const churnPct = Math.max(0, (assumptions.churnPct ?? 0) - points);
  const logo = assumptions.logoChurnPct;
  const better = projectMrr({
    ...assumptions,
    churnPct,
    logoChurnPct: logo === undefined ? undefined : Math.max(0, logo - points),
  });
  const currency = assumptions.currency ?? 'USD';
  const diffMinor = toMinor(better.summary.endingMrr, currency) - toMinor(base.summary.endingMrr, currency);
  return { mrr: fromMinor(diffMinor, currency), arr: fromMinor(diffMinor * 12, currency) };
}

/**
 * Goal seek: the value of one assumption at which a projection's ending MRR reaches a target
 * ("what does it take to reach 100,000 MRR in 24 months?").
 */
import * as v from 'valibot';
import { fromMinor } from './money.js';
import { type MrrAssumptions, projectMrr, validateAssumptions } from './mrr.js';
import { amount, checkFields, InvalidInputError, lazySchema } from './validation.js';

/** The assumptions goal seek can solve for. */
export type GoalSeekField = 'newCustomersPerMonth' | 'newCustomerMrr' | 'expansionPct' | 'churnPct';

export interface GoalSeekTarget {
  field: GoalSeekField;
  /** Ending MRR to reach at the horizon, major units (like the assumptions). */
  targetEndingMrr: number;
  /**
   * With `field: 'newCustomerMrr'` and no plan list: the starting customers pay that price too
   * (`startingMrr = startingCustomers × price`), as in a calculator where one average price
   * describes every client. Default false: only new customers' price moves.
   */
  startingAtSamePrice?: boolean;
}

/**
 * `value`: the assumption's value, to its step; `null` with `reason: 'unreachable'` when no valid
 * value reaches the target.
 */
export interface GoalSeekResult {
  value: number | null;
  reason?: 'unreachable';
}

const targetSchema = lazySchema(() =>
  v.object({
    field: v.picklist(['newCustomersPerMonth', 'newCustomerMrr', 'expansionPct', 'churnPct'], 'outOfRange'),
    targetEndingMrr: amount(Number.MAX_VALUE),
    startingAtSamePrice: v.optional(v.boolean('outOfRange')),
  }),
);

/**
 * The value of `target.field` (the other assumptions as given) at which `projectMrr`'s ending MRR
 * first reaches `targetEndingMrr` (ending ≥ target): the smallest value for a lever that raises MRR
 * (new customers a month, their monthly price, expansion), the largest churn that still reaches it.
 * The answer is a whole step of the field: whole customers, the currency's minor unit (cents for
 * USD, whole yen for JPY), 0.01 points for the percents; only values `validateAssumptions` accepts
 * are tried (at most 1,000,000 new customers, a price up to 1e9, churn + contraction ≤ 100 %).
 *
 * A target already reached gives the same answer as any other: the smallest value that reaches it
 * (0 new customers when the starting MRR alone gets there), or for churn the largest (up to
 * 100 % less contraction). Compare it with the current value to tell "already reached".
 *
 * Ending MRR rises with each lever and falls with churn, so the search is a bisection over the
 * field's steps (about 50 projections at most), and its answer reaches the target while one step
 * less (one step more churn) does not. Each month's movements are rounded to the minor unit: where
 * MRR falls to a few hundred minor units, one step can move it a minor unit the other way, and the
 * answer is then the first value of the bisection's step that reaches the target, not always the
 * smallest of all.
 * Throws `InvalidInputError` when the other assumptions are invalid, the field is not one of the
 * four, or the target is not a finite amount ≥ 0.
 * Example: MRR 10,000 (100 customers at 100), nothing else, 12 months, target 12,000 → 2 new
 * customers a month (1 ends at 11,200, 2 at 12,400).
 */
export function goalSeek(assumptions: MrrAssumptions, target: GoalSeekTarget): GoalSeekResult {
  const checked = checkFields(targetSchema(), target);
  if (!checked.ok) throw new InvalidInputError(checked.issues);
  const { field, targetEndingMrr, startingAtSamePrice = false } = checked.value;
  const currency = assumptions.currency ?? 'USD';
  const valueOf = (step: number): number =>
    field === 'newCustomersPerMonth' ? step : field === 'newCustomerMrr' ? fromMinor(step, currency) : step / 100;
  const samePrice = field === 'newCustomerMrr' && startingAtSamePrice && !assumptions.plans?.length;
  const at = (step: number): MrrAssumptions => {
    const value = valueOf(step);
    const a: MrrAssumptions = { ...assumptions, [field]: value };
    if (samePrice) a.startingMrr = (assumptions.startingCustomers ?? 0) * value;
    return a;
  };
  const issues = validateAssumptions(at(0));
  if (issues.length) throw new InvalidInputError(issues);

  // The last valid step: validity only ever turns false as a value grows (an upper limit, the
  // churn + contraction sum, the clients × price product), so it is a bisection too.
  const valid = (step: number) => validateAssumptions(at(step)).length === 0;
  const lastValid = lastWhere(valid, 0, Number.MAX_SAFE_INTEGER);
  const reaches = (step: number) => projectMrr(at(step)).summary.endingMrr >= targetEndingMrr;

  if (field === 'churnPct') {
    if (!reaches(0)) return { value: null, reason: 'unreachable' };
    return { value: valueOf(lastWhere(reaches, 0, lastValid)) };
  }
  if (!reaches(lastValid)) return { value: null, reason: 'unreachable' };
  if (reaches(0)) return { value: valueOf(0) };
  // reaches(lo) is false, reaches(hi) true: narrow until they are one step apart.
  let lo = 0;
  let hi = lastValid;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return { value: valueOf(hi) };
}

/** The last step of [from, to] where `holds` is true, given it holds at `from` and, once false, stays false. */
function lastWhere(holds: (step: number) => boolean, from: number, to: number): number {
  if (holds(to)) return to;
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * MRR movements from subscription periods: month by month, how much MRR came from new customers,
 * expansion, contraction, churn and reactivation (the dbt-labs `mrr-playbook` rules).
 *
 * Built for a million periods in well under a second: dates are parsed from character codes into
 * month indices, amounts become integer minor units once per period, periods are grouped by customer
 * with a counting sort (no per-customer arrays or Maps), and one month buffer is reused for every
 * customer. All sums are integers in minor units, so every row balances exactly.
 */
import { currencyDigits, fromMinor, isBillingInterval, MAX_AMOUNT, type BillingInterval } from './money.js';
import { dayToMonthIndex, monthLabel, parseIsoDay, parseMonth } from './dates.js';
import type { CohortRetention, CohortRow } from './cohorts.js';
import { isPeriodColumns, monthlyMinorOf, PeriodColumnsBuilder, RUNNING, type PeriodColumns } from './period-columns.js';

export { columnsToPeriods, isPeriodColumns, RUNNING, type PeriodColumns } from './period-columns.js';

/** One stretch of time during which a customer pays a recurring price. */
export interface SubscriptionPeriod {
  customerId: string;
  /** First day, ISO `YYYY-MM-DD` (UTC). */
  start: string;
  /** Day after the last day (exclusive), ISO `YYYY-MM-DD`; absent or null while still running. */
  end?: string | null;
  /** Price per billing interval per unit, in major units (12.5 is 12.50). */
  amount: number;
  /** Default `'month'`. */
  interval?: BillingInterval;
  /** Billed every `intervalCount` intervals; default 1. */
  intervalCount?: number;
  /** Units (seats); default 1. */
  quantity?: number;
  /** ISO 4217 code; when given it must match the analysis currency. */
  currency?: string;
}

export interface MovementOptions {
  /** Last month reported, `YYYY-MM`; running periods count through it. Default: the last month any
   * period starts or ends in. */
  asOf?: string;
  /** Currency of the amounts (minor units and rounding), default `'USD'`. */
  currency?: string;
}

/** One month of MRR movements, in major units. Contraction and churn are ≤ 0, so
 * `endingMrr = startingMrr + new + expansion + contraction + churn + reactivation` exactly. */
export interface MovementRow {
  month: string;
  startingMrr: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  endingMrr: number;
  /** Customers with MRR > 0 at the end of the month. */
  customers: number;
  newCustomers: number;
  churnedCustomers: number;
  reactivatedCustomers: number;
}

export type PeriodIssueCode =
  | 'missingCustomer'
  | 'badDate'
  | 'endBeforeStart'
  | 'negativeAmount'
  | 'notANumber'
  | 'tooLarge'
  | 'badInterval'
  | 'currencyMismatch';

/** Why a period cannot be used; `field` names the offending property. */
export interface PeriodIssue {
  field: 'period' | 'customerId' | 'start' | 'end' | 'amount' | 'quantity' | 'interval' | 'intervalCount' | 'currency';
  code: PeriodIssueCode;
}

/** What {@link analyzeSubscriptions} returns. */
export interface SubscriptionAnalysis {
  movements: MovementRow[];
  cohorts: CohortRetention;
  /** Periods left out because {@link validatePeriod} found an issue. */
  skippedPeriods: number;
}

// Scratch slots filled by readPeriod: reused so the hot loop allocates nothing per period.
const START_DAY = 0;
const END_DAY = 1; // −1 when the period is still running
const MONTHLY_MINOR = 2;

/**
 * Checks one period and, when it is valid, writes its start day, end day and monthly minor units
 * into `out`. The one place that decides validity, shared by {@link validatePeriod} and the engine so
 * that "skipped" always means "validatePeriod reports an issue".
 */
function readPeriod(p: SubscriptionPeriod | undefined, currency: string, factor: number, out: Float64Array): PeriodIssue | null {
  if (typeof p !== 'object' || p === null) return { field: 'period', code: 'notANumber' };
  const id = p.customerId as unknown;
  if (!((typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id)))) {
    return { field: 'customerId', code: 'missingCustomer' };
  }
  const start = parseIsoDay(p.start);
  if (start < 0) return { field: 'start', code: 'badDate' };
  let end = -1;
  if (p.end !== undefined && p.end !== null) {
    end = parseIsoDay(p.end);
    if (end < 0) return { field: 'end', code: 'badDate' };
    if (end < start) return { field: 'end', code: 'endBeforeStart' };
  }
  const amount = p.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return { field: 'amount', code: 'notANumber' };
  if (amount < 0) return { field: 'amount', code: 'negativeAmount' };
  let quantity = p.quantity;
  if (quantity === undefined) quantity = 1;
  else if (typeof quantity !== 'number' || !Number.isFinite(quantity)) return { field: 'quantity', code: 'notANumber' };
  else if (quantity < 0) return { field: 'quantity', code: 'negativeAmount' };
  const interval = p.interval ?? 'month';
  if (!isBillingInterval(interval)) return { field: 'interval', code: 'badInterval' };
  const intervalCount = p.intervalCount ?? 1;
  if (typeof intervalCount !== 'number' || !Number.isInteger(intervalCount) || intervalCount < 1) {
    return { field: 'intervalCount', code: 'badInterval' };
  }
  const price = amount * quantity;
  if (price > MAX_AMOUNT) return { field: 'amount', code: 'tooLarge' };
  if (p.currency !== undefined && p.currency !== currency && String(p.currency).toUpperCase() !== currency) {
    return { field: 'currency', code: 'currencyMismatch' };
  }
  out[START_DAY] = start;
  out[END_DAY] = end;
  out[MONTHLY_MINOR] = monthlyMinorOf(price, factor, interval, intervalCount);
  return null;
}

/**
 * Checks a subscription period. Returns the first issue found, or null when the period is usable:
 * `badDate` (not a real `YYYY-MM-DD`), `endBeforeStart`, `notANumber` (amount or quantity missing or
 * not finite), `negativeAmount`, `tooLarge` (amount × quantity above `MAX_AMOUNT`), `badInterval`
 * (unknown interval, or intervalCount not a whole number ≥ 1), `missingCustomer`, and
 * `currencyMismatch` (the period's currency differs from `options.currency`, default USD).
 * {@link mrrMovements} and friends skip exactly the periods this rejects.
 */
export function validatePeriod(period: SubscriptionPeriod, options: { currency?: string } = {}): PeriodIssue | null {
  const currency = (options.currency ?? 'USD').toUpperCase();
  return readPeriod(period, currency, 10 ** currencyDigits(currency), new Float64Array(3));
}

/** Every issue of a list of periods, with the period's position; empty when all are usable. */
export function findPeriodIssues(
  periods: readonly SubscriptionPeriod[],
  options: { currency?: string } = {},
): Array<PeriodIssue & { index: number }> {
  const currency = (options.currency ?? 'USD').toUpperCase();
  const factor = 10 ** currencyDigits(currency);
  const scratch = new Float64Array(3);
  const issues: Array<PeriodIssue & { index: number }> = [];
  for (let i = 0; i < periods.length; i++) {
    const issue = readPeriod(periods[i], currency, factor, scratch);
    if (issue) issues.push({ ...issue, index: i });
  }
  return issues;
}

/** Periods given as objects or as columns (see {@link periodsToColumns}). */
export type PeriodsInput = readonly SubscriptionPeriod[] | PeriodColumns;

/**
 * Validates and converts periods to columns (see `PeriodColumns`): the one pass that parses dates,
 * amounts and intervals and interns customer ids. Periods {@link validatePeriod} rejects are left
 * out and counted in `skippedPeriods`; valid periods with amount 0 are kept (they still count for
 * the default `asOf`). Analysing the columns gives exactly what analysing the periods gives.
 */
export function periodsToColumns(
  periods: readonly SubscriptionPeriod[],
  options: { currency?: string } = {},
): { columns: PeriodColumns; skippedPeriods: number } {
  const currency = (options.currency ?? 'USD').toUpperCase();
  const factor = 10 ** currencyDigits(currency);
  const builder = new PeriodColumnsBuilder(currency, periods.length);
  const scratch = new Float64Array(3);
  let skippedPeriods = 0;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    if (p === undefined || readPeriod(p, currency, factor, scratch) !== null) {
      skippedPeriods += 1;
      continue;
    }
    const rawId = p.customerId as unknown;
    const customer = builder.customerIndex(typeof rawId === 'string' ? rawId : String(rawId));
    // readPeriod filled the three slots (no destructuring: an iterator per period in the hot loop).
    builder.append(customer, scratch[START_DAY] ?? 0, scratch[END_DAY] ?? RUNNING, scratch[MONTHLY_MINOR] ?? 0);
  }
  return { columns: builder.build(), skippedPeriods };
}

/**
 * MRR movements month by month, from periods as objects or as columns.
 *
 * A month's MRR of a customer is the sum of the monthly equivalents (`amount × quantity`, converted
 * from its billing interval, rounded to the minor unit) of the customer's periods active on the
 * last day of the month (`start ≤ last day < end`). Per customer and month: the first month with
 * MRR is `new`; MRR after a month without (not the first) is `reactivation`; no MRR after a month
 * with MRR is `churn` of the previous MRR; otherwise a rise is `expansion`, a fall `contraction`.
 *
 * Rows run from the first month with MRR through `options.asOf` (default: the last month any
 * period starts or ends in, which includes the last churn), one per month, quiet months included.
 * Invalid periods (see {@link validatePeriod}) are skipped; use {@link findPeriodIssues} to list them.
 * Columns are already validated: only entries no period could produce (a customer outside the
 * table, a negative day, an amount that is not a number ≥ 0) are skipped. Columns carry their
 * currency; an `options.currency` that differs is a RangeError. Returns `[]` when no period has
 * MRR. Throws a RangeError for an invalid `asOf` or currency, or when totals exceed what doubles
 * hold exactly (2^53 minor units).
 */
export function mrrMovements(periods: PeriodsInput, options: MovementOptions = {}): MovementRow[] {
  return analyze(periods, options, false).movements;
}

/**
 * Movements and cohort retention in one pass over the periods (objects or columns; the same rules
 * as {@link mrrMovements} and `cohortRetention`); cheaper than calling both.
 */
export function analyzeSubscriptions(periods: PeriodsInput, options: MovementOptions = {}): SubscriptionAnalysis {
  return analyze(periods, options, true) as SubscriptionAnalysis;
}

/** Per-cohort accumulators by age (months since the cohort's first): the change of the cohort's
 * MRR and of its active customers at that age; running sums give the values. */
export interface CohortAccumulator {
  customers: number;
  mrrByAge: Float64Array;
  activeByAge: Int32Array;
}

/**
 * Month totals of some customers' movements, in minor units: index m of each array is month index
 * `base + m`. Totals of disjoint sets of customers add up (each customer's movements depend on its
 * own periods only), which is how a file read in parts is analysed ({@link partMovements}).
 */
export interface MovementSums {
  base: number;
  newMinor: Float64Array;
  expansionMinor: Float64Array;
  contractionMinor: Float64Array;
  churnMinor: Float64Array;
  reactivationMinor: Float64Array;
  newCustomers: Int32Array;
  churnedCustomers: Int32Array;
  reactivatedCustomers: Int32Array;
  /** By the month of the cohort's first MRR (same index); empty without cohorts. */
  cohorts: (CohortAccumulator | undefined)[];
}

function newSums(base: number, monthCount: number, withCohorts: boolean): MovementSums {
  return {
    base,
    newMinor: new Float64Array(monthCount),
    expansionMinor: new Float64Array(monthCount),
    contractionMinor: new Float64Array(monthCount),
    churnMinor: new Float64Array(monthCount),
    reactivationMinor: new Float64Array(monthCount),
    newCustomers: new Int32Array(monthCount),
    churnedCustomers: new Int32Array(monthCount),
    reactivatedCustomers: new Int32Array(monthCount),
    cohorts: withCohorts ? new Array<CohortAccumulator | undefined>(monthCount) : [],
  };
}

/** The cohort of customers whose first MRR is in month `m` of `sums` (made empty when first asked). */
function cohortOf(sums: MovementSums, m: number): CohortAccumulator {
  const length = sums.newMinor.length - m;
  return (sums.cohorts[m] ??= { customers: 0, mrrByAge: new Float64Array(length), activeByAge: new Int32Array(length) });
}

/** Periods `from` … `to − 1` of some columns as month spans (pass 1 of the engine). */
interface Spans {
  /** [start month, end month) per period (index i − from), −1 as the end while running; the empty
   * span [0, 0) for a period that adds nothing (no amount) or is skipped. */
  spans: Int32Array;
  /** The latest month a period starts or ends in; −1 when none. */
  lastTouched: number;
  skippedPeriods: number;
  /** Each customer's periods are consecutive and the customers come in table order from the
   * range's first: then customer g's periods are `firstPeriodOf[g]` … `firstPeriodOf[g + 1] − 1`. */
  grouped: boolean;
  groups: number;
  firstPeriodOf: Int32Array;
}

/** Pass 1 over periods `from` … `to − 1`; `groupedOnly` stops at the first sign they are not grouped. */
function spansOf(columns: PeriodColumns, from: number, to: number, groupedOnly = false): Spans {
  const { customer: customerOf, startDay, endDay, monthlyMinor } = columns;
  const customerCount = columns.customerIds.length;
  const spans = new Int32Array(2 * (to - from));
  let skippedPeriods = 0;
  let lastTouched = -1;
  // True while each customer's periods are consecutive and customers come in table order (as the
  // import and periodsToColumns build them from most exports): then the input order already groups
  // them and the counting sort of the engine is skipped.
  let grouped = true;
  const firstCustomer = customerOf[from] ?? 0;
  let seenCustomers = 0;
  let lastCustomer = -1;
  const firstPeriodOf = new Int32Array(Math.min(customerCount, to - from) + 1);
  for (let i = from; i < to; i++) {
    const c = customerOf[i] ?? -1;
    const start = startDay[i] ?? -1;
    const amount = monthlyMinor[i] ?? -1;
    if (!(c >= 0 && c < customerCount && start >= 0 && amount >= 0)) {
      skippedPeriods += 1;
      continue;
    }
    if (c !== lastCustomer) {
      if (c === firstCustomer + seenCustomers) firstPeriodOf[seenCustomers++] = i - from;
      else if (groupedOnly) return { spans, lastTouched, skippedPeriods, grouped: false, groups: 0, firstPeriodOf };
      else grouped = false;
      lastCustomer = c;
    }
    const s = dayToMonthIndex(start);
    if (s > lastTouched) lastTouched = s;
    // Active on the last day of month m iff start ≤ lastDay(m) < end. The end lies in month
    // month(end), whose last day is never < end, while every earlier month's is: so the active
    // months are exactly [month(start), month(end)).
    const end = endDay[i] ?? RUNNING;
    let e = -1;
    if (end !== RUNNING) {
      e = dayToMonthIndex(end);
      if (e > lastTouched) lastTouched = e;
    }
    if (amount === 0) continue;
    const k = 2 * (i - from);
    spans[k] = s;
    spans[k + 1] = e;
  }
  if (grouped) firstPeriodOf[seenCustomers] = to - from;
  return { spans, lastTouched, skippedPeriods, grouped, groups: seenCustomers, firstPeriodOf };
}

/**
 * Clips the spans to months before `stop` (a running period runs to it) and drops (empty span)
 * what adds nothing to the reported months. Returns the first month anything is active, `stop`
 * when nothing is.
 */
function clipSpans(spans: Int32Array, stop: number): number {
  // From here on every index is bounded by the loop that makes it into typed arrays allocated with
  // those lengths: a read cannot be undefined, hence the `!`s. A `?? 0` would hide an indexing bug.
  let base = stop;
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k]!;
    const end = spans[k + 1]!;
    if (s === 0 && end === 0) continue;
    const e = end < 0 || end > stop ? stop : end;
    if (s >= e) {
      spans[k] = 0;
      spans[k + 1] = 0;
    } else {
      spans[k + 1] = e;
      if (s < base) base = s;
    }
  }
  return base;
}

/**
 * Adds the movements of customer groups `fromGroup` … `toGroup − 1` to `sums`: group g's periods
 * are `offsets[g]` … `offsets[g + 1] − 1` of (`spans`, clipped, and `amounts`).
 *
 * One customer at a time: each period's start and end are recorded as +amount and −amount in a
 * shared month buffer (a difference array, so a period costs O(1) whatever its length), then the
 * customer's months are walked keeping the running sum, which is the customer's MRR in that month.
 */
function sumCustomers(
  sums: MovementSums,
  spans: Int32Array,
  amounts: Float64Array,
  offsets: Int32Array,
  fromGroup: number,
  toGroup: number,
  withCohorts: boolean,
): void {
  const { base, newMinor, expansionMinor, contractionMinor, churnMinor, reactivationMinor } = sums;
  const { newCustomers, churnedCustomers, reactivatedCustomers } = sums;
  const monthCount = newMinor.length;
  const mrrChange = new Float64Array(monthCount + 1);
  for (let c = fromGroup; c < toGroup; c++) {
    let first = monthCount;
    let last = 0; // exclusive
    for (let k = offsets[c]!; k < offsets[c + 1]!; k++) {
      const sm = spans[2 * k]!;
      const em = spans[2 * k + 1]!;
      if (sm >= em) continue;
      const amount = amounts[k]!;
      const s = sm - base;
      const e = em - base;
      mrrChange[s]! += amount;
      mrrChange[e]! -= amount;
      if (s < first) first = s;
      if (e > last) last = e;
    }
    if (first === monthCount) continue;
    // The month after the last active one carries the churn, if it is reported.
    const walkEnd = last < monthCount ? last : monthCount - 1;
    let previous = 0;
    let current = 0;
    let seen = false; // had MRR in an earlier month
    let cohort: CohortAccumulator | undefined;
    let cohortMonth = 0;
    for (let m = first; m <= walkEnd; m++) {
      current += mrrChange[m]!;
      mrrChange[m] = 0; // leave the buffer clean for the next customer
      if (current > 0) {
        if (previous > 0) {
          const change = current - previous;
          if (change > 0) expansionMinor[m]! += change;
          else if (change < 0) contractionMinor[m]! += change;
        } else if (!seen) {
          seen = true;
          newMinor[m]! += current;
          newCustomers[m]! += 1;
          if (withCohorts) {
            cohortMonth = m;
            cohort = cohortOf(sums, m);
            cohort.customers += 1;
          }
        } else {
          reactivationMinor[m]! += current;
          reactivatedCustomers[m]! += 1;
        }
      } else if (previous > 0) {
        churnMinor[m]! -= previous;
        churnedCustomers[m]! += 1;
      }
      // Cohorts record changes only (summed up by age afterwards): most months change nothing.
      if (cohort !== undefined && current !== previous) {
        const age = m - cohortMonth;
        cohort.mrrByAge[age]! += current - previous;
        if (previous === 0) cohort.activeByAge[age]! += 1;
        else if (current === 0) cohort.activeByAge[age]! -= 1;
      }
      previous = current;
    }
    mrrChange[last] = 0; // the final −amount, when `last` is past the reported months
  }
}

/** Movement rows (and cohorts) of month totals; null when no month has MRR. */
function rowsOfSums(
  sums: MovementSums,
  currency: string,
  withCohorts: boolean,
): { movements: MovementRow[]; cohorts: CohortRetention | null } | null {
  const { base, newMinor, expansionMinor, contractionMinor, churnMinor, reactivationMinor } = sums;
  const { newCustomers, churnedCustomers, reactivatedCustomers, cohorts: cohortsByMonth } = sums;
  const monthCount = newMinor.length;
  // Rows from the first month with MRR: every customer's first such month is `new`.
  let firstRow = 0;
  while (firstRow < monthCount && newCustomers[firstRow] === 0) firstRow += 1;
  if (firstRow === monthCount) return null;
  const major = (minor: number) => fromMinor(minor, currency);
  const movements: MovementRow[] = [];
  let startingMinor = 0;
  let customers = 0;
  let largest = 0;
  for (let m = firstRow; m < monthCount; m++) {
    const endingMinor =
      startingMinor + newMinor[m]! + expansionMinor[m]! + contractionMinor[m]! + churnMinor[m]! + reactivationMinor[m]!;
    customers += newCustomers[m]! + reactivatedCustomers[m]! - churnedCustomers[m]!;
    // Every partial sum is bounded by one of these (same-sign terms), so checking them proves all
    // the additions above were exact.
    largest = Math.max(
      largest,
      endingMinor,
      newMinor[m]!,
      expansionMinor[m]!,
      reactivationMinor[m]!,
      -contractionMinor[m]!,
      -churnMinor[m]!,
    );
    movements.push({
      month: monthLabel(base + m),
      startingMrr: major(startingMinor),
      new: major(newMinor[m]!),
      expansion: major(expansionMinor[m]!),
      contraction: major(contractionMinor[m]!),
      churn: major(churnMinor[m]!),
      reactivation: major(reactivationMinor[m]!),
      endingMrr: major(endingMinor),
      customers,
      newCustomers: newCustomers[m]!,
      churnedCustomers: churnedCustomers[m]!,
      reactivatedCustomers: reactivatedCustomers[m]!,
    });
    startingMinor = endingMinor;
  }
  if (largest > Number.MAX_SAFE_INTEGER) {
    throw new RangeError('MRR totals exceed 2^53 minor units and cannot be summed exactly');
  }

  let cohorts: CohortRetention | null = null;
  if (withCohorts) {
    const maxAge = monthCount - 1 - firstRow;
    const rows: CohortRow[] = [];
    for (let m = firstRow; m < monthCount; m++) {
      const acc = cohortsByMonth[m];
      if (acc === undefined) continue;
      const revenuePct = new Array<number | null>(maxAge + 1).fill(null);
      const logoPct = new Array<number | null>(maxAge + 1).fill(null);
      const startingMinor = acc.mrrByAge[0]!; // > 0: the cohort's customers all start with MRR
      let mrr = 0;
      let active = 0;
      for (let age = 0; age < acc.mrrByAge.length; age++) {
        mrr += acc.mrrByAge[age]!;
        active += acc.activeByAge[age]!;
        revenuePct[age] = (mrr * 100) / startingMinor;
        logoPct[age] = (active * 100) / acc.customers;
      }
      rows.push({
        cohort: monthLabel(base + m),
        customers: acc.customers,
        startingMrr: major(startingMinor),
        revenuePct,
        logoPct,
      });
    }
    cohorts = { cohorts: rows, maxAge };
  }
  return { movements, cohorts };
}

/** The analysis's month index of `options.asOf`, −1 without one; a RangeError when it is no month. */
function asOfMonth(options: MovementOptions): number {
  if (options.asOf === undefined) return -1;
  const asOf = parseMonth(options.asOf);
  if (asOf < 0) throw new RangeError(`asOf is not a month (YYYY-MM): ${String(options.asOf)}`);
  return asOf;
}

function analyze(
  input: PeriodsInput,
  options: MovementOptions,
  withCohorts: boolean,
): { movements: MovementRow[]; cohorts: CohortRetention | null; skippedPeriods: number } {
  let columns: PeriodColumns;
  let skippedPeriods = 0;
  if (isPeriodColumns(input)) {
    columns = input;
    if (options.currency !== undefined && options.currency.toUpperCase() !== columns.currency.toUpperCase()) {
      throw new RangeError(`The columns are in ${columns.currency}, not ${options.currency}`);
    }
  } else {
    ({ columns, skippedPeriods } = periodsToColumns(input, options));
  }
  const currency = columns.currency.toUpperCase();
  currencyDigits(currency); // throws a RangeError for an unknown currency, as for objects
  const asOf = asOfMonth(options);
  const empty = { movements: [], cohorts: withCohorts ? { cohorts: [], maxAge: 0 } : null };

  // Pass 1: days to month spans; pass 2: clipped to the horizon. The input columns are never
  // written to.
  const n = columns.length;
  const range = spansOf(columns, 0, n);
  skippedPeriods += range.skippedPeriods;
  const horizon = asOf >= 0 ? asOf : range.lastTouched;
  if (horizon < 0) return { ...empty, skippedPeriods };
  const stop = horizon + 1;
  const base = clipSpans(range.spans, stop);
  if (base === stop) return { ...empty, skippedPeriods };

  // Customer c's periods are at positions offsets[c] … offsets[c + 1] − 1 of (spansByCustomer,
  // amountByCustomer), possibly mixed with dropped ones (empty span).
  const { spans } = range;
  let offsets = range.firstPeriodOf;
  let spansByCustomer = spans;
  let amountByCustomer = columns.monthlyMinor;
  let groups = range.groups;
  if (!range.grouped) {
    // Counting sort over the dense customer indices, copying each period's span and amount into
    // customer order, so that the walk reads memory sequentially.
    const { customer: customerOf, monthlyMinor } = columns;
    const customerCount = columns.customerIds.length;
    groups = customerCount;
    offsets = new Int32Array(customerCount + 1);
    for (let i = 0; i < n; i++) if (spans[2 * i]! < spans[2 * i + 1]!) offsets[customerOf[i]! + 1]! += 1;
    for (let c = 0; c < customerCount; c++) offsets[c + 1]! += offsets[c]!;
    const kept = offsets[customerCount]!;
    spansByCustomer = new Int32Array(2 * kept);
    amountByCustomer = new Float64Array(kept);
    const cursor = offsets.slice(0, customerCount);
    for (let i = 0; i < n; i++) {
      if (spans[2 * i]! >= spans[2 * i + 1]!) continue;
      const k = cursor[customerOf[i]!]!++;
      spansByCustomer[2 * k] = spans[2 * i]!;
      spansByCustomer[2 * k + 1] = spans[2 * i + 1]!;
      amountByCustomer[k] = monthlyMinor[i]!;
    }
  }
  const sums = newSums(base, stop - base, withCohorts);
  sumCustomers(sums, spansByCustomer, amountByCustomer, offsets, 0, groups, withCohorts);
  const rows = rowsOfSums(sums, currency, withCohorts);
  return rows ? { ...rows, skippedPeriods } : { ...empty, skippedPeriods };
}

/**
 * What one part of a file (a stretch of its periods, read on its own: its own customer table)
 * adds to the file's movements: the totals of its customers but the first (`skipFirst`) and the
 * last (`skipLast`), whose periods may go on in the part before or after. Undefined when the part
 * is not grouped by customer (each customer's periods consecutive) or holds a period the engine
 * skips: then the file is analysed whole.
 */
export interface PartMovements {
  /** The latest month a period of the part starts or ends in; −1 when none. */
  lastTouched: number;
  /** Totals of the customers summed; null when none has MRR through the part's horizon. */
  sums: MovementSums | null;
  /** The first customer's periods are 0 … `firstEnd − 1`; the last's `lastStart` … the part's end. */
  firstEnd: number;
  lastStart: number;
}

/**
 * {@link PartMovements} of a part's columns, with cohorts. The totals of a part stand in for the
 * whole file's: a customer's movements depend on its own periods, and the months after the last
 * one a part's periods touch hold no movement of its customers.
 */
export function partMovements(
  columns: PeriodColumns,
  options: { asOf?: string; skipFirst: boolean; skipLast: boolean },
): PartMovements | undefined {
  const asOf = options.asOf === undefined ? -1 : parseMonth(options.asOf);
  if (options.asOf !== undefined && asOf < 0) return undefined;
  const range = spansOf(columns, 0, columns.length, true);
  if (!range.grouped || range.skippedPeriods > 0 || range.groups === 0) return undefined;
  const { groups, firstPeriodOf: offsets, lastTouched } = range;
  const from = options.skipFirst ? 1 : 0;
  const to = options.skipLast ? groups - 1 : groups;
  const horizon = asOf >= 0 ? asOf : lastTouched;
  let sums: MovementSums | null = null;
  if (horizon >= 0 && from < to) {
    const stop = horizon + 1;
    const base = clipSpans(range.spans, stop);
    if (base < stop) {
      sums = newSums(base, stop - base, true);
      sumCustomers(sums, range.spans, columns.monthlyMinor, offsets, from, to, true);
    }
  }
  return { lastTouched, sums, firstEnd: offsets[1]!, lastStart: offsets[groups - 1]! };
}

/**
 * The analysis of `columns`, a whole file whose parts were read apart, from what each part added
 * ({@link partMovements}; the first part without `skipFirst`, the last without `skipLast`, the
 * others with both), `start` being where the part's periods begin in `columns`. The caller
 * guarantees that parts share customers only at their edges (a part's first customer may be the
 * previous part's last). The customers at the edges are analysed here from `columns`; the totals
 * of the others are added up. The same result as {@link analyzeSubscriptions} of `columns`;
 * undefined when the edges are not grouped either (then analyse `columns` whole).
 */
export function analyzeParts(
  columns: PeriodColumns,
  parts: readonly { start: number; movements: PartMovements }[],
  options: Pick<MovementOptions, 'asOf'> = {},
): SubscriptionAnalysis | undefined {
  const currency = columns.currency.toUpperCase();
  currencyDigits(currency);
  const asOf = asOfMonth(options);
  const empty: SubscriptionAnalysis = { movements: [], cohorts: { cohorts: [], maxAge: 0 }, skippedPeriods: 0 };
  let horizon = asOf;
  if (asOf < 0) for (const { movements } of parts) horizon = Math.max(horizon, movements.lastTouched);
  if (horizon < 0) return empty;
  const stop = horizon + 1;

  // The edges: the last customer of each part and the first of the next, one stretch of periods
  // (stretches that meet, around a part of one customer, joined).
  const edges: [number, number][] = [];
  for (let k = 0; k + 1 < parts.length; k++) {
    const from = parts[k]!.start + parts[k]!.movements.lastStart;
    const to = parts[k + 1]!.start + parts[k + 1]!.movements.firstEnd;
    const previous = edges.at(-1);
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else edges.push([from, to]);
  }
  const edgeSpans: { from: number; range: Spans }[] = [];
  let base = stop;
  for (const [from, to] of edges) {
    const range = spansOf(columns, from, to, true);
    if (!range.grouped || range.skippedPeriods > 0) return undefined;
    base = Math.min(base, clipSpans(range.spans, stop));
    edgeSpans.push({ from, range });
  }
  for (const { movements } of parts) if (movements.sums) base = Math.min(base, movements.sums.base);
  if (base === stop) return empty;

  const total = newSums(base, stop - base, true);
  for (const { movements } of parts) if (movements.sums) addSums(total, movements.sums);
  for (const { from, range } of edgeSpans) {
    const amounts = columns.monthlyMinor.subarray(from, from + range.spans.length / 2);
    sumCustomers(total, range.spans, amounts, range.firstPeriodOf, 0, range.groups, true);
  }
  const rows = rowsOfSums(total, currency, true);
  return rows ? { movements: rows.movements, cohorts: rows.cohorts!, skippedPeriods: 0 } : empty;
}

/** Adds `part`'s totals (its months within `total`'s) into `total`. */
function addSums(total: MovementSums, part: MovementSums): void {
  const at = part.base - total.base;
  const add = (into: Float64Array | Int32Array, from: Float64Array | Int32Array, offset: number) => {
    for (let m = 0; m < from.length; m++) into[offset + m]! += from[m]!;
  };
  add(total.newMinor, part.newMinor, at);
  add(total.expansionMinor, part.expansionMinor, at);
  add(total.contractionMinor, part.contractionMinor, at);
  add(total.churnMinor, part.churnMinor, at);
  add(total.reactivationMinor, part.reactivationMinor, at);
  add(total.newCustomers, part.newCustomers, at);
  add(total.churnedCustomers, part.churnedCustomers, at);
  add(total.reactivatedCustomers, part.reactivatedCustomers, at);
  part.cohorts.forEach((cohort, m) => {
    if (!cohort) return;
    const into = cohortOf(total, at + m);
    into.customers += cohort.customers;
    add(into.mrrByAge, cohort.mrrByAge, 0);
    add(into.activeByAge, cohort.activeByAge, 0);
  });
}

/**
 * SaaS metrics from MRR movement rows (see `mrrMovements`): ARPA, churn, retention, quick ratio
 * and LTV, per month and over a trailing window. Formulas are in docs/metrics.md.
 *
 * Percents are 0–100 numbers named `…Pct`; money is in major units like the rows. Nothing here
 * returns NaN or Infinity: a figure whose denominator is zero is `null`, and summary figures say why
 * in `reasons`.
 */
import type { MovementRow } from './movements.js';

/** Why a figure is `null`. */
export type UnavailableReason =
  /** No MRR at the start of the month(s): rates of MRR are undefined. */
  | 'noStartingMrr'
  /** No customers (at the start, for churn; at the end, for ARPA). */
  | 'noCustomers'
  /** Nothing lost (no churn or contraction): the quick ratio has no denominator. */
  | 'nothingLost'
  /** No customer churned in the window: LTV has no finite estimate. */
  | 'noChurn'
  /** Too few months: fewer rows than the window (retention), or under 3 months with customers (LTV). */
  | 'notEnoughData';

/** Metrics of one month. Each is null when its denominator is zero. */
export interface MonthMetrics {
  month: string;
  /** Customers with MRR at the start of the month (the previous month's end). */
  startingCustomers: number;
  /** endingMrr − startingMrr. */
  netNewMrr: number;
  /** Average revenue per account: endingMrr ÷ customers. */
  arpa: number | null;
  /** Logo churn: churnedCustomers ÷ startingCustomers × 100. */
  logoChurnPct: number | null;
  /** −(churn + contraction) ÷ startingMrr × 100. */
  grossMrrChurnPct: number | null;
  /** −(churn + contraction + expansion + reactivation) ÷ startingMrr × 100; negative when growth from existing customers outweighs losses. */
  netMrrChurnPct: number | null;
  /** expansion ÷ startingMrr × 100. */
  expansionPct: number | null;
  /** −contraction ÷ startingMrr × 100 (positive). */
  contractionPct: number | null;
  /** Net revenue retention: (startingMrr + expansion + contraction + churn) ÷ startingMrr × 100. */
  nrrPct: number | null;
  /** Gross revenue retention: (startingMrr + contraction + churn) ÷ startingMrr × 100. */
  grrPct: number | null;
  /** (new + expansion + reactivation) ÷ −(contraction + churn); null when nothing was lost. */
  quickRatio: number | null;
}

/**
 * Metrics of every month of `rows` (output of `mrrMovements`), same order. Each rate divides by the
 * month's starting figure; see {@link MonthMetrics} for the formulas.
 */
export function monthlyMetrics(rows: readonly MovementRow[]): MonthMetrics[] {
  return rows.map((r) => {
    const startingCustomers = startingCustomersOf(r);
    const lost = -(r.contraction + r.churn);
    const gained = r.new + r.expansion + r.reactivation;
    return {
      month: r.month,
      startingCustomers,
      netNewMrr: roundMoney(r.endingMrr - r.startingMrr),
      arpa: ratio(r.endingMrr, r.customers),
      logoChurnPct: pct(r.churnedCustomers, startingCustomers),
      grossMrrChurnPct: pct(lost, r.startingMrr),
      netMrrChurnPct: pct(lost - r.expansion - r.reactivation, r.startingMrr),
      expansionPct: pct(r.expansion, r.startingMrr),
      contractionPct: pct(-r.contraction, r.startingMrr),
      nrrPct: pct(r.startingMrr + r.expansion + r.contraction + r.churn, r.startingMrr),
      grrPct: pct(r.startingMrr + r.contraction + r.churn, r.startingMrr),
      quickRatio: lost > 0 ? gained / lost : null,
    };
  });
}

export interface SummaryOptions {
  /** Last month of the window, `YYYY-MM`; default the last row. Rows after it are ignored. */
  month?: string;
  /** Months in the window, default 12. */
  window?: number;
  /** Gross margin (above 0, at most 100) for LTV; default 100 (LTV of revenue). */
  grossMarginPct?: number;
}

/** LTV, or why there is none (never 0, NaN or Infinity). */
export type LtvEstimate = { value: number; reason: null } | { value: null; reason: 'noChurn' | 'notEnoughData' };

export type SummaryField =
  | 'arpa'
  | 'churnPct'
  | 'grossMrrChurnPct'
  | 'netMrrChurnPct'
  | 'expansionPct'
  | 'contractionPct'
  | 'reactivationPct'
  | 'nrrPct'
  | 'grrPct'
  | 'quickRatio';

/**
 * Figures over a trailing window, ready to seed a calculator ("use these figures": ARPA, churn,
 * expansion, contraction as monthly rates).
 */
export interface SummaryMetrics {
  /** First and last month of the window, `YYYY-MM` (empty strings when there are no rows). */
  fromMonth: string;
  month: string;
  /** Rows in the window (≤ `window`). */
  months: number;
  endingMrr: number;
  customers: number;
  /** endingMrr ÷ customers at the window's last month. */
  arpa: number | null;
  /** Monthly logo churn, pooled: Σ churnedCustomers ÷ Σ startingCustomers × 100. */
  churnPct: number | null;
  /** Monthly, pooled: −Σ(churn + contraction) ÷ Σ startingMrr × 100. */
  grossMrrChurnPct: number | null;
  /** Monthly, pooled: −Σ(churn + contraction + expansion + reactivation) ÷ Σ startingMrr × 100. */
  netMrrChurnPct: number | null;
  /** Monthly, pooled: Σ expansion ÷ Σ startingMrr × 100. */
  expansionPct: number | null;
  /** Monthly, pooled: −Σ contraction ÷ Σ startingMrr × 100. */
  contractionPct: number | null;
  /** Monthly, pooled: Σ reactivation ÷ Σ startingMrr × 100. */
  reactivationPct: number | null;
  /** Net revenue retention over the window: the product of the monthly NRR factors, × 100. */
  nrrPct: number | null;
  /** Gross revenue retention over the window: the product of the monthly GRR factors, × 100. */
  grrPct: number | null;
  /** Σ(new + expansion + reactivation) ÷ −Σ(contraction + churn) over the window. */
  quickRatio: number | null;
  /** arpa × grossMargin ÷ monthly logo churn rate. */
  ltv: LtvEstimate;
  /** Why each null figure is null. */
  reasons: Partial<Record<SummaryField, UnavailableReason>>;
}

/** Months with customers needed before an LTV is given (one month's churn is noise). */
export const MIN_LTV_MONTHS = 3;

/**
 * Summary over the `window` months ending at `options.month` (default the last row).
 *
 * Monthly rates are pooled over the window (sum of the amounts ÷ sum of the starting figures),
 * which weights each month by its size, so a tiny early month cannot swing the average. NRR and GRR
 * are compounded: the product of the window's monthly factors, i.e. retention over the whole window
 * (12 months: annual NRR/GRR); they need a full window of months with starting MRR, else null with
 * `notEnoughData`. See docs/metrics.md. Throws a RangeError for a window that is not a whole number
 * ≥ 1 or a gross margin not in (0, 100].
 */
export function summaryMetrics(rows: readonly MovementRow[], options: SummaryOptions = {}): SummaryMetrics {
  const window = options.window ?? 12;
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a whole number of months ≥ 1: ${window}`);
  const marginPct = options.grossMarginPct ?? 100;
  if (!Number.isFinite(marginPct) || marginPct <= 0 || marginPct > 100) {
    throw new RangeError(`grossMarginPct must be above 0 and at most 100: ${marginPct}`);
  }
  const margin = marginPct / 100;
  let last = rows.length - 1;
  if (options.month !== undefined) while (last >= 0 && (rows[last]?.month ?? '') > options.month) last -= 1;
  const first = Math.max(0, last - window + 1);
  const inWindow = last >= 0 ? rows.slice(first, last + 1) : [];
  const reasons: Partial<Record<SummaryField, UnavailableReason>> = {};
  const note = <T>(field: SummaryField, value: T | null, reason: UnavailableReason): T | null => {
    if (value === null) reasons[field] = reason;
    return value;
  };

  let startingMrr = 0;
  let startingCustomers = 0;
  let churned = 0;
  let churn = 0;
  let contraction = 0;
  let expansion = 0;
  let reactivation = 0;
  let gained = 0;
  let monthsWithCustomers = 0;
  let monthsWithMrr = 0;
  let nrrFactor = 1;
  let grrFactor = 1;
  for (const r of inWindow) {
    const customersAtStart = startingCustomersOf(r);
    startingMrr += r.startingMrr;
    startingCustomers += customersAtStart;
    churned += r.churnedCustomers;
    churn += r.churn;
    contraction += r.contraction;
    expansion += r.expansion;
    reactivation += r.reactivation;
    gained += r.new + r.expansion + r.reactivation;
    if (customersAtStart > 0) monthsWithCustomers += 1;
    if (r.startingMrr > 0) {
      monthsWithMrr += 1;
      nrrFactor *= (r.startingMrr + r.expansion + r.contraction + r.churn) / r.startingMrr;
      grrFactor *= (r.startingMrr + r.contraction + r.churn) / r.startingMrr;
    }
  }
  const lastRow = inWindow.at(-1);
  const lost = -(churn + contraction);
  const noMrr: UnavailableReason = inWindow.length === 0 ? 'notEnoughData' : 'noStartingMrr';
  const arpa = note(
    'arpa',
    lastRow ? ratio(lastRow.endingMrr, lastRow.customers) : null,
    lastRow ? 'noCustomers' : 'notEnoughData',
  );
  const churnPct = note('churnPct', pct(churned, startingCustomers), inWindow.length ? 'noCustomers' : 'notEnoughData');
  const fullWindow = monthsWithMrr === window;

  let ltv: LtvEstimate;
  if (arpa === null || churnPct === null || monthsWithCustomers < MIN_LTV_MONTHS) ltv = { value: null, reason: 'notEnoughData' };
  else if (churned === 0) ltv = { value: null, reason: 'noChurn' };
  else ltv = { value: roundMoney((arpa * margin) / (churnPct / 100)), reason: null };

  return {
    fromMonth: inWindow[0]?.month ?? '',
    month: lastRow?.month ?? '',
    months: inWindow.length,
    endingMrr: lastRow?.endingMrr ?? 0,
    customers: lastRow?.customers ?? 0,
    arpa,
    churnPct,
    grossMrrChurnPct: note('grossMrrChurnPct', pct(lost, startingMrr), noMrr),
    netMrrChurnPct: note('netMrrChurnPct', pct(lost - expansion - reactivation, startingMrr), noMrr),
    expansionPct: note('expansionPct', pct(expansion, startingMrr), noMrr),
    contractionPct: note('contractionPct', pct(-contraction, startingMrr), noMrr),
    reactivationPct: note('reactivationPct', pct(reactivation, startingMrr), noMrr),
    nrrPct: note('nrrPct', fullWindow ? nrrFactor * 100 : null, 'notEnoughData'),
    grrPct: note('grrPct', fullWindow ? grrFactor * 100 : null, 'notEnoughData'),
    quickRatio: note('quickRatio', lost > 0 ? gained / lost : null, inWindow.length ? 'nothingLost' : 'notEnoughData'),
    ltv,
    reasons,
  };
}

/** Customers at the start of a row's month, from its end count and the month's customer moves. */
function startingCustomersOf(r: MovementRow): number {
  return r.customers - r.newCustomers - r.reactivatedCustomers + r.churnedCustomers;
}

function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

function pct(numerator: number, denominator: number): number | null {
  // × 100 before ÷ keeps round figures round (115, not 114.99999999999999).
  const value = ratio(numerator * 100, denominator);
  // Sums of major-unit amounts carry binary noise (0.1 + 0.2); a 0 must stay 0, not −1e-17.
  return value === null ? null : cleanZero(value);
}

/** Rounds a difference of major-unit amounts to 1e-9 to drop float noise. */
function roundMoney(x: number): number {
  return cleanZero(Math.round(x * 1e9) / 1e9);
}

function cleanZero(x: number): number {
  return Math.abs(x) < 1e-12 ? 0 : x;
}

/** A projection's starting assumptions, measured on real data (percents 0–100, monthly). */
export interface MeasuredAssumptions {
  startingCustomers: number;
  /** Monthly revenue per customer: the price new customers are assumed to pay too. */
  arpa: number;
  /**
   * Revenue lost to customers who leave, % of MRR: gross MRR churn minus contraction (projectMrr
   * takes contraction separately; both share the starting-MRR denominator, so this is exact).
   */
  churnPct: number;
  expansionPct: number;
  contractionPct: number;
  newCustomersPerMonth: number;
}

/**
 * The assumptions that make `projectMrr` continue what `rows` (a period of `mrrMovements`) show,
 * from their `summaryMetrics`; null when a needed figure is undefined (no MRR, no months).
 */
export function measuredAssumptions(summary: SummaryMetrics, rows: readonly MovementRow[]): MeasuredAssumptions | null {
  const { arpa, grossMrrChurnPct, expansionPct, contractionPct } = summary;
  if (arpa === null || grossMrrChurnPct === null || expansionPct === null || contractionPct === null || rows.length === 0) {
    return null;
  }
  const newCustomers = rows.reduce((sum, r) => sum + r.newCustomers, 0);
  return {
    startingCustomers: summary.customers,
    arpa,
    churnPct: Math.max(0, grossMrrChurnPct - contractionPct),
    expansionPct,
    contractionPct,
    newCustomersPerMonth: newCustomers / rows.length,
  };
}

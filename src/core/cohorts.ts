/**
 * Cohort retention: customers grouped by their first month with MRR, followed month by month.
 * Computed by the same pass as the MRR movements (see `analyzeSubscriptions`), with the same rules
 * for what is active in a month.
 */
import { analyzeSubscriptions, type MovementOptions, type PeriodsInput } from './movements.js';

/** One cohort: the customers whose first month with MRR is `cohort`. */
export interface CohortRow {
  /** First month with MRR, `YYYY-MM`. */
  cohort: string;
  /** Customers in the cohort. */
  customers: number;
  /** The cohort's MRR in its first month, major units (always > 0). */
  startingMrr: number;
  /**
   * Revenue retention by age (months since `cohort`; index 0 is the first month, 100):
   * the cohort's MRR that month ÷ `startingMrr` × 100. Net of expansion, contraction, churn and
   * reactivation, so it can exceed 100. Null for ages after `asOf`.
   */
  revenuePct: Array<number | null>;
  /** Logo retention by age: the cohort's customers with MRR that month ÷ `customers` × 100; null after `asOf`. */
  logoPct: Array<number | null>;
}

export interface CohortRetention {
  /** Cohorts in month order; months in which no customer started have no row. */
  cohorts: CohortRow[];
  /** Age of the oldest cohort at `asOf`; every array has `maxAge + 1` entries. */
  maxAge: number;
}

/**
 * Revenue and logo retention of monthly cohorts, from subscription periods, as objects or columns (same inputs, options and
 * skipping of invalid periods as `mrrMovements`). When movements are needed too, call
 * `analyzeSubscriptions` to get both from one pass.
 */
export function cohortRetention(periods: PeriodsInput, options: MovementOptions = {}): CohortRetention {
  return analyzeSubscriptions(periods, options).cohorts;
}

/** Retention curve of all cohorts together, by age. */
export interface RetentionCurve {
  /** Σ cohort MRR at age ÷ Σ starting MRR of the cohorts old enough to have that age, × 100. */
  revenuePct: Array<number | null>;
  /** Σ active customers at age ÷ Σ customers of the cohorts old enough, × 100. */
  logoPct: Array<number | null>;
  /** Cohorts contributing to each age (fewer at higher ages: read those with care). */
  cohortsByAge: number[];
}

/**
 * Weighted average retention by age over all cohorts: each age pools the cohorts that have reached
 * it, weighted by their starting MRR (revenue) or size (logos), so small cohorts do not swing it.
 * Null where no cohort is that old.
 */
export function averageRetention(retention: CohortRetention): RetentionCurve {
  const ages = retention.maxAge + 1;
  const revenuePct = new Array<number | null>(ages).fill(null);
  const logoPct = new Array<number | null>(ages).fill(null);
  const cohortsByAge = new Array<number>(ages).fill(0);
  for (let age = 0; age < ages; age++) {
    let mrr = 0;
    let startingMrr = 0;
    let active = 0;
    let customers = 0;
    for (const row of retention.cohorts) {
      const revenue = row.revenuePct[age];
      const logos = row.logoPct[age];
      if (revenue === null || revenue === undefined || logos === null || logos === undefined) continue;
      cohortsByAge[age] = (cohortsByAge[age] ?? 0) + 1;
      mrr += (revenue / 100) * row.startingMrr;
      startingMrr += row.startingMrr;
      active += (logos / 100) * row.customers;
      customers += row.customers;
    }
    if (startingMrr > 0) revenuePct[age] = (mrr / startingMrr) * 100;
    if (customers > 0) logoPct[age] = (active / customers) * 100;
  }
  return { revenuePct, logoPct, cohortsByAge };
}

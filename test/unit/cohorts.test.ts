import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRetention, cohortRetention } from '../../src/core/cohorts.js';
import { analyzeSubscriptions, mrrMovements, validatePeriod, type SubscriptionPeriod } from '../../src/core/movements.js';
import { monthLabel, parseMonth } from '../../src/core/dates.js';
import { toMinor } from '../../src/core/money.js';

describe('cohortRetention', () => {
  // Two January customers (100 + 100), one February customer (50).
  // a: 100 Jan–Feb, 150 Mar–Apr (expansion);  b: 100 Jan, churns Feb, back at 80 in Apr;
  // c: 50 from Feb, churns Apr.
  const periods: SubscriptionPeriod[] = [
    { customerId: 'a', start: '2024-01-10', end: '2024-03-01', amount: 100 },
    { customerId: 'a', start: '2024-03-01', amount: 150 },
    { customerId: 'b', start: '2024-01-20', end: '2024-02-01', amount: 100 },
    { customerId: 'b', start: '2024-04-05', amount: 80 },
    { customerId: 'c', start: '2024-02-15', end: '2024-04-01', amount: 50 },
  ];

  it('groups customers by first month and follows revenue and logos by age', () => {
    const result = cohortRetention(periods, { asOf: '2024-04' });
    expect(result.maxAge).toBe(3);
    expect(result.cohorts).toEqual([
      {
        cohort: '2024-01',
        customers: 2,
        startingMrr: 200,
        revenuePct: [100, 50, 75, 115], // 200, 100, 150, 150 + 80
        logoPct: [100, 50, 50, 100],
      },
      {
        cohort: '2024-02',
        customers: 1,
        startingMrr: 50,
        revenuePct: [100, 100, 0, null],
        logoPct: [100, 100, 0, null],
      },
    ]);
  });

  it('agrees with the movements: cohort MRR by month adds up to ending MRR', () => {
    const { movements, cohorts } = analyzeSubscriptions(periods, { asOf: '2024-04' });
    expect(movements).toEqual(mrrMovements(periods, { asOf: '2024-04' }));
    for (const [i, row] of movements.entries()) {
      const month = parseMonth(row.month);
      let mrr = 0;
      for (const c of cohorts.cohorts) {
        const age = month - parseMonth(c.cohort);
        if (age >= 0) mrr += ((c.revenuePct[age] ?? 0) / 100) * c.startingMrr;
      }
      expect(mrr).toBeCloseTo(movements[i]!.endingMrr, 6);
    }
  });

  it('averages cohorts weighted by size', () => {
    const curve = averageRetention(cohortRetention(periods, { asOf: '2024-04' }));
    expect(curve.cohortsByAge).toEqual([2, 2, 2, 1]);
    expect(curve.revenuePct[0]).toBe(100);
    expect(curve.revenuePct[1]).toBeCloseTo(((100 + 50) / 250) * 100, 10); // Jan cohort 100 + Feb cohort 50
    expect(curve.logoPct[2]).toBeCloseTo((1 / 3) * 100, 10);
    expect(curve.revenuePct[3]).toBeCloseTo(115, 10);
  });

  it('is empty without data', () => {
    expect(cohortRetention([])).toEqual({ cohorts: [], maxAge: 0 });
    expect(averageRetention({ cohorts: [], maxAge: 0 })).toEqual({ revenuePct: [null], logoPct: [null], cohortsByAge: [0] });
  });
});

// Reference: per customer, MRR per month in a Map; cohorts from the first month with MRR.
function referenceCohorts(periods: SubscriptionPeriod[], asOf: string) {
  const last = parseMonth(asOf);
  const mrr = new Map<string, Map<number, number>>();
  for (const p of periods) {
    if (validatePeriod(p) !== null) continue;
    for (let m = parseMonth(p.start.slice(0, 7)); m <= last; m++) {
      const lastDay = new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).toISOString().slice(0, 10);
      if (p.start <= lastDay && (p.end == null || lastDay < p.end)) {
        const months = mrr.get(p.customerId) ?? new Map<number, number>();
        months.set(m, (months.get(m) ?? 0) + toMinor(p.amount));
        mrr.set(p.customerId, months);
      }
    }
  }
  const cohorts = new Map<number, { customers: number; mrr: number[]; active: number[] }>();
  for (const months of mrr.values()) {
    const activeMonths = [...months].filter(([, v]) => v > 0).map(([m]) => m);
    if (!activeMonths.length) continue;
    const first = Math.min(...activeMonths);
    const c = cohorts.get(first) ?? {
      customers: 0,
      mrr: new Array<number>(last - first + 1).fill(0),
      active: new Array<number>(last - first + 1).fill(0),
    };
    c.customers += 1;
    for (let m = first; m <= last; m++) {
      const v = months.get(m) ?? 0;
      // m − first is within the arrays: they have last − first + 1 entries.
      c.mrr[m - first]! += v;
      if (v > 0) c.active[m - first]! += 1;
    }
    cohorts.set(first, c);
  }
  return [...cohorts]
    .sort((x, y) => x[0] - y[0])
    .map(([m, c]) => ({
      cohort: monthLabel(m),
      customers: c.customers,
      revenue: c.mrr.map((v) => (v * 100) / c.mrr[0]!),
      logos: c.active.map((v) => (v * 100) / c.customers),
    }));
}

describe('cohortRetention properties', () => {
  const dayArb = fc
    .tuple(fc.integer({ min: 2020 * 12, max: 2021 * 12 + 5 }), fc.integer({ min: 1, max: 28 }))
    .map(([m, d]) => `${monthLabel(m)}-${String(d).padStart(2, '0')}`);
  const periodArb = fc
    .record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      start: dayArb,
      end: fc.option(dayArb, { nil: null }),
      amount: fc.integer({ min: 0, max: 300 }),
    })
    .map((p) => (p.end !== null && p.end < p.start ? { ...p, start: p.end, end: p.start } : p));

  it('matches a reference implementation', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 25 }), (periods) => {
        const { cohorts, maxAge } = cohortRetention(periods, { asOf: '2021-08' });
        const expected = referenceCohorts(periods, '2021-08');
        expect(cohorts.map((c) => c.cohort)).toEqual(expected.map((c) => c.cohort));
        for (const [i, c] of cohorts.entries()) {
          const e = expected[i];
          expect(c.customers).toBe(e!.customers);
          expect(c.revenuePct).toHaveLength(maxAge + 1);
          expect(c.revenuePct.slice(0, e?.revenue.length)).toEqual(e!.revenue);
          expect(c.logoPct.slice(0, e?.logos.length)).toEqual(e!.logos);
          expect(c.revenuePct.slice(e?.revenue.length).every((v) => v === null)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

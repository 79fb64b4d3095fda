import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goalSeek, type GoalSeekField } from '../../src/core/goal-seek.js';
import { fromMinor, toMinor } from '../../src/core/money.js';
import { type MrrAssumptions, projectMrr, validateAssumptions } from '../../src/core/mrr.js';
import { InvalidInputError } from '../../src/core/validation.js';

const ending = (a: MrrAssumptions) => projectMrr(a).summary.endingMrr;

describe('goalSeek: worked examples', () => {
  it('MRR 10,000 (100 clients at 100) for 12 months, target 12,000: 2 new clients a month', () => {
    const a = { months: 12, startingMrr: 10000, startingCustomers: 100 };
    // 1 a month adds 100 × 12 = 1,200 (ends at 11,200); 2 add 2,400 (12,400).
    expect(goalSeek(a, { field: 'newCustomersPerMonth', targetEndingMrr: 12000 })).toEqual({ value: 2 });
    expect(ending({ ...a, newCustomersPerMonth: 1 })).toBe(11200);
    expect(ending({ ...a, newCustomersPerMonth: 2 })).toBe(12400);
  });

  it('a target the starting MRR already reaches: the smallest value, 0 new clients', () => {
    const a = { months: 12, startingMrr: 10000, startingCustomers: 100, newCustomersPerMonth: 4 };
    expect(goalSeek(a, { field: 'newCustomersPerMonth', targetEndingMrr: 10000 })).toEqual({ value: 0 });
    expect(goalSeek(a, { field: 'newCustomersPerMonth', targetEndingMrr: 0 })).toEqual({ value: 0 });
    expect(goalSeek(a, { field: 'expansionPct', targetEndingMrr: 5000 })).toEqual({ value: 0 });
  });

  it('the price of a new client to the cent: 3 a month for 10 months must add 2,000, so 66.67 (66.66 adds 1,999.80)', () => {
    const a = { months: 10, startingMrr: 10000, startingCustomers: 100, newCustomersPerMonth: 3, currency: 'USD' };
    // 10 × round(3 × p cents) ≥ 200,000 cents → 3p ≥ 19,999.5 → p ≥ 6,666.5 cents.
    expect(goalSeek(a, { field: 'newCustomerMrr', targetEndingMrr: 12000 })).toEqual({ value: 66.67 });
    expect(ending({ ...a, newCustomerMrr: 66.66 })).toBe(11999.8);
    expect(ending({ ...a, newCustomerMrr: 66.67 })).toBe(12000.1);
  });

  it('in yen the price is whole: 6,667 (6,666 adds 199,980 of the 200,000 needed)', () => {
    const a = { months: 10, startingMrr: 1_000_000, startingCustomers: 100, newCustomersPerMonth: 3, currency: 'JPY' };
    expect(goalSeek(a, { field: 'newCustomerMrr', targetEndingMrr: 1_200_000 })).toEqual({ value: 6667 });
    expect(ending({ ...a, newCustomerMrr: 6666 })).toBe(1_199_980);
  });

  it('one price for everyone (clients × price): 40 clients and 4 new a month for 10 months reach 50,000 at 625', () => {
    const a = { months: 10, startingCustomers: 40, startingMrr: 40 * 500, newCustomersPerMonth: 4, newCustomerMrr: 500 };
    // 40p + 10 × 4p = 80p ≥ 50,000 → p = 625; with the starting MRR held at 20,000: 20,000 + 40p → 750.
    expect(goalSeek(a, { field: 'newCustomerMrr', targetEndingMrr: 50000, startingAtSamePrice: true })).toEqual({ value: 625 });
    expect(goalSeek(a, { field: 'newCustomerMrr', targetEndingMrr: 50000 })).toEqual({ value: 750 });
  });

  it('expansion to 0.01 points: 10,000 over 2 months reaches 10,201 at 1 % (0.99 % ends at 10,198.98)', () => {
    const a = { months: 2, startingMrr: 10000 };
    // 1 %: 10,000 → 10,100 → 10,201. 0.99 %: 10,000 → 10,099 → 10,099 + 99.98 = 10,198.98.
    expect(goalSeek(a, { field: 'expansionPct', targetEndingMrr: 10201 })).toEqual({ value: 1 });
    expect(ending({ ...a, expansionPct: 0.99 })).toBe(10198.98);
    // One month: 10,123 needs 123 of expansion, 1.23 %.
    expect(goalSeek({ months: 1, startingMrr: 10000 }, { field: 'expansionPct', targetEndingMrr: 10123 })).toEqual({
      value: 1.23,
    });
  });

  it('churn: the largest that still reaches; 500 new a month holds 10,000 over 2 months up to 5 % churn', () => {
    const a = { months: 2, startingMrr: 10000, startingCustomers: 20, newCustomersPerMonth: 1, newCustomerMrr: 500, churnPct: 8 };
    // 5 %: 10,000 − 500 + 500 = 10,000 each month. 5.01 %: 9,999 then 9,998.05.
    expect(goalSeek(a, { field: 'churnPct', targetEndingMrr: 10000 })).toEqual({ value: 5 });
    expect(ending({ ...a, churnPct: 5.01 })).toBe(9998.05);
  });

  it('churn for a target reached at any churn: the largest valid, 100 % less contraction', () => {
    const a = { months: 3, startingMrr: 1000, contractionPct: 40 };
    expect(goalSeek(a, { field: 'churnPct', targetEndingMrr: 0 })).toEqual({ value: 60 });
  });

  it('unreachable: more than zero churn can give, nothing for new clients to pay, no MRR to expand', () => {
    const unreachable = { value: null, reason: 'unreachable' };
    expect(goalSeek({ months: 12, startingMrr: 10000 }, { field: 'churnPct', targetEndingMrr: 10000.01 })).toEqual(unreachable);
    expect(goalSeek({ months: 12 }, { field: 'newCustomersPerMonth', targetEndingMrr: 1 })).toEqual(unreachable);
    expect(goalSeek({ months: 12, newCustomersPerMonth: 5 }, { field: 'expansionPct', targetEndingMrr: 1 })).toEqual(unreachable);
  });

  it('stops at the core limits: 1,000,000 new clients a month is the most tried', () => {
    const a = { months: 1, startingMrr: 1000, startingCustomers: 10 }; // new clients pay 100
    expect(goalSeek(a, { field: 'newCustomersPerMonth', targetEndingMrr: 1e8 + 1000 })).toEqual({ value: 1e6 });
    expect(goalSeek(a, { field: 'newCustomersPerMonth', targetEndingMrr: 1e8 + 1001 })).toEqual({
      value: null,
      reason: 'unreachable',
    });
  });

  it('refuses invalid other assumptions, an unknown field and a target that is not an amount', () => {
    expect(() => goalSeek({ months: 0 }, { field: 'churnPct', targetEndingMrr: 1 })).toThrow(InvalidInputError);
    expect(() => goalSeek({ months: 1 }, { field: 'months' as GoalSeekField, targetEndingMrr: 1 })).toThrow(InvalidInputError);
    for (const target of [Number.NaN, Number.POSITIVE_INFINITY, -1])
      expect(() => goalSeek({ months: 1 }, { field: 'churnPct', targetEndingMrr: target })).toThrow(InvalidInputError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const LEVERS: GoalSeekField[] = ['newCustomersPerMonth', 'newCustomerMrr', 'expansionPct', 'churnPct'];
const currency = fc.constantFrom('USD', 'JPY', 'BHD');

/** Valid assumptions of the sizes people type (2 decimals at most, whole clients). */
const assumptions: fc.Arbitrary<MrrAssumptions> = currency.chain((c) =>
  fc
    .record({
      months: fc.constantFrom(1, 2, 12, 24, 36, 120),
      startingCustomers: fc.integer({ min: 0, max: 2000 }),
      price: fc.integer({ min: 0, max: 5000 }),
      newCustomersPerMonth: fc.integer({ min: 0, max: 50 }),
      newCustomerMrr: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
      churnPct: fc.integer({ min: 0, max: 3000 }).map((x) => x / 100),
      expansionPct: fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
      contractionPct: fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
    })
    .map(({ price, newCustomerMrr, ...a }) => ({
      ...a,
      startingMrr: a.startingCustomers * price,
      ...(newCustomerMrr === undefined ? {} : { newCustomerMrr: fromMinor(newCustomerMrr, c) }),
      currency: c,
    })),
);

/** The field's step, as the value it stands for. */
const stepOf = (field: GoalSeekField, c: string) =>
  field === 'newCustomersPerMonth' ? 1 : field === 'newCustomerMrr' ? fromMinor(1, c) : 0.01;
const stepsOf = (field: GoalSeekField, value: number, c: string) =>
  field === 'newCustomerMrr' ? toMinor(value, c) : field === 'newCustomersPerMonth' ? value : Math.round(value * 100);
const valueAt = (field: GoalSeekField, steps: number, c: string) =>
  field === 'newCustomerMrr' ? fromMinor(steps, c) : field === 'newCustomersPerMonth' ? steps : steps / 100;

describe('goalSeek: properties', () => {
  it('ending MRR rises with new clients, their price and expansion, and falls with churn, while MRR stays ≥ 100,000 minor units', () => {
    fc.assert(
      fc.property(
        assumptions,
        fc.constantFrom(...LEVERS),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (a, field, from, by) => {
          const c = a.currency ?? 'USD';
          const max =
            field === 'churnPct'
              ? 10000 - Math.round((a.contractionPct ?? 0) * 100)
              : field === 'expansionPct'
                ? 10000
                : Infinity;
          const lo = field === 'expansionPct' || field === 'churnPct' ? Math.min(from % 10001, max) : from;
          const hi = Math.min(lo + by, max);
          const lower = projectMrr({ ...a, [field]: valueAt(field, lo, c) });
          const higher = projectMrr({ ...a, [field]: valueAt(field, hi, c) });
          // Each month's movements are rounded to the minor unit: see the next test for what happens below.
          const smallest = (p: typeof lower) =>
            Math.min(...p.months.map((m) => toMinor(m.startingMrr, c)), toMinor(p.summary.endingMrr, c));
          fc.pre(smallest(lower) >= 100_000 && smallest(higher) >= 100_000);
          if (field === 'churnPct') expect(higher.summary.endingMrr).toBeLessThanOrEqual(lower.summary.endingMrr);
          else expect(higher.summary.endingMrr).toBeGreaterThanOrEqual(lower.summary.endingMrr);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('below that, rounding can move MRR a cent the other way; the answer still reaches and the next step does not', () => {
    // MRR 100 with 87 % churn falls to tens of dollars, where each movement's rounding to the cent
    // outweighs 0.01 point of churn: 87.18 % ends one cent above 87.17 %.
    const a = {
      months: 16,
      startingMrr: 100,
      contractionPct: 3.67,
      expansionPct: 8,
      newCustomersPerMonth: 1,
      newCustomerMrr: 50,
    };
    expect(ending({ ...a, churnPct: 87.17 })).toBe(60.35);
    expect(ending({ ...a, churnPct: 87.18 })).toBe(60.36);
    const r = goalSeek(a, { field: 'churnPct', targetEndingMrr: 60.36 });
    expect(r.value).not.toBeNull();
    expect(ending({ ...a, churnPct: r.value ?? 0 })).toBeGreaterThanOrEqual(60.36);
    expect(ending({ ...a, churnPct: (r.value ?? 0) + 0.01 })).toBeLessThan(60.36);
  });

  it('the answer reaches the target and one step less (one more for churn) does not, by projectMrr', () => {
    fc.assert(
      fc.property(assumptions, fc.constantFrom(...LEVERS), fc.integer({ min: 0, max: 2_000_000 }), (a, field, target) => {
        const c = a.currency ?? 'USD';
        const r = goalSeek(a, { field, targetEndingMrr: target });
        const reaches = (value: number) => ending({ ...a, [field]: value }) >= target;
        const valid = (value: number) => validateAssumptions({ ...a, [field]: value }).length === 0;
        if (r.value === null) {
          expect(r.reason).toBe('unreachable');
          // The best valid value falls short: none for churn, the upper limit for the others.
          if (field === 'churnPct') expect(reaches(0)).toBe(false);
          if (field === 'expansionPct') expect(reaches(100)).toBe(false);
          if (field === 'newCustomersPerMonth') expect(reaches(1e6)).toBe(false);
          return;
        }
        expect(Object.is(r.value, -0) || !Number.isFinite(r.value)).toBe(false);
        expect(r).toEqual({ value: r.value });
        expect(valueAt(field, stepsOf(field, r.value, c), c)).toBe(r.value); // a whole step
        expect(reaches(r.value)).toBe(true);
        const step = stepOf(field, c);
        const next = valueAt(field, stepsOf(field, r.value, c) + (field === 'churnPct' ? 1 : -1), c);
        if (field === 'churnPct') {
          if (valid(next)) expect(reaches(next)).toBe(false);
        } else if (r.value >= step) expect(reaches(next)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

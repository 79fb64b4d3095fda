import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  churnReductionValue,
  MAX_STARTING_MRR,
  projectMrr,
  validateAssumptions,
  type MrrAssumptions,
} from '../../src/core/mrr.js';
import { InvalidInputError } from '../../src/core/validation.js';

const cents = (x: number) => Math.round(x * 100);

describe('projectMrr', () => {
  it('MRR 10,000 with 5 % monthly churn for 12 months ends at 5,403.60', () => {
    const p = projectMrr({ months: 12, startingMrr: 10000, startingCustomers: 100, churnPct: 5 });
    expect(p.months).toHaveLength(12);
    expect(p.summary.endingMrr).toBe(5403.6);
    expect(p.months[0]).toMatchObject({ startingMrr: 10000, churn: -500, endingMrr: 9500, new: 0 });
    expect(p.summary.arr).toBe(64843.2);
    expect(p.summary.netNewMrr).toBe(-4596.4);
    expect(p.summary.quickRatio).toBe(0);
    expect(p.summary.monthsToDouble).toBeNull();
    expect(p.summary.grrPct).toBeCloseTo(54.036, 2);
  });

  it("reads Stripe's example plan list: 100 at 100/month and 50 at 600/year is MRR 12,500", () => {
    const p = projectMrr({
      months: 1,
      plans: [
        { price: 100, interval: 'month', clients: 100 },
        { price: 600, interval: 'year', clients: 50 },
      ],
    });
    expect(p.summary.startingMrr).toBe(12500);
    expect(p.summary.startingCustomers).toBe(150);
    expect(p.summary.endingMrr).toBe(12500);
  });

  it('a two-year plan of 2,400 is 100 a month', () => {
    const p = projectMrr({ months: 1, plans: [{ price: 2400, interval: 'year', intervalCount: 2, clients: 1 }] });
    expect(p.summary.startingMrr).toBe(100);
  });

  it('adds new customers at the starting average price and counts customers with logo churn', () => {
    const p = projectMrr({
      months: 2,
      startingMrr: 5000,
      startingCustomers: 50,
      newCustomersPerMonth: 5,
      logoChurnPct: 10,
      churnPct: 2,
    });
    expect(p.months[0]?.new).toBe(500);
    expect(p.months[0]?.customers).toBe(50);
    expect(p.months[0]?.churnedCustomers).toBe(5);
    expect(p.months[1]?.customers).toBe(50);
    expect(p.months[0]?.endingMrr).toBe(5400);
  });

  it('summarises NRR, quick ratio and months to double', () => {
    const p = projectMrr({
      months: 24,
      startingMrr: 1000,
      startingCustomers: 10,
      newCustomersPerMonth: 1,
      churnPct: 1,
      expansionPct: 2,
    });
    expect(p.summary.nrrPct).toBeCloseTo(Math.pow(1.01, 24) * 100, 6);
    expect(p.summary.quickRatio).toBeGreaterThan(1);
    expect(p.summary.monthsToDouble).toBeGreaterThan(0);
    const doubled = p.months.find((m) => m.endingMrr >= 2000);
    expect(doubled?.month).toBe(p.summary.monthsToDouble);
  });

  it('gives a typed error per invalid field, with the limits the message says', () => {
    const bad = { months: 0, startingMrr: -1, startingCustomers: 2.5, churnPct: 101, expansionPct: Number.NaN } as MrrAssumptions;
    expect(validateAssumptions(bad)).toEqual(
      expect.arrayContaining([
        { field: 'months', code: 'outOfRange', params: { min: 1, max: 120 } },
        expect.objectContaining({ field: 'startingMrr', code: 'negative' }),
        expect.objectContaining({ field: 'startingCustomers', code: 'notInteger' }),
        { field: 'churnPct', code: 'outOfRange', params: { min: 0, max: 100 } },
        expect.objectContaining({ field: 'expansionPct', code: 'notANumber' }),
      ]),
    );
    expect(validateAssumptions({ months: 121 })).toEqual([{ field: 'months', code: 'outOfRange', params: { min: 1, max: 120 } }]);
    expect(validateAssumptions({ months: 12, startingMrr: '12' })).toEqual([
      expect.objectContaining({ field: 'startingMrr', code: 'notANumber' }),
    ]);
    expect(() => projectMrr(bad)).toThrow(InvalidInputError);
    expect(() => projectMrr({ months: 12, plans: [{ price: -5, clients: 1 }] })).toThrow(InvalidInputError);
    try {
      projectMrr({ months: 12, plans: [{ price: -5, clients: 1 }] });
    } catch (e) {
      expect((e as InvalidInputError).issues).toEqual([expect.objectContaining({ field: 'plans.0.price', code: 'negative' })]);
    }
  });

  it('refuses a starting MRR over the limit, from clients × price or from a plan list', () => {
    // 1,000,000 clients × 1,000,000 a month: the derived starting MRR is refused with its limit.
    expect(validateAssumptions({ months: 12, startingCustomers: 1e6, startingMrr: 1e12, newCustomerMrr: 1e6 })).toEqual([
      { field: 'startingMrr', code: 'tooLarge', params: { min: 0, max: MAX_STARTING_MRR } },
    ]);
    // A plan list: the plan that weighs most carries the refusal, naming both its fields.
    const issues = validateAssumptions({
      months: 12,
      plans: [
        { price: 10, clients: 5 },
        { price: 1e9, clients: 1e7 },
      ],
    });
    expect(issues).toEqual([
      {
        field: 'plans.1.price',
        code: 'productTooLarge',
        params: { max: MAX_STARTING_MRR },
        related: ['plans.1.clients', 'plans.1.price'],
      },
    ]);
    expect(validateAssumptions({ months: 12, plans: [{ price: 1e5, clients: 1e6 }] })).toEqual([]);
  });

  it('puts churn + contraction over 100 % as one rule across both fields', () => {
    expect(validateAssumptions({ months: 12, churnPct: 3, contractionPct: 100 })).toEqual([
      { field: 'churnPct', code: 'sumTooLarge', params: { max: 100 }, related: ['churnPct', 'contractionPct'] },
    ]);
    expect(validateAssumptions({ months: 12, churnPct: 50, contractionPct: 50 })).toEqual([]);
    // Said beside another refusal too (the user sees every field to fix at once).
    expect(validateAssumptions({ months: 0, churnPct: 3, contractionPct: 100 }).map((i) => i.code)).toEqual([
      'outOfRange',
      'sumTooLarge',
    ]);
    expect(validateAssumptions({ months: 12, churnPct: 101, contractionPct: 100 }).map((i) => i.code)).toEqual(['outOfRange']);
  });

  it('new clients bring MRR in a plan list with no clients yet: the mean monthly plan price', () => {
    const p = projectMrr({
      months: 24,
      newCustomersPerMonth: 4,
      plans: [
        { price: 300, interval: 'month', clients: 0 },
        { price: 6000, interval: 'year', clients: 0 },
      ],
    });
    // (300 + 500) / 2 = 400 a client, 4 a month: 1,600 of new MRR each month.
    expect(p.months[0]?.new).toBe(1600);
    expect(p.summary.endingMrr).toBe(1600 * 24);
    // With clients, new ones pay the average of what clients pay (weighted).
    const weighted = projectMrr({
      months: 1,
      newCustomersPerMonth: 1,
      plans: [
        { price: 300, clients: 3 },
        { price: 500, clients: 1 },
      ],
    });
    expect(weighted.months[0]?.new).toBe(350);
    // No plan and no clients: the price of a new client has to be given.
    expect(projectMrr({ months: 2, plans: [], newCustomersPerMonth: 4, newCustomerMrr: 250 }).summary.endingMrr).toBe(2000);
  });

  it('values one point less churn', () => {
    const a: MrrAssumptions = { months: 12, startingMrr: 10000, startingCustomers: 100, churnPct: 5 };
    const v = churnReductionValue(a);
    const better = projectMrr({ ...a, churnPct: 4 }).summary.endingMrr;
    expect(v.mrr).toBe(Math.round((better - 5403.6) * 100) / 100);
    expect(v.arr).toBe(Math.round(v.mrr * 12 * 100) / 100);
    expect(churnReductionValue({ ...a, churnPct: 0 }).mrr).toBe(0);
  });
});

const assumptionsArb = fc.record({
  months: fc.integer({ min: 1, max: 120 }),
  startingMrr: fc.double({ min: 0, max: 1e8, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  startingCustomers: fc.integer({ min: 0, max: 1e6 }),
  newCustomersPerMonth: fc.double({ min: 0, max: 1e4, noNaN: true }),
  newCustomerMrr: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
  churnPct: fc.double({ min: 0, max: 50, noNaN: true }),
  logoChurnPct: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  expansionPct: fc.double({ min: 0, max: 100, noNaN: true }),
  contractionPct: fc.double({ min: 0, max: 50, noNaN: true }),
});

describe('projectMrr properties', () => {
  it('every projected month balances exactly and chains to the next', () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => {
        const p = projectMrr(a);
        p.months.forEach((m, i) => {
          expect(cents(m.startingMrr) + cents(m.new) + cents(m.expansion) + cents(m.contraction) + cents(m.churn)).toBe(
            cents(m.endingMrr),
          );
          if (i > 0) expect(m.startingMrr).toBe(p.months[i - 1]!.endingMrr);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('zero churn and zero new keep MRR constant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 1e10 }), (months, startCents) => {
        const p = projectMrr({ months, startingMrr: startCents / 100, startingCustomers: 10 });
        for (const m of p.months) expect(m.endingMrr).toBe(startCents / 100);
      }),
    );
  });

  it('never returns NaN or Infinity for any valid input', () => {
    fc.assert(
      fc.property(assumptionsArb, (a) => {
        const p = projectMrr(a);
        const values: unknown[] = [
          ...p.months.flatMap((m): unknown[] => Object.values(m)),
          ...(Object.values(p.summary) as unknown[]),
        ];
        for (const value of values) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

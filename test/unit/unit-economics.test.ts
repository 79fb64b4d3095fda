import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  churnImprovementValue,
  evaluateTargets,
  ltvCurve,
  unitEconomics,
  validateUnitEconomics,
  type Figure,
  type UnitEconomics,
  type UnitEconomicsInputs,
} from '../../src/core/unit-economics.js';
import { InvalidInputError } from '../../src/core/validation.js';

const example: UnitEconomicsInputs = {
  arpa: 50,
  grossMarginPct: 75,
  churnPct: 5,
  salesSpend: 10_000,
  marketingSpend: 15_000,
  newCustomers: 100,
};

const figures = (r: UnitEconomics): Figure[] =>
  [r.ltv, r.cac, r.ltvToCac, r.paybackMonths, r.lifetimeMonths, r.retentionCostPerClient, r.acquisitionToRetentionRatio].filter(
    (f): f is Figure => f !== undefined,
  );

/** The error thrown by `fn`, or a failure. */
function thrown(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('expected InvalidInputError');
}

describe('unitEconomics', () => {
  it('computes the worked example: ARPA 50, 75 % margin, 5 % churn, 25,000 spend for 100 clients', () => {
    const r = unitEconomics(example);
    expect(r.ltv).toEqual({ value: 750 });
    expect(r.cac).toEqual({ value: 250 });
    expect(r.ltvToCac).toEqual({ value: 3 });
    expect(r.paybackMonths.value).toBe(20 / 3); // 250 ÷ 37.5, unrounded
    expect(r.lifetimeMonths).toEqual({ value: 20 });
    expect(r.annualChurnPct).toBeCloseTo((1 - 0.95 ** 12) * 100, 10); // 45.96 %
    expect(r.currency).toBe('USD');
    expect(r.retentionCostPerClient).toBeUndefined();
  });

  it('accepts CAC directly', () => {
    const r = unitEconomics({ arpa: 50, grossMarginPct: 75, churnPct: 5, cac: 250 });
    expect(r.ltvToCac).toEqual({ value: 3 });
    expect(r.paybackMonths.value).toBe(20 / 3);
  });

  it('returns null with a reason, never 0 or Infinity, when churn is 0', () => {
    const r = unitEconomics({ ...example, churnPct: 0 });
    expect(r.ltv).toEqual({ value: null, reason: 'noChurn' });
    expect(r.ltvToCac).toEqual({ value: null, reason: 'noChurn' });
    expect(r.lifetimeMonths).toEqual({ value: null, reason: 'noChurn' });
    expect(r.annualChurnPct).toBe(0);
    expect(r.paybackMonths.value).toBe(20 / 3);
  });

  it('gives ltvToCac noCac when CAC is 0, and a payback of 0 months', () => {
    const r = unitEconomics({ arpa: 50, grossMarginPct: 75, churnPct: 5, cac: 0 });
    expect(r.ltvToCac).toEqual({ value: null, reason: 'noCac' });
    expect(r.paybackMonths).toEqual({ value: 0 });
  });

  it('gives payback noMargin when margin is 0', () => {
    const r = unitEconomics({ ...example, grossMarginPct: 0 });
    expect(r.paybackMonths).toEqual({ value: null, reason: 'noMargin' });
    expect(r.ltv).toEqual({ value: 0 });
  });

  it('gives CAC noNewCustomers when no client was won', () => {
    const r = unitEconomics({ ...example, newCustomers: 0 });
    expect(r.cac).toEqual({ value: null, reason: 'noNewCustomers' });
    expect(r.ltvToCac.reason).toBe('noCac');
    expect(r.paybackMonths.reason).toBe('noCac');
  });

  it('churn of 100 % is a one-month lifetime and 100 % annual churn', () => {
    const r = unitEconomics({ ...example, churnPct: 100 });
    expect(r.lifetimeMonths).toEqual({ value: 1 });
    expect(r.ltv).toEqual({ value: 37.5 });
    expect(r.annualChurnPct).toBe(100);
  });

  it('reports overflow instead of Infinity for a vanishing churn', () => {
    const r = unitEconomics({ arpa: 1e12, grossMarginPct: 100, churnPct: 1e-320, cac: 1 });
    expect(r.ltv).toEqual({ value: null, reason: 'overflow' });
    expect(r.ltvToCac.value).toBeNull();
    expect(r.lifetimeMonths).toEqual({ value: null, reason: 'overflow' });
  });

  it('sums spend in minor units and rounds money outputs to the currency', () => {
    expect(unitEconomics({ ...example, salesSpend: 0.1, marketingSpend: 0.2, newCustomers: 1 }).cac.value).toBe(0.3);
    expect(unitEconomics({ ...example, salesSpend: 1000, marketingSpend: 0, newCustomers: 3 }).cac.value).toBe(333.33);
    const yen = unitEconomics({ ...example, salesSpend: 1000, marketingSpend: 0, newCustomers: 3, currency: 'JPY' });
    expect(yen.cac.value).toBe(333);
    expect(yen.currency).toBe('JPY');
  });

  it('prices retention over the client lifetime', () => {
    const r = unitEconomics({ ...example, retentionSpendPerClient: 5 });
    expect(r.retentionCostPerClient).toEqual({ value: 100 }); // 5 a month × 20 months
    expect(r.acquisitionToRetentionRatio).toEqual({ value: 2.5 }); // 250 ÷ 100
    const noChurn = unitEconomics({ ...example, churnPct: 0, retentionSpendPerClient: 5 });
    expect(noChurn.retentionCostPerClient?.reason).toBe('noChurn');
    const free = unitEconomics({ ...example, retentionSpendPerClient: 0 });
    expect(free.acquisitionToRetentionRatio).toEqual({ value: null, reason: 'noBase' });
  });
});

describe('validation', () => {
  it('names the field and the code', () => {
    expect(validateUnitEconomics(example)).toEqual([]);
    expect(
      validateUnitEconomics({ arpa: -1, grossMarginPct: 120, churnPct: Number.NaN, cac: Infinity, currency: 'XX' }),
    ).toMatchObject([
      { field: 'arpa', code: 'negative' },
      { field: 'grossMarginPct', code: 'outOfRange' },
      { field: 'churnPct', code: 'notANumber' },
      { field: 'cac', code: 'notANumber' },
      { field: 'currency', code: 'outOfRange' },
    ]);
  });

  it('reports missing fields as required, with cac when no spend field is given', () => {
    expect(validateUnitEconomics({ arpa: 50, grossMarginPct: 75 })).toMatchObject([
      { field: 'churnPct', code: 'required' },
      { field: 'cac', code: 'required' },
    ]);
    const { marketingSpend: _omitted, ...withoutMarketing } = example as { marketingSpend: number };
    expect(validateUnitEconomics({ ...withoutMarketing, newCustomers: 2.5 })).toMatchObject([
      { field: 'marketingSpend', code: 'required' },
      { field: 'newCustomers', code: 'notInteger' },
    ]);
  });

  it('throws InvalidInputError carrying the issues', () => {
    const e = thrown(() => unitEconomics({ ...example, arpa: 1e13 }));
    expect(e.issues).toMatchObject([{ field: 'arpa', code: 'tooLarge' }]);
    expect(e.message).toContain('arpa (tooLarge)');
  });
});

describe('ltvCurve', () => {
  it('gives evenly spaced points from 1 % to 10 % by default', () => {
    const points = ltvCurve(example);
    expect(points).toHaveLength(10);
    expect(points[0]).toEqual({ churnPct: 1, ltv: 3750 });
    expect(points[4]).toEqual({ churnPct: 5, ltv: 750 });
    expect(points[9]).toEqual({ churnPct: 10, ltv: 375 });
  });

  it('leaves a gap at churn 0', () => {
    expect(ltvCurve(example, 0, 2, 3)).toEqual([
      { churnPct: 0, ltv: null },
      { churnPct: 1, ltv: 3750 },
      { churnPct: 2, ltv: 1875 },
    ]);
  });

  it('rejects bad arguments by name', () => {
    expect(thrown(() => ltvCurve(example, 1, 10, 1)).issues).toMatchObject([{ field: 'steps', code: 'outOfRange' }]);
    expect(thrown(() => ltvCurve({ ...example, arpa: -5 }, -1)).issues).toMatchObject([
      { field: 'inputs.arpa', code: 'negative' },
      { field: 'churnFromPct', code: 'outOfRange' },
    ]);
  });
});

describe('churnImprovementValue', () => {
  it('is LTV at churn − 1 point minus LTV now', () => {
    expect(churnImprovementValue(example)).toEqual({ value: 187.5 }); // 937.5 − 750
    expect(churnImprovementValue(example, 2.5)).toEqual({ value: 750 }); // 1500 − 750
  });

  it('is null when churn is at or below the improvement', () => {
    expect(churnImprovementValue({ ...example, churnPct: 1 })).toEqual({ value: null, reason: 'churnTooLow' });
    expect(thrown(() => churnImprovementValue(example, 0)).issues).toMatchObject([{ field: 'points', code: 'outOfRange' }]);
  });
});

describe('evaluateTargets', () => {
  it('compares with 3× and 12 months by default', () => {
    expect(evaluateTargets(unitEconomics(example))).toEqual({ ltvToCac: 'met', payback: 'met' });
    expect(evaluateTargets(unitEconomics(example), { minLtvToCac: 4, maxPaybackMonths: 6 })).toEqual({
      ltvToCac: 'missed',
      payback: 'missed',
    });
  });

  it('is unknown for a null figure', () => {
    const r = unitEconomics({ ...example, churnPct: 0, grossMarginPct: 0 });
    expect(evaluateTargets(r)).toEqual({ ltvToCac: 'unknown', payback: 'unknown' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const money = fc.double({ min: 0, max: 1e12, noNaN: true });
const pct = fc.double({ min: 0, max: 100, noNaN: true });
const anyInputs: fc.Arbitrary<UnitEconomicsInputs> = fc.oneof(
  fc.record({ arpa: money, grossMarginPct: pct, churnPct: pct, cac: money }),
  fc.record({
    arpa: money,
    grossMarginPct: pct,
    churnPct: pct,
    salesSpend: money,
    marketingSpend: money,
    newCustomers: fc.nat({ max: 1e9 }),
    retentionSpendPerClient: fc.option(money, { nil: undefined }),
    currency: fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
  }),
);

describe('properties', () => {
  it('never returns NaN or Infinity for any valid input', () => {
    fc.assert(
      fc.property(anyInputs, (inputs) => {
        expect(validateUnitEconomics(inputs)).toEqual([]);
        const r = unitEconomics(inputs);
        expect(Number.isFinite(r.annualChurnPct)).toBe(true);
        for (const f of figures(r)) {
          if (f.value === null) expect(typeof f.reason).toBe('string');
          else expect(Number.isFinite(f.value)).toBe(true);
        }
      }),
    );
  });

  it('lower churn never lowers LTV', () => {
    fc.assert(
      fc.property(money, pct, pct, pct, (arpa, grossMarginPct, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        fc.pre(low > 0);
        const ltvLow = unitEconomics({ arpa, grossMarginPct, churnPct: low, cac: 1 }).ltv.value;
        const ltvHigh = unitEconomics({ arpa, grossMarginPct, churnPct: high, cac: 1 }).ltv.value;
        fc.pre(ltvLow !== null && ltvHigh !== null); // both finite
        expect(ltvLow).toBeGreaterThanOrEqual(ltvHigh);
      }),
    );
  });

  it('payback × ARPA × margin ≈ CAC', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (arpa, grossMarginPct, cac) => {
          // Inputs at the minor-unit grain, as the core reads them.
          const a = Math.round(arpa * 100) / 100;
          const c = Math.round(cac * 100) / 100;
          fc.pre(a > 0);
          const r = unitEconomics({ arpa: a, grossMarginPct, churnPct: 5, cac: c });
          const back = r.paybackMonths.value! * a * (grossMarginPct / 100);
          expect(Math.abs(back - c)).toBeLessThanOrEqual(1e-9 * Math.max(1, c));
        },
      ),
    );
  });

  it('curve points are finite or null and fall as churn rises', () => {
    fc.assert(
      fc.property(money, pct, fc.integer({ min: 2, max: 50 }), (arpa, grossMarginPct, steps) => {
        const points = ltvCurve({ arpa, grossMarginPct }, 1, 10, steps);
        expect(points).toHaveLength(steps);
        for (let i = 1; i < points.length; i++) {
          expect(points[i]?.churnPct).toBeGreaterThan(points[i - 1]!.churnPct);
          expect(points[i]!.ltv!).toBeLessThanOrEqual(points[i - 1]!.ltv!);
        }
      }),
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { measuredAssumptions, monthlyMetrics, summaryMetrics } from '../../src/core/metrics.js';
import { mrrMovements, type MovementRow, type SubscriptionPeriod } from '../../src/core/movements.js';
import { addMonths, monthLabel } from '../../src/core/dates.js';

/** A movement row from its movements; ending MRR and customers follow from the previous row. */
function row(
  month: string,
  previous: { endingMrr: number; customers: number } | undefined,
  m: Partial<
    Pick<
      MovementRow,
      | 'new'
      | 'expansion'
      | 'contraction'
      | 'churn'
      | 'reactivation'
      | 'newCustomers'
      | 'churnedCustomers'
      | 'reactivatedCustomers'
    >
  >,
): MovementRow {
  const r = {
    new: 0,
    expansion: 0,
    contraction: 0,
    churn: 0,
    reactivation: 0,
    newCustomers: 0,
    churnedCustomers: 0,
    reactivatedCustomers: 0,
    ...m,
  };
  const startingMrr = previous?.endingMrr ?? 0;
  return {
    month,
    startingMrr,
    ...r,
    endingMrr: startingMrr + r.new + r.expansion + r.contraction + r.churn + r.reactivation,
    customers: (previous?.customers ?? 0) + r.newCustomers + r.reactivatedCustomers - r.churnedCustomers,
  };
}

const jan = row('2024-01', undefined, { new: 1000, newCustomers: 10 });
const feb = row('2024-02', jan, {
  new: 200,
  newCustomers: 2,
  expansion: 100,
  contraction: -50,
  churn: -100,
  churnedCustomers: 1,
});

describe('monthlyMetrics', () => {
  it('computes each formula on a worked example', () => {
    const [m1, m2] = monthlyMetrics([jan, feb]);
    expect(m2).toEqual({
      month: '2024-02',
      startingCustomers: 10,
      netNewMrr: 150,
      arpa: 1150 / 11,
      logoChurnPct: 10,
      grossMrrChurnPct: 15,
      netMrrChurnPct: 5,
      expansionPct: 10,
      contractionPct: 5,
      nrrPct: 95,
      grrPct: 85,
      quickRatio: 2,
    });
    // No starting MRR or customers: rates are null, never NaN or Infinity.
    expect(m1).toMatchObject({
      arpa: 100,
      logoChurnPct: null,
      grossMrrChurnPct: null,
      nrrPct: null,
      quickRatio: null,
      netNewMrr: 1000,
    });
  });

  it('gives a negative net MRR churn when expansion outweighs losses', () => {
    const mar = row('2024-03', feb, { expansion: 200, churn: -50, churnedCustomers: 1 });
    expect(monthlyMetrics([jan, feb, mar])[2]?.netMrrChurnPct).toBeCloseTo((-150 / 1150) * 100, 10);
  });
});

/** `count` steady months after a first month: 10 customers at 100, one churns and one joins a month. */
function steadyRows(count: number, churn = true): MovementRow[] {
  const rows = [row('2023-01', undefined, { new: 1000, newCustomers: 10 })];
  for (let i = 1; i <= count; i++) {
    rows.push(
      row(
        addMonths('2023-01', i),
        rows[i - 1],
        churn ? { churn: -100, churnedCustomers: 1, new: 100, newCustomers: 1 } : { expansion: 10 },
      ),
    );
  }
  return rows;
}

describe('summaryMetrics', () => {
  it('pools monthly rates and compounds NRR/GRR over a full window', () => {
    const s = summaryMetrics(steadyRows(12));
    expect(s).toMatchObject({ fromMonth: '2023-02', month: '2024-01', months: 12, endingMrr: 1000, customers: 10, arpa: 100 });
    expect(s.churnPct).toBe(10);
    expect(s.grossMrrChurnPct).toBe(10);
    expect(s.netMrrChurnPct).toBe(10);
    expect(s.expansionPct).toBe(0);
    expect(s.contractionPct).toBe(0);
    expect(s.nrrPct).toBeCloseTo(0.9 ** 12 * 100, 10);
    expect(s.grrPct).toBeCloseTo(0.9 ** 12 * 100, 10);
    expect(s.quickRatio).toBe(1);
    expect(s.ltv).toEqual({ value: 1000, reason: null }); // 100 ÷ 10 %
    expect(summaryMetrics(steadyRows(12), { grossMarginPct: 80 }).ltv).toEqual({ value: 800, reason: null });
    expect(s.reasons).toEqual({});
  });

  it('ends the window at options.month', () => {
    const s = summaryMetrics(steadyRows(12), { month: '2023-06', window: 3 });
    expect([s.fromMonth, s.month, s.months]).toEqual(['2023-04', '2023-06', 3]);
    expect(s.nrrPct).toBeCloseTo(0.9 ** 3 * 100, 10);
  });

  it('says why figures are missing instead of returning 0, NaN or Infinity', () => {
    const short = summaryMetrics([jan, feb]);
    expect(short.nrrPct).toBeNull();
    expect(short.reasons.nrrPct).toBe('notEnoughData');
    expect(short.ltv).toEqual({ value: null, reason: 'notEnoughData' });
    expect(short.churnPct).toBe(10);

    const noChurn = summaryMetrics(steadyRows(12, false));
    expect(noChurn.ltv).toEqual({ value: null, reason: 'noChurn' });
    expect(noChurn.quickRatio).toBeNull();
    expect(noChurn.reasons.quickRatio).toBe('nothingLost');
    expect(noChurn.churnPct).toBe(0);

    const empty = summaryMetrics([]);
    expect(empty).toMatchObject({ months: 0, arpa: null, churnPct: null, ltv: { value: null, reason: 'notEnoughData' } });
    expect(empty.reasons.arpa).toBe('notEnoughData');
    expect(summaryMetrics(steadyRows(3), { month: '2020-01' }).months).toBe(0);
    expect(() => summaryMetrics([], { window: 0 })).toThrow(RangeError);
    expect(() => summaryMetrics([], { window: Number.NaN })).toThrow(RangeError);
    expect(() => summaryMetrics([], { grossMarginPct: Number.NaN })).toThrow(RangeError);
  });

  it('reads the dbt mrr-playbook sample', () => {
    const periods: SubscriptionPeriod[] = Papa.parse<Record<string, string>>(
      readFileSync('test/fixtures/dbt-subscription-periods.csv', 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data.map((r) => ({
      customerId: r.customer_id!,
      start: r.start_date!,
      end: r.end_date || null,
      amount: Number(r.monthly_amount),
    }));
    const s = summaryMetrics(mrrMovements(periods), { month: '2019-12' });
    expect(s.fromMonth).toBe('2019-01');
    expect(s.arpa).toBeCloseTo(1255 / 28, 10);
    // Customers churned 2019-01..12 ÷ customers at the start of those months.
    expect(s.churnPct).toBeGreaterThan(0);
    expect(s.ltv.value).toBeGreaterThan(0);
  });
});

describe('metrics properties', () => {
  const dayArb = fc
    .tuple(fc.integer({ min: 2020 * 12, max: 2021 * 12 + 11 }), fc.integer({ min: 1, max: 28 }))
    .map(([m, d]) => `${monthLabel(m)}-${String(d).padStart(2, '0')}`);
  const periodArb = fc
    .record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      start: dayArb,
      end: fc.option(dayArb, { nil: null }),
      amount: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
    })
    .map((p) => (p.end !== null && p.end < p.start ? { ...p, start: p.end, end: p.start } : p));

  const finiteOrNull = (v: unknown): boolean =>
    v === null ||
    typeof v === 'string' ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    (typeof v === 'object' && Object.values(v).every(finiteOrNull));

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 20 }), fc.integer({ min: 1, max: 24 }), (periods, window) => {
        const rows = mrrMovements(periods, { asOf: '2022-03' });
        for (const m of monthlyMetrics(rows)) expect(finiteOrNull(m)).toBe(true);
        const s = summaryMetrics(rows, { window });
        expect(finiteOrNull(s)).toBe(true);
        for (const [field, reason] of Object.entries(s.reasons)) {
          expect(s[field as keyof typeof s]).toBeNull();
          expect(reason).toBeTruthy();
        }
        if (s.ltv.value !== null) expect(s.ltv.value).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('measuredAssumptions', () => {
  it('turns a period of real movements into projectMrr assumptions that continue it', async () => {
    const { projectMrr } = await import('../../src/core/mrr.js');
    const rows = [
      {
        month: '2024-01',
        startingMrr: 10000,
        new: 500,
        expansion: 300,
        contraction: -100,
        churn: -400,
        reactivation: 0,
        endingMrr: 10300,
        customers: 101,
        newCustomers: 5,
        churnedCustomers: 4,
        reactivatedCustomers: 0,
      },
      {
        month: '2024-02',
        startingMrr: 10300,
        new: 400,
        expansion: 200,
        contraction: -100,
        churn: -300,
        reactivation: 0,
        endingMrr: 10500,
        customers: 103,
        newCustomers: 3,
        churnedCustomers: 1,
        reactivatedCustomers: 0,
      },
    ];
    const summary = summaryMetrics(rows, { window: 2 });
    const a = measuredAssumptions(summary, rows)!;
    expect(a.startingCustomers).toBe(103);
    expect(a.arpa).toBeCloseTo(10500 / 103, 6);
    expect(a.newCustomersPerMonth).toBe(4);
    expect(a.expansionPct).toBeCloseTo((500 / 20300) * 100, 9);
    expect(a.contractionPct).toBeCloseTo((200 / 20300) * 100, 9);
    // Churn without contraction: only what leaving customers took.
    expect(a.churnPct).toBeCloseTo((700 / 20300) * 100, 9);
    const p = projectMrr({
      months: 1,
      startingMrr: 10500,
      startingCustomers: a.startingCustomers,
      churnPct: a.churnPct,
      expansionPct: a.expansionPct,
      contractionPct: a.contractionPct,
    });
    expect(p.months[0]?.churn).toBeCloseTo(-10500 * (700 / 20300), 1);
    expect(measuredAssumptions(summaryMetrics([], {}), [])).toBeNull();
  });
});

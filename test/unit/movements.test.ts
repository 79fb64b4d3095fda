import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { toMinor, toMonthlyMinor, type BillingInterval } from '../../src/core/money.js';
import {
  analyzeSubscriptions,
  findPeriodIssues,
  mrrMovements,
  validatePeriod,
  type MovementRow,
  type SubscriptionPeriod,
} from '../../src/core/movements.js';
import { addMonths, monthLabel, parseIsoDay, parseMonth } from '../../src/core/dates.js';

// Copies of ../shared/fixtures/dbt-mrr-playbook (public dbt-labs mrr-playbook sample data), kept in
// the repository so the test runs wherever it is checked out.
const FIXTURES = 'test/fixtures';

function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const AMOUNT_KEYS = ['startingMrr', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'endingMrr'] as const;
const MOVEMENT_KEYS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

describe('dates', () => {
  it('parses ISO days and rejects impossible ones', () => {
    const key = (y: number, m: number, d: number) => (y * 12 + m - 1) * 32 + d;
    expect(parseIsoDay('2020-02-29')).toBe(key(2020, 2, 29));
    expect(parseIsoDay('2021-03-01T00:00:00Z')).toBe(key(2021, 3, 1));
    expect(parseIsoDay('2021-02-28')).toBeLessThan(parseIsoDay('2021-03-01'));
    expect(parseIsoDay('2021-12-31')).toBeLessThan(parseIsoDay('2022-01-01'));
    for (const bad of [
      '2021-0a-01',
      '2021-01-:1',
      '2O21-01-01',
      '2021-02-29',
      '2021-13-01',
      '2021-00-10',
      '2021-04-31',
      '21-01-01',
      '2021/01/01',
      '2021-01-1',
      '',
      5,
      null,
      '2021-01-01x',
    ]) {
      expect(parseIsoDay(bad)).toBe(-1);
    }
    expect(parseIsoDay('1900-02-29')).toBe(-1);
    expect(parseIsoDay('2000-02-29')).toBe(key(2000, 2, 29));
  });
  it('round-trips months', () => {
    expect(monthLabel(parseMonth('2020-03'))).toBe('2020-03');
    expect(addMonths('2020-11', 3)).toBe('2021-02');
    expect(parseMonth('2020-13')).toBe(-1);
  });
});

describe('mrrMovements on the dbt mrr-playbook sample', () => {
  const periods: SubscriptionPeriod[] = readCsv(`${FIXTURES}/dbt-subscription-periods.csv`).map((r) => ({
    customerId: r.customer_id!,
    start: r.start_date!,
    end: r.end_date || null,
    amount: Number(r.monthly_amount),
  }));
  const expected = readCsv(`${FIXTURES}/dbt-expected-movements.csv`);

  it('reproduces expected_movements.csv exactly', () => {
    const rows = mrrMovements(periods);
    expect(rows.map((r) => r.month)).toEqual(expected.map((r) => r.month));
    for (const [i, row] of rows.entries()) {
      const e = expected[i];
      expect({
        month: row.month,
        startingMrr: row.startingMrr,
        new: row.new,
        expansion: row.expansion,
        contraction: row.contraction,
        churn: row.churn,
        reactivation: row.reactivation,
        endingMrr: row.endingMrr,
        customers: row.customers,
      }).toEqual({
        month: e!.month,
        startingMrr: Number(e!.starting_mrr),
        new: Number(e!.new),
        expansion: Number(e!.expansion),
        contraction: Number(e!.contraction),
        churn: Number(e!.churn),
        reactivation: Number(e!.reactivation),
        endingMrr: Number(e!.ending_mrr),
        customers: Number(e!.customers),
      });
    }
  });

  it('counts customers consistently and agrees with analyzeSubscriptions', () => {
    const rows = mrrMovements(periods);
    let customers = 0;
    for (const r of rows) {
      customers += r.newCustomers + r.reactivatedCustomers - r.churnedCustomers;
      expect(r.customers).toBe(customers);
    }
    expect(rows.reduce((n, r) => n + r.newCustomers, 0)).toBe(55);
    expect(analyzeSubscriptions(periods).movements).toEqual(rows);
  });
});

describe('mrrMovements rules', () => {
  it('counts a period in the months whose last day is in [start, end)', () => {
    const rows = mrrMovements([
      { customerId: 'a', start: '2020-01-15', end: '2020-03-31', amount: 10 }, // Jan, Feb
      { customerId: 'b', start: '2020-01-31', end: '2020-04-01', amount: 20 }, // Jan, Feb, Mar
      { customerId: 'c', start: '2020-02-01', end: '2020-02-29', amount: 40 }, // never active at a month end
    ]);
    expect(rows.map((r) => [r.month, r.endingMrr])).toEqual([
      ['2020-01', 30],
      ['2020-02', 30],
      ['2020-03', 20],
      ['2020-04', 0],
    ]);
    expect(rows[2]?.churn).toBe(-10);
    expect(rows[3]?.churn).toBe(-20);
  });

  it('classifies new, expansion, contraction, churn and reactivation', () => {
    const rows = mrrMovements(
      [
        { customerId: 'a', start: '2021-01-01', end: '2021-03-01', amount: 100 },
        { customerId: 'a', start: '2021-02-01', end: '2021-03-01', amount: 50 }, // add-on: expansion in Feb
        { customerId: 'a', start: '2021-03-01', end: '2021-04-01', amount: 80 }, // contraction in Mar
        { customerId: 'a', start: '2021-06-01', amount: 90 }, // churn Apr, reactivation Jun
      ],
      { asOf: '2021-07' },
    );
    const pick = (r: MovementRow) => [
      r.month,
      r.new,
      r.expansion,
      r.contraction,
      r.churn,
      r.reactivation,
      r.endingMrr,
      r.customers,
    ];
    expect(rows.map(pick)).toEqual([
      ['2021-01', 100, 0, 0, 0, 0, 100, 1],
      ['2021-02', 0, 50, 0, 0, 0, 150, 1],
      ['2021-03', 0, 0, -70, 0, 0, 80, 1],
      ['2021-04', 0, 0, 0, -80, 0, 0, 0],
      ['2021-05', 0, 0, 0, 0, 0, 0, 0],
      ['2021-06', 0, 0, 0, 0, 90, 90, 1],
      ['2021-07', 0, 0, 0, 0, 0, 90, 1],
    ]);
    expect(rows[3]?.churnedCustomers).toBe(1);
    expect(rows[5]?.reactivatedCustomers).toBe(1);
  });

  it('converts intervals and quantities to monthly minor units', () => {
    const rows = mrrMovements(
      [
        { customerId: 'y', start: '2022-01-01', amount: 2000, interval: 'year' }, // 166.67
        { customerId: 'q', start: '2022-01-01', amount: 30, interval: 'month', intervalCount: 3 }, // 10
        { customerId: 's', start: '2022-01-01', amount: 9.99, quantity: 3 }, // 29.97
      ],
      { asOf: '2022-01' },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.new).toBe(206.64);
    expect(rows[0]?.customers).toBe(3);
  });

  it('reports through asOf, clipping later periods and counting running ones', () => {
    const periods: SubscriptionPeriod[] = [
      { customerId: 'a', start: '2020-01-10', amount: 10 },
      { customerId: 'b', start: '2020-02-10', end: '2020-12-01', amount: 5 },
      { customerId: 'c', start: '2020-05-10', amount: 7 }, // after asOf: not reported
    ];
    const rows = mrrMovements(periods, { asOf: '2020-03' });
    expect(rows.map((r) => r.month)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(rows[2]?.endingMrr).toBe(15);
    // Without asOf the report runs to the last month a period starts or ends in.
    expect(mrrMovements(periods).at(-1)).toMatchObject({ month: '2020-12', churn: -5, endingMrr: 17 });
    expect(mrrMovements(periods, { asOf: '2019-12' })).toEqual([]);
  });

  it('uses the currency minor unit', () => {
    const jpy = mrrMovements([{ customerId: 'a', start: '2020-01-01', amount: 1000, interval: 'year' }], {
      currency: 'JPY',
      asOf: '2020-01',
    });
    expect(jpy[0]?.endingMrr).toBe(83);
    const kwd = mrrMovements([{ customerId: 'a', start: '2020-01-01', amount: 1, interval: 'year' }], {
      currency: 'KWD',
      asOf: '2020-01',
    });
    expect(kwd[0]?.endingMrr).toBe(0.083);
  });

  it('returns [] for no data and throws on a bad asOf', () => {
    expect(mrrMovements([])).toEqual([]);
    expect(mrrMovements([{ customerId: 'a', start: '2020-01-01', amount: 0 }])).toEqual([]);
    expect(() => mrrMovements([], { asOf: '2020-13' })).toThrow(RangeError);
  });
});

describe('validatePeriod', () => {
  const ok: SubscriptionPeriod = { customerId: 'a', start: '2020-01-01', end: '2020-02-01', amount: 10 };
  it('accepts good periods and names the issue of bad ones', () => {
    expect(validatePeriod(ok)).toBeNull();
    expect(validatePeriod({ ...ok, end: null })).toBeNull();
    const cases: Array<[Partial<SubscriptionPeriod> | Record<string, unknown>, string, string]> = [
      [{ start: '2020-02-30' }, 'start', 'badDate'],
      [{ end: 'soon' }, 'end', 'badDate'],
      [{ end: '2019-12-31' }, 'end', 'endBeforeStart'],
      [{ amount: -1 }, 'amount', 'negativeAmount'],
      [{ amount: Number.NaN }, 'amount', 'notANumber'],
      [{ amount: Infinity }, 'amount', 'notANumber'],
      [{ amount: '10' }, 'amount', 'notANumber'],
      [{ amount: 2e12 }, 'amount', 'tooLarge'],
      [{ quantity: -2 }, 'quantity', 'negativeAmount'],
      [{ interval: 'fortnight' }, 'interval', 'badInterval'],
      [{ intervalCount: 0 }, 'intervalCount', 'badInterval'],
      [{ customerId: '' }, 'customerId', 'missingCustomer'],
      [{ currency: 'EUR' }, 'currency', 'currencyMismatch'],
    ];
    for (const [patch, field, code] of cases) {
      expect(validatePeriod({ ...ok, ...patch })).toEqual({ field, code });
    }
    expect(validatePeriod({ ...ok, currency: 'usd' })).toBeNull();
    expect(validatePeriod(null as unknown as SubscriptionPeriod)).toEqual({ field: 'period', code: 'notANumber' });
  });

  it('lists issues with positions, and mrrMovements skips exactly those periods', () => {
    const periods = [ok, { ...ok, amount: -5 }, { ...ok, start: 'x' }, { ...ok, customerId: 'b', amount: 3 }];
    expect(findPeriodIssues(periods)).toEqual([
      { index: 1, field: 'amount', code: 'negativeAmount' },
      { index: 2, field: 'start', code: 'badDate' },
    ]);
    expect(mrrMovements(periods)).toEqual(mrrMovements([periods[0]!, periods[3]!]));
    expect(analyzeSubscriptions(periods).skippedPeriods).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Reference implementation: obviously correct, slow. Walks every calendar month with Date and
// compares ISO strings, per customer in a Map.

function lastDayOf(monthIndex: number): string {
  const d = new Date(Date.UTC(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 0));
  return d.toISOString().slice(0, 10);
}

function referenceMovements(periods: SubscriptionPeriod[], asOf: string): Record<string, number | string>[] {
  const last = parseMonth(asOf);
  const mrr = new Map<string, Map<number, number>>(); // customer → month → minor
  let firstMonth = Infinity;
  for (const p of periods) {
    if (validatePeriod(p) !== null) continue;
    const monthly = toMonthlyMinor(toMinor((p.amount ?? 0) * (p.quantity ?? 1)), p.interval ?? 'month', p.intervalCount ?? 1);
    for (let m = parseMonth(p.start.slice(0, 7)); m <= last; m++) {
      const lastDay = lastDayOf(m);
      if (p.start <= lastDay && (p.end == null || lastDay < p.end)) {
        const months = mrr.get(p.customerId) ?? new Map<number, number>();
        months.set(m, (months.get(m) ?? 0) + monthly);
        mrr.set(p.customerId, months);
      }
    }
  }
  for (const months of mrr.values()) for (const [m, v] of months) if (v > 0) firstMonth = Math.min(firstMonth, m);
  const rows: Record<string, number | string>[] = [];
  let starting = 0;
  for (let m = firstMonth; m <= last; m++) {
    const row = {
      month: monthLabel(m),
      startingMrr: starting,
      new: 0,
      expansion: 0,
      contraction: 0,
      churn: 0,
      reactivation: 0,
      endingMrr: 0,
      customers: 0,
    };
    for (const months of mrr.values()) {
      const now = months.get(m) ?? 0;
      const before = months.get(m - 1) ?? 0;
      const everBefore = [...months].some(([k, v]) => k < m && v > 0);
      if (now > 0) row.customers += 1;
      row.endingMrr += now;
      if (now > 0 && before === 0) {
        if (everBefore) row.reactivation += now;
        else row.new += now;
      } else if (now === 0 && before > 0) row.churn -= before;
      else if (now > before) row.expansion += now - before;
      else if (now < before) row.contraction += now - before;
    }
    starting = row.endingMrr;
    rows.push(row);
  }
  return rows;
}

const monthArb = fc.integer({ min: 2019 * 12, max: 2021 * 12 + 11 });
const dayArb = fc
  .tuple(monthArb, fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `${monthLabel(m)}-${String(d).padStart(2, '0')}`);
const periodArb: fc.Arbitrary<SubscriptionPeriod> = fc
  .record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    start: dayArb,
    end: fc.option(dayArb, { nil: null }),
    amount: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
    interval: fc.constantFrom<BillingInterval>('month', 'year', 'quarter', 'week', 'day'),
    quantity: fc.integer({ min: 1, max: 5 }),
  })
  .map((p) => (p.end !== null && p.end < p.start ? { ...p, start: p.end, end: p.start } : p));

function toMinorRow(r: MovementRow) {
  return Object.fromEntries(AMOUNT_KEYS.map((k) => [k, toMinor(r[k])])) as Record<(typeof AMOUNT_KEYS)[number], number>;
}

/** The engine's rows as the reference gives them (amounts in minor units). */
const minorRows = (periods: SubscriptionPeriod[], asOf: string) =>
  mrrMovements(periods, { asOf }).map((r) => ({ month: r.month, customers: r.customers, ...toMinorRow(r) }));

describe('mrrMovements properties', () => {
  it('every row balances in minor units, and movements sum to ending − first starting', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 40 }), (periods) => {
        const rows = mrrMovements(periods, { asOf: '2022-02' });
        let previousEnding = 0;
        let sum = 0;
        for (const r of rows) {
          const m = toMinorRow(r);
          expect(m.startingMrr).toBe(previousEnding);
          expect(m.endingMrr).toBe(m.startingMrr + MOVEMENT_KEYS.reduce((s, k) => s + m[k], 0));
          expect(m.contraction).toBeLessThanOrEqual(0);
          expect(m.churn).toBeLessThanOrEqual(0);
          sum += MOVEMENT_KEYS.reduce((s, k) => s + m[k], 0);
          previousEnding = m.endingMrr;
        }
        if (rows.length) expect(sum).toBe(toMinor(rows.at(-1)!.endingMrr) - toMinor(rows[0]!.startingMrr));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the reference implementation', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 25 }), (periods) => {
        expect(minorRows(periods, '2022-02')).toEqual(referenceMovements(periods, '2022-02'));
      }),
      { numRuns: 200 },
    );
  });

  it('matches the reference for customers of many periods', () => {
    // Two customers and 34–70 periods: one has more than 16, with many changes of MRR (the test
    // above has five customers of a few periods each).
    const manyArb = fc.array(
      periodArb.map((p) => ({ ...p, customerId: p.customerId < 'c' ? 'a' : 'b' })),
      {
        // fast-check's default size would keep the arrays short.
        minLength: 34,
        maxLength: 70,
        size: 'max',
      },
    );
    fc.assert(
      fc.property(manyArb, (periods) => {
        expect(minorRows(periods, '2022-02')).toEqual(referenceMovements(periods, '2022-02'));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result whatever the order of the periods', () => {
    // Grouped input (each customer's periods together) takes a path without the counting sort.
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 30 }), (periods) => {
        const grouped = [...periods].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
        const result = analyzeSubscriptions(periods, { asOf: '2022-02' });
        expect(analyzeSubscriptions(grouped, { asOf: '2022-02' })).toEqual(result);
        expect(analyzeSubscriptions([...periods].reverse(), { asOf: '2022-02' })).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  it('skips invalid periods as if they were absent', () => {
    const junkArb = fc.record({
      customerId: fc.constantFrom('a', 'b', ''),
      start: fc.constantFrom('2020-01-01', '2020-02-30', 'nope', '2020-05-15'),
      end: fc.constantFrom(null, undefined, '2019-01-01', '2020-08-01', 'x'),
      amount: fc.constantFrom(10, -3, Number.NaN, Infinity, 1e13, 0),
    }) as fc.Arbitrary<SubscriptionPeriod>;
    fc.assert(
      fc.property(fc.array(fc.oneof(periodArb, junkArb), { maxLength: 30 }), (periods) => {
        const valid = periods.filter((p) => validatePeriod(p) === null);
        expect(mrrMovements(periods, { asOf: '2022-01' })).toEqual(mrrMovements(valid, { asOf: '2022-01' }));
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact on large amounts and many periods', () => {
    const periods: SubscriptionPeriod[] = [];
    for (let i = 0; i < 20000; i++) {
      periods.push({
        customerId: `c${i % 2000}`,
        start: `2020-${String((i % 12) + 1).padStart(2, '0')}-15`,
        amount: 123456.78 + (i % 97) / 100,
      });
    }
    const rows = mrrMovements(periods, { asOf: '2021-12' });
    const exact = periods.reduce((s, p) => s + toMinor(p.amount), 0);
    expect(toMinor(rows.at(-1)!.endingMrr)).toBe(exact);
  });
});

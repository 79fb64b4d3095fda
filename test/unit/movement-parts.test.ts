/**
 * A file's movements from its parts' totals (`partMovements` in each part, `analyzeParts` on the
 * joined columns) equal the engine's on the whole file, however the periods are cut, whenever
 * parts share customers only at their edges.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  analyzeParts,
  analyzeSubscriptions,
  partMovements,
  periodsToColumns,
  type PartMovements,
  type SubscriptionPeriod,
} from '../../src/core/movements.js';
import type { PeriodColumns } from '../../src/core/period-columns.js';

/** Periods `from` … `to − 1` of `columns` as a part read on its own: its own customer table, in first-sight order. */
function partOf(columns: PeriodColumns, from: number, to: number): PeriodColumns {
  const local = new Map<number, number>();
  const customerIds: string[] = [];
  const customer = new Int32Array(to - from);
  for (let i = from; i < to; i++) {
    const c = columns.customer[i]!;
    if (!local.has(c)) local.set(c, customerIds.push(columns.customerIds[c]!) - 1);
    customer[i - from] = local.get(c)!;
  }
  return {
    length: to - from,
    customerIds,
    customer,
    startDay: columns.startDay.slice(from, to),
    endDay: columns.endDay.slice(from, to),
    monthlyMinor: columns.monthlyMinor.slice(from, to),
    currency: columns.currency,
  };
}

const iso = (m: number, d: number) =>
  `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Customers in order, each with its periods together (as most exports list them). */
const groupedArb = fc
  .array(
    fc.array(
      fc.record({
        month: fc.integer({ min: 0, max: 36 }),
        day: fc.integer({ min: 1, max: 28 }),
        months: fc.option(fc.integer({ min: 0, max: 30 })),
        amount: fc.oneof(
          fc.integer({ min: 1, max: 90_000 }).map((c) => c / 100),
          fc.constant(0),
        ),
        interval: fc.constantFrom('month', 'month', 'year', 'quarter', 'week'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    { minLength: 1, maxLength: 25 },
  )
  .map((customers) =>
    customers.flatMap((periods, c) =>
      periods.map((p): SubscriptionPeriod => ({
        customerId: `cus_${c}`,
        start: iso(p.month, p.day),
        end: p.months === null ? null : iso(p.month + p.months, p.day),
        amount: p.amount,
        interval: p.interval,
      })),
    ),
  );

/** Cuts `columns` at `cuts` (sorted, distinct, inside) and analyses it from its parts' totals. */
function fromParts(columns: PeriodColumns, cuts: number[], asOf?: string) {
  const starts = [0, ...cuts];
  const parts = starts.map((start, k) => {
    const end = starts[k + 1] ?? columns.length;
    const movements = partMovements(partOf(columns, start, end), {
      asOf,
      skipFirst: k > 0,
      skipLast: k < starts.length - 1,
    });
    return { start, movements };
  });
  if (parts.some((p) => p.movements === undefined)) return undefined;
  return analyzeParts(columns, parts as { start: number; movements: PartMovements }[], asOf === undefined ? {} : { asOf });
}

const cutsArb = (length: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 3 })
    .map((cuts) => cuts.filter((c) => c < length).sort((a, b) => a - b));

describe('partMovements + analyzeParts: a file analysed from its parts', () => {
  it('equals the whole file’s analysis for grouped files cut anywhere (one-customer parts, running periods, as-of months)', () => {
    fc.assert(
      fc.property(
        groupedArb.chain((periods) => {
          const { columns } = periodsToColumns(periods);
          return fc.tuple(fc.constant(columns), cutsArb(columns.length), fc.option(fc.integer({ min: 0, max: 70 })));
        }),
        ([columns, cuts, asOfMonth]) => {
          const asOf = asOfMonth === null ? undefined : iso(asOfMonth, 1).slice(0, 7);
          const whole = analyzeSubscriptions(columns, asOf === undefined ? {} : { asOf });
          expect(fromParts(columns, cuts, asOf)).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the parts’ totals are used: changing one part’s changes the result', () => {
    const periods: SubscriptionPeriod[] = [];
    for (let c = 0; c < 6; c++)
      periods.push({ customerId: `c${c}`, start: '2021-01-10', end: '2021-06-10', amount: 10 * (c + 1) });
    const { columns } = periodsToColumns(periods);
    const first = partMovements(partOf(columns, 0, 3), { skipFirst: false, skipLast: true })!;
    const second = partMovements(partOf(columns, 3, 6), { skipFirst: true, skipLast: false })!;
    const whole = analyzeSubscriptions(columns);
    const parts = [
      { start: 0, movements: first },
      { start: 3, movements: second },
    ];
    expect(analyzeParts(columns, parts)).toEqual(whole);
    // January's new MRR: c0 and c1 from the first part's totals, c2 and c3 at the edge, c4 and c5
    // from the second's.
    expect(whole.movements[0]!.new).toBe(10 + 20 + 30 + 40 + 50 + 60);
    first.sums!.newMinor[0]! += 100;
    expect(analyzeParts(columns, parts)!.movements[0]!.new).toBe(whole.movements[0]!.new + 1);
  });

  it('a part not grouped by customer, or with a period the engine skips, has no totals', () => {
    const { columns } = periodsToColumns([
      { customerId: 'a', start: '2021-01-01', amount: 5 },
      { customerId: 'b', start: '2021-01-01', amount: 5 },
      { customerId: 'a', start: '2021-03-01', amount: 5 },
    ]);
    expect(partMovements(columns, { skipFirst: false, skipLast: false })).toBeUndefined();
    const grouped = partOf(columns, 0, 2);
    expect(partMovements(grouped, { skipFirst: false, skipLast: false })).toBeDefined();
    expect(partMovements({ ...grouped, startDay: Int32Array.of(-1, 0) }, { skipFirst: false, skipLast: false })).toBeUndefined();
    expect(partMovements(grouped, { asOf: '2021-13', skipFirst: false, skipLast: false })).toBeUndefined();
  });
});

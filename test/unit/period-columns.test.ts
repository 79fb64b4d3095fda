import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { type BillingInterval } from '../../src/core/money.js';
import { cohortRetention } from '../../src/core/cohorts.js';
import { isoDay, monthLabel, parseIsoDay } from '../../src/core/dates.js';
import { analyzeSubscriptions, mrrMovements, periodsToColumns, type SubscriptionPeriod } from '../../src/core/movements.js';
import {
  columnsToPeriods,
  concatColumns,
  isPeriodColumns,
  PeriodColumnsBuilder,
  RUNNING,
  sliceColumns,
  type PeriodColumns,
} from '../../src/core/period-columns.js';

function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const dbtPeriods: SubscriptionPeriod[] = readCsv('test/fixtures/dbt-subscription-periods.csv').map((r) => ({
  customerId: r.customer_id!,
  start: r.start_date!,
  end: r.end_date || null,
  amount: Number(r.monthly_amount),
}));

const monthArb = fc.integer({ min: 2019 * 12, max: 2021 * 12 + 11 });
const dayArb = fc
  .tuple(monthArb, fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `${monthLabel(m)}-${String(d).padStart(2, '0')}`);
const periodArb: fc.Arbitrary<SubscriptionPeriod> = fc
  .record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    start: dayArb,
    end: fc.option(dayArb, { nil: null }),
    amount: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
    interval: fc.constantFrom<BillingInterval>('month', 'year', 'quarter', 'week', 'day'),
    quantity: fc.integer({ min: 1, max: 5 }),
  })
  .map((p) => (p.end !== null && p.end < p.start ? { ...p, end: p.start } : p));
const junkArb = fc.record({
  customerId: fc.constantFrom('a', 'b', ''),
  start: fc.constantFrom('2020-01-01', '2020-02-30', 'nope', '2020-05-15'),
  end: fc.constantFrom(null, undefined, '2019-01-01', '2020-08-01', 'x'),
  amount: fc.constantFrom(10, -3, Number.NaN, Infinity, 1e13, 0),
}) as fc.Arbitrary<SubscriptionPeriod>;

describe('periods as columns', () => {
  it('isoDay inverts parseIsoDay', () => {
    for (const d of ['2020-02-29', '2024-01-01', '1999-12-31']) expect(isoDay(parseIsoDay(d))).toBe(d);
  });

  it('give exactly the movements and cohorts of the objects on the dbt sample', () => {
    const { columns, skippedPeriods } = periodsToColumns(dbtPeriods);
    expect(skippedPeriods).toBe(0);
    expect(columns.length).toBe(dbtPeriods.length);
    expect(isPeriodColumns(columns)).toBe(true);
    expect(isPeriodColumns(dbtPeriods)).toBe(false);
    expect(analyzeSubscriptions(columns)).toEqual(analyzeSubscriptions(dbtPeriods));
    expect(mrrMovements(columns)).toEqual(mrrMovements(dbtPeriods));
    expect(cohortRetention(columns, { asOf: '2023-06' })).toEqual(cohortRetention(dbtPeriods, { asOf: '2023-06' }));
    const expected = readCsv('test/fixtures/dbt-expected-movements.csv');
    const last = mrrMovements(columns).at(-1)!;
    expect(last.month).toBe(expected.at(-1)!.month);
  });

  it('give the same analysis as objects on random data, valid or not, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(periodArb, periodArb, junkArb), { maxLength: 40 }),
        fc.constantFrom(undefined, '2021-06'),
        (periods, asOf) => {
          const { columns, skippedPeriods } = periodsToColumns(periods);
          const fromObjects = analyzeSubscriptions(periods, { asOf });
          const fromColumns = analyzeSubscriptions(columns, { asOf });
          expect(fromColumns.movements).toEqual(fromObjects.movements);
          expect(fromColumns.cohorts).toEqual(fromObjects.cohorts);
          expect(skippedPeriods).toBe(fromObjects.skippedPeriods);
          expect(fromColumns.skippedPeriods).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trip: periods → columns → periods → columns keeps every value', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 30 }), (periods) => {
        const { columns } = periodsToColumns(periods);
        const back = columnsToPeriods(columns);
        expect(back).toHaveLength(periods.length);
        // Monthly amounts in major units: interval and quantity are folded in.
        expect(periodsToColumns(back).columns).toEqual(columns);
        expect(back.map((p) => [p.customerId, p.start, p.end])).toEqual(
          periods.map((p) => [p.customerId, p.start, p.end ?? null]),
        );
        expect(analyzeSubscriptions(back)).toEqual(analyzeSubscriptions(periods));
      }),
    );
    const plain: SubscriptionPeriod[] = [
      { customerId: 'a', start: '2024-01-05', end: '2024-03-01', amount: 10.5 },
      { customerId: 'b', start: '2024-02-29', end: null, amount: 99 },
    ];
    expect(columnsToPeriods(periodsToColumns(plain).columns)).toEqual(plain);
  });

  it('any grouping of customers gives the same result (grouped fast path and counting sort)', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 30 }), (periods) => {
        const sorted = [...periods].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
        const { columns } = periodsToColumns(sorted);
        // The same rows with the customer table reversed: customers no longer come in table order.
        const k = columns.customerIds.length;
        const reversed: PeriodColumns = {
          ...columns,
          customerIds: [...columns.customerIds].reverse(),
          customer: columns.customer.map((c) => k - 1 - c),
        };
        expect(analyzeSubscriptions(reversed)).toEqual(analyzeSubscriptions(columns));
      }),
    );
  });

  it('skip entries no period could produce, and never write to the input', () => {
    const b = new PeriodColumnsBuilder('EUR');
    const a = b.customerIndex('a');
    b.append(a, parseIsoDay('2024-01-01'), RUNNING, 1000);
    b.append(7, parseIsoDay('2024-01-01'), RUNNING, 1000); // no such customer
    b.append(a, -1, RUNNING, 1000);
    b.append(a, parseIsoDay('2024-01-01'), RUNNING, Number.NaN);
    const columns = b.build();
    const copy = structuredClone(columns);
    const result = analyzeSubscriptions(columns, { asOf: '2024-02' });
    expect(result.skippedPeriods).toBe(3);
    expect(result.movements.map((r) => r.endingMrr)).toEqual([10, 10]);
    expect(columns).toEqual(copy);
    expect(() => analyzeSubscriptions(columns, { currency: 'USD' })).toThrow(RangeError);
    expect(analyzeSubscriptions(columns, { currency: 'eur' }).movements).toHaveLength(1);
  });

  it('builder grows, interns ids, and slices and concatenates chunks', () => {
    const b = new PeriodColumnsBuilder('USD', 1);
    for (let i = 0; i < 100; i++) b.append(b.customerIndex(`c${i % 7}`), parseIsoDay('2024-01-01') + (i % 20), RUNNING, i);
    const all = b.build();
    expect(all.length).toBe(100);
    expect(all.customer.length).toBe(100);
    expect(all.customerIds).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    const chunks = [sliceColumns(all, 0, 30), sliceColumns(all, 30, 60), sliceColumns(all, 60, 200)];
    expect(chunks.map((c) => c.length)).toEqual([30, 30, 40]);
    expect(chunks[0]?.customer.buffer.byteLength).toBe(30 * 4);
    expect(concatColumns(chunks, all.customerIds, 'usd')).toEqual(all);
  });

  it('interns 200,000 ids in first-sight order, read again from a line or alone (the table grows, ids share hashes)', () => {
    const b = new PeriodColumnsBuilder('USD');
    // cus_628258 and cus_1094106 have the same 32-bit FNV-1a hash (so do the two after each): the
    // table must tell them apart by their text.
    const colliding = ['cus_628258', 'cus_1094106', 'cus_628259', 'cus_1094107'];
    const ids = [...colliding, ...Array.from({ length: 200_000 }, (_, i) => `c_${(i * 7919) % 1_000_003}`)];
    const first = ids.map((id) => b.customerIndex(id));
    // Every id seen again, out of order and in the middle of a line.
    const again: number[] = [];
    for (let i = ids.length - 1; i >= 0; i -= 3) {
      const line = `x,${ids[i]},2024-01-01`;
      again.push(
        b.customerIndexAt(line, 2, 2 + ids[i]!.length) - i,
        b.customerIndex(ids[(i * 31) % ids.length]!) - ((i * 31) % ids.length),
      );
    }
    expect(first).toEqual(ids.map((_, i) => i));
    expect(again.every((d) => d === 0)).toBe(true);
    expect(colliding.map((id) => b.customerIndexAt(`${id},`, 0, id.length))).toEqual([0, 1, 2, 3]);
    // A prefix of a known id is another customer.
    expect(b.customerIndexAt('cus_6282580', 0, 9)).toBe(ids.length);
    expect(b.build().customerIds).toEqual([...ids, 'cus_62825']);
  });

  it('interns any ids as a Map would, read as strings or as UTF-8 bytes in a line (kept in the table or not)', () => {
    // Ids of every kind the table tells apart: short, at and past the length kept in a slot
    // (20), lengths that do and do not fill a word of four, non-ASCII, pairs of the same length and
    // the same 32-bit hash (compared in the slot), prefixes of one another, and the empty id.
    const known = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      'abcde',
      'x'.repeat(20),
      'x'.repeat(21),
      'x'.repeat(19),
      'é',
      'aé',
      'cus_628258',
      'cus_1094106',
      '5x8iiw',
      'e5yvav',
      'ajwa10lkr',
      '9rnoagc0f',
      '53g8pkijhy1edsa9bol6',
      '0rc5qopyq7juufbq5sph',
    ];
    const id = fc.oneof(
      fc.constantFrom(...known),
      fc.string({ maxLength: 26 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '0', 'é', '日', '\u0141', 'A'), maxLength: 24 }),
    );
    const encoder = new TextEncoder();
    const read = (b: PeriodColumnsBuilder, text: string, asBytes: boolean): number =>
      asBytes
        ? b.customerIndexAt(encoder.encode(`,${text},`), 1, 1 + encoder.encode(text).length)
        : b.customerIndexAt(`,${text},`, 1, 1 + text.length);
    // Each known id, first read as bytes then as text (and the other way), is one customer, in order.
    for (const asBytes of [true, false]) {
      const b = new PeriodColumnsBuilder('USD');
      expect(known.map((text) => read(b, text, asBytes))).toEqual(known.map((_, i) => i));
      expect([...known].reverse().map((text) => read(b, text, !asBytes))).toEqual(known.map((_, i) => known.length - 1 - i));
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.boolean()), { maxLength: 300 }), (reads) => {
        const b = new PeriodColumnsBuilder('USD');
        const reference = new Map<string, number>();
        for (const [text, asBytes] of reads) {
          const want = reference.get(text) ?? reference.size;
          reference.set(text, want);
          expect(read(b, text, asBytes)).toBe(want);
        }
        expect(b.customerIds).toEqual([...reference.keys()]);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Imports that guess wrong: a scheduled cancellation is not an end, cent amounts
 * are asked about, the number format comes from the file and an amount that reads two ways is asked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../src/import/mapping.js';
import { sniff, streamImport } from '../../src/import/stream.js';
import { detectNumberFormat, readFileAmount } from '../../src/core/number-format.js';
import { columnsToPeriods } from '../../src/core/period-columns.js';
import type { ImportResult } from '../../src/import/types.js';

const fixture = (name: string) => new Blob([readFileSync(new URL(`../fixtures/${name}`, import.meta.url))]);
const importPeriods = (...args: Parameters<typeof streamImport>) =>
  streamImport(...args).then((result: ImportResult) => ({ ...result, periods: columnsToPeriods(result.columns) }));

describe('Stripe-style end dates', () => {
  it('maps the end to "Ended At", never "Canceled At", even when only cancellations have values', async () => {
    const s = await sniff(fixture('stripe-scheduled-cancel.csv'));
    expect(s.mapping.end).toBe('Ended At (UTC)');
    expect(s.cancellationColumn).toBeUndefined();
    // The scheduled cancellations are not churn: every subscription is still running.
    const { periods } = await importPeriods(fixture('stripe-scheduled-cancel.csv'), s.mapping);
    expect(periods.map((p) => p.end)).toEqual([null, null, null]);
  });

  it('never guesses a cancellation column as the end; asks when it is the only one', async () => {
    expect(guessMapping(['customer', 'start', 'Canceled At (UTC)', 'mrr']).end).toBeNull();
    expect(guessMapping(['customer', 'start', 'cancellation_date', 'mrr']).end).toBeNull();
    const s = await sniff(fixture('canceled-only.csv'));
    expect(s.mapping.end).toBeNull();
    expect(s.cancellationColumn).toBe('Canceled At');
  });
});

describe('amounts that look like cents', () => {
  it('asks "are these cents?" for whole amounts of cent size under a plain "Amount" header', async () => {
    const s = await sniff(fixture('stripe-cents.csv'));
    expect(s.mapping.amount).toBe('Amount');
    expect(s.mapping.amountInMinorUnits).toBe(false);
    expect(s.amountLooksLikeMinorUnits).toBe(true);
    const { periods } = await importPeriods(fixture('stripe-cents.csv'), { ...s.mapping, amountInMinorUnits: true });
    expect(periods.map((p) => p.amount)).toEqual([29, 99, 24.17]);
  });

  it('does not ask for amounts with decimals, small whole amounts or a header that names the unit', async () => {
    expect((await sniff(fixture('stripe-subscriptions.csv'))).amountLooksLikeMinorUnits).toBe(false);
    expect((await sniff('customer,start,amount\na,2024-01-01,49\nb,2024-01-01,29\n')).amountLooksLikeMinorUnits).toBe(false);
    expect((await sniff('customer,start,amount_cents\na,2024-01-01,4900\n')).amountLooksLikeMinorUnits).toBe(false);
  });
});

describe('number format of the file', () => {
  it('is detected from the content: 1.234,56 and "2.000,00" in a semicolon file are decimal commas', async () => {
    const s = await sniff(fixture('semicolon-comma-decimals.csv'));
    expect(s.delimiter).toBe(';');
    expect(s.numberFormat).toBe('comma');
    const { periods, report } = await importPeriods(fixture('semicolon-comma-decimals.csv'), s.mapping, {
      numberFormat: s.numberFormat as 'comma',
    });
    expect(report.errors.count).toBe(0);
    expect(periods.map((p) => p.amount)).toEqual([1234.56, 2000, 12000]);
  });

  it('asks when amounts read two ways, and never reads 12.000 as 12 silently', async () => {
    const s = await sniff(fixture('two-way-amounts.csv'));
    expect(s.numberFormat).toBe('ambiguous');
    expect(s.twoWayAmount).toBe('12.000');
    expect(s.warnings).toContain('ambiguousNumbers');
    const unchosen = await importPeriods(fixture('two-way-amounts.csv'), s.mapping);
    expect(unchosen.report.errors.first.map((e) => [e.line, e.code, e.value])).toEqual([
      [2, 'ambiguousAmount', '12.000'],
      [3, 'ambiguousAmount', '1.500'],
    ]);
    expect(unchosen.periods.map((p) => p.amount)).toEqual([40]);
    const comma = await importPeriods(fixture('two-way-amounts.csv'), s.mapping, { numberFormat: 'comma' });
    expect(comma.periods.map((p) => p.amount)).toEqual([12000, 1500, 40]);
    const dot = await importPeriods(fixture('two-way-amounts.csv'), s.mapping, { numberFormat: 'dot' });
    expect(dot.periods.map((p) => p.amount)).toEqual([12, 1.5, 40]);
  });

  it('detectNumberFormat and readFileAmount', () => {
    expect(detectNumberFormat(['1,234.56', '12.000'])).toBe('dot');
    expect(detectNumberFormat(['1.234,56', '12.000'])).toBe('comma');
    expect(detectNumberFormat(['1 234,56'])).toBe('comma');
    expect(detectNumberFormat(['12', '40'])).toBe('unknown');
    // One grouping rule: `12.5` cannot be a comma file's (a group is three digits), so it settles `dot`.
    expect(detectNumberFormat(['12', '40', '12.5'])).toBe('dot');
    expect(detectNumberFormat(['1,234.56', '1.234,56'])).toBe('ambiguous');
    expect(readFileAmount('12.000', undefined)).toEqual({ ok: false, code: 'ambiguousAmount' });
    expect(readFileAmount('12.000', 'comma')).toEqual({ ok: true, value: 12000 });
    expect(readFileAmount('12.50', undefined)).toEqual({ ok: true, value: 12.5 });
    expect(readFileAmount('12abc', 'dot')).toEqual({ ok: false, code: 'badAmount' });
  });
});

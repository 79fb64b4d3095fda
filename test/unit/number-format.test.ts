/**
 * The one number reader of every import: the same detection, the same reading and
 * the same refusal for subscription data, prospects, clients and catalogues.
 */
import { describe, expect, it } from 'vitest';
import {
  detectNumberFormat,
  numberFormatOfLocale,
  readFileAmount,
  readFileNumber,
  sampleCells,
  twoWaySample,
} from '../../src/core/number-format.js';
import { parseCatalogCsv } from '../../src/core/catalog-io.js';
import { guessMapping } from '../../src/import/mapping.js';
import { streamImport } from '../../src/import/stream.js';
import { columnsToPeriods } from '../../src/core/period-columns.js';

describe('readFileAmount', () => {
  it('reads a semicolon file’s "600.000" and 1.200 as 600000 and 1200 once the format is comma', () => {
    expect(readFileAmount('600.000', 'comma')).toEqual({ ok: true, value: 600000 });
    expect(readFileAmount('1.200', 'comma')).toEqual({ ok: true, value: 1200 });
    expect(readFileAmount('1.234,56', 'comma')).toEqual({ ok: true, value: 1234.56 });
    expect(readFileAmount(' 12,5 ', 'comma')).toEqual({ ok: true, value: 12.5 });
    expect(readFileAmount('1.200', 'dot')).toEqual({ ok: true, value: 1.2 });
    expect(readFileAmount('-3.5', 'dot')).toEqual({ ok: true, value: -3.5 });
  });

  it('without a format, reads what both formats agree on and refuses what reads two ways', () => {
    expect(readFileAmount('1.200', undefined)).toEqual({ ok: false, code: 'ambiguousAmount' });
    expect(readFileAmount('600.000', undefined)).toEqual({ ok: false, code: 'ambiguousAmount' });
    expect(readFileAmount('1200', undefined)).toEqual({ ok: true, value: 1200 });
    expect(readFileAmount('12.50', undefined)).toEqual({ ok: true, value: 12.5 });
    expect(readFileAmount('12,50', undefined)).toEqual({ ok: true, value: 12.5 });
    expect(readFileAmount('1.234,56', undefined)).toEqual({ ok: true, value: 1234.56 });
    expect(readFileNumber('12k', undefined)).toBeUndefined();
  });

  it('holds the grouping rule: a group character is followed by exactly three digits', () => {
    expect(readFileAmount('1,50', 'dot')).toEqual({ ok: false, code: 'badAmount' });
    expect(readFileAmount('1.50', 'comma')).toEqual({ ok: false, code: 'badAmount' });
    expect(readFileAmount('1,500', 'dot')).toEqual({ ok: true, value: 1500 });
    expect(readFileAmount('99999999999999', 'dot')).toEqual({ ok: false, code: 'tooLarge' });
  });
});

describe('detectNumberFormat', () => {
  it('settles the format from the cells, or says the file is ambiguous', () => {
    expect(detectNumberFormat(['"600.000"'.slice(1, -1), '1.200', '1.234,5'])).toBe('comma');
    expect(detectNumberFormat(['600.000', '1.200'])).toBe('ambiguous');
    expect(twoWaySample(['12', '600.000', '1.200'])).toBe('600.000');
    expect(detectNumberFormat(['12', '7'])).toBe('unknown');
    expect(detectNumberFormat(['12,5'])).toBe('comma');
  });

  it('samples the first cells of every column', () => {
    const rows = [
      { a: '1', b: '' },
      { a: '2', b: '1.234,5' },
      { a: '3', b: '4' },
    ];
    expect(sampleCells(rows, ['a', 'b'], 4)).toEqual(['1', '2', '1.234,5', '4']);
  });

  it('knows the format a locale writes', () => {
    expect(numberFormatOfLocale('en')).toBe('dot');
    expect(numberFormatOfLocale('fr')).toBe('comma');
    expect(numberFormatOfLocale('de')).toBe('comma');
    expect(numberFormatOfLocale('ar')).toBe('dot');
  });
});

describe('every import reads numbers the same way', () => {
  it('catalogue CSV: detects the file’s format, or asks when its amounts read two ways', () => {
    const comma = parseCatalogCsv('id;name;wholesale;retail;interval\nx;X;"600.000";1.200;month\ny;Y;1,5;2.000,25;month');
    expect(comma.errors).toEqual([]);
    expect(comma.products.map((p) => [p.wholesale, p.retail])).toEqual([
      [600000, 1200],
      [1.5, 2000.25],
    ]);
    const ambiguous = parseCatalogCsv('id;name;wholesale;retail;interval\nx;X;"600.000";1.200;month');
    expect(ambiguous).toEqual({ products: [], errors: [], ask: { sample: '600.000' } });
    const answered = parseCatalogCsv('id;name;wholesale;retail;interval\nx;X;"600.000";1.200;month', { numberFormat: 'dot' });
    expect(answered.products.map((p) => [p.wholesale, p.retail])).toEqual([[600, 1.2]]);
  });

  it('catalogue CSV: `1,50` in an English file is refused, not read as 1.5', () => {
    const r = parseCatalogCsv('id,name,wholesale,retail,interval\nx,X,"1,50",3,month', { numberFormat: 'dot' });
    expect(r.products).toEqual([]);
    expect(r.errors).toEqual([{ line: 2, code: 'notANumber', field: 'wholesale' }]);
  });

  it('subscription data: the locale option reads through the same reader (its format)', async () => {
    const csv = 'customer_id;start_date;monthly_amount\nc1;2024-01-01;1.200\nc2;2024-01-01;1,50\n';
    const result = await streamImport(csv, guessMapping(['customer_id', 'start_date', 'monthly_amount']), { locale: 'de' });
    const periods = columnsToPeriods(result.columns);
    const report = result.report;
    expect(periods.map((p) => p.amount)).toEqual([1200, 1.5]);
    expect(report.errors.count).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  catalogToCsv,
  catalogToJson,
  designToJson,
  parseCatalogCsv,
  parseCatalogJson,
  parseDesignJson,
} from '../../src/core/catalog-io.js';
import type { CatalogProduct, PackageDesign } from '../../src/core/packages.js';

const catalog: CatalogProduct[] = [
  {
    id: 'rep',
    name: 'Reputation, "managed"',
    wholesale: 50,
    retail: 150,
    interval: 'month',
    category: 'reputation',
    unit: 'location',
  },
  {
    id: 'app',
    name: 'Business app\nwith reports',
    wholesale: 240,
    retail: 600.5,
    interval: 'year',
    intervalCount: 2,
    setupFee: 200,
  },
  { id: 'evil', name: '=HYPERLINK("http://x")', wholesale: 0, retail: 0, interval: 'day', description: '@SUM(A1)' },
];

describe('catalog CSV', () => {
  it('round-trips a catalog: quotes, line breaks, decimals, optional columns', () => {
    const csv = catalogToCsv(catalog);
    expect(csv.split('\n')[0]).toBe('id,name,wholesale,retail,interval,intervalCount,setupFee,category,unit,description');
    expect(parseCatalogCsv(csv)).toEqual({ products: catalog, errors: [] });
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    const csv = catalogToCsv(catalog);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
  });

  it('reports bad rows with their line and reason, and keeps the rest', () => {
    const csv = [
      'ID;Name;Wholesale cost;Retail price;Interval;Setup fee', // any case, aliases, semicolons
      'a;Alpha;10;30;monthly;',
      ';No id;1;2;month;',
      'b;Bad number;ten;30;month;',
      '',
      'c;Bad interval;1;2;fortnight;',
      'd;Proto interval;1;2;constructor;',
      'e;Negative;-5;2;month;',
      'a;Duplicate;1;2;month;',
      'f;"Two',
      'lines";1;2;year;100',
      'g;No interval;1;2;;',
      'h;Missing retail;1;;month;',
    ].join('\r\n');
    const r = parseCatalogCsv(csv);
    expect(r.products).toEqual([
      { id: 'a', name: 'Alpha', wholesale: 10, retail: 30, interval: 'month' },
      { id: 'f', name: 'Two\r\nlines', wholesale: 1, retail: 2, interval: 'year', setupFee: 100 },
    ]);
    expect(r.errors).toEqual([
      { line: 3, code: 'required', field: 'id' },
      { line: 4, code: 'notANumber', field: 'wholesale' },
      { line: 6, code: 'invalid', field: 'interval' },
      { line: 7, code: 'invalid', field: 'interval' },
      { line: 8, code: 'negative', field: 'wholesale' },
      { line: 9, code: 'duplicate', field: 'id' },
      { line: 12, code: 'required', field: 'interval' },
      { line: 13, code: 'required', field: 'retail' },
    ]);
  });

  it('reads numbers written in the given locale', () => {
    const r = parseCatalogCsv('id;name;wholesale;retail;interval\nx;X;1 234,5;2 000;mois', { locale: 'fr' });
    expect(r.errors).toEqual([{ line: 2, code: 'invalid', field: 'interval' }]);
    const ok = parseCatalogCsv('id;name;wholesale;retail;interval\nx;X;1 234,5;2 000;month', { locale: 'fr' });
    expect(ok.products).toEqual([{ id: 'x', name: 'X', wholesale: 1234.5, retail: 2000, interval: 'month' }]);
  });

  it('says which columns are missing, and when there is nothing to read', () => {
    expect(parseCatalogCsv('id,name,price\nx,X,3').errors).toEqual([
      { line: 1, code: 'missingColumn', field: 'wholesale' },
      { line: 1, code: 'missingColumn', field: 'interval' },
    ]);
    expect(parseCatalogCsv('').errors).toEqual([{ line: 1, code: 'empty' }]);
    expect(parseCatalogCsv('\uFEFFid,name,wholesale,retail,interval\n').errors).toEqual([{ line: 1, code: 'empty' }]);
  });

  it('reads intervals only from the fixed list and a few spellings, never Object.prototype keys', () => {
    const csv = ['id,name,wholesale,retail,interval', 'a,A,1,2, Monthly ', 'b,B,1,2,annual'];
    // A one-time charge is a setup fee, not a catalog interval.
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'one-time'])
      csv.push(`x-${word},X,1,2,${word}`);
    const r = parseCatalogCsv(csv.join('\n'));
    expect(r.products.map((p) => p.interval)).toEqual(['month', 'year']);
    expect(r.errors).toEqual([4, 5, 6, 7, 8].map((line) => ({ line, code: 'invalid', field: 'interval' })));
  });
});

describe('catalog and design JSON', () => {
  it('round-trips a catalog, and reads the catalog of a whole design', () => {
    expect(parseCatalogJson(catalogToJson(catalog))).toEqual({ products: catalog, errors: [] });
    const design = JSON.stringify({ currency: 'USD', catalog: catalog.slice(0, 1), tiers: [] });
    expect(parseCatalogJson(design).products).toEqual(catalog.slice(0, 1));
  });

  it('reports bad entries by position and keeps the rest; drops unknown keys', () => {
    const r = parseCatalogJson(
      JSON.stringify([
        { id: 'a', name: 'A', wholesale: 1, retail: 2, interval: 'Monthly', extra: 'dropped' },
        { id: 'b', name: 'B', wholesale: 1, retail: 2, interval: '__proto__' },
        { id: 'a', name: 'Again', wholesale: 1, retail: 2, interval: 'month' },
        'not an object',
        { id: 'c', name: 'C', wholesale: 1, retail: -2, interval: 'month' },
      ]),
    );
    expect(r.products).toEqual([{ id: 'a', name: 'A', wholesale: 1, retail: 2, interval: 'month' }]);
    expect(r.errors).toEqual([
      { line: 2, code: 'invalid', field: 'interval' },
      { line: 3, code: 'duplicate', field: 'id' },
      { line: 4, code: 'invalid' },
      { line: 5, code: 'negative', field: 'retail' },
    ]);
  });

  it('says when the text is not JSON or not a catalog', () => {
    expect(parseCatalogJson('{oops').errors).toEqual([{ line: 1, code: 'invalidJson' }]);
    expect(parseCatalogJson('{"a":1}').errors).toEqual([{ line: 1, code: 'invalidJson' }]);
    expect(parseCatalogJson('[]').errors).toEqual([{ line: 1, code: 'empty' }]);
  });

  it('round-trips a design, and reports its invalid fields', () => {
    const design: PackageDesign = {
      currency: 'EUR',
      catalog: catalog.slice(0, 1),
      tiers: [
        { id: 't', name: 'T', items: [{ productId: 'rep', quantity: 1 }], outcomes: ['More reviews'], cta: { label: 'Go' } },
      ],
    };
    expect(parseDesignJson(designToJson(design))).toEqual({ design, errors: [] });
    expect(parseDesignJson('nope')).toEqual({ design: null, errors: [{ field: '', code: 'invalidJson' }] });
    expect(parseDesignJson(JSON.stringify({ ...design, currency: 'XX' }))).toEqual({
      design: null,
      errors: [{ field: 'currency', code: 'outOfRange' }],
    });
  });
});

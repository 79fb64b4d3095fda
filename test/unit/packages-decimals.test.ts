/**
 * Amounts have the currency's decimals: a design holding more decimals than its
 * currency has is refused with `tooManyDecimals` on that field, never rounded to the minor unit.
 */
import { describe, expect, it } from 'vitest';
import { pricingIssues } from '../../src/channel/pricing.js';
import { parseCatalogJson, parseDesignJson } from '../../src/core/catalog-io.js';
import { packageEconomics, validatePackageDesign, type PackageDesign } from '../../src/core/packages.js';
import { InvalidInputError } from '../../src/core/validation.js';

const design = (currency: string, retail: number, price?: number): PackageDesign => ({
  currency,
  catalog: [{ id: 'p', name: 'P', wholesale: 0, retail, interval: 'month' }],
  tiers: [{ id: 't', name: 'T', items: [{ productId: 'p', quantity: 1 }], ...(price !== undefined ? { price } : {}) }],
});

describe('validatePackageDesign: no more decimals than the currency has', () => {
  it.each([
    ['USD', 49.999],
    ['JPY', 999.5],
    ['BHD', 10.1255],
  ])('%s %s is refused on its field', (currency, retail) => {
    expect(validatePackageDesign(design(currency, retail))).toEqual([{ field: 'catalog.0.retail', code: 'tooManyDecimals' }]);
    expect(() => packageEconomics(design(currency, retail))).toThrow(InvalidInputError);
  });

  it.each([
    ['USD', 49.99],
    ['JPY', 999],
    ['BHD', 10.125],
  ])('%s %s is accepted', (currency, retail) => {
    expect(validatePackageDesign(design(currency, retail))).toEqual([]);
  });

  it('checks the wholesale cost, the setup fee and a fixed tier price too', () => {
    const d: PackageDesign = {
      currency: 'USD',
      catalog: [{ id: 'p', name: 'P', wholesale: 1.005, retail: 2, interval: 'month', setupFee: 0.001 }],
      tiers: [{ id: 't', name: 'T', items: [], price: 49.999 }],
    };
    expect(validatePackageDesign(d)).toEqual([
      { field: 'catalog.0.wholesale', code: 'tooManyDecimals' },
      { field: 'catalog.0.setupFee', code: 'tooManyDecimals' },
      { field: 'tiers.0.price', code: 'tooManyDecimals' },
    ]);
  });

  it('a design file with 49.999 USD is refused, not read as 50', () => {
    const { design: read, errors } = parseDesignJson(JSON.stringify(design('USD', 10, 49.999)));
    expect(read).toBeNull();
    expect(errors).toEqual([{ field: 'tiers.0.price', code: 'tooManyDecimals' }]);
  });

  it('a catalogue import (whose currency is not known) keeps 3 decimals: the designer judges them in its currency', () => {
    const { products, errors } = parseCatalogJson(
      JSON.stringify([{ id: 'a', name: 'A', wholesale: 1, retail: 10.125, interval: 'month' }]),
    );
    expect(errors).toEqual([]);
    expect(products[0]?.retail).toBe(10.125);
  });
});

describe('pricingIssues: a public pricing record is refused, never rounded', () => {
  const record = (price: number, currency = 'USD') => ({
    v: 1,
    currency,
    annualDiscountPct: 0,
    tiers: [
      {
        id: 't',
        name: 'T',
        highlighted: false,
        outcomes: [],
        month: { price, listValue: price, setupFee: 0 },
        year: { price: 0, perMonth: 0, savings: 0 },
      },
    ],
  });

  it('49.999 USD and ¥999.5 are refused on their fields; 49.99 USD is shown', () => {
    expect(pricingIssues(record(49.999))).toEqual([
      { field: 'tiers.0.month.price', code: 'tooManyDecimals' },
      { field: 'tiers.0.month.listValue', code: 'tooManyDecimals' },
    ]);
    expect(pricingIssues(record(999.5, 'JPY')).map((i) => i.code)).toEqual(['tooManyDecimals', 'tooManyDecimals']);
    expect(pricingIssues(record(49.99))).toEqual([]);
  });

  it('another version, or a record missing its prices, is invalid', () => {
    expect(pricingIssues({ ...record(1), v: 2 })).toEqual([{ field: 'v', code: 'invalid' }]);
    expect(pricingIssues({ v: 1, currency: 'USD', annualDiscountPct: 0, tiers: [{ id: 't' }] }).length).toBeGreaterThan(0);
  });
});

/**
 * Issue 15, item 10 (core and public-record parts): the tier limit blames the right field with a
 * limit that is true of it, one limit for a fixed price and a list value; a yearly price of 0 is
 * flagged; the billing toggle's saving agrees with the cards. Expected values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { type PublicPricing, yearlySaving } from '../../src/channel/pricing.js';
import { packageEconomics, validatePackageDesign, type PackageDesign } from '../../src/core/packages.js';

const design = (
  retail: number,
  options: Partial<PackageDesign['catalog'][number]> & { quantity?: number; price?: number } = {},
) => {
  const { quantity = 1, price, ...product } = options;
  return {
    currency: 'USD',
    catalog: [
      { id: 'cheap', name: 'Cheap', wholesale: 0, retail: 1, interval: 'month' as const },
      { id: 'p', name: 'P', wholesale: 0, retail, interval: 'month' as const, ...product },
    ],
    tiers: [{ id: 't', name: 'T', items: [{ productId: 'p', quantity }], ...(price !== undefined ? { price } : {}) }],
  } satisfies PackageDesign;
};

describe('the tier limit (10,000,000,000 a month) blames the right field', () => {
  it('one unit priced over the limit: the product price is at fault, not a quantity of 1', () => {
    // 1e10 + 0.01 a month, quantity 1: the retail price is over; its own limit is 1e10 a month.
    expect(validatePackageDesign(design(1e10 + 0.01))).toEqual([
      { field: 'catalog.1.retail', code: 'tooLarge', params: { max: 1e10 } },
    ]);
  });

  it('one unit over the limit is the price’s fault whatever the quantity (3 × 1.5e10)', () => {
    expect(validatePackageDesign(design(1.5e10, { quantity: 3 }))).toEqual([
      { field: 'catalog.1.retail', code: 'tooLarge', params: { max: 1e10 } },
    ]);
  });

  it('a yearly product: its limit is said per year (12 × 1e10 = 1.2e11)', () => {
    expect(validatePackageDesign(design(1.3e11, { interval: 'year' }))).toEqual([
      { field: 'catalog.1.retail', code: 'tooLarge', params: { max: 1.2e11 } },
    ]);
  });

  it('a quantity that takes the tier over is told the largest quantity that fits', () => {
    // 4e9 a month × 3 = 1.2e10 > 1e10; 1e10 ÷ 4e9 = 2.5 units fit.
    expect(validatePackageDesign(design(4e9, { quantity: 3 }))).toEqual([
      { field: 'tiers.0.items.0.quantity', code: 'tooLarge', params: { max: 2.5 } },
    ]);
  });

  it('one consistent limit: a fixed price and a list value of exactly 1e10 are both accepted, a cent more refused', () => {
    expect(validatePackageDesign(design(1e10))).toEqual([]);
    expect(validatePackageDesign(design(1, { price: 1e10 }))).toEqual([]);
    expect(validatePackageDesign(design(1, { price: 1e10 + 0.01 }))).toEqual([
      { field: 'tiers.0.price', code: 'tooLarge', params: { max: 1e10 } },
    ]);
  });
});

describe('freeYearly: a tier whose yearly price is 0 while its monthly price is not', () => {
  it('a 100 % annual discount flags every paid tier', () => {
    const e = packageEconomics({ ...design(50), annualDiscountPct: 100 });
    expect(e.tiers[0]?.annualPrice).toBe(0);
    expect(e.issues).toContainEqual({ code: 'freeYearly', tierId: 't' });
  });

  it('99.999 % off 0.01 a month: 0.12 × 0.00001 a year rounds to 0, flagged too; 15 % is not', () => {
    expect(packageEconomics({ ...design(0.01), annualDiscountPct: 99.999 }).issues).toContainEqual({
      code: 'freeYearly',
      tierId: 't',
    });
    expect(packageEconomics({ ...design(50), annualDiscountPct: 15 }).issues.map((i) => i.code)).not.toContain('freeYearly');
  });
});

describe('yearlySaving: the toggle says what the cards show', () => {
  const pricing = (annualDiscountPct: number, year: { price: number; savings: number }): PublicPricing => ({
    v: 1,
    currency: 'USD',
    annualDiscountPct,
    tiers: [
      {
        id: 't',
        name: 'T',
        highlighted: false,
        outcomes: [],
        month: { price: 100, listValue: 100, setupFee: 0 },
        year: { ...year, perMonth: 0 },
      },
    ],
  });

  it('99.999 % while a card still asks $0.01 a year: "99.9 %", never "100 %"', () => {
    // 100 a month × 12 × 0.00001 = 0.012 → $0.01 a year; saving 1,199.99.
    expect(yearlySaving(pricing(99.999, { price: 0.01, savings: 1199.99 }))).toEqual({ pct: 99.9, digits: 1 });
  });

  it('0.004 % while a card saves $480: "0.004 %", never no saving', () => {
    // 1,000,000 a month × 12 × 0.00004 = 480.
    expect(yearlySaving(pricing(0.004, { price: 11_999_520, savings: 480 }))).toEqual({ pct: 0.004, digits: 3 });
  });

  it('15 % is "15 %"; 100 % with every yearly price 0 is "100 %"; no card saving: no saving said', () => {
    expect(yearlySaving(pricing(15, { price: 1020, savings: 180 }))).toEqual({ pct: 15, digits: 1 });
    expect(yearlySaving(pricing(100, { price: 0, savings: 1200 }))).toEqual({ pct: 100, digits: 1 });
    expect(yearlySaving(pricing(15, { price: 0, savings: 0 }))).toBeNull();
  });
});

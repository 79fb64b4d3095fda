/**
 * The public pricing record for the table (issue 16, item 5): prices in whole units when the design
 * asks, what each tier includes when it lists it, and one rounding rule per table.
 */
import { describe, expect, it } from 'vitest';
import { pricingIssues, pricingOf, pricingShowsMinor, type PublicPricing } from '../../src/channel/pricing.js';
import { packageEconomics, type PackageDesign } from '../../src/core/packages.js';

/** Reputation 150 and automation 300 a month; Better at 10 % off (405 a month), Best at 11,566.80 a year. */
const design = (extra: Partial<PackageDesign> = {}): PackageDesign => ({
  currency: 'USD',
  catalog: [
    { id: 'rep', name: 'Reputation management', wholesale: 50, retail: 150, interval: 'month' },
    { id: 'auto', name: 'Marketing automation', wholesale: 100, retail: 300, interval: 'month' },
    { id: 'ads', name: '', wholesale: 100, retail: 177.45, interval: 'month', setupFee: 99.5 },
  ],
  tiers: [
    { id: 'good', name: 'Good', items: [{ productId: 'rep', quantity: 1 }], discountPct: 0 },
    {
      id: 'better',
      name: 'Better',
      items: [
        { productId: 'rep', quantity: 1 },
        { productId: 'auto', quantity: 1 },
      ],
      discountPct: 10,
    },
    {
      id: 'best',
      name: 'Best',
      items: [
        { productId: 'auto', quantity: 2 },
        { productId: 'ads', quantity: 3 },
        { productId: 'rep', quantity: 0 },
      ],
      discountPct: 0,
    },
  ],
  annualDiscountPct: 15,
  ...extra,
});

const record = (d: PackageDesign): PublicPricing => pricingOf(d, packageEconomics(d));

describe('wholeUnitPrices', () => {
  it('is off by default: amounts exact to the cent', () => {
    const best = packageEconomics(design()).tiers[2]!;
    // 2 × 300 + 3 × 177.45 = 1,132.35 a month; a year 13,588.20 × 0.85 = 11,549.97.
    expect(best.price).toBe(1132.35);
    expect(best.annualPrice).toBe(11549.97);
    expect(best.setupFee).toBe(298.5);
  });

  it('rounds the monthly price and setup fee half away from zero, and the yearly price once from 12 × that price', () => {
    const best = packageEconomics(design({ wholeUnitPrices: true })).tiers[2]!;
    // 1,132.35 → 1,132; 12 × 1,132 = 13,584 × 0.85 = 11,546.4 → 11,546.
    expect(best.price).toBe(1132);
    expect(best.annualPrice).toBe(11546);
    // 13,584 − 11,546: what paying a year saves against 12 monthly payments of 1,132.
    expect(best.annualSavings).toBe(2038);
    // 11,546 ÷ 12 = 962.17 → 962.
    expect(best.annualPricePerMonth).toBe(962);
    // 298.50 → 299 (half away from zero).
    expect(best.setupFee).toBe(299);
    // The margin is the one of the price charged: (1,132 − 500) ÷ 1,132 = 55.83 %.
    expect(best.marginPct).toBe(55.83);
  });

  it('a yen design is already whole: nothing changes', () => {
    const yen = design({
      currency: 'JPY',
      wholeUnitPrices: true,
      catalog: design().catalog.map((p) => ({ ...p, retail: 1500, wholesale: 500, setupFee: 0 })),
    });
    const off = packageEconomics({ ...yen, wholeUnitPrices: false });
    expect(packageEconomics(yen).tiers).toEqual(off.tiers.map((t) => ({ ...t })));
  });

  it('makes every amount of the public record whole', () => {
    const pricing = record(design({ wholeUnitPrices: true }));
    for (const t of pricing.tiers)
      for (const amount of [...Object.values(t.month), ...Object.values(t.year)]) expect(Number.isInteger(amount)).toBe(true);
    expect(pricingShowsMinor(pricing)).toBe(false);
  });
});

describe('pricingShowsMinor: one rounding rule per table', () => {
  it('true when a price has cents (then every amount is written with them)', () => {
    // Best's 11,549.97 a year has cents: $2,142 next to it would be a second rule.
    expect(pricingShowsMinor(record(design()))).toBe(true);
  });

  it('false when every monthly and yearly price is whole, whatever the notes', () => {
    const d = design({ tiers: design().tiers.slice(0, 2) });
    // Good 150 / 1,530 a year, Better 405 / 4,131 a year: whole; 127.50 a month billed yearly is a note.
    expect(pricingShowsMinor(record(d))).toBe(false);
    // Best at a fixed 99.99 a month: a price with cents.
    expect(pricingShowsMinor(record({ ...d, tiers: [...d.tiers, { id: 'x', name: 'X', items: [], price: 99.99 }] }))).toBe(true);
  });
});

describe('includes: what a tier includes on the public record', () => {
  it('is absent unless the design lists it', () => {
    expect(record(design()).tiers.every((t) => !('includes' in t))).toBe(true);
  });

  it('names each product with its quantity, in catalogue order, leaving out quantities of 0', () => {
    const pricing = record(design({ listIncludes: true }));
    expect(pricing.tiers[1]!.includes).toEqual([
      { name: 'Reputation management', quantity: 1 },
      { name: 'Marketing automation', quantity: 1 },
    ]);
    // A product without a name shows its id; rep at 0 is not included.
    expect(pricing.tiers[2]!.includes).toEqual([
      { name: 'Marketing automation', quantity: 2 },
      { name: 'ads', quantity: 3 },
    ]);
    expect(pricingIssues(pricing)).toEqual([]);
    // Names only: no cost or retail price reaches the record.
    expect(JSON.stringify(pricing)).not.toMatch(/wholesale|retail|cost|margin/i);
  });

  it('the record with includes passes the schema; a bad quantity is refused', () => {
    const pricing = record(design({ listIncludes: true }));
    const bad = { ...pricing, tiers: [{ ...pricing.tiers[0]!, includes: [{ name: 'x', quantity: -1 }] }] };
    expect(pricingIssues(bad).map((i) => i.field)).toEqual(['tiers.0.includes.0.quantity']);
  });
});

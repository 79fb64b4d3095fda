/**
 * Rounding rules of `packageEconomics`: the yearly price is computed exactly and
 * rounded once, half away from zero; no figure is −0; `belowTargetMargin` agrees with the margin
 * shown. Every expected value below is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packageEconomics, type PackageDesign, type TierEconomics } from '../../src/core/packages.js';

/** A design of one product in one tier (quantity `quantity`), no discounts, no target. */
function oneProduct(
  product: Partial<PackageDesign['catalog'][number]>,
  options: { currency?: string; quantity?: number; price?: number; targetMarginPct?: number; annualDiscountPct?: number } = {},
): TierEconomics {
  const design: PackageDesign = {
    currency: options.currency ?? 'USD',
    catalog: [{ id: 'p', name: 'P', wholesale: 0, retail: 0, interval: 'month', ...product }],
    tiers: [
      {
        id: 't',
        name: 'T',
        items: [{ productId: 'p', quantity: options.quantity ?? 1 }],
        ...(options.price !== undefined ? { price: options.price } : {}),
      },
    ],
    targetMarginPct: options.targetMarginPct,
    annualDiscountPct: options.annualDiscountPct,
  };
  return packageEconomics(design).tiers[0]!; // one tier in, one out
}

describe('annualPrice: exact, rounded once, half away from zero', () => {
  it('264.95 every 2 years is 132.475 a year → 132.48', () => {
    // 26,495 cents ÷ 2 years = 13,247.5 cents a year, exactly: rounded once, half away → 13,248.
    const t = oneProduct({ retail: 264.95, interval: 'year', intervalCount: 2 });
    expect(t.annualPrice).toBe(132.48);
    // 12 × the exact monthly price is the same 13,247.5 → 13,248: paying yearly saves nothing.
    expect(t.annualSavings).toBe(0);
    // The monthly price is 26,495 ÷ 24 = 1,103.958… cents → 11.04.
    expect(t.price).toBe(11.04);
  });

  it('JPY 175 a day × 0.5 is 31,937.5 a year → ¥31,938 (not 12 × ¥2,661 = ¥31,932)', () => {
    // 175 × 0.5 × 365 = 31,937.5 yen, exactly; rounded once → 31,938.
    const t = oneProduct({ retail: 175, interval: 'day' }, { currency: 'JPY', quantity: 0.5 });
    expect(t.annualPrice).toBe(31938);
    // The monthly equivalent: 87.5 × 365 ÷ 12 = 2,661.458… → 2,661.
    expect(t.price).toBe(2661);
    expect(t.annualSavings).toBe(0);
  });

  it('the same rule with an annual discount: 31,937.5 × 0.85 = 27,146.875 → ¥27,147', () => {
    const t = oneProduct({ retail: 175, interval: 'day' }, { currency: 'JPY', quantity: 0.5, annualDiscountPct: 15 });
    expect(t.annualPrice).toBe(27147);
    // 31,938 (12 × the monthly price, exact then rounded once) − 27,147.
    expect(t.annualSavings).toBe(4791);
  });

  it('a decimal quantity and percent are read as written: 0.1 × 10.00 a month at 12.5 % off yearly', () => {
    // 1,000 cents × 0.1 × 12 = 1,200 cents a year; × 0.875 = 1,050 cents exactly → 10.50.
    const t = oneProduct({ retail: 10, interval: 'month' }, { quantity: 0.1, annualDiscountPct: 12.5 });
    expect(t.annualPrice).toBe(10.5);
  });
});

describe('no figure is −0', () => {
  it('a cost a cent above the price gives a margin of 0, not −0', () => {
    // Price 100,000 cents, cost 100,001: (−1 ÷ 100,000) × 100 = −0.001 % → 0.00 % to 2 decimals.
    const t = oneProduct({ wholesale: 1000.01, retail: 1000 });
    expect(t.grossProfit).toBe(-0.01);
    expect(Object.is(t.marginPct, 0)).toBe(true);
  });

  it('a discount a hair above the list value gives 0, not −0', () => {
    // List 100,000 cents, fixed price 100,001: (−1 ÷ 100,000) × 100 → 0.00 %.
    const t = oneProduct({ retail: 1000 }, { price: 1000.01 });
    expect(Object.is(t.discountPct, 0)).toBe(true);
  });

  it('property: no tier or mix figure is ever −0', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
    fc.assert(
      fc.property(cents, cents, fc.option(cents, { nil: undefined }), fc.integer({ min: 0, max: 5 }), (w, r, price, n) => {
        const design: PackageDesign = {
          currency: 'USD',
          catalog: [{ id: 'p', name: 'P', wholesale: w, retail: r, interval: 'month' }],
          tiers: [{ id: 't', name: 'T', items: [{ productId: 'p', quantity: 1 }], price }],
          targetMarginPct: 50,
          annualDiscountPct: 10,
          mix: { t: n },
        };
        const e = packageEconomics(design);
        const figures = [...(Object.values(e.tiers[0]!) as unknown[]), ...(Object.values(e.mix) as unknown[])].filter(
          (x) => typeof x === 'number',
        );
        for (const x of figures) expect(Object.is(x, -0)).toBe(false);
      }),
    );
    // The case the property is about, always run: price 1,000, cost 1,000.01.
    expect(Object.is(oneProduct({ wholesale: 1000.01, retail: 1000 }).marginPct, -0)).toBe(false);
  });
});

describe('belowTargetMargin agrees with the margin shown', () => {
  const flagged = (wholesale: number, price: number) =>
    packageEconomics({
      currency: 'USD',
      catalog: [{ id: 'p', name: 'P', wholesale, retail: price, interval: 'month' }],
      tiers: [{ id: 't', name: 'T', items: [{ productId: 'p', quantity: 1 }], price }],
      targetMarginPct: 50,
    });

  it('a tier shown at 50.00 % is not flagged under a 50 % target', () => {
    // Cost 100,001 cents, price 200,001: margin 99,999 ÷ 200,001 = 49.99975 % → shown 50.00 %.
    const e = flagged(1000.01, 2000.01);
    expect(e.tiers[0]?.marginPct).toBe(50);
    expect(e.issues.filter((i) => i.code === 'belowTargetMargin')).toEqual([]);
  });

  it('a tier shown at 49.99 % is flagged', () => {
    // Cost 100,001, price 199,960: margin 99,959 ÷ 199,960 = 49.98999… % → shown 49.99 %.
    const e = flagged(1000.01, 1999.6);
    expect(e.tiers[0]?.marginPct).toBe(49.99);
    expect(e.issues).toContainEqual({ code: 'belowTargetMargin', tierId: 't' });
  });
});

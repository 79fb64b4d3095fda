import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isSafeHref,
  packageEconomics,
  STARTER_CATALOG,
  STARTER_SETTINGS,
  STARTER_TIERS,
  tierOffer,
  validatePackageDesign,
  type CatalogProduct,
  type PackageDesign,
  type PackageEconomics,
  type PackageTier,
} from '../../src/core/packages.js';
import { BILLING_INTERVALS, currencyDigits, toMinor } from '../../src/core/money.js';
import { InvalidInputError } from '../../src/core/validation.js';

/** A worked package design: good, better and best tiers over a three-product catalog. */
const example: PackageDesign = {
  currency: 'USD',
  catalog: [
    { id: 'rep', name: 'Reputation management', wholesale: 50, retail: 150, interval: 'month' },
    { id: 'auto', name: 'Marketing automation', wholesale: 100, retail: 300, interval: 'month' },
    { id: 'app', name: 'Business app', wholesale: 240, retail: 600, interval: 'year', setupFee: 200 },
  ],
  tiers: [
    { id: 'good', name: 'Good', items: [{ productId: 'rep', quantity: 1 }] },
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
        { productId: 'rep', quantity: 1 },
        { productId: 'auto', quantity: 1 },
        { productId: 'app', quantity: 1 },
      ],
      price: 480,
    },
  ],
  targetMarginPct: 50,
  annualDiscountPct: 15,
  mix: { good: 10, better: 5, best: 2 },
};

const tier = (r: PackageEconomics, id: string) => r.tiers.find((t) => t.id === id)!;

const numbersOf = (r: PackageEconomics): unknown[] => [
  ...r.tiers.flatMap((t) => [
    t.listValue,
    t.cost,
    t.price,
    t.grossProfit,
    t.marginPct,
    t.discountPct,
    t.annualPrice,
    t.annualSavings,
    t.annualPricePerMonth,
    t.maxDiscountPct,
    t.targetPrice,
    t.setupFee,
  ]),
  r.mix.mrr,
  r.mix.grossProfit,
  r.mix.marginPct,
  r.mix.setupFees,
];

function thrown(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('expected InvalidInputError');
}

describe('packageEconomics: the worked example', () => {
  const r = packageEconomics(example);

  it('Good: list price, nothing off', () => {
    expect(tier(r, 'good')).toMatchObject({
      listValue: 150,
      cost: 50,
      price: 150,
      grossProfit: 100,
      discountPct: 0,
      setupFee: 0,
    });
    expect(tier(r, 'good').marginPct).toBe(66.67);
  });

  it('Better: V 450, C 150, P 405, margin 62.96 %, max discount 33.33 %, annual 4,131', () => {
    expect(tier(r, 'better')).toMatchObject({
      listValue: 450,
      cost: 150,
      price: 405,
      grossProfit: 255,
      marginPct: 62.96,
      discountPct: 10,
      maxDiscountPct: 33.33,
      annualPrice: 4131,
      annualSavings: 729,
      annualPricePerMonth: 344.25,
      targetPrice: 300,
      setupFee: 0,
    });
  });

  it('Best: V 500, C 170, a fixed 480 is a 4 % discount, margin 64.58 %, max discount 32 %, setup 200', () => {
    expect(tier(r, 'best')).toMatchObject({
      listValue: 500,
      cost: 170,
      price: 480,
      grossProfit: 310,
      discountPct: 4,
      marginPct: 64.58,
      maxDiscountPct: 32,
      annualPrice: 4896,
      setupFee: 200,
      targetPrice: 340,
    });
  });

  it('mix 10/5/2: MRR 4,485, blended margin 64.55 %, setup fees apart', () => {
    expect(r.mix).toEqual({ mrr: 4485, grossProfit: 2895, marginPct: 64.55, clients: 17, setupFees: 400, reasons: {} });
  });

  it('has no issues, outputs tiers in design order and the currency upper case', () => {
    expect(r.issues).toEqual([]);
    expect(r.tiers.map((t) => t.id)).toEqual(['good', 'better', 'best']);
    expect(packageEconomics({ ...example, currency: 'usd' }).currency).toBe('USD');
  });

  it('the starter catalog, tiers and settings are the worked example', () => {
    const names = (list: readonly { id: string }[]) => list.map((x) => ({ ...x, name: x.id }));
    const starter = packageEconomics({
      ...STARTER_SETTINGS,
      mix: { ...STARTER_SETTINGS.mix },
      catalog: names(STARTER_CATALOG) as CatalogProduct[],
      tiers: names(STARTER_TIERS) as PackageTier[],
    });
    expect(tier(starter, 'better')).toMatchObject({ price: 405, marginPct: 62.96, maxDiscountPct: 33.33 });
    expect(tier(starter, 'best')).toMatchObject({ price: 480, marginPct: 64.58, setupFee: 200 });
    expect(starter.mix.mrr).toBe(4485);
    expect(starter.issues).toEqual([]);
  });
});

describe('packageEconomics: figures', () => {
  it('an empty tier is valid: zeros, null margin and discount with reasons, zeroPrice', () => {
    const r = packageEconomics({ ...example, tiers: [{ id: 'empty', name: 'Empty', items: [] }], mix: { empty: 3 } });
    const t = tier(r, 'empty');
    expect(t).toMatchObject({ listValue: 0, cost: 0, price: 0, grossProfit: 0, annualPrice: 0, setupFee: 0, targetPrice: 0 });
    expect(t.marginPct).toBeNull();
    expect(t.discountPct).toBeNull();
    expect(t.maxDiscountPct).toBeNull();
    expect(t.reasons).toEqual({ marginPct: 'noPrice', discountPct: 'noListValue', maxDiscountPct: 'noListValue' });
    expect(r.mix).toMatchObject({ mrr: 0, marginPct: null, reasons: { marginPct: 'noRevenue' } });
    expect(r.issues).toEqual([{ code: 'zeroPrice', tierId: 'empty' }]);
  });

  it('without a target: no max discount, no target price, no belowTargetMargin', () => {
    const r = packageEconomics({ ...example, targetMarginPct: undefined });
    expect(tier(r, 'better').maxDiscountPct).toBeNull();
    expect(tier(r, 'better').targetPrice).toBeNull();
    expect(tier(r, 'better').reasons).toEqual({ maxDiscountPct: 'noTarget', targetPrice: 'noTarget' });
  });

  it('a 100 % target with a cost is unreachable; a negative max discount when even the list misses the target', () => {
    const unreachable = packageEconomics({ ...example, targetMarginPct: 100 });
    expect(tier(unreachable, 'good').maxDiscountPct).toBeNull();
    expect(tier(unreachable, 'good').reasons.maxDiscountPct).toBe('targetUnreachable');
    expect(unreachable.issues.filter((i) => i.code === 'belowTargetMargin')).toHaveLength(3);
    // Good keeps 66.67 %; at an 80 % target it would need 250 a month: 66.67 % more than its list.
    const high = packageEconomics({ ...example, targetMarginPct: 80 });
    expect(tier(high, 'good').maxDiscountPct).toBe(-66.67);
    expect(tier(high, 'good').targetPrice).toBe(250);
  });

  it('converts every interval to a monthly amount, with an interval count, and multiplies by quantity', () => {
    const r = packageEconomics({
      currency: 'USD',
      catalog: [
        { id: 'd', name: 'Daily', wholesale: 1, retail: 2, interval: 'day' },
        { id: 'w', name: 'Weekly', wholesale: 10, retail: 12, interval: 'week' },
        { id: 'q', name: 'Quarterly', wholesale: 30, retail: 90, interval: 'quarter' },
        { id: 'y2', name: 'Two-yearly', wholesale: 240, retail: 2400, interval: 'year', intervalCount: 2, setupFee: 50 },
      ],
      tiers: [
        { id: 'd', name: 'd', items: [{ productId: 'd', quantity: 1 }] },
        { id: 'w', name: 'w', items: [{ productId: 'w', quantity: 1 }] },
        { id: 'q', name: 'q', items: [{ productId: 'q', quantity: 3 }] },
        { id: 'y', name: 'y', items: [{ productId: 'y2', quantity: 2.5 }] },
      ],
    });
    expect(tier(r, 'd').listValue).toBe(60.83); // 2 × 365 / 12
    expect(tier(r, 'w').listValue).toBe(52); // 12 × 52 / 12
    expect(tier(r, 'q')).toMatchObject({ listValue: 90, cost: 30 }); // 3 × 90 / 3
    expect(tier(r, 'y')).toMatchObject({ listValue: 250, cost: 25, setupFee: 125 });
  });

  it('works in minor units of the currency: yen has none, dinar three', () => {
    const yen = packageEconomics({
      currency: 'JPY',
      catalog: [{ id: 'a', name: 'A', wholesale: 1000, retail: 3333, interval: 'month' }],
      tiers: [{ id: 't', name: 'T', items: [{ productId: 'a', quantity: 1 }], discountPct: 10 }],
    });
    expect(tier(yen, 't').price).toBe(3000); // 2,999.7 rounded to the yen
    const kwd = packageEconomics({
      currency: 'KWD',
      catalog: [{ id: 'a', name: 'A', wholesale: 1, retail: 1.235, interval: 'month' }],
      tiers: [{ id: 't', name: 'T', items: [{ productId: 'a', quantity: 1 }], discountPct: 10 }],
    });
    expect(tier(kwd, 't').price).toBe(1.112); // 1.1115 half away from zero
  });

  it('a fixed price wins over a discount; a price above list is a negative discount', () => {
    const r = packageEconomics({
      ...example,
      tiers: [{ id: 'x', name: 'X', items: [{ productId: 'rep', quantity: 1 }], discountPct: 50, price: 180 }],
    });
    expect(tier(r, 'x')).toMatchObject({ price: 180, discountPct: -20 });
  });

  it('ignores mix entries of unknown tiers, and a tier named like an Object.prototype key', () => {
    const mix = JSON.parse('{"constructor": 4, "__proto__": 7, "good": 1, "gone": 9}') as Record<string, number>;
    const r = packageEconomics({ ...example, mix });
    expect(r.mix).toMatchObject({ mrr: 150, clients: 1 });
    const proto = packageEconomics({
      ...example,
      tiers: [{ id: 'constructor', name: 'C', items: [{ productId: 'rep', quantity: 1 }] }],
      mix: { good: 1 },
    });
    expect(proto.mix).toMatchObject({ mrr: 0, clients: 0 });
  });

  it('tierOffer gives the monthly or the annual price for the mrr-cta event', () => {
    const r = packageEconomics(example);
    expect(tierOffer(r, 'better', 'month')).toEqual({ tierId: 'better', price: 405, interval: 'month', currency: 'USD' });
    expect(tierOffer(r, 'better', 'year')).toEqual({ tierId: 'better', price: 4131, interval: 'year', currency: 'USD' });
    expect(tierOffer(r, 'nope', 'year')).toBeUndefined();
  });
});

describe('packageEconomics: issues', () => {
  it('belowTargetMargin for a tier under the target', () => {
    const r = packageEconomics({
      ...example,
      tiers: example.tiers.map((t) => (t.id === 'better' ? { ...t, discountPct: 40 } : t)),
    });
    expect(r.issues).toContainEqual({ code: 'belowTargetMargin', tierId: 'better' });
    expect(tier(r, 'better').marginPct).toBe(44.44);
  });

  it('belowCost for a product sold under its wholesale cost', () => {
    const r = packageEconomics({
      ...example,
      catalog: [...example.catalog, { id: 'loss', name: 'Loss', wholesale: 10, retail: 9, interval: 'month' }],
    });
    expect(r.issues).toEqual([{ code: 'belowCost', productId: 'loss' }]);
  });

  it('priceOrder for a later tier cheaper than an earlier one', () => {
    const r = packageEconomics({ ...example, tiers: example.tiers.map((t) => (t.id === 'best' ? { ...t, price: 400 } : t)) });
    expect(r.issues).toEqual([{ code: 'priceOrder', tierId: 'best' }]);
  });

  it('notSuperset for each product of an earlier tier a later tier lacks', () => {
    const r = packageEconomics({
      ...example,
      tiers: [
        example.tiers[0]!,
        { id: 'other', name: 'Other', items: [{ productId: 'auto', quantity: 1 }] },
        {
          id: 'last',
          name: 'Last',
          items: [
            { productId: 'app', quantity: 1 },
            { productId: 'rep', quantity: 0 },
          ],
          price: 500,
        },
      ],
    });
    expect(r.issues).toEqual([
      { code: 'notSuperset', tierId: 'other', productId: 'rep' },
      { code: 'notSuperset', tierId: 'last', productId: 'rep' },
      { code: 'notSuperset', tierId: 'last', productId: 'auto' },
    ]);
  });

  it('duplicateProduct in the catalog (the first is used) and within a tier (both count)', () => {
    const r = packageEconomics({
      ...example,
      catalog: [...example.catalog, { id: 'rep', name: 'Again', wholesale: 1, retail: 1000, interval: 'month' }],
      tiers: [
        {
          id: 'two',
          name: 'Two',
          items: [
            { productId: 'rep', quantity: 1 },
            { productId: 'rep', quantity: 1 },
          ],
        },
      ],
      mix: {},
    });
    expect(r.issues).toEqual([
      { code: 'duplicateProduct', productId: 'rep' },
      { code: 'duplicateProduct', tierId: 'two', productId: 'rep' },
    ]);
    expect(tier(r, 'two').listValue).toBe(300);
  });

  it('emptyName for a product or tier named only with spaces', () => {
    const r = packageEconomics({
      ...example,
      catalog: example.catalog.map((p) => (p.id === 'auto' ? { ...p, name: '  ' } : p)),
      tiers: example.tiers.map((t) => (t.id === 'good' ? { ...t, name: '' } : t)),
    });
    expect(r.issues).toEqual([
      { code: 'emptyName', productId: 'auto' },
      { code: 'emptyName', tierId: 'good' },
    ]);
  });
});

describe('validatePackageDesign', () => {
  it('is empty for the example and for a design with pricing-table fields', () => {
    expect(validatePackageDesign(example)).toEqual([]);
    const withCta = {
      ...example,
      tiers: example.tiers.map((t) => ({
        ...t,
        outcomes: ['More reviews'],
        highlighted: t.id === 'better',
        cta: { label: 'Start', href: '/signup?plan=' + t.id },
      })),
    };
    expect(validatePackageDesign(withCta)).toEqual([]);
  });

  it('reports each bad field with its path and code', () => {
    const bad = {
      currency: 'EURO',
      catalog: [
        { id: '', name: 'A', wholesale: -1, retail: 'x', interval: 'fortnight' },
        { id: 'b', name: 'B', wholesale: 1, retail: 2, interval: 'month', intervalCount: 0, setupFee: 1e13 },
      ],
      tiers: [{ id: 't', name: 'T', items: [{ productId: 'b', quantity: -2 }], discountPct: 120, highlighted: 'yes' }],
      targetMarginPct: 101,
      mix: { t: 1.5 },
    };
    const issues = validatePackageDesign(bad);
    // The limits travel with the issue, so the designer can say "between 0 and 100".
    expect(issues.find((i) => i.field === 'tiers.0.discountPct')?.params).toEqual({ min: 0, max: 100 });
    expect(issues.find((i) => i.field === 'catalog.1.intervalCount')?.params).toMatchObject({ min: 1 });
    expect(issues).toMatchObject([
      { field: 'currency', code: 'outOfRange' },
      { field: 'catalog.0.id', code: 'required' },
      { field: 'catalog.0.wholesale', code: 'negative' },
      { field: 'catalog.0.retail', code: 'notANumber' },
      { field: 'catalog.0.interval', code: 'invalid' },
      { field: 'catalog.1.intervalCount', code: 'outOfRange' },
      { field: 'catalog.1.setupFee', code: 'tooLarge' },
      { field: 'tiers.0.items.0.quantity', code: 'negative' },
      { field: 'tiers.0.discountPct', code: 'outOfRange' },
      { field: 'tiers.0.highlighted', code: 'invalid' },
      { field: 'targetMarginPct', code: 'outOfRange' },
      { field: 'mix.t', code: 'notInteger' },
    ]);
  });

  it('reports missing fields as required, and non-objects', () => {
    expect(validatePackageDesign({ catalog: [], tiers: [] })).toEqual([{ field: 'currency', code: 'required' }]);
    expect(validatePackageDesign(null)).toEqual([{ field: '', code: 'invalid' }]);
    expect(validatePackageDesign({ currency: 'USD', catalog: {}, tiers: [] })).toEqual([{ field: 'catalog', code: 'invalid' }]);
  });

  it('reports unknown products and duplicate tier ids', () => {
    const r = validatePackageDesign({
      ...example,
      tiers: [example.tiers[0], { ...example.tiers[1], id: 'good', items: [{ productId: 'constructor', quantity: 1 }] }],
    });
    expect(r).toEqual([
      { field: 'tiers.1.id', code: 'duplicate' },
      { field: 'tiers.1.items.0.productId', code: 'unknownProduct' },
    ]);
  });

  it('refuses an interval that is an Object.prototype key', () => {
    for (const interval of ['constructor', '__proto__', 'toString']) {
      expect(validatePackageDesign({ ...example, catalog: [{ ...example.catalog[0], interval }] })).toEqual([
        { field: 'catalog.0.interval', code: 'invalid' },
      ]);
    }
  });

  it('refuses a CTA link that could run script, however disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:x',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      expect(isSafeHref(href), href).toBe(false);
    }
    for (const href of [
      'https://example.com/a',
      'http://x',
      'mailto:a@b.c',
      'tel:+331',
      '/signup',
      '#contact',
      '?plan=good',
      'signup.html',
      '//cdn.example.com',
    ]) {
      expect(isSafeHref(href), href).toBe(true);
    }
    const bad = { ...example, tiers: [{ ...example.tiers[0], cta: { label: 'Go', href: 'javascript:alert(1)' } }] };
    expect(validatePackageDesign(bad)).toEqual([{ field: 'tiers.0.cta.href', code: 'invalid' }]);
  });

  it('packageEconomics throws InvalidInputError with the same issues', () => {
    const e = thrown(() => packageEconomics({ ...example, targetMarginPct: -5 }));
    expect(e.issues).toEqual([{ field: 'targetMarginPct', code: 'outOfRange', params: { min: 0, max: 100 } }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const moneyArb = fc.integer({ min: 0, max: 1_000_000_00 }).map((c) => c / 100);
const productArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.string({ maxLength: 8 }),
    wholesale: moneyArb,
    retail: moneyArb,
    interval: fc.constantFrom(...BILLING_INTERVALS),
    intervalCount: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    setupFee: fc.option(moneyArb, { nil: undefined }),
  });
const catalogArb = fc
  .array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 })
  .chain((ids) => fc.tuple(...[...new Set(ids)].map(productArb)));
const itemsArb = (ids: string[]) =>
  fc.array(fc.record({ productId: fc.constantFrom(...ids), quantity: fc.integer({ min: 0, max: 20 }) }), { maxLength: 6 });
const designArb = catalogArb.chain((catalog) => {
  const ids = catalog.map((p) => p.id);
  const tierArb = (id: string) =>
    fc.record({
      id: fc.constant(id),
      name: fc.string({ maxLength: 8 }),
      items: itemsArb(ids),
      discountPct: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
      price: fc.option(moneyArb, { nil: undefined }),
    });
  return fc
    .record({
      currency: fc.constantFrom('USD', 'EUR', 'JPY', 'KWD'),
      catalog: fc.constant<CatalogProduct[]>(catalog),
      tiers: fc.tuple(tierArb('t1'), tierArb('t2'), tierArb('t3')),
      targetMarginPct: fc.option(fc.double({ min: 0, max: 99.9, noNaN: true }), { nil: undefined }),
      annualDiscountPct: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
      mix: fc.record({ t1: fc.nat(1000), t2: fc.nat(1000), t3: fc.nat(1000) }),
    })
    .map<PackageDesign>(wholeYen);
});

/** Amounts have the currency's decimals (a design with ¥12.34 is refused): yen amounts made whole. */
function wholeYen(design: PackageDesign): PackageDesign {
  if (design.currency !== 'JPY') return design;
  const whole = <T extends number | null | undefined>(x: T): T => (typeof x === 'number' ? (Math.round(x) as T) : x);
  return {
    ...design,
    catalog: design.catalog.map((p) => ({
      ...p,
      wholesale: whole(p.wholesale),
      retail: whole(p.retail),
      setupFee: whole(p.setupFee),
    })),
    tiers: design.tiers.map((t) => ({ ...t, price: whole(t.price) })),
  };
}

describe('packageEconomics: properties', () => {
  it('never gives NaN or Infinity, and a margin never above 100 %', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const r = packageEconomics(design);
        for (const x of numbersOf(r)) expect(x === null || Number.isFinite(x)).toBe(true);
        for (const t of r.tiers) if (t.marginPct !== null) expect(t.marginPct).toBeLessThanOrEqual(100);
        if (r.mix.marginPct !== null) expect(r.mix.marginPct).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('applying maxDiscountPct as the discount keeps the target margin, within a minor unit of the target price', () => {
    fc.assert(
      fc.property(designArb, fc.double({ min: 0, max: 95, noNaN: true }), (design, target) => {
        const r = packageEconomics({ ...design, targetMarginPct: target });
        r.tiers.forEach((t, i) => {
          if (t.maxDiscountPct === null || t.maxDiscountPct < 0 || t.targetPrice === null) return;
          const applied = packageEconomics({
            ...design,
            targetMarginPct: target,
            tiers: design.tiers.map((x, j) => (j === i ? { ...x, price: undefined, discountPct: t.maxDiscountPct } : x)),
          }).tiers[i];
          const minor = 10 ** -currencyDigits(design.currency); // one minor unit, in major units
          // Never below the target (to the minor unit) …
          expect(applied!.price).toBeGreaterThanOrEqual(t.targetPrice);
          // … and the largest 2-decimal discount that does: 0.01 point more would miss it.
          expect(applied!.price - t.targetPrice).toBeLessThanOrEqual(t.listValue * 0.0001 + minor + 1e-9);
          // The target price itself gives exactly the target margin, within a minor unit.
          const atTarget = packageEconomics({
            ...design,
            tiers: design.tiers.map((x, j) => (j === i ? { ...x, price: t.targetPrice } : x)),
          }).tiers[i];
          expect(Math.abs(atTarget!.grossProfit - (target / 100) * atTarget!.price)).toBeLessThanOrEqual(minor + 1e-9);
        });
      }),
    );
  });

  it('a tier at its max discount is not flagged belowTargetMargin', () => {
    fc.assert(
      fc.property(designArb, fc.double({ min: 0, max: 95, noNaN: true }), (design, target) => {
        const r = packageEconomics({ ...design, targetMarginPct: target });
        r.tiers.forEach((t, i) => {
          if (t.maxDiscountPct === null || t.maxDiscountPct < 0 || t.listValue === 0) return;
          const applied = packageEconomics({
            ...design,
            targetMarginPct: target,
            tiers: design.tiers.map((x, j) => (j === i ? { ...x, price: undefined, discountPct: t.maxDiscountPct } : x)),
          });
          if (applied.tiers[i]!.price > 0) expect(applied.issues).not.toContainEqual({ code: 'belowTargetMargin', tierId: t.id });
        });
      }),
    );
  });

  it('adding an item never lowers the list value (nor the cost)', () => {
    fc.assert(
      fc.property(designArb, fc.nat(), fc.integer({ min: 0, max: 20 }), (design, pick, quantity) => {
        const product = design.catalog[pick % design.catalog.length];
        const before = packageEconomics(design).tiers[0];
        const tiers = design.tiers.map((t, j) =>
          j === 0 ? { ...t, items: [...t.items, { productId: product!.id, quantity }] } : t,
        );
        const after = packageEconomics({ ...design, tiers }).tiers[0];
        expect(after?.listValue).toBeGreaterThanOrEqual(before!.listValue);
        expect(after?.cost).toBeGreaterThanOrEqual(before!.cost);
      }),
    );
  });

  it('the mix MRR is the sum of clients × tier prices', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const r = packageEconomics(design);
        const expected = r.tiers.reduce((s, t) => s + toMinor(t.price, r.currency) * (design.mix![t.id] ?? 0), 0);
        expect(toMinor(r.mix.mrr, r.currency)).toBe(expected);
      }),
    );
  });
});

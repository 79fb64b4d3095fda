/**
 * Package economics: an agency's catalog of products and services bundled into layered tiers
 * (good / better / best), what each tier is worth at list price, what it costs to deliver, the price
 * asked, its gross margin, the largest discount that keeps a target margin, and the blended MRR and
 * margin of a client mix.
 *
 * Conventions (as in the rest of the core): money in and out in major units (49.5) of the design's
 * `currency`, computed in integer minor units; every tier figure is a monthly equivalent (a yearly
 * product counts 1/12 of its price a month, via `toMonthlyMinor`); setup fees are one-time and never
 * counted in MRR. Percent fields are 0–100, rounded to 2 decimals in output. A figure that cannot
 * exist (the margin of a tier priced 0) is `null` and `reasons` says why; never NaN or Infinity.
 */
import * as v from 'valibot';
import { isIsoCurrency } from './currencies.js';
import {
  BILLING_INTERVALS,
  currencyDigits,
  fromMinor,
  roundHalfAway,
  toMinor,
  toMonthlyMinor,
  type BillingInterval,
} from './money.js';
import { InvalidInputError, amount, count, integerIn, lazySchema, limitsAt, percent, type FieldIssueCode } from './validation.js';

// ---------------------------------------------------------------------------------------------
// Input

/** A product or service of the agency's catalog. Money in major units. */
export interface CatalogProduct {
  id: string;
  name: string;
  /** What delivering one unit costs the agency, per `intervalCount` `interval`s. */
  wholesale: number;
  /** What a client pays for one unit, per `intervalCount` `interval`s. */
  retail: number;
  interval: BillingInterval;
  /** Billed every N intervals (2 with 'year' = every two years); default 1. */
  intervalCount?: number;
  /** One-time setup fee per unit; never counted as MRR. */
  setupFee?: number | null;
  /** Free-form grouping shown by the designer (e.g. 'reputation', 'marketing'). */
  category?: string;
  description?: string;
  /** What one unit is ('location', 'seat', …). */
  unit?: string;
}

export interface TierItem {
  productId: string;
  /** Units of the product in the tier (≥ 0, may be fractional: 2.5 hours). */
  quantity: number;
}

/** The call to action of a tier on the pricing table. */
export interface TierCta {
  label: string;
  /** Where the button leads; without it the table renders a button that fires `mrr-cta`. */
  href?: string;
}

export interface PackageTier {
  id: string;
  name: string;
  items: TierItem[];
  /** Discount on the tier's list value, 0–100; ignored when `price` is set. */
  discountPct?: number | null;
  /** A fixed monthly price in major units; wins over `discountPct`. */
  price?: number | null;
  /** Outcome statements shown on the pricing table (what the client gets out of it). */
  outcomes?: string[];
  /** The tier the pricing table puts forward. */
  highlighted?: boolean;
  cta?: TierCta;
}

/**
 * A package design: the input of `packageEconomics`, and (with the optional presentation fields of
 * each tier: `outcomes`, `highlighted`, `cta`) what `<mrr-pricing-table>` renders.
 */
export interface PackageDesign {
  /** ISO 4217 code of every amount. */
  currency: string;
  catalog: CatalogProduct[];
  tiers: PackageTier[];
  /** The gross margin each tier should keep, 0–100; without it there is no `maxDiscountPct`. */
  targetMarginPct?: number | null;
  /** Discount for paying a year up front, 0–100; default 0. */
  annualDiscountPct?: number | null;
  /** Clients on each tier, by tier id (what-if); tiers not listed have none. */
  mix?: Record<string, number>;
  /**
   * Prices in whole units of the currency ($2,142, never $2,141.70): each tier's monthly price and
   * setup fee are rounded (half away from zero), and its yearly price is 12 × that monthly price
   * less the annual discount, rounded once to a whole unit. Default false (exact to the minor unit).
   */
  wholeUnitPrices?: boolean;
  /** The pricing table lists the products and services each tier includes (with their quantity). Default false. */
  listIncludes?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Why a figure is null. */
export type PackageFigureReason =
  /** The tier's price is 0: a margin of nothing is undefined. */
  | 'noPrice'
  /** The tier's list value is 0 (an empty tier): no discount can be taken off it. */
  | 'noListValue'
  /** The design has no `targetMarginPct`. */
  | 'noTarget'
  /** A 100 % target margin with a cost above 0: no price reaches it. */
  | 'targetUnreachable'
  /** The mix has no revenue (no clients, or only tiers priced 0). */
  | 'noRevenue';

export interface TierEconomics {
  id: string;
  /** List value V: Σ monthly retail × quantity. */
  listValue: number;
  /** Cost C: Σ monthly wholesale × quantity. */
  cost: number;
  /** Monthly price P: the fixed `price`, else V × (1 − discount). */
  price: number;
  /** P − C (negative when sold below cost). */
  grossProfit: number;
  /** (P − C) ÷ P; null when P is 0 ('noPrice'). Never above 100. */
  marginPct: number | null;
  /** Effective discount (V − P) ÷ V (negative when priced above list); null when V is 0. */
  discountPct: number | null;
  /**
   * What a year costs paid up front. One rule, held everywhere: the exact yearly amount is computed
   * from each product's exact price (price × quantity × the intervals in a year ÷ the interval
   * count; a fixed tier price × 12), then × (1 − tier discount) × (1 − annual discount), and rounded
   * ONCE to the minor unit, half away from zero. Nothing is rounded before: not the monthly
   * equivalent, not a daily amount. So 1,000 a year is 1,000 (not 12 × 83.33 = 999.96), 264.95
   * every 2 years is 132.475 → 132.48 a year, and JPY 175 a day × 0.5 is 31,937.5 → 31,938 a year
   * (not 12 × the rounded 2,661 = 31,932).
   */
  annualPrice: number;
  /** 12 × P, by the same rule (exact, rounded once), − annualPrice: what paying yearly saves. */
  annualSavings: number;
  /** annualPrice ÷ 12: the monthly equivalent of paying yearly. */
  annualPricePerMonth: number;
  /**
   * Largest discount on V that keeps the target margin: 1 − C ÷ ((1 − target) × V), rounded down
   * to 2 decimals (so applying it keeps the target). Negative when even the list value misses the
   * target. Null without a target ('noTarget'), with V = 0 ('noListValue') or an unreachable target.
   */
  maxDiscountPct: number | null;
  /**
   * The monthly price that gives exactly the target margin, C ÷ (1 − target), to the minor unit;
   * null when there is no target or it is unreachable.
   */
  targetPrice: number | null;
  /** Σ setup fee × quantity: one-time, not MRR. */
  setupFee: number;
  /** Why each null figure is null. */
  reasons: Partial<Record<'marginPct' | 'discountPct' | 'maxDiscountPct' | 'targetPrice', PackageFigureReason>>;
}

export interface MixEconomics {
  /** Σ clients × tier price. */
  mrr: number;
  /** Σ clients × tier gross profit. */
  grossProfit: number;
  /** Blended margin, grossProfit ÷ mrr; null when mrr is 0 ('noRevenue'). */
  marginPct: number | null;
  /** Σ clients. */
  clients: number;
  /** Σ clients × tier setup fee (one-time, not MRR). */
  setupFees: number;
  reasons: Partial<Record<'marginPct', PackageFigureReason>>;
}

export type PackageIssueCode =
  /** A tier's margin as shown (`marginPct`, 2 decimals) is under `targetMarginPct` to 2 decimals (tierId). */
  | 'belowTargetMargin'
  /** A product's retail price is under its wholesale cost (productId). */
  | 'belowCost'
  /** A tier is cheaper than an earlier tier (tierId: the later, cheaper one). */
  | 'priceOrder'
  /** A tier lacks a product of an earlier tier (tierId: the later tier; productId: what it lacks). */
  | 'notSuperset'
  /** A catalog id used twice (productId), or a product listed twice in one tier (tierId, productId). */
  | 'duplicateProduct'
  /** A product (productId) or tier (tierId) without a name. */
  | 'emptyName'
  /** A tier priced 0 (tierId). */
  | 'zeroPrice'
  /** A tier with a monthly price whose yearly price is 0: the annual discount takes it all (tierId). */
  | 'freeYearly';

export interface PackageIssue {
  code: PackageIssueCode;
  tierId?: string;
  productId?: string;
}

export interface PackageEconomics {
  /** The design's currency, upper case. */
  currency: string;
  tiers: TierEconomics[];
  mix: MixEconomics;
  /** Warnings about the design, in a stable order (products, then tiers in order); see `PackageIssueCode`. */
  issues: PackageIssue[];
}

// ---------------------------------------------------------------------------------------------
// Validation

export type PackageFieldIssueCode =
  | FieldIssueCode
  /** Not the expected kind of value (a boolean, a list, a safe link…). */
  | 'invalid'
  /** A tier item names a product that is not in the catalog. */
  | 'unknownProduct'
  /** Two tiers share an id. */
  | 'duplicate'
  /** An amount with more decimals than the currency has (49.999 USD, ¥999.5, BHD 10.1255): refused, never rounded. */
  | 'tooManyDecimals';

export interface PackageFieldIssue {
  /** Dotted path: `catalog.2.retail`, `tiers.0.items.1.productId`, `mix.good`. */
  field: string;
  code: PackageFieldIssueCode;
  /** The limits of the rule, so a message can say them ("between 0 and 100"). */
  params?: { min?: number; max?: number };
}

/** Largest quantity of one product in a tier. */
export const MAX_QUANTITY = 1e6;

/**
 * Largest monthly list value, cost or price of a tier, in major units: ten billion a month. Above it
 * (or where 1,200 × the amount in minor units leaves the exact integers of a double) yearly figures
 * would no longer be exact to the minor unit, so the design is refused (`tooLarge`) instead.
 */
export const MAX_TIER_MONTHLY = 1e10;

/** The tier limit in minor units of `currency` (lower for 4-decimal currencies, to stay exact). */
function tierLimitMinor(currency: string): number {
  return Math.min(MAX_TIER_MONTHLY * 10 ** currencyDigits(currency), Math.floor(Number.MAX_SAFE_INTEGER / 1200));
}

// ---------------------------------------------------------------------------------------------
// Exact yearly amounts: a fraction of integers, rounded once

/** An exact fraction n / d (d > 0) of integers. */
interface Ratio {
  n: bigint;
  d: bigint;
}

/** How many of each interval fit in a year (a day 365, a week 52: the same table as `toMonthlyMinor`, × 12). */
const PER_YEAR: Readonly<Record<BillingInterval, bigint>> = { day: 365n, week: 52n, month: 12n, quarter: 4n, year: 1n };

/**
 * The number `x` exactly as it is written in decimal (its shortest round-trip form: 0.1 is 1/10,
 * 12.5 is 25/2), so that a quantity or percent typed with decimals is not read with binary error.
 */
function exact(x: number): Ratio {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return { n: 0n, d: 1n };
  const decimals = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - decimals.length;
  let n = BigInt(m[2] + decimals) * (m[1] ? -1n : 1n);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return { n, d };
}

const times = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
const plus = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
/** (100 − pct) / 100: what is left after a percent off. */
const after = (pct: number): Ratio => plus({ n: 1n, d: 1n }, times(exact(pct), { n: -1n, d: 100n }));

/** n / d rounded once to an integer, half away from zero (132.475 → 132.48 in cents: 13247.5 → 13248). */
function roundRatio({ n, d }: Ratio): number {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return q === 0n ? 0 : Number(negative ? -q : q);
}

/** The yearly amount of one item, exact: minor × quantity × (intervals in a year) ÷ interval count. */
function yearlyExactMinor(minor: number, quantity: number, interval: BillingInterval, intervalCount = 1): Ratio {
  return times(exact(minor), times(exact(quantity), { n: PER_YEAR[interval], d: BigInt(intervalCount) }));
}

const text = () => v.string('invalid');
const id = () => v.pipe(v.string('required'), v.minLength(1, 'required'));

/** Schemes a call-to-action link may use; anything else (javascript:, data:) is refused. */
const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/**
 * True when `href` is a link a pricing table may render: relative (`/signup`, `#contact`,
 * `?plan=good`) or http(s), mailto, tel. Refuses `javascript:` and `data:` however they are
 * disguised (the URL parser ignores tabs, newlines and leading control characters, so do we).
 */
export function isSafeHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (!scheme) return true;
  return SAFE_SCHEMES.includes((scheme[1] ?? '').toLowerCase());
}

/** A design's schema (catalogue, tiers, settings), built on first use (`lazySchema`). */
const designSchema = lazySchema(() => {
  const productSchema = v.object({
    id: id(),
    name: text(),
    wholesale: amount(),
    retail: amount(),
    interval: v.picklist(BILLING_INTERVALS as BillingInterval[], 'invalid'),
    intervalCount: v.optional(integerIn(1, 1000)),
    setupFee: v.nullish(amount()),
    category: v.optional(text()),
    description: v.optional(text()),
    unit: v.optional(text()),
  });

  const tierSchema = v.object({
    id: id(),
    name: text(),
    items: v.array(v.object({ productId: id(), quantity: amount(MAX_QUANTITY) }), 'invalid'),
    discountPct: v.nullish(percent()),
    price: v.nullish(amount()),
    outcomes: v.optional(v.array(text(), 'invalid')),
    highlighted: v.optional(v.boolean('invalid')),
    cta: v.optional(
      v.object(
        {
          label: text(),
          href: v.optional(v.pipe(text(), v.check(isSafeHref, 'invalid'))),
        },
        'invalid',
      ),
    ),
  });
  return v.object(
    {
      currency: v.pipe(
        v.string('required'),
        v.check((c: string) => isIsoCurrency(c), 'outOfRange'),
      ),
      catalog: v.array(productSchema, 'invalid'),
      tiers: v.array(tierSchema, 'invalid'),
      targetMarginPct: v.nullish(percent()),
      annualDiscountPct: v.nullish(percent()),
      mix: v.optional(v.record(v.string(), count(), 'invalid')),
      wholeUnitPrices: v.optional(v.boolean('invalid')),
      listIncludes: v.optional(v.boolean('invalid')),
    },
    'invalid',
  );
});

const CODES = new Set<string>(['required', 'notANumber', 'negative', 'outOfRange', 'notInteger', 'tooLarge', 'invalid']);

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Every invalid field of `design`, `[]` when it can be computed. Checks types and ranges (money
 * ≥ 0 with no more decimals than the currency has, percents 0–100, intervals from
 * `BILLING_INTERVALS`, whole clients in `mix`, safe CTA links),
 * tier items naming a product of the catalog (`unknownProduct`) and tier ids used once
 * (`duplicate`). Empty names, duplicate products and prices out of order are not field errors but
 * `issues` of the result: the design still computes.
 */
export function validatePackageDesign(design: unknown): PackageFieldIssue[] {
  const result = v.safeParse(designSchema(), design, { abortPipeEarly: true });
  const issues: PackageFieldIssue[] = [];
  const seen = new Set<string>();
  const add = (field: string, code: PackageFieldIssueCode, params?: { min?: number; max?: number }) => {
    if (seen.has(field)) return;
    seen.add(field);
    issues.push(params ? { field, code, params } : { field, code });
  };
  if (!result.success) {
    for (const issue of result.issues) {
      const keys = (issue.path ?? []).map((p) => String(p.key));
      const code =
        issue.input === undefined ? 'required' : CODES.has(issue.message) ? (issue.message as PackageFieldIssueCode) : 'invalid';
      add(keys.join('.'), code, code === 'required' || code === 'invalid' ? undefined : limitsAt(designSchema(), keys));
    }
    return issues;
  }
  const value = result.output;
  const tierIds = new Set<string>();
  const currency = value.currency;
  // Amounts are exact in the currency's minor unit: more decimals are refused, never rounded away.
  const precise = (amount: number | null | undefined, field: string) => {
    if (amount != null && fromMinor(toMinor(amount, currency), currency) !== amount) add(field, 'tooManyDecimals');
  };
  value.catalog.forEach((p, i) => {
    precise(p.wholesale, `catalog.${i}.wholesale`);
    precise(p.retail, `catalog.${i}.retail`);
    precise(p.setupFee, `catalog.${i}.setupFee`);
  });
  value.tiers.forEach((tier, t) => precise(tier.price, `tiers.${t}.price`));
  const limit = tierLimitMinor(currency);
  const tooLarge = { max: fromMinor(limit, currency) };
  // One limit, compared exactly: a tier's monthly list value, cost or price may be `limit` minor
  // units, not one more (a fixed price of 1e10 and a list value of 1e10 are both accepted).
  const yearLimit = 12n * BigInt(limit);
  const over = (year: Ratio) => year.n > yearLimit * year.d;
  const firstIndex = new Map<string, number>();
  value.catalog.forEach((p, i) => {
    if (!firstIndex.has(p.id)) firstIndex.set(p.id, i);
  });
  value.tiers.forEach((tier, t) => {
    if (tierIds.has(tier.id)) add(`tiers.${t}.id`, 'duplicate');
    tierIds.add(tier.id);
    // Amounts too large to compute exactly are refused where the user can act: the fixed price; the
    // product's price when one unit of it is already over (whatever the quantity); else the quantity
    // that takes the tier over, with the largest quantity that would fit.
    if (tier.price != null && toMinor(tier.price, currency) > limit) add(`tiers.${t}.price`, 'tooLarge', tooLarge);
    let list: Ratio = { n: 0n, d: 1n };
    let cost: Ratio = { n: 0n, d: 1n };
    let blamed = false;
    tier.items.forEach((item, i) => {
      const index = firstIndex.get(item.productId);
      const p = index === undefined ? undefined : value.catalog[index];
      if (index === undefined || p === undefined) return add(`tiers.${t}.items.${i}.productId`, 'unknownProduct');
      const count = p.intervalCount ?? 1;
      const retail = toMinor(p.retail, currency);
      const wholesale = toMinor(p.wholesale, currency);
      const nextList = plus(list, yearlyExactMinor(retail, item.quantity, p.interval, count));
      const nextCost = plus(cost, yearlyExactMinor(wholesale, item.quantity, p.interval, count));
      if (!blamed && (over(nextList) || over(nextCost))) {
        blamed = true;
        const field = over(nextList) ? 'retail' : 'wholesale';
        const unitMinor = field === 'retail' ? retail : wholesale;
        if (over(yearlyExactMinor(unitMinor, 1, p.interval, count))) {
          // One unit alone is over: the price is at fault. Its limit, per its own interval.
          const maxMinor = (yearLimit * BigInt(count)) / PER_YEAR[p.interval];
          add(`catalog.${index}.${field}`, 'tooLarge', { max: fromMinor(Number(maxMinor), currency) });
        } else {
          // The largest quantity (to 2 decimals) that keeps both totals within the limit.
          const room = (sum: Ratio, unit: number) => {
            if (unit === 0) return Infinity;
            const perUnit = yearlyExactMinor(unit, 1, p.interval, count);
            // (yearLimit − sum) ÷ perUnit, to 2 decimals rounded down.
            const num = (yearLimit * sum.d - sum.n) * perUnit.d * 100n;
            const den = sum.d * perUnit.n;
            return num <= 0n ? 0 : Number(num / den) / 100;
          };
          const max = Math.min(room(list, retail), room(cost, wholesale), MAX_QUANTITY);
          add(`tiers.${t}.items.${i}.quantity`, 'tooLarge', { max });
        }
      }
      list = nextList;
      cost = nextCost;
    });
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Economics

/** A percent rounded to 2 decimals (half away from zero); never −0 (a cost a cent above the price is 0 %, not −0 %). */
const pct2 = (x: number): number => roundHalfAway(x * 100) / 100 + 0;

interface TierMinor {
  listValue: number;
  cost: number;
  price: number;
  setupFee: number;
  /** 12 × the monthly price, exact (before any rounding): yearly figures are computed from it. */
  yearExact: Ratio;
}

/**
 * Per tier: list value, cost, price, gross profit, margin, effective discount, annual price,
 * largest discount that keeps `targetMarginPct` and setup fees; for the `mix`: MRR, gross profit
 * and blended margin; and the design's `issues`. An empty tier is valid (all zeros, null margin).
 *
 * Worked example (test/unit/packages.test.ts): reputation 50/150 a month, automation 100/300 a
 * month, business app 240/600 a year (setup 200); Better = reputation + automation at 10 % off →
 * V 450, C 150, P 405, margin 62.96 %, max discount 33.33 % (target 50 %), annual 4,131 (15 % off).
 *
 * @throws InvalidInputError when a field is invalid (see `validatePackageDesign`).
 */
export function packageEconomics(design: PackageDesign): PackageEconomics {
  const fieldIssues = validatePackageDesign(design);
  if (fieldIssues.length) throw new InvalidInputError(fieldIssues as { field: string; code: FieldIssueCode }[]);
  const currency = design.currency.toUpperCase();
  const money = (minor: number) => fromMinor(minor, currency);
  const target = design.targetMarginPct ?? null;
  const annualDiscount = design.annualDiscountPct ?? 0;
  const issues: PackageIssue[] = [];
  // Whole units: one minor-unit count per unit of the currency (100 cents; 1 for the yen).
  const whole = design.wholeUnitPrices === true;
  const unit = 10 ** currencyDigits(currency);
  const toWhole = (minor: number) => roundHalfAway(minor / unit) * unit;
  /** An exact yearly amount rounded once, to the minor unit or (whole units) to a whole unit. */
  const yearly = (r: Ratio) => (whole ? roundRatio({ n: r.n, d: r.d * BigInt(unit) }) * unit : roundRatio(r));

  // Products: monthly amounts stay exact until multiplied by a quantity (one rounding per item).
  const products = new Map<string, CatalogProduct>();
  for (const p of design.catalog) {
    const key = p.id;
    if (products.has(key)) issues.push({ code: 'duplicateProduct', productId: key });
    else products.set(key, p);
    if (!p.name.trim()) issues.push({ code: 'emptyName', productId: key });
    if (toMinor(p.retail, currency) < toMinor(p.wholesale, currency)) issues.push({ code: 'belowCost', productId: key });
  }

  const minors: TierMinor[] = design.tiers.map((tier) => {
    let listValue = 0;
    let cost = 0;
    let setupFee = 0;
    // The yearly list value, exact: a product of 1,000 a year is 1,000 a year, not 12 × 83.33, and
    // 175 a day × 0.5 is 31,937.5 a year (the yearly price is computed from it, rounded once).
    let yearListExact: Ratio = { n: 0n, d: 1n };
    const inTier = new Set<string>();
    for (const item of tier.items) {
      const key = item.productId;
      const p = products.get(key)!;
      if (inTier.has(key)) issues.push({ code: 'duplicateProduct', tierId: tier.id, productId: key });
      inTier.add(key);
      const count = p.intervalCount ?? 1;
      listValue += toMonthlyMinor(toMinor(p.retail, currency) * item.quantity, p.interval, count);
      yearListExact = plus(yearListExact, yearlyExactMinor(toMinor(p.retail, currency), item.quantity, p.interval, count));
      cost += toMonthlyMinor(toMinor(p.wholesale, currency) * item.quantity, p.interval, count);
      setupFee += roundHalfAway(toMinor(p.setupFee ?? 0, currency) * item.quantity);
    }
    let price =
      tier.price != null ? toMinor(tier.price, currency) : roundHalfAway((listValue * (100 - (tier.discountPct ?? 0))) / 100);
    if (whole) {
      // What the client is charged, in whole units; the yearly price follows from it.
      price = toWhole(price);
      setupFee = toWhole(setupFee);
    }
    const yearExact =
      tier.price != null || whole ? { n: BigInt(price) * 12n, d: 1n } : times(yearListExact, after(tier.discountPct ?? 0));
    return { listValue, cost, price, setupFee, yearExact };
  });

  // One TierMinor per tier, in order: minors[t] belongs to design.tiers[t] (and to tiers[t] below).
  const tiers = design.tiers.map((tier, t): TierEconomics => {
    const { listValue, cost, price, setupFee, yearExact } = minors[t]!;
    const tierId = tier.id;
    const reasons: TierEconomics['reasons'] = {};
    const annualPrice = yearly(times(yearExact, after(annualDiscount)));
    const yearAtMonthlyPrice = roundRatio(yearExact);

    let marginPct: number | null = null;
    if (price > 0) marginPct = pct2(((price - cost) * 100) / price);
    else reasons.marginPct = 'noPrice';

    let discountPct: number | null = null;
    if (listValue > 0) discountPct = pct2(((listValue - price) * 100) / listValue);
    else reasons.discountPct = 'noListValue';

    // With T = 100 − target: max discount = (T·V − 100·C) ÷ (T·V); target price = 100·C ÷ T.
    let maxDiscountPct: number | null = null;
    let targetPriceMinor: number | null = null;
    if (target === null) {
      reasons.maxDiscountPct = reasons.targetPrice = 'noTarget';
    } else {
      const keep = 100 - target;
      if (keep === 0 && cost > 0) {
        reasons.maxDiscountPct = reasons.targetPrice = 'targetUnreachable';
      } else {
        targetPriceMinor = keep === 0 ? 0 : roundHalfAway((100 * cost) / keep);
        if (listValue === 0) reasons.maxDiscountPct = 'noListValue';
        else if (keep === 0) maxDiscountPct = 100;
        else {
          // Rounded down to 2 decimals, so that the discount shown keeps the target (1e-7 absorbs
          // representation error: an exact 32 must not become 31.99).
          maxDiscountPct = Math.floor((10000 * (keep * listValue - 100 * cost)) / (keep * listValue) + 1e-7) / 100;
        }
      }
    }

    // Judged as shown, margin and target both to 2 decimals: a tier displayed at 50.00 % is not under
    // a 50 % target (an exact 49.99975 % is shown 50.00 %).
    if (price === 0) issues.push({ code: 'zeroPrice', tierId });
    else if (target !== null && marginPct !== null && marginPct < pct2(target)) {
      issues.push({ code: 'belowTargetMargin', tierId });
    }
    if (price > 0 && annualPrice === 0) issues.push({ code: 'freeYearly', tierId });
    if (!tier.name.trim()) issues.push({ code: 'emptyName', tierId });
    return {
      id: tierId,
      // Whole units: the worth bought separately is said in whole units too (the table shows it).
      listValue: money(whole ? toWhole(listValue) : listValue),
      cost: money(cost),
      price: money(price),
      grossProfit: money(price - cost),
      marginPct,
      discountPct,
      annualPrice: money(annualPrice),
      annualSavings: money(yearAtMonthlyPrice - annualPrice),
      annualPricePerMonth: money(whole ? toWhole(annualPrice / 12) : roundHalfAway(annualPrice / 12)),
      maxDiscountPct,
      targetPrice: targetPriceMinor === null ? null : money(targetPriceMinor),
      setupFee: money(setupFee),
      reasons,
    };
  });

  // Order across tiers: each tier against every earlier one.
  let highestPrice = -1;
  const earlierProducts = new Set<string>();
  design.tiers.forEach((tier, t) => {
    const tierId = tier.id;
    const { price } = minors[t]!;
    if (price < highestPrice) issues.push({ code: 'priceOrder', tierId });
    highestPrice = Math.max(highestPrice, price);
    const here = new Set(tier.items.filter((i) => i.quantity > 0).map((i) => i.productId));
    for (const productId of earlierProducts) if (!here.has(productId)) issues.push({ code: 'notSuperset', tierId, productId });
    for (const productId of here) earlierProducts.add(productId);
  });

  let mrr = 0;
  let profit = 0;
  let clients = 0;
  let setupFees = 0;
  const mix = design.mix ?? {};
  const counted = new Set<string>();
  tiers.forEach((tier, t) => {
    // Own keys only: a tier named 'constructor' must not read Object.prototype.
    if (counted.has(tier.id) || !hasOwn(mix, tier.id)) return;
    counted.add(tier.id);
    const n = mix[tier.id] ?? 0;
    const { price, cost, setupFee } = minors[t]!;
    mrr += n * price;
    profit += n * (price - cost);
    setupFees += n * setupFee;
    clients += n;
  });

  return {
    currency,
    tiers,
    mix: {
      mrr: money(mrr),
      grossProfit: money(profit),
      marginPct: mrr > 0 ? pct2((profit * 100) / mrr) : null,
      clients,
      setupFees: money(setupFees),
      reasons: mrr > 0 ? {} : { marginPct: 'noRevenue' },
    },
    issues,
  };
}

/** Price and billing interval of a tier as the pricing table offers it. */
export interface TierOffer {
  tierId: string;
  /** The monthly price, or the annual price when `interval` is 'year'. */
  price: number;
  interval: 'month' | 'year';
  currency: string;
}

/** What a client pays for `tier` billed every `interval` ('year' applies the annual discount). */
export function tierOffer(result: PackageEconomics, tierId: string, interval: 'month' | 'year'): TierOffer | undefined {
  const tier = result.tiers.find((t) => t.id === tierId);
  if (!tier) return undefined;
  return { tierId, price: interval === 'year' ? tier.annualPrice : tier.price, interval, currency: result.currency };
}

// ---------------------------------------------------------------------------------------------
// Starter catalog

/** Numbers of a starter product; names and descriptions are localized by the element, by `id`. */
export type StarterProduct = Omit<CatalogProduct, 'name' | 'description'>;

/**
 * Example numbers (USD, editable, marked as examples in the UI) for an agency's first catalog:
 * reputation management, marketing automation, a business app with executive reports, SEO,
 * social ads management, business listings and a managed website.
 */
export const STARTER_CATALOG: readonly StarterProduct[] = Object.freeze([
  { id: 'reputation', category: 'reputation', wholesale: 50, retail: 150, interval: 'month', unit: 'location' },
  { id: 'automation', category: 'marketing', wholesale: 100, retail: 300, interval: 'month', unit: 'account' },
  { id: 'business-app', category: 'software', wholesale: 240, retail: 600, interval: 'year', setupFee: 200, unit: 'account' },
  { id: 'seo', category: 'marketing', wholesale: 300, retail: 750, interval: 'month', setupFee: 250, unit: 'website' },
  { id: 'social-ads', category: 'advertising', wholesale: 200, retail: 500, interval: 'month', unit: 'account' },
  { id: 'listings', category: 'reputation', wholesale: 20, retail: 60, interval: 'month', unit: 'location' },
  { id: 'website', category: 'web', wholesale: 40, retail: 120, interval: 'month', setupFee: 1500, unit: 'website' },
] satisfies StarterProduct[]);

/** Numbers of a starter tier (good / better / best, the worked example); names localized by id. */
export type StarterTier = Omit<PackageTier, 'name' | 'outcomes' | 'cta'>;

export const STARTER_TIERS: readonly StarterTier[] = Object.freeze([
  { id: 'good', items: [{ productId: 'reputation', quantity: 1 }] },
  {
    id: 'better',
    items: [
      { productId: 'reputation', quantity: 1 },
      { productId: 'automation', quantity: 1 },
    ],
    discountPct: 10,
    highlighted: true,
  },
  {
    id: 'best',
    items: [
      { productId: 'reputation', quantity: 1 },
      { productId: 'automation', quantity: 1 },
      { productId: 'business-app', quantity: 1 },
    ],
    price: 480,
  },
] satisfies StarterTier[]);

/** Target margin, annual discount and what-if mix of the starter design. */
export const STARTER_SETTINGS = Object.freeze({
  currency: 'USD',
  targetMarginPct: 50,
  annualDiscountPct: 15,
  mix: Object.freeze<Record<string, number>>({ good: 10, better: 5, best: 2 }),
});

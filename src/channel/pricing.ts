/**
 * The public pricing record (topic `pricing`): what a pricing table shows, and nothing else. The
 * package designer publishes it; `<mrr-pricing-table>` renders it; "Export for the pricing table"
 * writes it. It never holds a wholesale cost, a margin, a target, a profit or the client mix: the
 * schema declares only what the table shows, and the channel publishes the schema's output.
 */
import * as v from 'valibot';
import { isIsoCurrency } from '../core/currencies.js';
import { currencyDigits, fromMinor, toMinor } from '../core/money.js';
import { isSafeHref, type PackageDesign, type PackageEconomics } from '../core/packages.js';
import { defineTopic } from './channel.js';

export const PRICING_VERSION = 1;

/** One tier as a pricing table shows it. Money in major units of the record's currency. */
export interface PublicTier {
  id: string;
  name: string;
  /** The tier the table puts forward. */
  highlighted: boolean;
  /** What the client gets (the tier's outcome statements), in order. */
  outcomes: string[];
  /**
   * The products and services the tier includes, in catalogue order, with their quantity: present
   * only when the design lists them (`listIncludes`). Names only: never a cost or a retail price.
   */
  includes?: { name: string; quantity: number }[];
  /** The call to action: without `href` the table renders a button that fires `mrr-cta`. */
  cta?: { label: string; href?: string };
  /** Billed monthly: the price a month, what the products are worth a month bought separately, the one-time setup fee. */
  month: { price: number; listValue: number; setupFee: number };
  /** Billed yearly: the price a year, its monthly equivalent, what it saves over 12 monthly payments. */
  year: { price: number; perMonth: number; savings: number };
}

/** The public pricing of a design: its currency, its yearly discount (the toggle says it) and its tiers. */
export interface PublicPricing {
  v: typeof PRICING_VERSION;
  currency: string;
  /** 0–100: what paying a year up front takes off. */
  annualDiscountPct: number;
  tiers: PublicTier[];
}

const money = () => v.pipe(v.number(), v.finite(), v.minValue(0));
const text = () => v.string();

const tierSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: text(),
  highlighted: v.boolean(),
  outcomes: v.array(text()),
  includes: v.optional(v.array(v.object({ name: text(), quantity: v.pipe(v.number(), v.finite(), v.minValue(0)) }))),
  cta: v.optional(
    v.object({
      label: text(),
      href: v.optional(
        v.pipe(
          text(),
          v.check((h: string) => isSafeHref(h)),
        ),
      ),
    }),
  ),
  month: v.object({ price: money(), listValue: money(), setupFee: money() }),
  year: v.object({ price: money(), perMonth: money(), savings: money() }),
});

export const pricingSchema = v.object({
  v: v.literal(PRICING_VERSION),
  currency: v.pipe(
    v.string(),
    v.check((c: string) => isIsoCurrency(c)),
  ),
  annualDiscountPct: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)),
  tiers: v.array(tierSchema),
});

/** The topic: `publish(pricingTopic, storageKey, pricingOf(design, economics))`. */
export const pricingTopic = defineTopic<PublicPricing>('pricing', PRICING_VERSION, pricingSchema);

/** The public pricing of a computed design: per tier only what the table shows. */
export function pricingOf(design: PackageDesign, economics: PackageEconomics): PublicPricing {
  return {
    v: PRICING_VERSION,
    currency: economics.currency,
    annualDiscountPct: design.annualDiscountPct ?? 0,
    // packageEconomics gives one entry per tier of the design, in order.
    tiers: design.tiers.map((tier, i) => {
      const e = economics.tiers[i]!;
      const out: PublicTier = {
        id: tier.id,
        name: tier.name,
        highlighted: !!tier.highlighted,
        outcomes: (tier.outcomes ?? []).filter((o) => o.trim() !== ''),
        month: { price: e.price, listValue: e.listValue, setupFee: e.setupFee },
        year: { price: e.annualPrice, perMonth: e.annualPricePerMonth, savings: e.annualSavings },
      };
      if (tier.cta) out.cta = tier.cta.href ? { label: tier.cta.label, href: tier.cta.href } : { label: tier.cta.label };
      if (design.listIncludes) out.includes = includedIn(design, tier);
      return out;
    }),
  };
}

/** What a tier includes, by product name in catalogue order (quantities above 0; a product named nothing shows its id). */
function includedIn(design: PackageDesign, tier: PackageDesign['tiers'][number]): { name: string; quantity: number }[] {
  const quantity = new Map<string, number>();
  for (const item of tier.items)
    if (item.quantity > 0) quantity.set(item.productId, (quantity.get(item.productId) ?? 0) + item.quantity);
  const seen = new Set<string>();
  const out: { name: string; quantity: number }[] = [];
  for (const p of design.catalog) {
    const q = quantity.get(p.id);
    if (q === undefined || seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ name: p.name.trim() || p.id, quantity: q });
  }
  return out;
}

/**
 * One rounding rule for a whole table: true when a price of the table (any tier's monthly or
 * yearly price) has minor units (cents), so every amount is written with them ($2,142.00 next to
 * $11,566.80, never $2,142 next to it); false when every price is whole, so prices are written
 * without them ($2,142 next to $11,567) and a note's amount shows cents only when it has some
 * ("$178.50 a month, billed yearly").
 */
export function pricingShowsMinor(pricing: PublicPricing): boolean {
  const unit = 10 ** currencyDigits(pricing.currency);
  return pricing.tiers.some((t) => [t.month.price, t.year.price].some((a) => toMinor(a, pricing.currency) % unit !== 0));
}

/** A field of a public pricing record that cannot be shown, by its dotted path. */
export interface PricingIssue {
  field: string;
  code: 'invalid' | 'tooManyDecimals' | 'duplicate';
}

/**
 * Every problem of `data` as a public pricing record: fields of the wrong type or version
 * (`invalid`), amounts with more decimals than the currency has (`tooManyDecimals`: refused, never
 * rounded), tier ids used twice (`duplicate`). `[]` when the table can show it.
 */
export function pricingIssues(data: unknown): PricingIssue[] {
  const parsed = v.safeParse(pricingSchema, data);
  if (!parsed.success) {
    const seen = new Set<string>();
    const issues: PricingIssue[] = [];
    for (const issue of parsed.issues) {
      const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
      if (!seen.has(field)) issues.push({ field, code: 'invalid' });
      seen.add(field);
    }
    return issues;
  }
  const record = parsed.output;
  const issues: PricingIssue[] = [];
  const ids = new Set<string>();
  record.tiers.forEach((tier, t) => {
    if (ids.has(tier.id)) issues.push({ field: `tiers.${t}.id`, code: 'duplicate' });
    ids.add(tier.id);
    for (const [interval, amounts] of [
      ['month', tier.month],
      ['year', tier.year],
    ] as const) {
      for (const [name, amount] of Object.entries(amounts)) {
        if (fromMinor(toMinor(amount, record.currency), record.currency) !== amount) {
          issues.push({ field: `tiers.${t}.${interval}.${name}`, code: 'tooManyDecimals' });
        }
      }
    }
  });
  return issues;
}

/**
 * The yearly saving the billing toggle states, derived from the same rounded amounts the cards show:
 * null when no card shows a saving (the toggle then says "Yearly" alone, whatever the discount);
 * else the discount with as few decimals as say it truly (at least 1, at most 6): never "0 %"
 * while a card saves something, never "100 %" while a card still asks a yearly price (99.999 % is
 * "99.9 %", rounded down; 0.004 % is "0.004 %").
 */
export function yearlySaving(pricing: PublicPricing): { pct: number; digits: number } | null {
  if (!pricing.tiers.some((t) => toMinor(t.year.savings, pricing.currency) > 0)) return null;
  const paid = pricing.tiers.some((t) => toMinor(t.year.price, pricing.currency) > 0);
  const pct = pricing.annualDiscountPct;
  for (let digits = 1; digits <= 6; digits++) {
    const scale = 10 ** digits;
    const rounded = Math.round(pct * scale) / scale;
    if (rounded >= 100 && paid) return { pct: Math.floor(pct * scale) / scale, digits };
    if (rounded > 0) return { pct: rounded, digits };
  }
  // A saving below a millionth of a percent: say the smallest figure shown rather than 0.
  return { pct: 1e-6, digits: 6 };
}

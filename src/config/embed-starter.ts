/**
 * The embed builder's starter plans for `<mrr-pricing-table>`: the designer's starter design (its
 * catalogue, tiers and settings, src/core/packages.ts) reduced to its public pricing (the designer's
 * "Export for the pricing table": names, prices, calls to action; never a wholesale cost), with
 * names in the agency's language. Pasted as the table's child `<script type="application/json">`,
 * it shows three plans on any page; the agency replaces it with its designer's export.
 */
import { pricingOf, type PublicPricing } from '../channel/pricing.js';
import { type PackageDesign, packageEconomics, STARTER_CATALOG, STARTER_SETTINGS, STARTER_TIERS } from '../core/packages.js';

/** Names of the starter tiers by id (`good`, `better`, `best`), and the tiers' call to action. */
export interface StarterWords {
  tiers: Record<string, string>;
  cta: string;
}

/** The starter design with `words`' names (products the tiers use only, named by their id: the table does not show them). */
export function starterDesign(words: StarterWords): PackageDesign {
  const used = new Set(STARTER_TIERS.flatMap((t) => t.items.map((i) => i.productId)));
  return {
    currency: STARTER_SETTINGS.currency,
    targetMarginPct: STARTER_SETTINGS.targetMarginPct,
    annualDiscountPct: STARTER_SETTINGS.annualDiscountPct,
    catalog: STARTER_CATALOG.filter((p) => used.has(p.id)).map((p) => ({ ...p, name: p.id })),
    tiers: STARTER_TIERS.map((t) => ({
      ...t,
      items: t.items.map((i) => ({ ...i })),
      name: words.tiers[t.id] ?? t.id,
      cta: { label: words.cta },
    })),
  };
}

/** The starter design's public pricing: what the builder's snippet gives the pricing table. */
export function starterPricing(words: StarterWords): PublicPricing {
  const design = starterDesign(words);
  return pricingOf(design, packageEconomics(design));
}

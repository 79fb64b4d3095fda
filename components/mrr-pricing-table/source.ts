import { pricingIssues, pricingOf, type PublicPricing } from '../../src/channel/pricing.js';
import { packageEconomics, type PackageDesign, type PackageFieldIssue, validatePackageDesign } from '../../src/core/packages.js';

/** A field the table cannot show, by its dotted path (`catalog.2.retail`, `tiers.0.month.price`). */
export interface ConfigIssue {
  field: string;
  code: PackageFieldIssue['code'] | 'duplicateProduct';
  params?: { min?: number; max?: number };
}

/** What the table can show: public pricing, or why it cannot. */
export type PricingSource =
  | { kind: 'pricing'; pricing: PublicPricing }
  | { kind: 'invalidJson' }
  | { kind: 'invalid'; issues: ConfigIssue[] }
  | { kind: 'loading' }
  | { kind: 'none' };

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Reads a configuration (the `config` property, or parsed JSON): the public pricing record the
 * designer exports and publishes (`{ v: 1, currency, annualDiscountPct, tiers }`), or a whole design
 * (`packageEconomics`' input, with `catalog`), which is computed here and reduced to its public
 * pricing. A design whose catalogue uses a product id twice is refused: its prices would be computed
 * with whichever product came first.
 */
export function readConfig(data: unknown): PricingSource {
  if (data !== null && typeof data === 'object' && own(data, 'catalog')) return readDesign(data);
  const issues = pricingIssues(data);
  return issues.length ? { kind: 'invalid', issues } : { kind: 'pricing', pricing: data as PublicPricing };
}

function readDesign(data: unknown): PricingSource {
  const issues: ConfigIssue[] = validatePackageDesign(data);
  if (issues.length) return { kind: 'invalid', issues };
  const design = data as PackageDesign;
  const seen = new Set<string>();
  design.catalog.forEach((p, i) => {
    if (seen.has(p.id)) issues.push({ field: `catalog.${i}.id`, code: 'duplicateProduct' });
    seen.add(p.id);
  });
  if (issues.length) return { kind: 'invalid', issues };
  try {
    return { kind: 'pricing', pricing: pricingOf(design, packageEconomics(design)) };
  } catch {
    return { kind: 'invalid', issues: [{ field: '', code: 'invalid' }] };
  }
}

/** Parses the text of a `<script type="application/json">`; bad JSON is a state, never a throw. */
export function readJson(text: string): PricingSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'invalidJson' };
  }
  return readConfig(data);
}

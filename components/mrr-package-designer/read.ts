import { type CanvasFit, canvasFit, type ValueCanvas } from '../../src/core/canvas.js';
import {
  type CatalogProduct,
  type PackageDesign,
  type PackageEconomics,
  packageEconomics,
  type PackageTier,
  validatePackageDesign,
} from '../../src/core/packages.js';
import type { FieldErrors, FormContext, FormReading } from '../../src/controllers/form-controller.js';
import { type FieldErrorCode, issueError } from '../../src/ui/fields.js';
import type { DesignerKey } from './messages.js';
import { type DesignerInputs, fid, numberReader, type ProductInput, shown, type TierInput, typedAt } from './state.js';

/** What the designer computes from its inputs: the design (numbers), its economics and each tier's fit. */
export interface DesignerResult {
  /** `packageEconomics`' input plus per tier `outcomes`, `highlighted`, `cta`: what the pricing table takes. */
  design: PackageDesign;
  economics: PackageEconomics;
  /** Tier id → fit of its value proposition canvas. */
  fits: Record<string, CanvasFit>;
}

type T = (key: DesignerKey) => string;

/** A product's words: the starter's in the current language until the user edits them. */
export function productWords(p: ProductInput, t: T): Pick<ProductInput, 'name' | 'category' | 'description' | 'unit'> {
  if (!p.ex) return p;
  const k = (f: string) => `product.${p.ex}.${f}` as DesignerKey;
  return { name: t(k('name')), category: t(k('category')), description: t(k('description')), unit: t(k('unit')) };
}

/** A tier's name: the starter's in the current language until edited. */
export function tierName(tier: TierInput, t: T): string {
  return tier.ex ? t(`tier.${tier.ex}.name` as DesignerKey) : tier.name;
}

/** The catalogue products a tier includes, in catalogue order (a quantity typed and not empty). */
export function includedKeys(tier: TierInput, catalog: ProductInput[]): string[] {
  return catalog.filter((p) => typedAt(tier.quantities, p.key).trim() !== '').map((p) => p.key);
}

/** The canvas of a tier in the core's terms (products by their catalogue id). */
export function tierCanvas(tier: TierInput, idOf: Map<string, string>, t: T): ValueCanvas {
  const ids = (keys: string[]) => keys.map((k) => idOf.get(k)).filter((x): x is string => x !== undefined);
  return {
    jobs: tier.jobs.map((j) => ({ id: j.id, text: shown(j, t) })),
    pains: tier.pains.map((p) => ({ id: p.id, text: shown(p, t), severity: p.severity })),
    gains: tier.gains.map((g) => ({ id: g.id, text: shown(g, t), relevance: g.relevance })),
    relievers: tier.relievers.map((r) => ({ id: r.id, text: shown(r, t), productIds: ids(r.productKeys), painIds: r.answers })),
    creators: tier.creators.map((c) => ({ id: c.id, text: shown(c, t), productIds: ids(c.productKeys), gainIds: c.answers })),
  };
}

/**
 * Reads the typed design in `ctx.locale`: every number parsed (parse errors on their field), the
 * core's validation mapped from its paths (`catalog.2.retail`) to the field ids of this element,
 * then `packageEconomics` and each tier's `canvasFit`. Limits are the core's, never repeated here.
 */
export function readDesign(inputs: DesignerInputs, ctx: FormContext, t: T): FormReading<DesignerResult> {
  const errors: FieldErrors = {};
  const num = numberReader(ctx, errors);
  const idOf = new Map(inputs.catalog.map((p) => [p.key, p.id.trim()]));
  const catalog: CatalogProduct[] = inputs.catalog.map((p) => {
    const words = productWords(p, t);
    const product: CatalogProduct = {
      id: p.id.trim(),
      name: words.name.trim(),
      category: words.category.trim(),
      description: words.description.trim(),
      unit: words.unit.trim(),
      wholesale: num(p.wholesale, fid(p.key, 'wholesale'), true),
      retail: num(p.retail, fid(p.key, 'retail'), true),
      interval: p.interval,
      intervalCount: num(p.intervalCount, fid(p.key, 'intervalCount')),
    };
    if (p.setupFee.trim() !== '') product.setupFee = num(p.setupFee, fid(p.key, 'setupFee'), true);
    return product;
  });
  const itemKeys: string[][] = [];
  const tiers: PackageTier[] = inputs.tiers.map((tier) => {
    const keys = includedKeys(tier, inputs.catalog);
    itemKeys.push(keys);
    const out: PackageTier = {
      id: tier.id,
      name: tierName(tier, t).trim(),
      items: keys.map((k) => ({ productId: idOf.get(k)!, quantity: num(typedAt(tier.quantities, k), fid(tier.id, k)) })),
      outcomes: tier.outcomes.map((o) => shown(o, t).trim()).filter(Boolean),
      highlighted: tier.highlighted,
    };
    // No label typed: the pricing table writes its own, in its own language.
    const label = tier.ctaLabel.trim();
    const href = tier.ctaHref.trim();
    if (label || href) out.cta = href ? { label, href } : { label };
    if (tier.pricing === 'price') out.price = num(tier.price, fid(tier.id, 'price'), true);
    else out.discountPct = num(tier.discountPct, fid(tier.id, 'discountPct'));
    return out;
  });
  const mix = Object.create(null) as Record<string, number>;
  for (const tier of inputs.tiers) {
    const typed = typedAt(inputs.mix, tier.id).trim();
    if (typed !== '') mix[tier.id] = num(typed, fid('mix', tier.id));
  }
  const design: PackageDesign = {
    currency: ctx.currency,
    catalog,
    tiers,
    targetMarginPct: num(inputs.targetMarginPct, 'targetMarginPct'),
    annualDiscountPct: num(inputs.annualDiscountPct, 'annualDiscountPct'),
    mix,
  };
  if (inputs.listIncludes) design.listIncludes = true;
  if (inputs.wholeUnitPrices) design.wholeUnitPrices = true;
  if (Object.keys(errors).length) return { errors };
  for (const issue of validatePackageDesign(design)) {
    const id = fieldOf(issue.field, inputs, itemKeys);
    if (id in errors) continue;
    const params = (issue as { params?: { min?: number; max?: number } }).params;
    errors[id] = params ? issueError({ code: codeOf(issue.code), params }) : { code: codeOf(issue.code) };
  }
  if (Object.keys(errors).length) return { errors };
  const economics = packageEconomics(design);
  const fits = Object.create(null) as Record<string, CanvasFit>;
  inputs.tiers.forEach((tier, i) => {
    fits[tier.id] = canvasFit(tierCanvas(tier, idOf, t), { productIds: tiers[i]?.items.map((it) => it.productId) ?? [] });
  });
  return { result: { design, economics, fits }, errors };
}

/** Codes of the core's validation the shared field messages know; the rest read "invalid". */
function codeOf(code: string): FieldErrorCode {
  return (['required', 'notANumber', 'negative', 'outOfRange', 'notInteger', 'tooLarge', 'tooManyDecimals'] as string[]).includes(
    code,
  )
    ? (code as FieldErrorCode)
    : 'invalid';
}

/** The field id of a core path (`catalog.2.retail` → `<product key>--retail`); `form` when it has none. */
export function fieldOf(path: string, inputs: DesignerInputs, itemKeys: string[][]): string {
  const [head, a, b, c, d] = path.split('.');
  if (head === 'targetMarginPct' || head === 'annualDiscountPct') return head;
  if (head === 'catalog') {
    const p = inputs.catalog[Number(a)];
    return p && b ? fid(p.key, b) : 'form';
  }
  if (head === 'tiers') {
    const tier = inputs.tiers[Number(a)];
    if (!tier) return 'form';
    if (b === 'items' && d === 'quantity') return fid(tier.id, itemKeys[Number(a)]?.[Number(c)] ?? 'items');
    if (b === 'cta') return fid(tier.id, 'ctaHref');
    if (b === 'price' || b === 'discountPct' || b === 'name') return fid(tier.id, b);
    return 'form';
  }
  if (head === 'mix' && a) return fid('mix', a);
  return 'form';
}

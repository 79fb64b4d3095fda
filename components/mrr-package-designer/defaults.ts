import type { GainRelevance, PainSeverity } from '../../src/core/canvas.js';
import { type PackageDesign, STARTER_CATALOG, STARTER_SETTINGS, STARTER_TIERS } from '../../src/core/packages.js';
import { importedRows } from './io.js';
import type { DesignerKey } from './messages.js';
import {
  type AnswerInput,
  type DesignerInputs,
  type GainInput,
  MAX_TIERS,
  newId,
  type PainInput,
  type ProductInput,
  type TextInput,
  type TierInput,
} from './state.js';

type Fmt = (n: number, maximumFractionDigits?: number) => string;

/** Internal key of a starter product. */
export const starterKey = (id: string): string => `p-${id}`;

const ex = (id: string, key: DesignerKey): TextInput => ({ id, text: '', ex: key });
const pain = (id: string, key: DesignerKey, severity: PainSeverity): PainInput => ({ ...ex(id, key), severity });
const gain = (id: string, key: DesignerKey, relevance: GainRelevance): GainInput => ({ ...ex(id, key), relevance });
const answer = (id: string, key: DesignerKey, products: string[], answers: string[]): AnswerInput => ({
  ...ex(id, key),
  productKeys: products.map(starterKey),
  answers,
});

/** The example canvas of each starter tier: each tier answers more of the client's profile. */
function starterCanvas(level: number): Pick<TierInput, 'jobs' | 'pains' | 'gains' | 'relievers' | 'creators' | 'outcomes'> {
  const upTo = <T>(items: T[]) => items.slice(0, level + 1);
  return {
    jobs: upTo([ex('found', 'ex.job.found'), ex('followUp', 'ex.job.followUp'), ex('know', 'ex.job.know')]),
    pains: upTo([
      pain('badReviews', 'ex.pain.badReviews', 'extreme'),
      pain('lostLeads', 'ex.pain.lostLeads', 'extreme'),
      pain('noTime', 'ex.pain.noTime', 'severe'),
    ]),
    gains: upTo([
      gain('stars', 'ex.gain.stars', 'essential'),
      gain('repeat', 'ex.gain.repeat', 'expected'),
      gain('report', 'ex.gain.report', 'essential'),
    ]),
    relievers: upTo([
      answer('replies', 'ex.reliever.replies', ['reputation'], ['badReviews']),
      answer('sequences', 'ex.reliever.sequences', ['automation'], ['lostLeads']),
      answer('dashboard', 'ex.reliever.dashboard', ['business-app'], ['noTime']),
    ]),
    creators: upTo([
      answer('requests', 'ex.creator.requests', ['reputation'], ['stars']),
      answer('campaigns', 'ex.creator.campaigns', ['automation'], ['repeat']),
      answer('report', 'ex.creator.report', ['business-app'], ['report']),
    ]),
    outcomes: upTo([ex('reviews', 'ex.outcome.reviews'), ex('leads', 'ex.outcome.leads'), ex('report', 'ex.outcome.report')]),
  };
}

/** A product row from the starter catalogue: its numbers are the core's examples, its words follow the language. */
export function starterProducts(fmt: Fmt): ProductInput[] {
  return STARTER_CATALOG.map((p) => ({
    key: starterKey(p.id),
    ex: p.id,
    exampleFigures: true,
    id: p.id,
    name: '',
    category: '',
    description: '',
    unit: '',
    wholesale: fmt(p.wholesale),
    retail: fmt(p.retail),
    interval: p.interval,
    intervalCount: fmt(p.intervalCount ?? 1),
    setupFee: p.setupFee ? fmt(p.setupFee) : '',
  }));
}

/** The starter design: the catalogue, good / better / best (the worked example of the core) and a mix. */
export function defaultInputs(fmt: Fmt): DesignerInputs {
  const tiers: TierInput[] = STARTER_TIERS.map((t, level) => ({
    id: t.id,
    name: '',
    ex: t.id,
    quantities: Object.fromEntries(t.items.map((i) => [starterKey(i.productId), fmt(i.quantity)])),
    pricing: t.price != null ? 'price' : 'discount',
    discountPct: fmt(t.discountPct ?? 0),
    price: t.price != null ? fmt(t.price) : '',
    highlighted: !!t.highlighted,
    ctaLabel: '',
    ctaHref: '',
    ...starterCanvas(level),
  }));
  return {
    targetMarginPct: fmt(STARTER_SETTINGS.targetMarginPct),
    annualDiscountPct: fmt(STARTER_SETTINGS.annualDiscountPct),
    catalog: starterProducts(fmt),
    tiers,
    mix: Object.fromEntries(Object.entries(STARTER_SETTINGS.mix).map(([k, n]) => [k, fmt(n)])),
  };
}

/** An empty tier (added by the user). */
export function blankTier(id: string, name: string): TierInput {
  return {
    id,
    name,
    quantities: {},
    pricing: 'discount',
    discountPct: '0',
    price: '',
    highlighted: false,
    ctaLabel: '',
    ctaHref: '',
    outcomes: [],
    jobs: [],
    pains: [],
    gains: [],
    relievers: [],
    creators: [],
  };
}

/** An empty product (added by the user). */
export function blankProduct(key: string, id: string, name: string): ProductInput {
  return {
    key,
    id,
    name,
    category: '',
    description: '',
    unit: '',
    wholesale: '0',
    retail: '0',
    interval: 'month',
    intervalCount: '1',
    setupFee: '',
  };
}

/** A design (e.g. an export) as typed inputs, numbers written by `fmt`; canvases start empty. */
export function inputsFromDesign(design: PackageDesign, format: (n: number) => string): DesignerInputs {
  // A design from code or a file may hold NaN, ∞ or a string: a number that is not finite becomes
  // an empty field (refused in words), a string stays as typed text (read, or refused, like typing).
  const fmt = (n: unknown): string =>
    typeof n === 'number' ? (Number.isFinite(n) ? format(n) : '') : typeof n === 'string' ? n : '';
  const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x.filter((e) => e !== null && typeof e === 'object') : []);
  const catalog = importedRows(list(design.catalog), [], fmt);
  const keyOf = new Map(catalog.map((p) => [p.id, p.key]));
  const tiers: TierInput[] = list(design.tiers)
    .slice(0, MAX_TIERS)
    .map((tier) => ({
      ...blankTier(String(tier.id ?? ''), String(tier.name ?? '')),
      quantities: Object.fromEntries(
        list(tier.items)
          .filter((i) => keyOf.has(i.productId))
          .map((i) => [keyOf.get(i.productId)!, fmt(i.quantity)]),
      ),
      pricing: tier.price != null ? 'price' : 'discount',
      discountPct: fmt(tier.discountPct ?? 0),
      price: tier.price != null ? fmt(tier.price) : '',
      highlighted: !!tier.highlighted,
      ctaLabel: tier.cta?.label ?? '',
      ctaHref: tier.cta?.href ?? '',
      outcomes: (Array.isArray(tier.outcomes) ? tier.outcomes : []).map((text) => ({ id: newId('x'), text: String(text) })),
    }));
  return {
    catalog,
    tiers,
    mix: Object.fromEntries(Object.entries(design.mix ?? {}).map(([k, n]) => [k, fmt(n)])),
    targetMarginPct: fmt(design.targetMarginPct ?? 0),
    annualDiscountPct: fmt(design.annualDiscountPct ?? 0),
    listIncludes: design.listIncludes === true,
    wholeUnitPrices: design.wholeUnitPrices === true,
  };
}

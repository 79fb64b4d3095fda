import type { GainRelevance, PainSeverity } from '../../src/core/canvas.js';
import type { BillingInterval } from '../../src/core/money.js';
import type { FieldErrors, FormContext, FormReading } from '../../src/controllers/form-controller.js';
import { field, type FieldSpecs, isObject, newId, readNumber } from '../../src/forms/fields.js';
import { GAIN_RELEVANCES, PAIN_SEVERITIES } from '../../src/core/canvas.js';
import { BILLING_INTERVALS } from '../../src/core/money.js';
import { forgetRemovals, type ListRules, type Removals, removalsOf, stampList } from '../../src/storage/list-stamp.js';
import type { DesignerKey } from './messages.js';

/** Longest name, label or sentence a user can type (with a visible counter). */
export const MAX_TEXT = 80;
/** Longest product description. */
export const MAX_DESCRIPTION = 280;
/** Tiers a design may have. */
export const MAX_TIERS = 5;

/**
 * A piece of user text. `ex` names the example sentence (a message key) it still shows: until the
 * user edits it, it follows the element's language; the first edit makes it the user's own text.
 */
export interface TextInput {
  id: string;
  text: string;
  ex?: DesignerKey;
}

export interface PainInput extends TextInput {
  severity: PainSeverity;
}

export interface GainInput extends TextInput {
  relevance: GainRelevance;
}

/** A pain reliever or gain creator: which products deliver it, which pains or gains it answers. */
export interface AnswerInput extends TextInput {
  productKeys: string[];
  answers: string[];
}

/** A product as typed. `key` is internal and stable (DOM ids, links from tiers); `id` is the user's. */
export interface ProductInput {
  key: string;
  /** When the user last edited (or added) this product (ms): two tabs merge the catalogue product by product with it. */
  editedAt?: number;
  /** Starter product whose words (name, category, description, unit) follow the language until edited. */
  ex?: string;
  /** True while the numbers are the starter's examples. */
  exampleFigures?: boolean;
  id: string;
  name: string;
  category: string;
  description: string;
  unit: string;
  wholesale: string;
  retail: string;
  interval: BillingInterval;
  intervalCount: string;
  setupFee: string;
}

export interface TierInput {
  id: string;
  /** When the user last edited (or added) this tier (ms): two tabs merge the tiers one by one with it. */
  editedAt?: number;
  name: string;
  /** Starter tier whose name follows the language until edited (`tier.<ex>.name`). */
  ex?: string;
  /** Product key → quantity typed; empty or absent = not included. */
  quantities: Record<string, string>;
  pricing: 'discount' | 'price';
  discountPct: string;
  price: string;
  highlighted: boolean;
  ctaLabel: string;
  ctaHref: string;
  outcomes: TextInput[];
  jobs: TextInput[];
  pains: PainInput[];
  gains: GainInput[];
  relievers: AnswerInput[];
  creators: AnswerInput[];
}

/** Everything the user typed, as text (numbers in the locale they were typed in). */
export interface DesignerInputs {
  targetMarginPct: string;
  annualDiscountPct: string;
  catalog: ProductInput[];
  tiers: TierInput[];
  /** Tier id → clients typed in the what-if. */
  mix: Record<string, string>;
  /** Products and tiers the user removed, and when: another tab that still has them untouched does not bring them back. */
  removed?: RemovedItems;
  /** The pricing table lists the services each tier includes (`PackageDesign.listIncludes`). */
  listIncludes?: boolean;
  /** Prices in whole units of the currency (`PackageDesign.wholeUnitPrices`). */
  wholeUnitPrices?: boolean;
}

/** Products (by `key`) and tiers (by `id`) removed by the user → when (ms). */
export interface RemovedItems {
  catalog?: Record<string, number>;
  tiers?: Record<string, number>;
}

export type ProductNumberField = 'wholesale' | 'retail' | 'intervalCount' | 'setupFee';
export type ProductTextField = 'id' | 'name' | 'category' | 'description' | 'unit';

/**
 * The text typed under `key` of a record (own keys only: a tier or product called `constructor`
 * or `__proto__` reads its own entry, never the object's prototype), or ''.
 */
export function typedAt(record: Record<string, string> | undefined, key: string): string {
  const v = record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/** DOM id of a field (keys and ids are generated: letters, digits and dashes only). */
export const fid = (...parts: string[]): string => parts.join('--');

/** A new internal id with a prefix (`p` products, `t` tiers, `x` canvas entries). */
export { newId };

/** The text a user sees for an entry: the example in the current language, else what they typed. */
export function shown(entry: { text: string; ex?: DesignerKey }, t: (k: DesignerKey) => string): string {
  return entry.ex ? t(entry.ex) : entry.text;
}

/** Reads one number field; records its error under `id`. */
export function numberReader(ctx: FormContext, errors: FieldErrors) {
  return (raw: string, id: string, money = false): number => {
    const r = readNumber(raw, ctx, money ? 'money' : 'amount');
    if ('error' in r) {
      errors[id] = r.error;
      return 0;
    }
    return r.value;
  };
}

export type { FormReading };

/** Longest button link. */
export const MAX_HREF = 500;

const text = (extra: FieldSpecs = {}) => field.list({ text: field.text(MAX_TEXT), ...extra });

/**
 * The inputs, declared once (src/forms/fields.ts): re-formatting on a language switch and the
 * cleaning of restored or code-set inputs come from it. (`clampInputs` adds the tier count.)
 */
export const FIELDS = {
  targetMarginPct: field.percent(),
  annualDiscountPct: field.percent(),
  catalog: field.list(
    {
      id: field.text(MAX_TEXT),
      name: field.text(MAX_TEXT),
      category: field.text(MAX_TEXT),
      description: field.text(MAX_DESCRIPTION),
      unit: field.text(MAX_TEXT),
      wholesale: field.money(),
      retail: field.money(),
      interval: field.choice(BILLING_INTERVALS),
      intervalCount: field.integer(),
      setupFee: field.money(),
    },
    { key: 'key', idPrefix: 'p' },
  ),
  tiers: field.list({
    name: field.text(MAX_TEXT),
    quantities: field.numbers(),
    pricing: field.choice(['discount', 'price']),
    discountPct: field.percent(),
    price: field.money(),
    highlighted: field.flag(),
    ctaLabel: field.text(MAX_TEXT),
    ctaHref: field.text(MAX_HREF),
    outcomes: text(),
    jobs: text(),
    pains: text({ severity: field.choice(PAIN_SEVERITIES) }),
    gains: text({ relevance: field.choice(GAIN_RELEVANCES) }),
    relievers: text(),
    creators: text(),
  }),
  mix: field.numbers(),
  removed: field.record(),
  listIncludes: field.flag(),
  wholeUnitPrices: field.flag(),
} as const satisfies Record<keyof DesignerInputs, unknown>;

/** `text` cut to `max` characters (code points, so a pair is never split). */
export function clampText(text: unknown, max: number): string {
  const s = typeof text === 'string' ? text : '';
  if (s.length <= max) return s;
  return [...s].slice(0, max).join('');
}

/**
 * Inputs within the limits a user can type (a paste or a script past `maxlength`, a restored or
 * given state): texts cut to their limit, at most five tiers. Untouched values keep their identity.
 */
export function clampInputs(inputs: DesignerInputs): DesignerInputs {
  let changed = false;
  const cut = <T extends object>(o: T, limits: Partial<Record<keyof T, number>>): T => {
    let out = o;
    for (const [k, max] of Object.entries(limits) as [keyof T, number][]) {
      const v = o[k];
      if (typeof v === 'string' && v.length > max && [...v].length > max) {
        out = { ...out, [k]: clampText(v, max) };
        changed = true;
      }
    }
    return out;
  };
  const entries = <T extends TextInput>(list: T[]) =>
    list.map((x) => cut(x, { text: MAX_TEXT } as Partial<Record<keyof T, number>>));
  if (inputs.tiers.length > MAX_TIERS) changed = true;
  const next: DesignerInputs = {
    ...inputs,
    catalog: inputs.catalog.map((p) =>
      cut(p, { id: MAX_TEXT, name: MAX_TEXT, category: MAX_TEXT, unit: MAX_TEXT, description: MAX_DESCRIPTION }),
    ),
    tiers: inputs.tiers.slice(0, MAX_TIERS).map((t) => ({
      ...cut(t, { name: MAX_TEXT, ctaLabel: MAX_TEXT, ctaHref: MAX_HREF }),
      outcomes: entries(t.outcomes),
      jobs: entries(t.jobs),
      pains: entries(t.pains),
      gains: entries(t.gains),
      relievers: entries(t.relievers),
      creators: entries(t.creators),
    })),
  };
  return changed ? next : inputs;
}

/* ---------------------------------------------------------------------------------------------
 * Two tabs: the catalogue and the tiers merge item by item (products by `key`, tiers by `id`),
 * with the shared list merge (src/storage/list-merge.ts: edit stamps, removal records, order kept).
 * Removals are saved per list in `removed`. Here what a user edit needs (stamping); merging two
 * tabs' saves is in merge.ts, loaded on demand with the form's other on-demand part.
 * ------------------------------------------------------------------------------------------- */

/** The lists that merge item by item. */
export type ListField = 'catalog' | 'tiers';
export const LIST_FIELDS: readonly ListField[] = ['catalog', 'tiers'];

/** How each list's items are identified (products: `key`; tiers: `id`); undefined for junk. */
export const RULES: Record<ListField, ListRules<unknown>> = {
  catalog: { idOf: (item) => (isObject(item) && typeof item.key === 'string' ? item.key : undefined) },
  tiers: { idOf: (item) => (isObject(item) && typeof item.id === 'string' ? item.id : undefined) },
};

export const removalsIn = (removed: unknown, field: ListField): Removals =>
  removalsOf(isObject(removed) ? removed[field] : undefined);

/**
 * A user edit of the lists, stamped for merging (`stampList`): each product or tier added or
 * changed gets `editedAt`, each one gone is remembered in `removed`. `quiet` lists keep their
 * changed items' stamps (removing a product also drops it from the tiers: that is not an edit of
 * the tiers another tab should lose to).
 */
export function stampEdit(
  before: DesignerInputs,
  patch: Partial<DesignerInputs>,
  now: number,
  quiet: readonly ListField[] = [],
): Partial<DesignerInputs> {
  const out: Partial<DesignerInputs> = { ...patch };
  const removed: RemovedItems = {};
  let removedChanged = false;
  for (const field of LIST_FIELDS) {
    let removals = removalsIn(before.removed, field);
    const next = patch[field] as unknown[] | undefined;
    const prev = before[field] as unknown[];
    if (Array.isArray(next) && Array.isArray(prev)) {
      const stamped = stampList(prev, next, removals, now, { ...RULES[field], quiet: quiet.includes(field) });
      (out as Record<string, unknown>)[field] = stamped.list;
      removals = stamped.removals;
      removedChanged ||= stamped.removalsChanged;
    }
    if (Object.keys(removals).length) removed[field] = removals;
  }
  if (removedChanged) out.removed = removed;
  else delete out.removed;
  return out;
}

/**
 * Inputs given by code (a design, the `inputs` property): the removals of the products and tiers
 * they hold are forgotten (a starter product removed earlier and given again is shown).
 */
export function forgetRemoved(inputs: DesignerInputs): DesignerInputs {
  if (!isObject(inputs.removed)) return inputs;
  const removed: RemovedItems = {};
  for (const field of LIST_FIELDS) {
    const list = inputs[field] as unknown;
    const removals = removalsIn(inputs.removed, field);
    const kept = Array.isArray(list) ? forgetRemovals(removals, list, RULES[field]) : removals;
    if (Object.keys(kept).length) removed[field] = kept;
  }
  return { ...inputs, removed };
}

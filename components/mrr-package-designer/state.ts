import type { GainRelevance, PainSeverity } from '../../src/core/canvas.js';
import type { BillingInterval } from '../../src/core/money.js';
import type { FieldErrors, FormContext, FormReading, Relocalizer } from '../../src/controllers/form-controller.js';
import { readAmount } from '../../src/ui/fields.js';
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

let counter = 0;
/** A new internal id with a prefix (`p` products, `t` tiers, `x` canvas entries). */
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The text a user sees for an entry: the example in the current language, else what they typed. */
export function shown(entry: { text: string; ex?: DesignerKey }, t: (k: DesignerKey) => string): string {
  return entry.ex ? t(entry.ex) : entry.text;
}

/** Re-formats every number text of the inputs into the current locale (language switch). */
export function relocalizeInputs(inputs: DesignerInputs, convert: Relocalizer): DesignerInputs {
  const map = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, convert(v)]));
  return {
    ...inputs,
    catalog: inputs.catalog.map((p) => ({
      ...p,
      wholesale: convert(p.wholesale),
      retail: convert(p.retail),
      intervalCount: convert(p.intervalCount),
      setupFee: convert(p.setupFee),
    })),
    tiers: inputs.tiers.map((t) => ({
      ...t,
      quantities: map(t.quantities),
      discountPct: convert(t.discountPct),
      price: convert(t.price),
    })),
    mix: map(inputs.mix),
  };
}

/** Reads one number field; records its error under `id`. */
export function numberReader(ctx: FormContext, errors: FieldErrors) {
  return (raw: string, id: string, money = false): number => {
    const r = readAmount(raw, ctx.locale, { money, currency: ctx.currency });
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

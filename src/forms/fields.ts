/**
 * An element's inputs, declared once with their types (Lit-free; the form controller and the
 * elements' `state.ts` use it). From the declaration come, for every field, nested lists included:
 * - reading the typed text (`parseInputs`): one number reader for every number field;
 * - re-writing numbers in another locale on a language switch (`relocalizeInputs`);
 * - cleaning inputs restored from storage or set by code (`cleanInputs`): wrong types replaced by
 *   the default, choices outside their options reset, texts cut to their limit, list items that
 *   are not records dropped;
 * - the input id of a field (`inputId`) and of a core issue's path (`inputIdOfPath`), and the
 *   field error of a core issue (`issueError`).
 *
 * Inputs are kept as the user typed them (text), so a reload shows exactly that and invalid text
 * survives until fixed.
 */
import { formatNumber, MAX_AMOUNT, parseAmount, parseMoney, type ParseErrorCode, type ParseResult } from '../core/money.js';
import type { FieldIssueCode } from '../core/validation.js';

export type FieldErrorCode = ParseErrorCode | FieldIssueCode;

export interface FieldError {
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

export type FieldErrors = Record<string, FieldError>;

/** Kinds of number field: money has the currency's decimals, an integer none. */
export type NumberKind = 'money' | 'amount' | 'integer' | 'percent';

export type FieldSpec =
  | { readonly kind: NumberKind; readonly optional?: boolean }
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | { readonly kind: 'date' }
  | {
      readonly kind: 'list';
      /** The fields of each item (each item also has a string `id`). */
      readonly item: FieldSpecs;
      /** Written before an item's id in input ids (`p-` → `p-seo--price`). */
      readonly idPrefix?: string;
      /** A new item's fields, for the fields a restored item lacks. */
      readonly blank?: () => Record<string, unknown>;
      /** Items have a string `id` (default); false: items are known by their place (`plan-2-price`). */
      readonly keyed?: boolean;
      /** The item's identity field when it is not `id` (a product's `id` is the user's text, `key` its identity). */
      readonly key?: string;
    }
  /** Number texts by key (a tier's quantity per product): each re-formatted and read as `value`. */
  | { readonly kind: 'numbers'; readonly value: NumberKind }
  /** A yes/no choice (a checkbox). */
  | { readonly kind: 'flag' }
  /** Kept as it is when it is a record (bookkeeping such as removal records), else the default. */
  | { readonly kind: 'record' };

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/** Shorthands for declarations: `{ arpa: field.money(), name: field.text(80) }`. */
export const field = {
  money: (o: { optional?: boolean } = {}): FieldSpec => ({ kind: 'money', ...o }),
  amount: (o: { optional?: boolean } = {}): FieldSpec => ({ kind: 'amount', ...o }),
  integer: (o: { optional?: boolean } = {}): FieldSpec => ({ kind: 'integer', ...o }),
  percent: (o: { optional?: boolean } = {}): FieldSpec => ({ kind: 'percent', ...o }),
  text: (maxLength: number): FieldSpec => ({ kind: 'text', maxLength }),
  choice: (options: readonly string[]): FieldSpec => ({ kind: 'choice', options }),
  date: (): FieldSpec => ({ kind: 'date' }),
  numbers: (value: NumberKind = 'amount'): FieldSpec => ({ kind: 'numbers', value }),
  flag: (): FieldSpec => ({ kind: 'flag' }),
  list: (
    item: FieldSpecs,
    o: { idPrefix?: string; blank?: () => Record<string, unknown>; keyed?: boolean; key?: string } = {},
  ): FieldSpec => ({
    kind: 'list',
    item,
    ...o,
  }),
  record: (): FieldSpec => ({ kind: 'record' }),
} as const;

const NUMBER_KINDS: ReadonlySet<string> = new Set<NumberKind>(['money', 'amount', 'integer', 'percent']);
const isNumberSpec = (s: FieldSpec): s is Extract<FieldSpec, { kind: NumberKind }> => NUMBER_KINDS.has(s.kind);

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a text is read: its locale, and the currency whose decimals money may have. */
export interface ReadContext {
  locale: string;
  currency: string;
}

/**
 * The one number reader: a typed number in `ctx.locale` (`1,500.5` in English, `1 500,5` in
 * French; a group separator not followed by three digits is refused with its two readings). Money
 * refuses more decimals than the currency has, an integer any decimal; past the amount limit it is
 * refused with that limit. Range limits are the core's (its issues become the field's error).
 */
export function readNumber(
  raw: string,
  ctx: ReadContext,
  kind: NumberKind = 'amount',
): { value: number } | { error: FieldError } {
  const r = parseAmount(raw, ctx.locale);
  if (!r.ok) {
    if (r.code === 'tooLarge') return { error: { code: 'tooLarge', params: { max: MAX_AMOUNT } } };
    return { error: parseError(r) };
  }
  if (kind === 'money') {
    const m = parseMoney(raw, ctx.currency, ctx.locale, { allowNegative: true });
    if (!m.ok && m.code === 'tooManyDecimals') return { error: { code: 'tooManyDecimals' } };
  }
  if (kind === 'integer' && !Number.isInteger(r.value)) return { error: { code: 'notInteger' } };
  return { value: r.value === 0 ? 0 : r.value };
}

/**
 * A refused parse as a field error; a refused grouping carries its two readings (`1,50`: 1.50 or
 * 150) as `params`, formatted in the element's language when the message is shown.
 */
function parseError(r: Extract<ParseResult, { ok: false }>): FieldError {
  return r.readings ? { code: r.code, params: { ...r.readings } } : { code: r.code };
}

/** The input id of a field: the ids of the list items it is in, then its name (`s1--m2--hourlyCost`). */
export const inputId = (...parts: string[]): string => parts.join('--');

/** The inputs with every number read: numbers in place of their text (0 when refused, null when optional and empty). */
export type Parsed<I> = {
  [K in keyof I]: I[K] extends string ? number | string | null : I[K] extends readonly (infer T)[] ? Parsed<T>[] : I[K];
};

/**
 * Reads every number field of `inputs` (nested lists too): the values (a number field's text
 * becomes its number, other fields stay as they are) and the errors by input id.
 */
export function parseInputs<I extends object>(
  specs: FieldSpecs,
  inputs: I,
  ctx: ReadContext,
): { values: Parsed<I>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const walk = (specs: FieldSpecs, record: Record<string, unknown>, path: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...record };
    for (const [name, spec] of Object.entries(specs)) {
      const value = record[name];
      if (isNumberSpec(spec)) {
        const text = typeof value === 'string' ? value : '';
        if (spec.optional && text.trim() === '') {
          out[name] = null;
          continue;
        }
        const r = readNumber(text, ctx, spec.kind);
        if ('error' in r) {
          errors[inputId(...path, name)] = r.error;
          out[name] = 0;
        } else out[name] = r.value;
      } else if (spec.kind === 'list' && Array.isArray(value)) {
        out[name] = value.map((item: Record<string, unknown>, i) =>
          walk(spec.item, item, [...path, `${spec.idPrefix ?? ''}${spec.keyed === false ? i : String(item.id)}`]),
        );
      }
    }
    return out;
  };
  return { values: walk(specs, inputs as Record<string, unknown>, []) as Parsed<I>, errors };
}

/** Every number text of `inputs` (nested lists too) passed through `convert`; other fields unchanged. */
export function relocalizeInputs<I extends object>(specs: FieldSpecs, inputs: I, convert: (text: string) => string): I {
  const walk = (specs: FieldSpecs, record: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...record };
    for (const [name, spec] of Object.entries(specs)) {
      const value = record[name];
      if (isNumberSpec(spec) && typeof value === 'string') out[name] = convert(value);
      else if (spec.kind === 'numbers' && isObject(value))
        out[name] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? convert(v) : v]));
      else if (spec.kind === 'list' && Array.isArray(value))
        out[name] = value.map((item) => (isObject(item) ? walk(spec.item, item) : item));
    }
    return out;
  };
  return walk(specs, inputs as Record<string, unknown>) as I;
}

let counter = 0;
/** A fresh id (letters and digits after `prefix`: usable in DOM ids), unique in the page and across tabs. */
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `value` (restored from storage, another tab or code) as the element can show it, field by field
 * against the declaration: numbers given as numbers are written as text by `fmt` (the element's
 * locale); a field of the wrong type takes its default; a choice outside its options takes its
 * default; a text is cut to its limit; in lists, items that are not records are dropped, an item
 * without an id gets one, and missing item fields come from the list's `blank`. Fields not
 * declared are kept. Returns `value` itself when nothing had to change (no needless update).
 */
export function cleanInputs<I extends object>(specs: FieldSpecs, value: unknown, defaults: I, fmt: (n: number) => string): I {
  if (!isObject(value)) return defaults;
  const walk = (
    specs: FieldSpecs,
    record: Record<string, unknown>,
    fallback: Record<string, unknown>,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...record };
    let changed = false;
    const set = (name: string, v: unknown) => {
      if (out[name] === v) return;
      out[name] = v;
      changed = true;
    };
    for (const [name, spec] of Object.entries(specs)) {
      const v = record[name];
      const d = fallback[name];
      switch (spec.kind) {
        case 'text':
          if (typeof v !== 'string') set(name, typeof d === 'string' ? d : '');
          else if (v.length > spec.maxLength) set(name, [...v].slice(0, spec.maxLength).join(''));
          break;
        case 'choice':
          if (!spec.options.includes(v as string)) set(name, spec.options.includes(d as string) ? d : spec.options[0]);
          break;
        case 'record':
          if (v !== undefined && !isObject(v)) set(name, isObject(d) ? d : undefined);
          break;
        case 'flag':
          if (typeof v !== 'boolean') set(name, typeof d === 'boolean' ? d : false);
          break;
        case 'numbers': {
          if (!isObject(v)) {
            set(name, v === undefined && isObject(d) ? d : {});
            break;
          }
          const entries = Object.entries(v);
          if (entries.every(([, x]) => typeof x === 'string')) break;
          const fixed: Record<string, string> = {};
          for (const [k, x] of entries)
            if (typeof x === 'string') fixed[k] = x;
            else if (typeof x === 'number' && Number.isFinite(x)) fixed[k] = fmt(x);
          set(name, fixed);
          break;
        }
        case 'list': {
          if (!Array.isArray(v)) {
            // Missing: as shown now; not a list (a corrupted record): none.
            set(name, v === undefined && Array.isArray(d) ? d : []);
            break;
          }
          const items = v.filter(isObject).map((item) => {
            const blank = spec.blank?.() ?? {};
            if (spec.keyed === false) return walk(spec.item, item, blank);
            const key = spec.key ?? 'id';
            const hasId = typeof item[key] === 'string' && item[key] !== '';
            const id = hasId ? (item[key] as string) : newId(spec.idPrefix ?? 'i');
            const fixed = walk(spec.item, item, { ...blank, [key]: id });
            return hasId ? fixed : { ...fixed, [key]: id };
          });
          if (items.length !== v.length || items.some((item, i) => item !== v[i])) set(name, items);
          break;
        }
        default:
          // number kinds and dates: text as typed
          if (typeof v === 'string') break;
          if (isNumberSpec(spec) && typeof v === 'number' && Number.isFinite(v)) set(name, fmt(v));
          else set(name, typeof d === 'string' ? d : '');
      }
    }
    return changed ? out : record;
  };
  return walk(specs, value, defaults as Record<string, unknown>) as I;
}

/**
 * The input id a core issue's path names (`segments.0.motions.1.minutesPerTouch` →
 * `s1--m2--minutesPerTouch`, list indexes turned into the items' ids), or undefined when the path
 * names no declared field.
 */
export function inputIdOfPath(specs: FieldSpecs, inputs: object, path: string): string | undefined {
  const parts = path.split('.');
  const ids: string[] = [];
  let specsHere: FieldSpecs = specs;
  let record = inputs as Record<string, unknown>;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    const spec = specsHere[name];
    if (!spec) return undefined;
    if (spec.kind !== 'list') return i === parts.length - 1 ? inputId(...ids, name) : undefined;
    const list = record[name];
    const item = Array.isArray(list) ? (list[Number(parts[i + 1])] as unknown) : undefined;
    if (!isObject(item)) return undefined;
    ids.push(`${spec.idPrefix ?? ''}${String(item.id)}`);
    specsHere = spec.item;
    record = item;
    i++;
  }
  return undefined;
}

/** A core issue `{ code, params }` as a field error (limits that are absent are left out). */
export function issueError(issue: { code: FieldErrorCode; params?: { min?: number; max?: number } }): FieldError {
  const params: Record<string, number> = {};
  if (issue.params?.min !== undefined) params.min = issue.params.min;
  if (issue.params?.max !== undefined) params.max = issue.params.max;
  return Object.keys(params).length ? { code: issue.code, params } : { code: issue.code };
}

/** `text` written in `from`, re-written in `to` ("1,500" en → "1 500" fr); text that does not read is kept. */
export function relocalizeNumber(text: string, from: string, to: string): string {
  if (from === to || text.trim() === '') return text;
  const r = parseAmount(text, from);
  if (!r.ok) return text;
  return formatNumber(r.value, to, 10);
}

/**
 * An element's inputs, declared once with their types (Lit-free; the form controller and the
 * elements' `state.ts` use it). From the declaration come, for every field, nested lists included:
 * - reading the typed text (`parseInputs`): one number reader for every number field
 *   (`readNumber`, src/forms/read-number.ts);
 * - the input id of a field (`inputId`) and of a core issue's path (`inputIdOfPath`), and the
 *   field error of a core issue (`issueError`);
 * - what a first render does not need, in src/forms/clean.ts (loaded on demand by the form
 *   controller): re-writing numbers in another locale on a language switch (`relocalizeInputs`),
 *   cleaning inputs restored from storage or set by code (`cleanInputs`).
 *
 * Inputs are kept as the user typed them (text), so a reload shows exactly that and invalid text
 * survives until fixed. Each helper lives in the smallest module that holds it, so an element
 * loads only the ones it uses (`newId`, `isObject`: src/forms/ids.ts).
 */
import type { ParseErrorCode } from '../core/money.js';
import type { FieldIssueCode } from '../core/validation.js';
import { isObject } from './ids.js';
import { readNumber, type ReadContext } from './read-number.js';

export { isObject, newId } from './ids.js';
export { readNumber, type ReadContext };

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

/** A number field's shorthand: `field.money()`, `field.percent({ optional: true })`. */
const number =
  (kind: NumberKind) =>
  (o: { optional?: boolean } = {}): FieldSpec => ({ kind, ...o });

/** Shorthands for declarations: `{ arpa: field.money(), name: field.text(80) }`. */
export const field = {
  money: number('money'),
  amount: number('amount'),
  integer: number('integer'),
  percent: number('percent'),
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
export const isNumberSpec = (s: FieldSpec): s is Extract<FieldSpec, { kind: NumberKind }> => NUMBER_KINDS.has(s.kind);

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

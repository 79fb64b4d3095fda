/**
 * Field validation shared by the core modules. Schemas are valibot schemas whose messages are
 * machine codes (not sentences): the UI turns `{ field, code }` into a localized message.
 */
import * as v from 'valibot';

export type FieldIssueCode =
  | 'required'
  | 'notANumber'
  | 'negative'
  | 'outOfRange'
  | 'notInteger'
  | 'tooLarge'
  /** A total of several fields is over its limit (`related` names the fields, `params.max` the limit). */
  | 'sumTooLarge'
  /** A figure derived from several fields (clients × price) is over its limit. */
  | 'productTooLarge';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `churnPct` or `plans.0.price`. */
  field: string;
  code: FieldIssueCode;
  /** The limits of the rule, so a message can say them ("between 1 and 120"). */
  params?: { min?: number; max?: number };
  /** Other fields of a rule across fields: the UI shows the message on the one the user edited. */
  related?: string[];
}

/** Thrown by core functions given invalid input; `issues` lists every bad field. */
export class InvalidInputError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(`Invalid input: ${issues.map((i) => `${i.field} (${i.code})`).join(', ')}`);
    this.name = 'InvalidInputError';
    this.issues = issues;
  }
}

/**
 * A schema built on its first use, not when its module is evaluated: a page that embeds an element
 * pays for the schemas it uses when it first validates (in a step of its own), not in the script's
 * first task. `schema()` gives the same object every time.
 */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}

/** −0 (which passes `≥ 0`, from `JSON.parse('-0')`) read as 0, so no result carries it. */
const noNegativeZero = v.transform((x: number) => x + 0);

/** A finite number ≥ 0 (and ≤ max, code `tooLarge`); −0 is read as 0. */
export const amount = (max = 1e12) =>
  v.pipe(v.number('notANumber'), v.finite('notANumber'), v.minValue(0, 'negative'), v.maxValue(max, 'tooLarge'), noNegativeZero);

/** A whole number ≥ 0. */
export const count = (max = 1e9) => v.pipe(amount(max), v.integer('notInteger'));

/** A percent 0–100; −0 is read as 0. */
export const percent = () =>
  v.pipe(
    v.number('notANumber'),
    v.finite('notANumber'),
    v.minValue(0, 'outOfRange'),
    v.maxValue(100, 'outOfRange'),
    noNegativeZero,
  );

/** An integer in [min, max]; −0 is read as 0. */
export const integerIn = (min: number, max: number) =>
  v.pipe(
    v.number('notANumber'),
    v.finite('notANumber'),
    v.integer('notInteger'),
    v.minValue(min, 'outOfRange'),
    v.maxValue(max, 'outOfRange'),
    noNegativeZero,
  );

const CODES = new Set<string>(['required', 'notANumber', 'negative', 'outOfRange', 'notInteger', 'tooLarge', 'sumTooLarge']);

/** Runs a valibot schema and maps its issues to `{ field, code }`. */
export function checkFields<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; issues: FieldIssue[] } {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.issues) {
    const keys = (issue.path ?? []).map((p) => String(p.key));
    const field = keys.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const params = limitsAt(schema, keys);
    const code = (
      issue.input === undefined ? 'required' : CODES.has(issue.message) ? issue.message : 'notANumber'
    ) as FieldIssueCode;
    issues.push(params ? { field, code, params } : { field, code });
  }
  return { ok: false, issues };
}

type SchemaNode = {
  type?: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  pipe?: { type?: string; requirement?: unknown }[];
};

/** The min and max a schema sets for the field at `keys` (read from its pipe), so messages can say them. */
export function limitsAt(schema: unknown, keys: string[]): { min?: number; max?: number } | undefined {
  let node = schema as SchemaNode | undefined;
  const unwrap = () => {
    while (node?.wrapped) node = node.wrapped;
    const head: SchemaNode | undefined = node?.pipe?.[0];
    if (head && (head.entries || head.item || head.wrapped)) node = head;
  };
  for (const key of keys) {
    unwrap();
    if (!node) return undefined;
    node = node.entries ? (Object.hasOwn(node.entries, key) ? node.entries[key] : undefined) : node.item;
  }
  unwrap();
  let min: number | undefined;
  let max: number | undefined;
  for (const action of node?.pipe ?? []) {
    if (action.type === 'min_value' && typeof action.requirement === 'number') min = action.requirement;
    if (action.type === 'max_value' && typeof action.requirement === 'number') max = action.requirement;
  }
  return min === undefined && max === undefined ? undefined : { min, max };
}

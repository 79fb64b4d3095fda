/**
 * Field validation shared by the core modules. Schemas are valibot schemas whose messages are
 * machine codes (not sentences): the UI turns `{ field, code }` into a localized message.
 */
import * as v from 'valibot';

export type FieldIssueCode = 'required' | 'notANumber' | 'negative' | 'outOfRange' | 'notInteger' | 'tooLarge';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `churnPct` or `plans.0.price`. */
  field: string;
  code: FieldIssueCode;
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

/** A finite number ≥ 0 (and ≤ max, code `tooLarge`). */
export const amount = (max = 1e12) =>
  v.pipe(v.number('notANumber'), v.finite('notANumber'), v.minValue(0, 'negative'), v.maxValue(max, 'tooLarge'));

/** A whole number ≥ 0. */
export const count = (max = 1e9) => v.pipe(amount(max), v.integer('notInteger'));

/** A percent 0–100. */
export const percent = () =>
  v.pipe(v.number('notANumber'), v.finite('notANumber'), v.minValue(0, 'outOfRange'), v.maxValue(100, 'outOfRange'));

/** An integer in [min, max]. */
export const integerIn = (min: number, max: number) =>
  v.pipe(
    v.number('notANumber'),
    v.finite('notANumber'),
    v.integer('notInteger'),
    v.minValue(min, 'outOfRange'),
    v.maxValue(max, 'outOfRange'),
  );

const CODES = new Set<string>(['required', 'notANumber', 'negative', 'outOfRange', 'notInteger', 'tooLarge']);

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
    const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const code = (
      issue.input === undefined ? 'required' : CODES.has(issue.message) ? issue.message : 'notANumber'
    ) as FieldIssueCode;
    issues.push({ field, code });
  }
  return { ok: false, issues };
}

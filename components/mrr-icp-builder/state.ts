/**
 * What the user typed in `<mrr-icp-builder>`, kept as text (a reload shows exactly that, invalid
 * text survives), and how it is read into the core's ICP shape.
 */
import { type Icp, type IcpCriterion, type IcpRange, ICP_MAX_WEIGHT, validateIcp } from '../../src/core/icp.js';
import { field, type FieldError, newId, readNumber } from '../../src/forms/fields.js';

export type CriterionType = 'category' | 'number' | 'boolean';
export type Bucket = 'ideal' | 'acceptable' | 'disqualify';
export type BooleanMatch = Bucket | 'none';
export const BUCKETS: readonly Bucket[] = ['ideal', 'acceptable', 'disqualify'];
export const BOOLEAN_MATCHES: readonly BooleanMatch[] = ['ideal', 'acceptable', 'none', 'disqualify'];
export const CRITERION_TYPES: readonly CriterionType[] = ['category', 'number', 'boolean'];

/** Longest name (profile name, persona role) and longest list or description. */
export const NAME_MAX = 80;
export const TEXT_MAX = 200;
/** Longest list of category values. */
export const LIST_MAX = 400;

/** Fields an ICP usually has; any other CSV column can be a criterion too (shown as written). */
export const KNOWN_FIELDS = [
  'industry',
  'employees',
  'annualRevenue',
  'location',
  'yearsInBusiness',
  'hasWebsite',
  'reviewCount',
  'rating',
  'socialPresence',
  'runsAds',
  'sellsOnline',
  'toolsUsed',
  'monthlyMarketingBudget',
  'pains',
] as const;

/** The type a known field usually has, for a new criterion on it. */
export const FIELD_TYPES: Record<string, CriterionType> = {
  industry: 'category',
  employees: 'number',
  annualRevenue: 'number',
  location: 'category',
  yearsInBusiness: 'number',
  hasWebsite: 'boolean',
  reviewCount: 'number',
  rating: 'number',
  socialPresence: 'category',
  runsAds: 'boolean',
  sellsOnline: 'boolean',
  toolsUsed: 'category',
  monthlyMarketingBudget: 'number',
  pains: 'category',
};

export interface RangeInput {
  id: string;
  bucket: Bucket;
  /** Inclusive lower bound as typed; empty = no lower limit. */
  min: string;
  /** Exclusive upper bound as typed; empty = no upper limit. */
  max: string;
}

export interface CriterionInput {
  id: string;
  /** When the user last edited this criterion (ms): two tabs merge a profile's criteria one by one with it (merge.ts). */
  editedAt?: number;
  field: string;
  type: CriterionType;
  weight: string;
  /** Categories: comma-separated lists. */
  ideal: string;
  acceptable: string;
  disqualify: string;
  /** Numbers. */
  ranges: RangeInput[];
  /** Booleans: what "yes" and "no" count as. */
  yes: BooleanMatch;
  no: BooleanMatch;
}

export interface IcpInput {
  id: string;
  /** When the user last edited this profile's own fields (name, tiers, coverage; not its criteria), ms. */
  editedAt?: number;
  name: string;
  criteria: CriterionInput[];
  /** Criteria the user removed from this profile (id → when, ms), so that a merge does not bring them back. */
  removedCriteria?: Record<string, number>;
  thresholdA: string;
  thresholdB: string;
  thresholdC: string;
  /** Percent 0–100 (the core's minCoverage is a rate 0–1). */
  minCoveragePct: string;
}

export interface PersonaInput {
  id: string;
  /** When the user last edited this persona (ms). */
  editedAt?: number;
  icpId: string;
  role: string;
  goals: string;
  frustrations: string;
  channels: string;
  objections: string;
}

export interface IcpBuilderInputs {
  icps: IcpInput[];
  activeId: string;
  personas: PersonaInput[];
  /** The example account: field → text as typed (numbers in the locale they were typed in). */
  example: Record<string, string>;
  /** Profiles and personas the user removed (id → when, ms): another tab that still has them untouched does not bring them back. */
  removed?: { icps?: Record<string, number>; personas?: Record<string, number> };
}

/** Input ids, stable across removals: `<icp>--name`, `<criterion>--weight`, `<criterion>--<range>--min`. */
export const fieldId = (...parts: string[]) => parts.join('--');

/** A fresh id for an added profile, criterion, range or persona. */
export { newId };

/**
 * The inputs, declared once (src/forms/fields.ts): re-formatting on a language switch and the
 * cleaning of restored or code-set inputs come from it. The example account's numbers depend on
 * the criteria's types, so the element re-formats those itself (`relocalizeExample`).
 */
export const FIELDS = {
  icps: field.list({
    name: field.text(NAME_MAX),
    criteria: field.list({
      field: field.text(NAME_MAX),
      type: field.choice(CRITERION_TYPES),
      weight: field.amount(),
      ideal: field.text(LIST_MAX),
      acceptable: field.text(LIST_MAX),
      disqualify: field.text(LIST_MAX),
      ranges: field.list({
        bucket: field.choice(BUCKETS),
        min: field.amount({ optional: true }),
        max: field.amount({ optional: true }),
      }),
      yes: field.choice(BOOLEAN_MATCHES),
      no: field.choice(BOOLEAN_MATCHES),
    }),
    removedCriteria: field.record(),
    thresholdA: field.amount(),
    thresholdB: field.amount(),
    thresholdC: field.amount(),
    minCoveragePct: field.percent(),
  }),
  activeId: field.text(NAME_MAX),
  personas: field.list({
    icpId: field.text(NAME_MAX),
    role: field.text(NAME_MAX),
    goals: field.text(TEXT_MAX),
    frustrations: field.text(TEXT_MAX),
    channels: field.text(TEXT_MAX),
    objections: field.text(TEXT_MAX),
  }),
  example: field.record(),
  removed: field.record(),
} as const satisfies Record<keyof IcpBuilderInputs, unknown>;

/** Splits a typed list (`Dental, Legal`; the Arabic comma and semicolons too) into values. */
export function splitList(text: string): string[] {
  return text
    .split(/[,،;؛]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function activeIcp(inputs: IcpBuilderInputs): IcpInput | undefined {
  return inputs.icps.find((i) => i.id === inputs.activeId) ?? inputs.icps[0];
}

/** Fields of the example account: one per distinct criterion field, in criterion order. */
export function exampleFields(icp: IcpInput | undefined): { field: string; type: CriterionType }[] {
  const seen = new Map<string, CriterionType>();
  for (const c of icp?.criteria ?? []) if (c.field.trim() && !seen.has(c.field.trim())) seen.set(c.field.trim(), c.type);
  return [...seen].map(([field, type]) => ({ field, type }));
}

export interface IcpReading {
  icp?: Icp;
  errors: Record<string, FieldError>;
}

/**
 * Reads one typed profile in `locale`: numbers parsed (errors keyed by input id), then the core's
 * checks (`validate`: overlapping ranges, threshold order…) mapped back onto the inputs they name.
 */
export function readIcp(
  input: IcpInput,
  locale: string,
  validate: (icp: Icp) => readonly { field: string; code: string }[],
): IcpReading {
  const errors: Record<string, FieldError> = {};
  // Only reading here: the limits (weight 0–5, tiers 0–100, coverage) live once, in validateIcp.
  const num = (id: string, text: string): number => {
    const r = readNumber(text, { locale, currency: 'USD' });
    if ('error' in r) {
      errors[id] = r.error;
      return 0;
    }
    return r.value;
  };
  const bound = (id: string, text: string): number | null => (text.trim() === '' ? null : num(id, text));
  const criteria: IcpCriterion[] = input.criteria.map((c) => {
    const weight = num(fieldId(c.id, 'weight'), c.weight);
    const base = { id: c.id, field: c.field.trim(), weight };
    if (c.type === 'category') {
      return {
        ...base,
        type: 'category',
        ideal: splitList(c.ideal),
        acceptable: splitList(c.acceptable),
        disqualify: splitList(c.disqualify),
      };
    }
    if (c.type === 'boolean') {
      const of = (b: Bucket) => [...(c.yes === b ? [true] : []), ...(c.no === b ? [false] : [])];
      return { ...base, type: 'boolean', ideal: of('ideal'), acceptable: of('acceptable'), disqualify: of('disqualify') };
    }
    const ranges = (b: Bucket): IcpRange[] =>
      c.ranges
        .filter((r) => r.bucket === b)
        .map((r) => ({ min: bound(fieldId(c.id, r.id, 'min'), r.min), max: bound(fieldId(c.id, r.id, 'max'), r.max) }));
    return {
      ...base,
      type: 'number',
      ideal: ranges('ideal'),
      acceptable: ranges('acceptable'),
      disqualify: ranges('disqualify'),
    };
  });
  const thresholds = {
    A: num(fieldId(input.id, 'thresholdA'), input.thresholdA),
    B: num(fieldId(input.id, 'thresholdB'), input.thresholdB),
    C: num(fieldId(input.id, 'thresholdC'), input.thresholdC),
  };
  const minCoverage = num(fieldId(input.id, 'minCoveragePct'), input.minCoveragePct) / 100;
  if (Object.keys(errors).length) return { errors };
  const icp: Icp = { criteria, thresholds, minCoverage };
  for (const issue of validate(icp)) {
    const id = issueInputId(input, issue.field);
    if (id && !errors[id]) errors[id] = { code: issue.code as FieldError['code'], params: limitsOf(issue.field) };
  }
  return Object.keys(errors).length ? { errors } : { icp, errors };
}

/** The limits an `outOfRange` message says, in the units of the input (coverage as a percent). */
function limitsOf(path: string): { min: number; max: number } {
  return path.endsWith('.weight') ? { min: 0, max: ICP_MAX_WEIGHT } : { min: 0, max: 100 };
}

/**
 * The input a core issue path names: `criteria.2.weight` → `<criterion>--weight`,
 * `criteria.2.acceptable.1` (a number range) → that range's "from" input, `thresholds.B` →
 * `<icp>--thresholdB`, `minCoverage` → `<icp>--minCoveragePct`.
 */
export function issueInputId(input: IcpInput, path: string): string | undefined {
  const parts = path.split('.');
  if (parts[0] === 'thresholds' && parts[1]) return fieldId(input.id, `threshold${parts[1]}`);
  if (parts[0] === 'minCoverage') return fieldId(input.id, 'minCoveragePct');
  if (parts[0] !== 'criteria') return fieldId(input.id, 'name');
  const c = input.criteria[Number(parts[1])];
  if (!c) return undefined;
  const key = parts[2];
  if (key === undefined || key === 'field' || key === 'id') return fieldId(c.id, 'field');
  if (key === 'weight') return fieldId(c.id, 'weight');
  if (key === 'type') return fieldId(c.id, 'type');
  if ((BUCKETS as readonly string[]).includes(key)) {
    if (c.type === 'category') return fieldId(c.id, key);
    if (c.type === 'boolean') return fieldId(c.id, 'yes');
    const inBucket = c.ranges.filter((r) => r.bucket === key);
    const range = inBucket[Number(parts[3] ?? 0)] ?? inBucket[0];
    return range ? fieldId(c.id, range.id, parts[4] === 'max' ? 'max' : 'min') : fieldId(c.id, 'ranges');
  }
  return fieldId(c.id, 'field');
}

/** A typed profile from a core ICP (starter, learned, or given by code); numbers formatted with `fmt`. */
export function icpToInput(
  icp: Icp,
  name: string,
  fmt: (n: number) => string,
  value?: (v: string) => string,
  id = newId('icp'),
): IcpInput {
  return {
    id,
    name,
    criteria: icp.criteria.map((c) => criterionToInput(c, fmt, value)),
    thresholdA: fmt(icp.thresholds?.A ?? 80),
    thresholdB: fmt(icp.thresholds?.B ?? 60),
    thresholdC: fmt(icp.thresholds?.C ?? 40),
    minCoveragePct: fmt(Math.round((icp.minCoverage ?? 0.5) * 1000) / 10),
  };
}

/**
 * A typed criterion from a core one; `value` turns each category value into the text shown (the
 * starter's values are translated).
 */
export function criterionToInput(
  c: IcpCriterion,
  fmt: (n: number) => string,
  value: (v: string) => string = (v) => v,
  id = c.id || newId('c'),
): CriterionInput {
  const base: CriterionInput = {
    id,
    field: c.field,
    type: c.type,
    weight: fmt(c.weight),
    ideal: '',
    acceptable: '',
    disqualify: '',
    ranges: [],
    yes: 'none',
    no: 'none',
  };
  if (c.type === 'category') {
    const list = (b: Bucket) => (c[b] ?? []).map(value).join(', ');
    return { ...base, ideal: list('ideal'), acceptable: list('acceptable'), disqualify: list('disqualify') };
  }
  if (c.type === 'boolean') {
    const has = (b: Bucket, v: boolean) => ([] as boolean[]).concat(c[b] ?? []).includes(v);
    const of = (v: boolean): BooleanMatch => BUCKETS.find((b) => has(b, v)) ?? 'none';
    return { ...base, yes: of(true), no: of(false) };
  }
  const ranges: RangeInput[] = [];
  for (const b of BUCKETS) {
    for (const r of c[b] ?? []) {
      const text = (x: number | null | undefined) => (x === null || x === undefined ? '' : fmt(x));
      ranges.push({ id: newId('r'), bucket: b, min: text(r.min), max: text(r.max) });
    }
  }
  return { ...base, ranges };
}

export function blankCriterion(field: string): CriterionInput {
  const type = FIELD_TYPES[field] ?? 'category';
  return {
    id: newId('c'),
    field,
    type,
    weight: '1',
    ideal: '',
    acceptable: '',
    disqualify: '',
    ranges: type === 'number' ? [{ id: newId('r'), bucket: 'ideal', min: '', max: '' }] : [],
    yes: type === 'boolean' ? 'ideal' : 'none',
    no: 'none',
  };
}

export function blankPersona(icpId: string): PersonaInput {
  return { id: newId('p'), icpId, role: '', goals: '', frustrations: '', channels: '', objections: '' };
}

/** The example account's numbers (the fields of number criteria) re-formatted by `convert`. */
export function relocalizeExample(
  inputs: IcpBuilderInputs,
  convert: (text: string) => string,
  numberFields: Set<string>,
): IcpBuilderInputs {
  const example = Object.fromEntries(
    Object.entries(inputs.example).map(([k, v]) => [k, numberFields.has(k) && typeof v === 'string' ? convert(v) : v]),
  );
  return { ...inputs, example };
}

/**
 * The example account as the core reads it: numbers typed in `locale` become numbers (text that
 * does not read as a number is an error on that input), yes/no stays text, empty means unknown.
 */
export function readExample(
  inputs: IcpBuilderInputs,
  locale: string,
): { account: Record<string, string | number>; errors: Record<string, FieldError> } {
  const account: Record<string, string | number> = {};
  const errors: Record<string, FieldError> = {};
  for (const { field, type } of exampleFields(activeIcp(inputs))) {
    const text = (inputs.example[field] ?? '').trim();
    if (text === '') continue;
    if (type === 'number') {
      const r = readNumber(text, { locale, currency: 'USD' });
      if ('error' in r) errors[fieldId('example', field)] = r.error;
      else account[field] = r.value;
    } else account[field] = text;
  }
  return { account, errors };
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Criteria the inputs can use: a list, ids usable in input ids (`<criterion>--weight`), fields within the input's length. */
const usableCriteria = (criteria: unknown): criteria is IcpCriterion[] =>
  Array.isArray(criteria) &&
  criteria.length > 0 &&
  criteria.every(
    (c) =>
      isRecord(c) &&
      typeof c.id === 'string' &&
      /^[A-Za-z](?:-?[A-Za-z0-9_])*$/.test(c.id) &&
      c.id.length <= 40 &&
      typeof c.field === 'string' &&
      c.field.length <= NAME_MAX,
  );

/**
 * The larger defaults a configuration may give the ICP builder: `profile` (a core `Icp`: `criteria`,
 * optional `name`, `thresholds`, `minCoverage`) and/or `criteria` (core `IcpCriterion[]`, over the
 * profile's). Checked with the core's `validateIcp`; the result replaces the starter profile (same
 * id, so its persona and example account stay with it), named `fallbackName` without a name of
 * its own. Not given while the user's own profiles are kept (edited or saved).
 */
export function icpConfigDefaults(
  given: Record<string, unknown>,
  fmt: (n: number) => string,
  kept: (field: string) => boolean,
  fallbackName: string,
): { inputs: Partial<IcpBuilderInputs>; refused: string[] } {
  const refused = Object.keys(given).filter((k) => k !== 'profile' && k !== 'criteria');
  let icp: Icp | undefined;
  const valid = (x: Icp) => usableCriteria(x.criteria) && validateIcp(x).length === 0;
  if ('profile' in given) {
    const p = given['profile'];
    const name = isRecord(p) ? p['name'] : undefined;
    if (
      isRecord(p) &&
      (name === undefined || (typeof name === 'string' && [...name].length <= NAME_MAX)) &&
      valid(p as unknown as Icp)
    )
      icp = p as unknown as Icp;
    else refused.push('profile');
  }
  if ('criteria' in given) {
    const next = { ...(icp ?? {}), criteria: given['criteria'] } as Icp;
    if (valid(next)) icp = next;
    else refused.push('criteria');
  }
  if (!icp || kept('icps')) return { inputs: {}, refused };
  const name = typeof icp.name === 'string' && icp.name.trim() ? icp.name.trim() : fallbackName;
  const input = icpToInput(structuredClone(icp), name, fmt, undefined, 'starter');
  return { inputs: { icps: [input], activeId: input.id }, refused };
}

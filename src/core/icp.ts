/**
 * Ideal customer profile (ICP): how well an account fits the kind of business that gets the most
 * from the agency, explained criterion by criterion. Fit only (who the account is), never
 * engagement (what it did). Definitions: docs/icp.md.
 *
 * ```ts
 * icpFit(icp, { industry: 'Dental', employees: '7', reviewCount: '30', hasWebsite: 'yes' });
 * // → { score: 77.27, tier: 'B', coverage: 1, reasons: [...], unknown: [], disqualified: null }
 * ```
 *
 * Account values are read as a CSV gives them: numbers from plain numeric text (`1200`, `-3.5`,
 * `1,200.50` with English thousands grouping), booleans from `yes`/`no`/`true`/`false`/`1`/`0` in any
 * case, categories as text compared after trimming and lower-casing. `''`, `null`, `undefined` or a
 * missing field is unknown; a value that cannot be read as the criterion's type is unknown too and
 * flagged (`unreadable`). Pure: no DOM, no storage; never NaN.
 */

export type IcpCriterionType = 'category' | 'number' | 'boolean';

/** A number range: `min` inclusive, `max` exclusive; an absent (or null) bound is open. */
export interface IcpRange {
  min?: number | null;
  max?: number | null;
}

interface CriterionBase {
  /** Unique within the ICP. */
  id: string;
  /** The account field read (a CSV column after mapping), e.g. `employees`. */
  field: string;
  /** Importance 0–5; 0 keeps the criterion but leaves it out of score and coverage. */
  weight: number;
  /** Optional user-facing name; built-in criteria are named by the UI from `id`. */
  label?: string;
}

export interface IcpCategoryCriterion extends CriterionBase {
  type: 'category';
  ideal?: string[];
  acceptable?: string[];
  disqualify?: string[];
}

export interface IcpNumberCriterion extends CriterionBase {
  type: 'number';
  ideal?: IcpRange[];
  acceptable?: IcpRange[];
  disqualify?: IcpRange[];
}

/** Boolean lists may be written as one value (`ideal: true`) or a list (`ideal: [true]`). */
export interface IcpBooleanCriterion extends CriterionBase {
  type: 'boolean';
  ideal?: boolean | boolean[];
  acceptable?: boolean | boolean[];
  disqualify?: boolean | boolean[];
}

export type IcpCriterion = IcpCategoryCriterion | IcpNumberCriterion | IcpBooleanCriterion;

export interface IcpThresholds {
  A: number;
  B: number;
  C: number;
}

export interface Icp {
  id?: string;
  name?: string;
  criteria: IcpCriterion[];
  /** Lowest score of tiers A, B and C (0–100, A > B > C); default 80 / 60 / 40. */
  thresholds?: Partial<IcpThresholds>;
  /** Least coverage (0–1) needed to give a tier; default 0.5. */
  minCoverage?: number;
}

export const ICP_DEFAULT_THRESHOLDS: Readonly<IcpThresholds> = Object.freeze({ A: 80, B: 60, C: 40 });
export const ICP_DEFAULT_MIN_COVERAGE = 0.5;
export const ICP_MAX_WEIGHT = 5;

export type IcpMatch = 'ideal' | 'acceptable' | 'none' | 'disqualify' | 'unknown';
export type IcpTier = 'A' | 'B' | 'C' | 'D';

/** How one criterion judged the account. */
export interface IcpReason {
  /** The criterion's id. */
  criterion: string;
  field: string;
  /** The value as read (number, boolean or trimmed text); null when unknown. */
  value: string | number | boolean | null;
  match: IcpMatch;
  /** weight × (1 ideal, 0.5 acceptable, 0 otherwise); 0 when unknown. */
  points: number;
  /** The criterion's weight when its value is known, 0 when unknown (it does not count). */
  possible: number;
  weight: number;
  /** Set when the account had a value that could not be read as the criterion's type. */
  unreadable?: true;
  /** The raw text of an unreadable value (cut to 200 characters). */
  raw?: string;
}

export interface IcpFit {
  /** 100 × Σ points ÷ Σ possible, 2 decimals; null when no weighted criterion is known. */
  score: number | null;
  /** 'D' when disqualified; null when coverage < minCoverage or score is null; else by thresholds. */
  tier: IcpTier | null;
  /** Σ weights of known criteria ÷ Σ all weights, 0–1 (0 when every weight is 0). */
  coverage: number;
  /** One per criterion, in the ICP's order. */
  reasons: IcpReason[];
  /** Ids of the criteria whose value is unknown (missing, empty or unreadable). */
  unknown: string[];
  /** Ids of the criteria whose value was present but unreadable (also in `unknown`). */
  unreadable: string[];
  /** The first disqualifying criterion (ICP order) and its value; null when none. */
  disqualified: { criterion: string; value: string | number | boolean } | null;
}

// ---------------------------------------------------------------------------------------------
// Reading account values

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** True for the values that mean "unknown": undefined, null, NaN, and text that is only spaces. */
export function isIcpUnknown(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || Number.isNaN(value);
}

/**
 * Reads a number from an account cell: a finite number, or text that is a plain decimal number
 * (`1200`, `-3.5`, `.5`) or uses English thousands grouping (`1,200`, `12,345.6`). Anything else
 * (`1.200,5`, `12k`, `$40`, `1e3`) is `undefined`: unreadable, never guessed.
 */
export function readIcpNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let n: number;
  if (PLAIN_NUMBER.test(text)) n = Number(text);
  else if (GROUPED_NUMBER.test(text)) n = Number(text.replace(/,/g, ''));
  else return undefined;
  return Number.isFinite(n) ? n : undefined;
}

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n']);

/** Reads a boolean: `true`/`false`, the numbers 1/0, or `yes`/`no`/`true`/`false`/`y`/`n`/`1`/`0` in any case. */
export function readIcpBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** The key categories are compared by: trimmed, lower case, Unicode NFC. */
export function icpCategoryKey(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

function readCategory(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** True when `x` lies in `range` (min inclusive, max exclusive, absent bounds open). */
export function inIcpRange(x: number, range: IcpRange): boolean {
  const { min, max } = range;
  return (min === undefined || min === null || x >= min) && (max === undefined || max === null || x < max);
}

// ---------------------------------------------------------------------------------------------
// Compiled ICP: lists normalised once, so scoring many accounts does no repeated work

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

interface Compiled {
  criteria: {
    c: IcpCriterion;
    weight: number;
    match: (value: unknown) => { value: string | number | boolean; match: IcpMatch } | 'unknown' | 'unreadable';
  }[];
  totalWeight: number;
  thresholds: IcpThresholds;
  minCoverage: number;
}

const finiteOr = (x: unknown, fallback: number): number => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
/** Weights that are not finite numbers ≥ 0 count as 0 (validateIcp reports them). */
const weightOf = (c: IcpCriterion): number => Math.max(0, finiteOr(c.weight, 0));

function compileCriterion(c: IcpCriterion): Compiled['criteria'][number]['match'] {
  if (c.type === 'number') {
    const lists: [IcpMatch, IcpRange[]][] = [
      ['disqualify', asList(c.disqualify)],
      ['ideal', asList(c.ideal)],
      ['acceptable', asList(c.acceptable)],
    ];
    return (raw) => {
      if (isIcpUnknown(raw)) return 'unknown';
      const x = readIcpNumber(raw);
      if (x === undefined) return 'unreadable';
      for (const [match, ranges] of lists) if (ranges.some((r) => r && inIcpRange(x, r))) return { value: x, match };
      return { value: x, match: 'none' };
    };
  }
  if (c.type === 'boolean') {
    const lists: [IcpMatch, boolean[]][] = [
      ['disqualify', asList(c.disqualify)],
      ['ideal', asList(c.ideal)],
      ['acceptable', asList(c.acceptable)],
    ];
    return (raw) => {
      if (isIcpUnknown(raw)) return 'unknown';
      const b = readIcpBoolean(raw);
      if (b === undefined) return 'unreadable';
      for (const [match, values] of lists) if (values.includes(b)) return { value: b, match };
      return { value: b, match: 'none' };
    };
  }
  const sets: [IcpMatch, Set<string>][] = [
    ['disqualify', new Set(asList(c.disqualify).map((s) => icpCategoryKey(String(s))))],
    ['ideal', new Set(asList(c.ideal).map((s) => icpCategoryKey(String(s))))],
    ['acceptable', new Set(asList(c.acceptable).map((s) => icpCategoryKey(String(s))))],
  ];
  return (raw) => {
    if (isIcpUnknown(raw)) return 'unknown';
    const text = readCategory(raw);
    if (text === undefined) return 'unreadable';
    const key = icpCategoryKey(text);
    for (const [match, set] of sets) if (set.has(key)) return { value: text, match };
    return { value: text, match: 'none' };
  };
}

function compile(icp: Icp): Compiled {
  const criteria = (icp.criteria ?? []).map((c) => ({ c, weight: weightOf(c), match: compileCriterion(c) }));
  const t = icp.thresholds ?? {};
  return {
    criteria,
    totalWeight: criteria.reduce((sum, x) => sum + x.weight, 0),
    thresholds: {
      A: finiteOr(t.A, ICP_DEFAULT_THRESHOLDS.A),
      B: finiteOr(t.B, ICP_DEFAULT_THRESHOLDS.B),
      C: finiteOr(t.C, ICP_DEFAULT_THRESHOLDS.C),
    },
    minCoverage: finiteOr(icp.minCoverage, ICP_DEFAULT_MIN_COVERAGE),
  };
}

const SCALE: Record<IcpMatch, number> = { ideal: 1, acceptable: 0.5, none: 0, disqualify: 0, unknown: 0 };
const round2 = (x: number): number => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;

/**
 * Fit of `account` to `icp` (issue 10, item 2). Never throws and never returns NaN: weights that
 * are not finite numbers ≥ 0 count as 0, missing thresholds take their defaults. A value matching
 * several lists counts as disqualify first, then ideal, then acceptable (validateIcp reports such
 * overlaps). To score many accounts, {@link icpScorer} prepares the ICP's lists once.
 *
 * Rules: s = 1 ideal, 0.5 acceptable, 0 otherwise; score = 100 × Σ wᵢsᵢ ÷ Σ wᵢ over criteria whose
 * value is known, rounded to 2 decimals, null when that Σ wᵢ is 0 (nothing weighted is known);
 * coverage = Σ known wᵢ ÷ Σ all wᵢ (0 when every weight is 0); tier 'D' when any value
 * disqualifies (even with low coverage), else null when coverage < minCoverage or score is null,
 * else 'A' when score ≥ A, 'B' when ≥ B, 'C' when ≥ C, else 'D'.
 */
export function icpFit(icp: Icp, account: IcpAccount | null | undefined): IcpFit {
  return fitCompiled(compile(icp), account);
}

/** A plain object of field → value, as read from a CSV row (see the module comment). */
export type IcpAccount = Readonly<Record<string, unknown>>;

/**
 * `icpFit` for many accounts: the ICP's lists are normalised once, then each call scores one
 * account. Later changes to `icp` are not seen: make a new scorer.
 */
export function icpScorer(icp: Icp): (account: IcpAccount | null | undefined) => IcpFit {
  const compiled = compile(icp);
  return (account) => fitCompiled(compiled, account);
}

function fitCompiled(compiled: Compiled, account: IcpAccount | null | undefined): IcpFit {
  const acc = account ?? {};
  const reasons: IcpReason[] = [];
  const unknown: string[] = [];
  const unreadable: string[] = [];
  let disqualified: IcpFit['disqualified'] = null;
  let knownWeight = 0;
  let points = 0;
  for (const { c, weight, match } of compiled.criteria) {
    const raw = Object.prototype.hasOwnProperty.call(acc, c.field) ? acc[c.field] : undefined;
    const judged = match(raw);
    if (judged === 'unknown' || judged === 'unreadable') {
      unknown.push(c.id);
      const reason: IcpReason = {
        criterion: c.id,
        field: c.field,
        value: null,
        match: 'unknown',
        points: 0,
        possible: 0,
        weight,
      };
      if (judged === 'unreadable') {
        unreadable.push(c.id);
        reason.unreadable = true;
        reason.raw = String(raw).slice(0, 200);
      }
      reasons.push(reason);
      continue;
    }
    const p = weight * SCALE[judged.match];
    knownWeight += weight;
    points += p;
    if (judged.match === 'disqualify' && !disqualified) disqualified = { criterion: c.id, value: judged.value };
    reasons.push({
      criterion: c.id,
      field: c.field,
      value: judged.value,
      match: judged.match,
      points: p,
      possible: weight,
      weight,
    });
  }
  const score = knownWeight > 0 ? Math.min(100, Math.max(0, round2((100 * points) / knownWeight))) : null;
  const coverage = compiled.totalWeight > 0 ? Math.min(1, knownWeight / compiled.totalWeight) : 0;
  let tier: IcpTier | null;
  if (disqualified) tier = 'D';
  else if (score === null || coverage < compiled.minCoverage) tier = null;
  else {
    const t = compiled.thresholds;
    tier = score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : 'D';
  }
  return { score, tier, coverage, reasons, unknown, unreadable, disqualified };
}

// ---------------------------------------------------------------------------------------------
// Validation

export type IcpIssueCode =
  /** An id or field is missing or blank. */
  | 'required'
  /** Two criteria share an id. */
  | 'duplicate'
  /** A weight outside 0–5, a threshold outside 0–100, minCoverage outside 0–1. */
  | 'outOfRange'
  /** A weight, threshold, bound or minCoverage that is not a finite number. */
  | 'notANumber'
  /** A type other than category, number or boolean. */
  | 'badType'
  /** A list entry of the wrong kind (a range that is not `{ min, max }`, a non-boolean). */
  | 'badValue'
  /** A range with min ≥ max. */
  | 'emptyRange'
  /** A range overlapping another of the same criterion, or a value listed twice. */
  | 'overlap'
  /** Thresholds not in the order A > B > C. */
  | 'thresholdOrder';

export interface IcpIssue {
  /** Dotted path: `criteria.1.weight`, `criteria.0.ideal.1`, `thresholds.B`, `minCoverage`. */
  field: string;
  code: IcpIssueCode;
}

const LISTS = ['ideal', 'acceptable', 'disqualify'] as const;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const openBound = (x: unknown): boolean => x === undefined || x === null;

/**
 * Problems of an ICP, none when it is well formed: blank or duplicate ids, blank fields, weights
 * outside 0–5, unknown types, ranges with min ≥ max (`emptyRange`), ranges of one criterion that
 * overlap or category/boolean values listed twice (`overlap`, on the later entry), thresholds
 * outside 0–100 or not A > B > C (`thresholdOrder` on B or C), minCoverage outside 0–1.
 */
export function validateIcp(icp: Icp): IcpIssue[] {
  const issues: IcpIssue[] = [];
  const ids = new Set<string>();
  (icp?.criteria ?? []).forEach((c, i) => {
    const at = `criteria.${i}`;
    if (typeof c?.id !== 'string' || c.id.trim() === '') issues.push({ field: `${at}.id`, code: 'required' });
    else if (ids.has(c.id)) issues.push({ field: `${at}.id`, code: 'duplicate' });
    else ids.add(c.id);
    if (typeof c?.field !== 'string' || c.field.trim() === '') issues.push({ field: `${at}.field`, code: 'required' });
    if (!isNum(c?.weight)) issues.push({ field: `${at}.weight`, code: 'notANumber' });
    else if (c.weight < 0 || c.weight > ICP_MAX_WEIGHT) issues.push({ field: `${at}.weight`, code: 'outOfRange' });
    if (c?.type === 'number') {
      const seen: { range: IcpRange; lo: number; hi: number }[] = [];
      for (const list of LISTS) {
        asList(c[list]).forEach((r, j) => {
          const path = `${at}.${list}.${j}`;
          if (typeof r !== 'object' || r === null) return issues.push({ field: path, code: 'badValue' });
          if ((!openBound(r.min) && !isNum(r.min)) || (!openBound(r.max) && !isNum(r.max)))
            return issues.push({ field: path, code: 'notANumber' });
          const lo = openBound(r.min) ? -Infinity : (r.min as number);
          const hi = openBound(r.max) ? Infinity : (r.max as number);
          if (lo >= hi) return issues.push({ field: path, code: 'emptyRange' });
          if (seen.some((s) => Math.max(s.lo, lo) < Math.min(s.hi, hi))) issues.push({ field: path, code: 'overlap' });
          seen.push({ range: r, lo, hi });
        });
      }
    } else if (c?.type === 'category') {
      const seen = new Set<string>();
      for (const list of LISTS) {
        asList(c[list]).forEach((value, j) => {
          const path = `${at}.${list}.${j}`;
          if (typeof value !== 'string' || value.trim() === '') return issues.push({ field: path, code: 'badValue' });
          const key = icpCategoryKey(value);
          if (seen.has(key)) issues.push({ field: path, code: 'overlap' });
          seen.add(key);
        });
      }
    } else if (c?.type === 'boolean') {
      const seen = new Set<boolean>();
      for (const list of LISTS) {
        const raw = c[list];
        asList(raw).forEach((value, j) => {
          const path = Array.isArray(raw) ? `${at}.${list}.${j}` : `${at}.${list}`;
          if (typeof value !== 'boolean') return issues.push({ field: path, code: 'badValue' });
          if (seen.has(value)) issues.push({ field: path, code: 'overlap' });
          seen.add(value);
        });
      }
    } else issues.push({ field: `${at}.type`, code: 'badType' });
  });
  const t = icp?.thresholds ?? {};
  const th: Partial<Record<'A' | 'B' | 'C', number>> = {};
  for (const k of ['A', 'B', 'C'] as const) {
    const x = t[k];
    if (x === undefined) th[k] = ICP_DEFAULT_THRESHOLDS[k];
    else if (!isNum(x)) issues.push({ field: `thresholds.${k}`, code: 'notANumber' });
    else if (x < 0 || x > 100) issues.push({ field: `thresholds.${k}`, code: 'outOfRange' });
    else th[k] = x;
  }
  if (th.A !== undefined && th.B !== undefined && th.B >= th.A) issues.push({ field: 'thresholds.B', code: 'thresholdOrder' });
  if (th.B !== undefined && th.C !== undefined && th.C >= th.B) issues.push({ field: 'thresholds.C', code: 'thresholdOrder' });
  const mc = icp?.minCoverage;
  if (mc !== undefined) {
    if (!isNum(mc)) issues.push({ field: 'minCoverage', code: 'notANumber' });
    else if (mc < 0 || mc > 1) issues.push({ field: 'minCoverage', code: 'outOfRange' });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Starter ICP

/**
 * A starting point for an agency serving local businesses (shops, restaurants, clinics, trades).
 * Ids, fields and values are English data (what a CSV holds); the builder element shows localized
 * labels for these criterion ids and values. `monthlyMarketingBudget` and `annualRevenue` are in
 * the agency's currency. Frozen: copy it (`structuredClone(STARTER_ICP)`) before editing.
 */
export const STARTER_ICP: Readonly<Icp> = deepFreeze({
  id: 'local-business',
  name: 'Local businesses',
  thresholds: { ...ICP_DEFAULT_THRESHOLDS },
  minCoverage: ICP_DEFAULT_MIN_COVERAGE,
  criteria: [
    {
      id: 'industry',
      field: 'industry',
      weight: 5,
      type: 'category',
      ideal: ['Dental clinic', 'Medical clinic', 'Physiotherapy', 'Law firm', 'Plumbing', 'Electrician', 'Roofing', 'HVAC'],
      acceptable: ['Restaurant', 'Cafe', 'Retail shop', 'Hair and beauty', 'Fitness studio', 'Auto repair'],
      disqualify: ['Gambling', 'Adult'],
    },
    {
      id: 'monthlyMarketingBudget',
      field: 'monthlyMarketingBudget',
      weight: 4,
      type: 'number',
      ideal: [{ min: 1000 }],
      acceptable: [{ min: 300, max: 1000 }],
      disqualify: [{ max: 100 }],
    },
    {
      id: 'employees',
      field: 'employees',
      weight: 3,
      type: 'number',
      ideal: [{ min: 5, max: 50 }],
      acceptable: [
        { min: 2, max: 5 },
        { min: 50, max: 200 },
      ],
    },
    {
      id: 'annualRevenue',
      field: 'annualRevenue',
      weight: 3,
      type: 'number',
      ideal: [{ min: 250000, max: 5000000 }],
      acceptable: [
        { min: 100000, max: 250000 },
        { min: 5000000, max: 20000000 },
      ],
    },
    {
      id: 'yearsInBusiness',
      field: 'yearsInBusiness',
      weight: 2,
      type: 'number',
      ideal: [{ min: 3 }],
      acceptable: [{ min: 1, max: 3 }],
    },
    {
      id: 'reviewCount',
      field: 'reviewCount',
      weight: 2,
      type: 'number',
      ideal: [{ min: 0, max: 50 }],
      acceptable: [{ min: 50, max: 200 }],
    },
    {
      id: 'rating',
      field: 'rating',
      weight: 1,
      type: 'number',
      ideal: [{ min: 3, max: 4.5 }],
      acceptable: [{ min: 4.5 }],
    },
    { id: 'hasWebsite', field: 'hasWebsite', weight: 2, type: 'boolean', ideal: [true], acceptable: [false] },
    { id: 'runsAds', field: 'runsAds', weight: 2, type: 'boolean', ideal: [true], acceptable: [false] },
    { id: 'sellsOnline', field: 'sellsOnline', weight: 1, type: 'boolean', ideal: [true], acceptable: [false] },
  ],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// Learning from clients lives in its own module; exported with the rest of the ICP API.
export * from './icp-learn.js';

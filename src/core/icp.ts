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
 * case, categories as text compared after trimming, collapsing inner white space and lower-casing
 * ({@link icpCategoryKey}). `''`, `null`, `undefined` or a missing field is unknown; a value that
 * cannot be read as the criterion's type is unknown too and flagged (`unreadable`). Pure: no DOM, no storage; never NaN.
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

const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** True for the values that mean "unknown": undefined, null, NaN, and text that is only spaces. */
export function isIcpUnknown(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || Number.isNaN(value);
}

/** True for space-like characters `String.prototype.trim` removes at the ends (fast check). */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || c > 0x1fff;

/** Plain decimal text (`12`, `-3.5`, `.5`, `5.`), checked by character codes: no regex per cell. */
function isPlainNumber(text: string): boolean {
  const n = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first === 43 || first === 45) i = 1;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/**
 * Reads a number from an account cell: a finite number, or text that is a plain decimal number
 * (`1200`, `-3.5`, `.5`) or uses English thousands grouping (`1,200`, `12,345.6`). Anything else
 * (`1.200,5`, `12k`, `$40`, `1e3`) is `undefined`: unreadable, never guessed.
 */
export function readIcpNumber(value: unknown): number | undefined {
  // `+ 0`: a cell `-0` (or the number −0) is read as 0.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : undefined;
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const text = isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)) ? value.trim() : value;
  let n: number;
  if (isPlainNumber(text)) n = Number(text);
  else if (GROUPED_NUMBER.test(text)) n = Number(text.replace(/,/g, ''));
  else return undefined;
  return Number.isFinite(n) ? n + 0 : undefined;
}

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
/** A web address (`https://…`, `www.…`, `acme-dental.com/contact`): a `website` column read as "has one". */
const WEB_ADDRESS = /^(?:https?:\/\/\S+|www\.\S+|[a-z0-9-]*[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?)$/;
const FALSE_WORDS = new Set(['no', 'false', '0', 'n']);

/** Reads a boolean: `true`/`false`, the numbers 1/0, or `yes`/`no`/`true`/`false`/`y`/`n`/`1`/`0` in any case. */
export function readIcpBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  if (WEB_ADDRESS.test(word)) return true;
  return undefined;
}

/**
 * Column names prospect and client files commonly use for the usual ICP fields, normalised (lower
 * case, words split by single spaces): `website`, `google_reviews`, `reviews`, `employees_count`…
 * A column named like one of these feeds the field when no column bears the field's own name.
 */
export const ICP_FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  industry: ['category', 'categories', 'sector', 'vertical', 'business type', 'type', 'niche', 'main category'],
  employees: [
    'employees count',
    'employee count',
    'number of employees',
    'headcount',
    'staff',
    'staff count',
    'team size',
    'company size',
    'size',
  ],
  annualRevenue: ['revenue', 'annual revenue', 'yearly revenue', 'turnover', 'sales'],
  location: ['city', 'town', 'region', 'state', 'country', 'address', 'area'],
  yearsInBusiness: ['years in business', 'company age', 'years', 'age'],
  hasWebsite: ['website', 'web site', 'site', 'url', 'website url', 'domain', 'web'],
  reviewCount: [
    'reviews',
    'google reviews',
    'reviews count',
    'review count',
    'number of reviews',
    'total reviews',
    'google review count',
    'nb reviews',
  ],
  rating: ['google rating', 'average rating', 'stars', 'rating', 'review rating'],
  runsAds: ['runs ads', 'ads', 'advertising', 'google ads', 'facebook ads'],
  sellsOnline: ['sells online', 'ecommerce', 'e commerce', 'online store', 'shop'],
  monthlyMarketingBudget: ['marketing budget', 'monthly budget', 'budget', 'ad spend', 'monthly ad spend'],
  socialPresence: ['social', 'social media', 'social presence'],
  toolsUsed: ['tools', 'tech stack', 'technologies', 'software'],
});

/**
 * The key categories are compared by: spaces at either end removed, every run of inner white space
 * (spaces, tabs, no-break spaces) read as one space, lower case, Unicode NFC (the same letter typed
 * composed or decomposed is one letter). Accents and punctuation still count: `Café` is not `Cafe`.
 */
export function icpCategoryKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').normalize('NFC').toLowerCase();
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

/** Match codes of the compiled form (index into MATCHES); 5 = unknown because unreadable. */
const UNKNOWN = 0;
const IDEAL = 1;
const ACCEPTABLE = 2;
const NONE = 3;
const DISQUALIFY = 4;
const UNREADABLE = 5;
type MatchCode = typeof UNKNOWN | typeof IDEAL | typeof ACCEPTABLE | typeof NONE | typeof DISQUALIFY | typeof UNREADABLE;
/** Tuples indexed by match code. */
const MATCHES = ['unknown', 'ideal', 'acceptable', 'none', 'disqualify', 'unknown'] as const satisfies readonly IcpMatch[];
const SCALES = [0, 1, 0.5, 0, 0, 0] as const;

/** Reads `raw` and returns its match code; the value read is left in `read.value`. */
type Judge = (raw: unknown) => MatchCode;
const read: { value: string | number | boolean } = { value: '' };

interface Compiled {
  /** `units`: the weight in millionths, an integer (see {@link weightUnits}). */
  criteria: { c: IcpCriterion; weight: number; units: number; judge: Judge }[];
  /** Σ units of every criterion. */
  totalUnits: number;
  thresholds: IcpThresholds;
  minCoverage: number;
}

const finiteOr = (x: unknown, fallback: number): number => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
/** Weights that are not finite numbers ≥ 0 count as 0 (validateIcp reports them). */
const weightOf = (c: IcpCriterion): number => Math.max(0, finiteOr(c.weight, 0));
/**
 * Weights are summed as whole millionths, so that coverage and score are exact: in floating point
 * 0.3 ÷ (0.1 + 0.2 + 0.3) is 0.4999999999999999, and a coverage of exactly one half lost its tier
 * under the default minimum of 0.5. A weight is 0–5 (validateIcp), so sums stay far below 2⁵³.
 */
const weightUnits = (weight: number): number => Math.round(weight * 1e6);

/** Text cells repeat (industries, yes/no): their code and value are remembered, up to this many per criterion. */
const MEMO_LIMIT = 2048;

function memoized(judgeText: (text: string) => MatchCode): Judge {
  const memo = new Map<string, { code: MatchCode; value: string | number | boolean }>();
  return (raw) => {
    if (typeof raw !== 'string') return judgeText(raw as string);
    const hit = memo.get(raw);
    if (hit) {
      read.value = hit.value;
      return hit.code;
    }
    const code = judgeText(raw);
    if (memo.size < MEMO_LIMIT) memo.set(raw, { code, value: read.value });
    return code;
  };
}

function compileCriterion(c: IcpCriterion): Judge {
  if (c.type === 'number') {
    // Flat bounds in precedence order: disqualify, ideal, acceptable.
    const bounds: { lo: number; hi: number; code: MatchCode }[] = [];
    for (const [code, list] of [
      [DISQUALIFY, c.disqualify],
      [IDEAL, c.ideal],
      [ACCEPTABLE, c.acceptable],
    ] as const) {
      for (const r of asList(list)) {
        if (!r || typeof r !== 'object') continue;
        bounds.push({
          lo: r.min === undefined || r.min === null ? -Infinity : r.min,
          hi: r.max === undefined || r.max === null ? Infinity : r.max,
          code,
        });
      }
    }
    return (raw) => {
      if (isIcpUnknown(raw)) return UNKNOWN;
      const x = readIcpNumber(raw);
      if (x === undefined) return UNREADABLE;
      read.value = x;
      for (const { lo, hi, code } of bounds) if (x >= lo && x < hi) return code;
      return NONE;
    };
  }
  // Category and boolean: a map from key to code, filled lowest precedence first so that
  // disqualify wins over ideal, and ideal over acceptable.
  const codes = new Map<string | boolean, MatchCode>();
  for (const [code, list] of [
    [ACCEPTABLE, c.acceptable],
    [IDEAL, c.ideal],
    [DISQUALIFY, c.disqualify],
  ] as const) {
    for (const v of asList<unknown>(list)) codes.set(c.type === 'boolean' ? (v as boolean) : icpCategoryKey(String(v)), code);
  }
  if (c.type === 'boolean') {
    return memoized((raw) => {
      if (isIcpUnknown(raw)) return UNKNOWN;
      const b = readIcpBoolean(raw);
      if (b === undefined) return UNREADABLE;
      read.value = b;
      return codes.get(b) ?? NONE;
    });
  }
  return memoized((raw) => {
    if (isIcpUnknown(raw)) return UNKNOWN;
    const text = readCategory(raw);
    if (text === undefined) return UNREADABLE;
    read.value = text;
    return codes.get(icpCategoryKey(text)) ?? NONE;
  });
}

function compile(icp: Icp): Compiled {
  const criteria = (Array.isArray(icp?.criteria) ? icp.criteria : [])
    .filter((c) => c && typeof c === 'object')
    .map((c) => {
      const weight = weightOf(c);
      return { c, weight, units: weightUnits(weight), judge: compileCriterion(c) };
    });
  const t = icp?.thresholds ?? {};
  return {
    criteria,
    totalUnits: criteria.reduce((sum, x) => sum + x.units, 0),
    thresholds: {
      A: finiteOr(t.A, ICP_DEFAULT_THRESHOLDS.A),
      B: finiteOr(t.B, ICP_DEFAULT_THRESHOLDS.B),
      C: finiteOr(t.C, ICP_DEFAULT_THRESHOLDS.C),
    },
    minCoverage: finiteOr(icp?.minCoverage, ICP_DEFAULT_MIN_COVERAGE),
  };
}

const round2 = (x: number): number => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;

/**
 * Fit of `account` to `icp`. Never throws and never returns NaN: weights that
 * are not finite numbers ≥ 0 count as 0, missing thresholds take their defaults. A value matching
 * several lists counts as disqualify first, then ideal, then acceptable (validateIcp reports such
 * overlaps). To score many accounts, {@link icpScorer} prepares the ICP's lists once.
 *
 * Rules: s = 1 ideal, 0.5 acceptable, 0 otherwise; score = 100 × Σ wᵢsᵢ ÷ Σ wᵢ over criteria whose
 * value is known, rounded to 2 decimals, null when that Σ wᵢ is 0 (nothing weighted is known);
 * coverage = Σ known wᵢ ÷ Σ all wᵢ (0 when every weight is 0), both sums taken exactly (weights
 * counted in millionths, so a coverage of one half is 0.5, never 0.4999…); tier 'D' when any value
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

function tierOf(compiled: Compiled, score: number | null, coverage: number, disqualified: boolean): IcpTier | null {
  if (disqualified) return 'D';
  if (score === null || coverage < compiled.minCoverage) return null;
  const t = compiled.thresholds;
  return score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : 'D';
}

/** Score from half-units of points (ideal 2 × units, acceptable 1 ×) and the known units: exact integers. */
const scoreOf = (halfPoints: number, knownUnits: number): number | null =>
  knownUnits > 0 ? Math.min(100, Math.max(0, round2((50 * halfPoints) / knownUnits))) : null;

/** Coverage from exact integer units: the quotient is the double nearest the true ratio (1/2 is 0.5). */
const coverageOf = (compiled: Compiled, knownUnits: number): number =>
  compiled.totalUnits > 0 ? Math.min(1, knownUnits / compiled.totalUnits) : 0;

/** Points per unit of weight, in halves: ideal 2, acceptable 1, otherwise 0 (indexed by match code). */
const HALF_POINTS = [0, 2, 1, 0, 0, 0] as const;

const valueAt = (acc: IcpAccount, field: string): unknown =>
  Object.prototype.hasOwnProperty.call(acc, field) ? acc[field] : undefined;

function fitCompiled(compiled: Compiled, account: IcpAccount | null | undefined): IcpFit {
  const acc = account ?? {};
  const reasons: IcpReason[] = [];
  const unknown: string[] = [];
  const unreadable: string[] = [];
  let disqualified: IcpFit['disqualified'] = null;
  let knownUnits = 0;
  let halfPoints = 0;
  for (const { c, weight, units, judge } of compiled.criteria) {
    const raw = valueAt(acc, c.field);
    const code = judge(raw);
    if (code === UNKNOWN || code === UNREADABLE) {
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
      if (code === UNREADABLE) {
        unreadable.push(c.id);
        reason.unreadable = true;
        reason.raw = String(raw).slice(0, 200);
      }
      reasons.push(reason);
      continue;
    }
    const p = weight * SCALES[code];
    knownUnits += units;
    halfPoints += units * HALF_POINTS[code];
    if (code === DISQUALIFY && !disqualified) disqualified = { criterion: c.id, value: read.value };
    reasons.push({
      criterion: c.id,
      field: c.field,
      value: read.value,
      match: MATCHES[code],
      points: p,
      possible: weight,
      weight,
    });
  }
  const score = scoreOf(halfPoints, knownUnits);
  const coverage = coverageOf(compiled, knownUnits);
  return {
    score,
    tier: tierOf(compiled, score, coverage, disqualified !== null),
    coverage,
    reasons,
    unknown,
    unreadable,
    disqualified,
  };
}

/** What {@link icpBatchScorer} returns for one account (the same object each call: copy what you keep). */
export interface IcpBatchFit {
  /** As `IcpFit.score`, but −1 when null. */
  score: number;
  tier: IcpTier | null;
  coverage: number;
  /** At least one value was present but unreadable. */
  unreadable: boolean;
}

/** Match of each code written by {@link icpBatchScorer}: 0 unknown, 1 ideal, 2 acceptable, 3 none, 4 disqualify, 5 unknown (unreadable). */
export const ICP_MATCH_CODES: readonly IcpMatch[] = MATCHES;

/**
 * The same verdicts as `icpFit` without building its reason objects, for scoring many rows: each
 * call writes every criterion's match code (see {@link ICP_MATCH_CODES}) into `codes` from
 * `offset` (pass no array to skip them) and returns the score, tier and coverage.
 */
export function icpBatchScorer(
  icp: Icp,
): (account: IcpAccount | null | undefined, codes?: Uint8Array, offset?: number) => IcpBatchFit {
  const compiled = compile(icp);
  const out: IcpBatchFit = { score: -1, tier: null, coverage: 0, unreadable: false };
  const list = compiled.criteria;
  return (account, codes, offset = 0) => {
    const acc = account ?? {};
    let knownUnits = 0;
    let halfPoints = 0;
    let disqualified = false;
    let unreadable = false;
    let at = offset;
    for (const { c, units, judge } of list) {
      const code = judge(valueAt(acc, c.field));
      if (codes) codes[at] = code;
      at += 1;
      if (code === UNKNOWN) continue;
      if (code === UNREADABLE) {
        unreadable = true;
        continue;
      }
      knownUnits += units;
      halfPoints += units * HALF_POINTS[code];
      if (code === DISQUALIFY) disqualified = true;
    }
    const score = scoreOf(halfPoints, knownUnits);
    const coverage = coverageOf(compiled, knownUnits);
    out.score = score ?? -1;
    out.tier = tierOf(compiled, score, coverage, disqualified);
    out.coverage = coverage;
    out.unreadable = unreadable;
    return out;
  };
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

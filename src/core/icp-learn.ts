/**
 * Learning an ICP from the agency's own clients: for each field and value, how
 * many clients have it, what they pay, how often they leave, and how over-represented the value is
 * among the best clients; per field an information value turned into a suggested weight; and a
 * suggested ICP that {@link icpFit} accepts. Definitions: docs/icp.md. Pure, deterministic.
 */
import {
  icpCategoryKey,
  icpScorer,
  inIcpRange,
  isIcpUnknown,
  readIcpBoolean,
  readIcpNumber,
  type Icp,
  type IcpCriterion,
  type IcpCriterionType,
  type IcpRange,
} from './icp.js';
import { fromMinor, toMinor } from './money.js';
import { parseIsoDay } from './dates.js';
import { InvalidInputError } from './validation.js';

/** What makes a client "good": high lifetime revenue (default) or still being a client. */
export type IcpLearnTarget = 'value' | 'retention';

/** A client: its attributes plus `mrr` (monthly, major units), `start` and `end` (ISO dates; empty end = still a client). */
export interface IcpClient {
  [field: string]: unknown;
  mrr: number | string;
  start: string;
  end?: string | null;
}

export interface LearnIcpOptions {
  /** Attribute fields to study; a type forces how values are read (default: inferred). */
  fields: readonly (string | { field: string; type?: IcpCriterionType })[];
  /** ISO date the data is as of: lifetimes run to it, clients ending after it are still active. */
  asOf: string;
  /** Default 'value' (top third by revenue over lifetime); 'retention' = kept vs churned. */
  target?: IcpLearnTarget;
  /** Quantile bins for number fields; default 4. */
  bins?: number;
  /** Least clients a value needs before it is suggested as anything but 'none'; default max(3, 5 % of clients). */
  minClients?: number;
  /**
   * Least clients (read, not skipped) before any weight is suggested; default
   * {@link ICP_LEARN_MIN_CLIENTS} (30). Below it every field gets weight 0 and the suggested ICP no
   * criteria: with a handful of clients the information value is noise (2 clients gave weight 5).
   */
  minSample?: number;
  /** Currency of `mrr` (money is summed in its minor units); default 'USD'. */
  currency?: string;
}

export type IcpSuggestion = 'ideal' | 'acceptable' | 'disqualify' | 'none';

export interface IcpValueStats {
  /** Category text (first spelling met), boolean, or number range (non-overlapping, ends open). */
  value: string | boolean | IcpRange;
  /** Clients with this value. */
  clients: number;
  /** clients ÷ clients with a known value of this field, 0–1. */
  share: number;
  /** High-value (or, for 'retention', kept) clients with this value. */
  highValue: number;
  /** Average MRR, major units (2 decimals of the currency). */
  avgMrr: number;
  /** Clients who left by asOf ÷ clients, 0–1. */
  churnRate: number;
  /** Average revenue over lifetime (MRR × months active up to asOf), major units. */
  avgLifetimeValue: number;
  /** This value's share among high-value clients ÷ its share among all; null when there are none. */
  lift: number | null;
  /** Weight of evidence ln(share of high ÷ share of others), smoothed (+0.5 a cell); a category
   * value with fewer than minClients clients has the woe of all such values pooled. */
  woe: number;
  suggestion: IcpSuggestion;
}

export interface IcpFieldStats {
  field: string;
  type: IcpCriterionType;
  /** Suggested weight 0–5 from the information value. */
  weight: number;
  /** Σ (share of high − share of others) × WoE over the field's values, 4 decimals. */
  informationValue: number;
  /** IV > 0.5: suspiciously strong; check the field is not known only after a client signs. */
  suspicious: boolean;
  /** Clients with no (or an unreadable) value for this field: left out of its statistics. */
  unknownClients: number;
  values: IcpValueStats[];
}

export type IcpClientSkipCode = 'badMrr' | 'badStart' | 'badEnd' | 'endBeforeStart';
export type IcpLearnWarning = 'tooFewClients' | 'noContrast';

export interface LearnedIcp {
  target: IcpLearnTarget;
  /** Sorted by information value, highest first. */
  fields: IcpFieldStats[];
  /** Criteria for the fields with weight > 0, lists from the value suggestions. */
  icp: Icp;
  /** Clients used. */
  clients: number;
  /** The least clients that get weights suggested (the `minSample` applied). */
  minSample: number;
  /** Of which high value (or kept, for 'retention'). */
  highValue: number;
  /** Clients left out, by index in the input, with why. */
  skipped: { index: number; code: IcpClientSkipCode }[];
  /**
   * `tooFewClients` under `minSample` clients (default 30: no weight suggested); `noContrast` when
   * every client or none is high value (ties included: nothing tells good clients apart).
   */
  warnings: IcpLearnWarning[];
}

/**
 * Why the held-back check was not run: `tooFewClients` when the clients left to learn from are fewer
 * than `minSample` (nothing would be learned); `allGood` / `noneGood` when every client, or none, is
 * high value (for example 60 clients with the same revenue over lifetime all tie in the top third:
 * "good" would be picked from a tie); `oneSided` when the held-back part or the part learned from
 * has only good clients or only others.
 */
export type HoldoutSkip = 'tooFewClients' | 'allGood' | 'noneGood' | 'oneSided';

/** Least clients learned from before weights are suggested (see `LearnIcpOptions.minSample`). */
export const ICP_LEARN_MIN_CLIENTS = 30;

export interface HoldoutReport {
  /** Why the check was skipped (then nothing is scored: the counts of A–B are 0, the shares null); null when it ran. */
  notChecked: HoldoutSkip | null;
  /** What was learned from the clients not held back. */
  learned: LearnedIcp;
  /** Clients held back (every `every`-th client, counting from the `every`-th). */
  clients: number;
  highValue: number;
  others: number;
  /** High-value held-back clients the learned ICP puts in tier A or B. */
  highValueInAB: number;
  othersInAB: number;
  /** highValueInAB ÷ highValue, 0–1; null when there are none. */
  highValueShareAB: number | null;
  othersShareAB: number | null;
  /** Held-back clients the ICP could not tier (too little known). */
  untiered: number;
  /**
   * Good held-back clients a random profile would put in A–B: one that puts as many held-back
   * clients there, picked at random (good × all in A–B ÷ held back), 2 decimals; null when not checked.
   */
  chanceInAB: number | null;
  /**
   * `separates` when the profile puts at least one more good client in A–B than chance would and a
   * larger share of good clients than of the others; else `notYet`; null when not checked.
   */
  verdict: 'separates' | 'notYet' | null;
}

/** The held-back result against chance (see `HoldoutReport.chanceInAB` and `verdict`). */
export function againstChance(
  counts: { highValue: number; others: number; highValueInAB: number; othersInAB: number } | null,
): Pick<HoldoutReport, 'chanceInAB' | 'verdict'> {
  if (!counts) return { chanceInAB: null, verdict: null };
  const { highValue, others, highValueInAB, othersInAB } = counts;
  const held = highValue + others;
  const chance = held > 0 ? Math.round(((highValue * (highValueInAB + othersInAB)) / held) * 100) / 100 || 0 : 0;
  const better =
    highValueInAB >= chance + 1 && highValue > 0 && (others === 0 || highValueInAB / highValue > othersInAB / others);
  return { chanceInAB: chance, verdict: better ? 'separates' : 'notYet' };
}

const DAYS_PER_MONTH = 365.2425 / 12;
const SMOOTHING = 0.5;

interface Prepared {
  index: number;
  attrs: IcpClient;
  mrrMinor: number;
  churned: boolean;
  lifetimeMinor: number;
  high: boolean;
}

function utcDays(dayKey: number): number {
  const month = dayKey >> 5;
  return Date.UTC(Math.floor(month / 12), month % 12, dayKey & 31) / 86400000;
}

/** Reads the clients, their lifetimes and their label (high value / kept). */
function prepare(clients: readonly IcpClient[], options: LearnIcpOptions): { rows: Prepared[]; skipped: LearnedIcp['skipped'] } {
  const asOfKey = parseIsoDay(options.asOf);
  if (asOfKey < 0) throw new InvalidInputError([{ field: 'asOf', code: 'required' }]);
  const asOf = utcDays(asOfKey);
  const currency = options.currency ?? 'USD';
  const rows: Prepared[] = [];
  const skipped: LearnedIcp['skipped'] = [];
  clients.forEach((attrs, index) => {
    const mrr = readIcpNumber(attrs?.mrr);
    if (mrr === undefined || mrr < 0) return skipped.push({ index, code: 'badMrr' });
    const startKey = parseIsoDay(typeof attrs.start === 'string' ? attrs.start.trim() : attrs.start);
    if (startKey < 0) return skipped.push({ index, code: 'badStart' });
    let end: number | null = null;
    if (!isIcpUnknown(attrs.end)) {
      const endKey = parseIsoDay(typeof attrs.end === 'string' ? attrs.end.trim() : attrs.end);
      if (endKey < 0) return skipped.push({ index, code: 'badEnd' });
      if (endKey < startKey) return skipped.push({ index, code: 'endBeforeStart' });
      end = utcDays(endKey);
    }
    const start = utcDays(startKey);
    const churned = end !== null && end <= asOf;
    const months = Math.max(0, (Math.min(end ?? asOf, asOf) - start) / DAYS_PER_MONTH);
    const mrrMinor = toMinor(mrr, currency);
    rows.push({ index, attrs, mrrMinor, churned, lifetimeMinor: Math.round(mrrMinor * months), high: false });
  });
  if (options.target === 'retention') for (const r of rows) r.high = !r.churned;
  else if (rows.length > 0) {
    // Top third by lifetime revenue; ties at the cut all count, a client with none never does.
    const sorted = rows.map((r) => r.lifetimeMinor).sort((a, b) => b - a);
    const cut = sorted[Math.ceil(rows.length / 3) - 1] ?? 0;
    for (const r of rows) r.high = r.lifetimeMinor >= cut && r.lifetimeMinor > 0;
  }
  return { rows, skipped };
}

/** The field's type when not given: boolean if every known value is a yes/no word, number if every one is a number. */
function inferType(rows: readonly Prepared[], field: string): IcpCriterionType {
  let allBool = true;
  let allNum = true;
  let any = false;
  for (const r of rows) {
    const v = r.attrs[field];
    if (isIcpUnknown(v)) continue;
    any = true;
    if (allNum && readIcpNumber(v) === undefined) allNum = false;
    if (
      allBool &&
      (readIcpBoolean(v) === undefined || (typeof v === 'string' && /^\s*[01]\s*$/.test(v)) || typeof v === 'number')
    )
      allBool = false;
    if (!allNum && !allBool) break;
  }
  if (!any) return 'category';
  return allBool ? 'boolean' : allNum ? 'number' : 'category';
}

/** Non-overlapping ranges covering every number, cut at the quantiles of `values` rounded to two significant digits (open ends). */
export function quantileRanges(values: readonly number[], bins: number): IcpRange[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const cuts: number[] = [];
  for (let q = 1; q < bins; q++) {
    // Two significant digits: ranges a person reads (280,000 rather than 283,417.5).
    const v = Number((sorted[Math.floor((q * sorted.length) / bins)] ?? 0).toPrecision(2));
    // Every range keeps at least one value: a value below the cut since the previous cut, and one
    // at or above it (rounding can move a cut past the values).
    const prev = cuts.at(-1) ?? -Infinity;
    if (v > prev && sorted.some((x) => x >= prev && x < v) && (sorted.at(-1) ?? -Infinity) >= v) cuts.push(v);
  }
  if (cuts.length === 0) return [{}];
  const ranges: IcpRange[] = [{ max: cuts[0] }];
  for (let i = 1; i < cuts.length; i++) ranges.push({ min: cuts[i - 1], max: cuts[i] });
  ranges.push({ min: cuts[cuts.length - 1] });
  return ranges;
}

/** Suggested weight from an information value: < 0.02 → 0, < 0.1 → 1, < 0.2 → 2, < 0.3 → 3, ≤ 0.5 → 4, else 5. */
export function weightFromInformationValue(iv: number): number {
  if (!(iv >= 0.02)) return 0;
  if (iv < 0.1) return 1;
  if (iv < 0.2) return 2;
  if (iv < 0.3) return 3;
  if (iv <= 0.5) return 4;
  return 5;
}

/** Suggestion for a value from its lift, once it has enough clients: ≥ 1.2 ideal, ≥ 0.8 acceptable, ≤ 0.25 disqualify. */
function suggest(lift: number | null, clients: number, minClients: number, weight: number): IcpSuggestion {
  if (lift === null || weight === 0 || clients < minClients) return 'none';
  if (lift >= 1.2) return 'ideal';
  if (lift >= 0.8) return 'acceptable';
  if (lift <= 0.25) return 'disqualify';
  return 'none';
}

const minSampleOf = (options: LearnIcpOptions): number => {
  const n = options.minSample;
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(1, Math.ceil(n)) : ICP_LEARN_MIN_CLIENTS;
};

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

interface Bucket {
  value: string | boolean | IcpRange;
  rows: Prepared[];
}

function bucketsOf(
  rows: readonly Prepared[],
  field: string,
  type: IcpCriterionType,
  bins: number,
): { buckets: Bucket[]; unknown: number } {
  let unknown = 0;
  if (type === 'number') {
    const known: { r: Prepared; x: number }[] = [];
    for (const r of rows) {
      const x = isIcpUnknown(r.attrs[field]) ? undefined : readIcpNumber(r.attrs[field]);
      if (x === undefined) unknown += 1;
      else known.push({ r, x });
    }
    const buckets = quantileRanges(
      known.map((k) => k.x),
      bins,
    ).map((value): Bucket => ({ value, rows: [] }));
    for (const k of known) buckets.find((b) => inIcpRange(k.x, b.value as IcpRange))!.rows.push(k.r);
    // quantileRanges leaves no range empty; the filter keeps averages defined should that change.
    return { buckets: buckets.filter((b) => b.rows.length > 0), unknown };
  }
  const map = new Map<string | boolean, Bucket>();
  for (const r of rows) {
    const raw = r.attrs[field];
    let key: string | boolean | undefined;
    let value: string | boolean | undefined;
    if (!isIcpUnknown(raw)) {
      if (type === 'boolean') key = value = readIcpBoolean(raw);
      else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
        value = String(raw).trim();
        key = icpCategoryKey(value);
      }
    }
    if (key === undefined || value === undefined) {
      unknown += 1;
      continue;
    }
    let bucket = map.get(key);
    if (!bucket) map.set(key, (bucket = { value, rows: [] }));
    bucket.rows.push(r);
  }
  const buckets = [...map.values()];
  if (type === 'boolean') buckets.sort((a, b) => Number(b.value) - Number(a.value));
  // Categories (text values): most rows first, then by name.
  else
    buckets.sort(
      (a, b) =>
        b.rows.length - a.rows.length ||
        (typeof a.value === 'string' && typeof b.value === 'string' ? a.value.localeCompare(b.value) : 0),
    );
  return { buckets, unknown };
}

function learnPrepared(rows: readonly Prepared[], skipped: LearnedIcp['skipped'], options: LearnIcpOptions): LearnedIcp {
  const target = options.target ?? 'value';
  const bins = Math.max(2, Math.floor(options.bins ?? 4));
  const currency = options.currency ?? 'USD';
  const minClients = options.minClients ?? Math.max(3, Math.ceil(rows.length * 0.05));
  const enough = rows.length >= minSampleOf(options);
  const highTotal = rows.filter((r) => r.high).length;
  const warnings: IcpLearnWarning[] = [];
  if (!enough) warnings.push('tooFewClients');
  if (highTotal === 0 || highTotal === rows.length) warnings.push('noContrast');

  const seenFields = new Set<string>();
  const fields: IcpFieldStats[] = [];
  for (const spec of options.fields) {
    const field = typeof spec === 'string' ? spec : spec.field;
    if (seenFields.has(field)) continue;
    seenFields.add(field);
    const type = (typeof spec === 'string' ? undefined : spec.type) ?? inferType(rows, field);
    const { buckets, unknown } = bucketsOf(rows, field, type, bins);
    const known = rows.length - unknown;
    const highOf = (b: Bucket) => b.rows.reduce((s, r) => s + (r.high ? 1 : 0), 0);
    const g = buckets.reduce((s, b) => s + highOf(b), 0);
    const bad = known - g;
    // Evidence cells: each value, except that category values with fewer than minClients clients
    // share one pooled cell, so that a field of nearly unique values (names, ids) shows no
    // evidence instead of a lot of it.
    const pooled = type === 'category' ? buckets.filter((b) => b.rows.length < minClients) : [];
    const cells = buckets.filter((b) => !pooled.includes(b)).map((b) => ({ high: highOf(b), n: b.rows.length, buckets: [b] }));
    if (pooled.length > 0)
      cells.push({
        high: pooled.reduce((s, b) => s + highOf(b), 0),
        n: pooled.reduce((s, b) => s + b.rows.length, 0),
        buckets: pooled,
      });
    const m = cells.length;
    let iv = 0;
    const woeOf = new Map<Bucket, number>();
    for (const cell of cells) {
      const dg = (cell.high + SMOOTHING) / (g + SMOOTHING * m);
      const db = (cell.n - cell.high + SMOOTHING) / (bad + SMOOTHING * m);
      const woe = Math.log(dg / db);
      if (g > 0 && bad > 0) iv += (dg - db) * woe;
      for (const b of cell.buckets) woeOf.set(b, woe);
    }
    const stats = buckets.map((b): IcpValueStats => {
      const high = highOf(b);
      const woe = woeOf.get(b) ?? 0;
      const mrr = b.rows.reduce((s, r) => s + r.mrrMinor, 0);
      const ltv = b.rows.reduce((s, r) => s + r.lifetimeMinor, 0);
      const n = b.rows.length;
      return {
        value: b.value,
        clients: n,
        share: known > 0 ? n / known : 0,
        highValue: high,
        avgMrr: fromMinor(Math.round(mrr / n), currency),
        churnRate: b.rows.filter((r) => r.churned).length / n,
        avgLifetimeValue: fromMinor(Math.round(ltv / n), currency),
        lift: g > 0 && bad > 0 ? high / g / (n / known) : null,
        woe: round(woe, 4),
        suggestion: 'none',
      };
    });
    const informationValue = round(iv, 4);
    const weight = enough ? weightFromInformationValue(informationValue) : 0;
    for (const s of stats) s.suggestion = suggest(s.lift, s.clients, minClients, weight);
    fields.push({
      field,
      type,
      weight,
      informationValue,
      suspicious: informationValue > 0.5,
      unknownClients: unknown,
      values: stats,
    });
  }
  fields.sort((a, b) => b.informationValue - a.informationValue);

  const criteria: IcpCriterion[] = [];
  for (const f of fields) {
    if (f.weight === 0) continue;
    const pick = (s: IcpSuggestion) => f.values.filter((v) => v.suggestion === s).map((v) => v.value);
    const base = { id: f.field, field: f.field, weight: f.weight };
    if (f.type === 'number')
      criteria.push({
        ...base,
        type: 'number',
        ideal: pick('ideal') as IcpRange[],
        acceptable: pick('acceptable') as IcpRange[],
        disqualify: pick('disqualify') as IcpRange[],
      });
    else if (f.type === 'boolean')
      criteria.push({
        ...base,
        type: 'boolean',
        ideal: pick('ideal') as boolean[],
        acceptable: pick('acceptable') as boolean[],
        disqualify: pick('disqualify') as boolean[],
      });
    else
      criteria.push({
        ...base,
        type: 'category',
        ideal: pick('ideal') as string[],
        acceptable: pick('acceptable') as string[],
        disqualify: pick('disqualify') as string[],
      });
  }
  return {
    target,
    fields,
    icp: { id: 'learned', criteria },
    clients: rows.length,
    minSample: minSampleOf(options),
    highValue: highTotal,
    skipped,
    warnings,
  };
}

/**
 * Learns an ICP from `clients`. Clients whose mrr, start or end cannot be read
 * are left out and listed in `skipped`. Under `minSample` clients (default 30) the statistics are
 * given but no weight is suggested (warning `tooFewClients`). High value: the top third by revenue over lifetime (MRR ×
 * months active up to `asOf`; ties at the cut included; a client with none never); with
 * `target: 'retention'`, clients still active at `asOf`. Throws InvalidInputError when `asOf` is
 * not an ISO date.
 */
export function learnIcp(clients: readonly IcpClient[], options: LearnIcpOptions): LearnedIcp {
  const { rows, skipped } = prepare(clients, options);
  return learnPrepared(rows, skipped, options);
}

/**
 * Checks a learned ICP on clients it did not learn from: every `every`-th client (default 3, so a
 * third, the same ones on every run) is held back, the ICP is learned from the others, and the
 * held-back clients are scored with it. High value is decided on all clients together. Reports how
 * many high-value held-back clients land in tiers A–B, and how many of the others do. The check is
 * skipped, saying why in `notChecked`, when it could tell nothing: too few clients left to learn
 * from, no real split between good clients and others, or a part with one kind only.
 */
export function holdoutCheck(clients: readonly IcpClient[], options: LearnIcpOptions & { every?: number }): HoldoutReport {
  const every = Math.max(2, Math.floor(options.every ?? 3));
  const { rows, skipped } = prepare(clients, options);
  const held = rows.filter((_, i) => i % every === every - 1);
  const rest = rows.filter((_, i) => i % every !== every - 1);
  const learned = learnPrepared(rest, skipped, options);
  const goodIn = (part: readonly Prepared[]) => part.filter((r) => r.high).length;
  const highTotal = goodIn(rows);
  const oneSided = (part: readonly Prepared[]) => goodIn(part) === 0 || goodIn(part) === part.length;
  const notChecked: HoldoutSkip | null =
    rest.length < minSampleOf(options)
      ? 'tooFewClients'
      : highTotal === rows.length
        ? 'allGood'
        : highTotal === 0
          ? 'noneGood'
          : oneSided(held) || oneSided(rest)
            ? 'oneSided'
            : null;
  const score = icpScorer(learned.icp);
  let highValue = 0;
  let highValueInAB = 0;
  let othersInAB = 0;
  let untiered = 0;
  for (const r of held) {
    if (notChecked) {
      if (r.high) highValue += 1;
      continue;
    }
    const { tier } = score(r.attrs);
    const inAB = tier === 'A' || tier === 'B';
    if (tier === null) untiered += 1;
    if (r.high) {
      highValue += 1;
      if (inAB) highValueInAB += 1;
    } else if (inAB) othersInAB += 1;
  }
  const others = held.length - highValue;
  return {
    notChecked,
    learned,
    clients: held.length,
    highValue,
    others,
    highValueInAB,
    othersInAB,
    highValueShareAB: !notChecked && highValue > 0 ? highValueInAB / highValue : null,
    othersShareAB: !notChecked && others > 0 ? othersInAB / others : null,
    untiered,
    ...againstChance(notChecked ? null : { highValue, others, highValueInAB, othersInAB }),
  };
}

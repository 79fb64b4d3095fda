/**
 * The rows of a scored prospects table to show, in order (issue 10, item 4): a tier filter, a name
 * search and a sort, as an index array (`Uint32Array` of row numbers), computed without row objects
 * from the typed arrays of {@link ProspectScores}. The same pure function runs in the score worker
 * (which keeps the rows it scored: `scoreProspects(…, { keep: true }).view(query)`) and on the page
 * for small tables or without workers. Sorting by name uses the locale's collation (`Intl.Collator`,
 * base sensitivity, numeric): the distinct names are sorted once per column and locale and every
 * row gets its name's rank, so later sorts (either direction), filters and searches are counting
 * sorts over small integers, a few milliseconds for 100,000 rows.
 */
import type { IcpTier } from '../core/icp.js';
import { cellText } from '../core/csv.js';
import { isTable, type ProspectInput, type ProspectScores } from './scoring.js';

export type ProspectSortKey = 'line' | 'name' | 'tier' | 'score' | 'coverage';
export type ProspectTierFilter = 'all' | IcpTier | 'none';

export interface ProspectQuery {
  /** Sort key: file order (`line`), name (locale collation), tier, score or coverage. */
  sort: ProspectSortKey;
  /** Default false. For tier, score and coverage, "descending" puts the best first (A, 100, 100 %). */
  descending?: boolean;
  /** Only rows of this tier (`none`: rows without a tier); default all. */
  tier?: ProspectTierFilter;
  /** Only rows whose name contains this text (trimmed, compared in lower case). */
  search?: string;
  /** Header (table input) or field (object rows) of the name column. */
  nameColumn?: string | null;
  /** Locale of the name collation (e.g. 'en', 'fr', 'ar'); default the runtime's. */
  locale?: string;
}

/** A column's cells as distinct values and, per row, the index of its value. */
export interface DistinctTexts {
  ids: Uint32Array;
  values: string[];
}

/**
 * What {@link prospectView} keeps between calls on the same rows (create one per scored table with
 * `{}`): the name column's distinct values, their ranks in a locale, and their lower-case forms for
 * the search. `distinct` may supply a column's distinct values (a store that keeps rows by column,
 * `ProspectColumns`), else they are read from the input.
 */
export interface ProspectViewCache {
  distinct?: (column: string | null | undefined) => DistinctTexts;
  namesColumn?: string;
  names?: DistinctTexts;
  rankKey?: string;
  ranks?: Uint32Array;
  maxRank?: number;
  lowerColumn?: string;
  lower?: string[];
}

/** The text of column `column` in row `i` ('' when missing). */
export function prospectCell(input: ProspectInput, i: number, column: string | null | undefined): string {
  if (column === null || column === undefined) return '';
  if (isTable(input)) {
    const row = input.rows[i];
    if (!row) return '';
    if (Array.isArray(row)) {
      const col = input.headers.indexOf(column);
      return col < 0 ? '' : ((row as readonly string[])[col] ?? '');
    }
    const value = (row as Readonly<Record<string, string>>)[column];
    return value === undefined || value === null ? '' : String(value);
  }
  return cellText(input[i]?.[column]);
}

/** Every row's cell of `column`, read once (array rows looked up by index). */
function columnTexts(input: ProspectInput, count: number, column: string | null | undefined): string[] {
  const out = new Array<string>(count);
  if (isTable(input) && column !== null && column !== undefined) {
    const col = input.headers.indexOf(column);
    for (let i = 0; i < count; i++) {
      const row = input.rows[i];
      const value = !row
        ? undefined
        : Array.isArray(row)
          ? col < 0
            ? undefined
            : (row as readonly string[])[col]
          : (row as Readonly<Record<string, string>>)[column];
      out[i] = value === undefined || value === null ? '' : String(value);
    }
    return out;
  }
  for (let i = 0; i < count; i++) out[i] = prospectCell(input, i, column);
  return out;
}

/** Distinct values of `texts` in first-seen order, and each text's index among them. */
export function distinctTexts(texts: readonly string[]): DistinctTexts {
  const index = new Map<string, number>();
  const values: string[] = [];
  const ids = Uint32Array.from(texts, (text) => {
    let id = index.get(text);
    if (id === undefined) {
      id = values.length;
      index.set(text, id);
      values.push(text);
    }
    return id;
  });
  return { ids, values };
}

/** The rank of each distinct value in the locale's collation (equal values share one) and the highest. */
function valueRanks(values: readonly string[], locale?: string): { rankOf: Uint32Array; maxRank: number } {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  // The indexes of `values`, in collation order.
  const order = Array.from(values.keys()).sort((a, b) => collator.compare(values[a]!, values[b]!));
  const rankOf = new Uint32Array(values.length);
  let rank = 0;
  let previous: string | undefined;
  for (const i of order) {
    const value = values[i]!;
    if (previous !== undefined && collator.compare(previous, value) !== 0) rank += 1;
    rankOf[i] = rank;
    previous = value;
  }
  return { rankOf, maxRank: rank };
}

/**
 * Rank of each row's name (0 = first in the locale's collation; names the collator calls equal, e.g.
 * `Élan` and `elan` in base sensitivity, share a rank), and the highest rank.
 */
export function nameRanks(names: readonly string[], locale?: string): { ranks: Uint32Array; maxRank: number } {
  const { ids, values } = distinctTexts(names);
  const { rankOf, maxRank } = valueRanks(values, locale);
  return { ranks: ids.map((id) => rankOf[id] ?? 0), maxRank };
}

/** The distinct names of `column` (kept in `cache` per column). */
function namesOf(
  input: ProspectInput,
  count: number,
  column: string | null | undefined,
  cache: ProspectViewCache,
): DistinctTexts {
  const key = column ?? '';
  if (cache.names && cache.namesColumn === key && cache.names.ids.length === count) return cache.names;
  const names = cache.distinct ? cache.distinct(column) : distinctTexts(columnTexts(input, count, column));
  cache.names = names;
  cache.namesColumn = key;
  cache.lower = undefined;
  return names;
}

/**
 * Stable counting sort of `rows` by `rank(row)` (0…`top`; a rank above `top` goes last): file order
 * within a rank, in either direction.
 */
export function orderByRank(rows: Uint32Array, top: number, rank: (row: number) => number): Uint32Array {
  const ranks = rows.map((row) => Math.min(rank(row), top + 1));
  // starts[r]: where the rows of rank r begin in the result (ranks are 0…top + 1).
  const starts = new Uint32Array(top + 3);
  for (const r of ranks) starts[r + 1]! += 1;
  let sum = 0;
  starts.forEach((n, r) => (starts[r] = sum += n));
  const out = new Uint32Array(rows.length);
  rows.forEach((row, k) => {
    const r = ranks[k]!;
    out[starts[r]!++] = row;
  });
  return out;
}

const TIER_FILTER_CODES: Record<ProspectTierFilter, number> = { all: -1, none: 0, A: 1, B: 2, C: 3, D: 4 };

/**
 * The row numbers of `scores` to show for `query`, in order. Ties keep file order. Rows without a
 * tier come last in either direction when sorting by score or tier: a score on too little of the
 * profile ("Not enough known") is not a fit, however high. Equal to sorting by
 * `Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare` then by row number when
 * sorting by name.
 */
export function prospectView(
  input: ProspectInput,
  scores: Pick<ProspectScores, 'count' | 'scores' | 'tiers' | 'coverage'>,
  query: ProspectQuery,
  cache: ProspectViewCache = {},
): Uint32Array {
  const count = scores.count;
  const wanted = TIER_FILTER_CODES[query.tier ?? 'all'] ?? -1;
  const needle = (query.search ?? '').trim().toLocaleLowerCase();
  // The search compares each distinct name once, then rows by the index of their name.
  let search: { matches: Uint8Array; ids: Uint32Array } | undefined;
  if (needle) {
    const names = namesOf(input, count, query.nameColumn, cache);
    const column = query.nameColumn ?? '';
    if (!cache.lower || cache.lowerColumn !== column) {
      cache.lower = names.values.map((n) => n.toLocaleLowerCase());
      cache.lowerColumn = column;
    }
    const matches = Uint8Array.from(cache.lower, (name) => (name.includes(needle) ? 1 : 0));
    search = { matches, ids: names.ids };
  }
  const keep = new Uint32Array(count);
  let m = 0;
  for (let i = 0; i < count; i++) {
    if (wanted >= 0 && scores.tiers[i] !== wanted) continue;
    // names.ids has one entry per row (count).
    if (search && !search.matches[search.ids[i]!]) continue;
    keep[m++] = i;
  }
  const rows = keep.subarray(0, m);
  const descending = query.descending === true;
  switch (query.sort) {
    case 'line':
      return descending ? rows.slice().reverse() : rows.slice();
    case 'name': {
      const key = `${query.nameColumn ?? ''}\u0000${query.locale ?? ''}`;
      if (!cache.ranks || cache.rankKey !== key || cache.ranks.length !== count) {
        const names = namesOf(input, count, query.nameColumn, cache);
        const { rankOf, maxRank } = valueRanks(names.values, query.locale);
        cache.ranks = names.ids.map((id) => rankOf[id] ?? 0);
        cache.maxRank = maxRank;
        cache.rankKey = key;
      }
      const ranks = cache.ranks;
      const top = cache.maxRank ?? 0;
      // Rows are row numbers below count, the length of ranks.
      return orderByRank(rows, top, descending ? (i) => top - ranks[i]! : (i) => ranks[i]!);
    }
    case 'score': {
      const top = 10_000;
      return orderByRank(rows, top, (i) => {
        const s = scores.scores[i] ?? -1;
        if (s < 0 || scores.tiers[i] === 0) return top + 1;
        const v = Math.round(s * 100);
        return descending ? top - v : v;
      });
    }
    case 'coverage': {
      const top = 1000;
      return orderByRank(rows, top, (i) => {
        const v = Math.round((scores.coverage[i] ?? 0) * 1000);
        return descending ? top - v : v;
      });
    }
    case 'tier':
    default: {
      // Tier codes 1 A … 4 D; "descending" = best first (A).
      const top = 3;
      return orderByRank(rows, top, (i) => {
        const t = scores.tiers[i] ?? 0;
        if (t === 0) return top + 1;
        const v = 4 - t;
        return descending ? top - v : v;
      });
    }
  }
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * A stable merge sort that awaits `yieldNow` whenever about `sliceMs` of work has run: for sorting
 * 100,000 names with a collator on a page without workers (≈ 1 s of work) without one long task.
 */
export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  yieldNow: () => Promise<void>,
  sliceMs = 8,
): Promise<T[]> {
  let src = items.slice();
  let dst = new Array<T>(src.length);
  const n = src.length;
  let deadline = clock() + sliceMs;
  const turn = async (): Promise<void> => {
    if (clock() < deadline) return;
    await yieldNow();
    deadline = clock() + sliceMs;
  };
  const RUN = 16;
  // Every index below stays within 0…n − 1 (the loops' bounds), hence the non-null assertions.
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const x = src[i]!;
      let j = i - 1;
      while (j >= lo && compare(src[j]!, x) > 0) {
        src[j + 1] = src[j]!;
        j--;
      }
      src[j + 1] = x;
    }
    if ((lo & 1023) === 0) await turn();
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = compare(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
        if ((k & 1023) === 0) await turn();
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** {@link nameRanks} in slices (the sort of the distinct names by {@link sortInSlices}). */
export async function nameRanksInSlices(
  names: readonly string[],
  locale: string | undefined,
  yieldNow: () => Promise<void>,
  sliceMs = 8,
): Promise<{ ranks: Uint32Array; maxRank: number }> {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const distinct = [...new Set(names)];
  await yieldNow();
  const sorted = await sortInSlices(distinct, collator.compare, yieldNow, sliceMs);
  const rankOfName = new Map<string, number>();
  let rank = 0;
  let previous: string | undefined;
  for (const [k, name] of sorted.entries()) {
    if (previous !== undefined && collator.compare(previous, name) !== 0) rank += 1;
    rankOfName.set(name, rank);
    previous = name;
    if ((k & 4095) === 4095) await yieldNow();
  }
  const ranks = Uint32Array.from(names, (name) => rankOfName.get(name) ?? 0);
  return { ranks, maxRank: rank };
}

/**
 * {@link prospectView} for a page without workers: the name ranks (the one slow step, a collator
 * sort) are computed in slices first and kept in `cache`; the rest takes a few milliseconds.
 */
export async function prospectViewInSlices(
  input: ProspectInput,
  scores: Pick<ProspectScores, 'count' | 'scores' | 'tiers' | 'coverage'>,
  query: ProspectQuery,
  cache: ProspectViewCache,
  yieldNow: () => Promise<void>,
  sliceMs = 8,
): Promise<Uint32Array> {
  if (query.sort === 'name') {
    const key = `${query.nameColumn ?? ''}\u0000${query.locale ?? ''}`;
    if (!cache.ranks || cache.rankKey !== key || cache.ranks.length !== scores.count) {
      const names = columnTexts(input, scores.count, query.nameColumn);
      await yieldNow();
      const ranked = await nameRanksInSlices(names, query.locale, yieldNow, sliceMs);
      cache.ranks = ranked.ranks;
      cache.maxRank = ranked.maxRank;
      cache.rankKey = key;
    }
  }
  return prospectView(input, scores, query, cache);
}

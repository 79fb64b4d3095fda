/**
 * The thread-agnostic part of prospect scoring (issue 10, item 4), shared by the score worker and
 * the main-thread runner (`score-prospects.ts`): rows in, `ProspectScores` (typed arrays, one entry
 * per row, transferable between threads) out, plus reading results back (score, tier, top
 * reasons, unreadable cells) and the scored CSV export. A row's full explanation is
 * `icpFit(icp, accountOf(input, scores, i))` when the UI needs it. No DOM, no workers here.
 */
import { icpScorer, type Icp, type IcpAccount, type IcpMatch, type IcpTier } from '../core/icp.js';
import { normalizeHeader } from '../import/mapping.js';

/** Rows of cells under a header line, as the CSV reader gives them; `lines` = line of each row in the file. */
export interface ProspectTable {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  lines?: readonly number[];
}

/** A table, or plain objects of field → value. */
export type ProspectInput = ProspectTable | readonly IcpAccount[];

/** Criterion field → header of the column that feeds it (null: none). */
export type ProspectMapping = Readonly<Record<string, string | null>>;

/** Tier of each code in `ProspectScores.tiers`: 0 none, 1 A, 2 B, 3 C, 4 D. */
export const TIER_CODES: readonly (IcpTier | null)[] = [null, 'A', 'B', 'C', 'D'];
/** Match of each code in `ProspectScores.matches`; code 5 is 'unknown' because unreadable. */
export const MATCH_CODES: readonly IcpMatch[] = ['unknown', 'ideal', 'acceptable', 'none', 'disqualify', 'unknown'];
export const UNREADABLE_CODE = 5;

/** Scores of every row, as typed arrays (transferable). */
export interface ProspectScores {
  count: number;
  /** Criterion ids, fields and weights, in ICP order. */
  criteria: string[];
  fields: string[];
  weights: number[];
  /** Column index feeding each criterion in a table input (−1: none, or object rows). */
  columns: number[];
  /** Score 0–100 of each row, −1 when it has none. */
  scores: Float64Array;
  /** Tier code of each row (see {@link TIER_CODES}). */
  tiers: Uint8Array;
  /** Coverage 0–1 of each row. */
  coverage: Float64Array;
  /** Match code (see {@link MATCH_CODES}) of row r, criterion c at `r × criteria.length + c`. */
  matches: Uint8Array;
  /** Rows with at least one unreadable value (still scored, the value counted as unknown). */
  unreadableRows: number;
}

export const isTable = (input: ProspectInput): input is ProspectTable => !Array.isArray(input);
export const rowCount = (input: ProspectInput): number => (isTable(input) ? input.rows.length : input.length);

/**
 * Which column feeds each criterion field: the mapping's choice when given, else a header equal to
 * the field or the criterion's label once normalised (`Employees`, `employees `, `EMPLOYEES` all
 * feed `employees`; `Monthly marketing budget` feeds `monthlyMarketingBudget`).
 */
export function guessProspectMapping(
  icp: Icp,
  headers: readonly string[],
  mapping: ProspectMapping = {},
): Record<string, string | null> {
  const normalized = headers.map(normalizeHeader);
  const words = (s: string) => normalizeHeader(s.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
  const squash = (s: string) => s.replace(/ /g, '');
  const out: Record<string, string | null> = {};
  for (const c of icp.criteria) {
    if (c.field in out) continue;
    if (c.field in mapping) {
      const chosen = mapping[c.field];
      out[c.field] = chosen !== null && chosen !== undefined && headers.includes(chosen) ? chosen : null;
      continue;
    }
    const names = [c.field, c.label ?? ''].filter(Boolean).map((n) => squash(words(n)));
    const i = normalized.findIndex((h) => names.includes(squash(h)));
    out[c.field] = i >= 0 ? headers[i] : null;
  }
  return out;
}

/** Empty results for `count` rows of `input`, with the columns each criterion reads. */
export function emptyScores(
  icp: Icp,
  input: ProspectInput | { headers: readonly string[]; count: number },
  mapping: ProspectMapping = {},
): ProspectScores {
  const count = 'count' in input ? input.count : rowCount(input as ProspectInput);
  const headers = 'headers' in input ? input.headers : undefined;
  const resolved = headers ? guessProspectMapping(icp, headers, mapping) : {};
  const criteria = icp.criteria ?? [];
  return {
    count,
    criteria: criteria.map((c) => c.id),
    fields: criteria.map((c) => c.field),
    weights: criteria.map((c) => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0)),
    columns: criteria.map((c) => (headers && resolved[c.field] ? headers.indexOf(resolved[c.field] as string) : -1)),
    scores: new Float64Array(count),
    tiers: new Uint8Array(count),
    coverage: new Float64Array(count),
    matches: new Uint8Array(count * criteria.length),
    unreadableRows: 0,
  };
}

const MATCH_INDEX: Record<IcpMatch, number> = { unknown: 0, ideal: 1, acceptable: 2, none: 3, disqualify: 4 };
const TIER_INDEX: Record<IcpTier, number> = { A: 1, B: 2, C: 3, D: 4 };

/** Row `i` of `input` as the account `icpFit` reads (table cells keyed by criterion field). */
export function accountOf(input: ProspectInput, scores: Pick<ProspectScores, 'fields' | 'columns'>, i: number): IcpAccount {
  if (!isTable(input)) return input[i] ?? {};
  const row = input.rows[i] ?? [];
  const account: Record<string, unknown> = {};
  scores.fields.forEach((field, c) => {
    const col = scores.columns[c];
    if (col >= 0) account[field] = row[col];
  });
  return account;
}

/**
 * Scores rows `from`–`to` (exclusive) of `input` into `scores`, rows numbered `offset + k` in the
 * results (a worker receiving rows in batches passes the batch's first row number).
 */
export function scoreInto(
  score: ReturnType<typeof icpScorer>,
  input: ProspectInput,
  scores: ProspectScores,
  from = 0,
  to = rowCount(input),
  offset = 0,
): void {
  const n = scores.criteria.length;
  const table = isTable(input) ? input : undefined;
  // One reused account object: icpFit keeps nothing of it.
  const account: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    let acc: IcpAccount;
    if (table) {
      const row = table.rows[i] ?? [];
      for (let c = 0; c < n; c++) {
        const col = scores.columns[c];
        account[scores.fields[c]] = col >= 0 ? row[col] : undefined;
      }
      acc = account;
    } else acc = (input as readonly IcpAccount[])[i] ?? {};
    const fit = score(acc);
    const r = offset + i;
    scores.scores[r] = fit.score ?? -1;
    scores.tiers[r] = fit.tier ? TIER_INDEX[fit.tier] : 0;
    scores.coverage[r] = fit.coverage;
    const base = r * n;
    for (let c = 0; c < n; c++) {
      const reason = fit.reasons[c];
      scores.matches[base + c] = reason.unreadable ? UNREADABLE_CODE : MATCH_INDEX[reason.match];
    }
    if (fit.unreadable.length > 0) scores.unreadableRows += 1;
  }
}

/** Scores every row at once, on this thread (Node, tests, small inputs). */
export function scoreAll(icp: Icp, input: ProspectInput, mapping: ProspectMapping = {}): ProspectScores {
  const scores = emptyScores(icp, input, mapping);
  scoreInto(icpScorer(icp), input, scores);
  return scores;
}

/** Score, tier and coverage of row `i`. */
export function scoreOf(scores: ProspectScores, i: number): { score: number | null; tier: IcpTier | null; coverage: number } {
  const s = scores.scores[i];
  return { score: s < 0 ? null : s, tier: TIER_CODES[scores.tiers[i]] ?? null, coverage: scores.coverage[i] };
}

export interface TopReason {
  criterion: string;
  field: string;
  match: IcpMatch;
  unreadable: boolean;
  points: number;
  possible: number;
}

const SCALE = [0, 1, 0.5, 0, 0, 0];

/**
 * The reasons that say most about row `i`, at most `limit`: a disqualifier first, then the known
 * criteria by weight (heaviest first, ICP order on ties); unknown criteria last, heaviest first.
 */
export function topReasons(scores: ProspectScores, i: number, limit = 3): TopReason[] {
  const n = scores.criteria.length;
  const all: TopReason[] = [];
  for (let c = 0; c < n; c++) {
    const code = scores.matches[i * n + c];
    const known = code >= 1 && code <= 4;
    const w = scores.weights[c];
    all.push({
      criterion: scores.criteria[c],
      field: scores.fields[c],
      match: MATCH_CODES[code],
      unreadable: code === UNREADABLE_CODE,
      points: known ? w * SCALE[code] : 0,
      possible: known ? w : 0,
    });
  }
  const rank = (r: TopReason, c: number) =>
    (r.match === 'disqualify' ? 0 : r.match === 'unknown' ? 2 : 1) * 100 - scores.weights[c];
  return all
    .map((r, c) => ({ r, c }))
    .filter(({ r, c }) => scores.weights[c] > 0 || r.match === 'disqualify')
    .sort((a, b) => rank(a.r, a.c) - rank(b.r, b.c) || a.c - b.c)
    .slice(0, limit)
    .map(({ r }) => r);
}

export interface UnreadableCell {
  /** Line in the file (table input with `lines`), else the row number counting the header as 1. */
  line: number;
  row: number;
  criterion: string;
  /** Header of the column, or the field for object rows. */
  column: string;
  /** The cell, cut to 200 characters. */
  value: string;
  /** Why: the criterion's type that the value could not be read as. */
  expected: 'number' | 'boolean' | 'category';
}

/** The unreadable cells, in row order, at most `limit` (default 100); `scores.unreadableRows` counts the rows. */
export function unreadableCells(icp: Icp, input: ProspectInput, scores: ProspectScores, limit = 100): UnreadableCell[] {
  const out: UnreadableCell[] = [];
  const n = scores.criteria.length;
  for (let i = 0; i < scores.count && out.length < limit; i++) {
    for (let c = 0; c < n && out.length < limit; c++) {
      if (scores.matches[i * n + c] !== UNREADABLE_CODE) continue;
      const table = isTable(input) ? input : undefined;
      const col = scores.columns[c];
      const raw = table ? table.rows[i]?.[col] : (input as readonly IcpAccount[])[i]?.[scores.fields[c]];
      out.push({
        line: table?.lines?.[i] ?? i + 2,
        row: i,
        criterion: scores.criteria[c],
        column: table && col >= 0 ? table.headers[col] : scores.fields[c],
        value: String(raw).slice(0, 200),
        expected: icp.criteria[c]?.type ?? 'category',
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Export

/** One CSV cell, quoted when needed; a leading `= + - @` (or tab, carriage return) is neutralised
 * with a single quote so spreadsheets do not run it as a formula. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Column names added by {@link toScoredCsv} (prefixed so a prospect's own `score` column survives). */
export const SCORED_COLUMNS = ['icp_score', 'icp_tier', 'icp_coverage_pct', 'icp_reasons'] as const;

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/**
 * The prospects as CSV with their score (0–100, 2 decimals, empty when none), tier (empty when
 * none), coverage (percent, 1 decimal) and top reasons (`industry: Dental = ideal 5/5; employees: 7
 * = acceptable 1.5/3; …`, English data words). Every cell is neutralised against formulas. Lines
 * end with CRLF; no byte order mark (add one for Excel when downloading).
 */
export function toScoredCsv(input: ProspectInput, scores: ProspectScores, options: { reasons?: number } = {}): string {
  const table = isTable(input) ? input : undefined;
  const objects = table ? undefined : (input as readonly IcpAccount[]);
  let headers: string[];
  if (table) headers = [...table.headers];
  else {
    const seen = new Set<string>();
    for (const row of objects!) for (const key of Object.keys(row ?? {})) seen.add(key);
    headers = [...seen];
  }
  const lines = [[...headers, ...SCORED_COLUMNS].map(csvCell).join(',')];
  for (let i = 0; i < scores.count; i++) {
    const cells = table ? headers.map((_, c) => table.rows[i]?.[c] ?? '') : headers.map((h) => objects![i]?.[h]);
    const account = accountOf(input, scores, i);
    const { score, tier, coverage } = scoreOf(scores, i);
    const reasons = topReasons(scores, i, options.reasons ?? 3)
      .map((r) => {
        const raw = account[r.field];
        const value = raw === undefined || raw === null || String(raw).trim() === '' ? '' : ` ${String(raw).trim()}`;
        if (r.match === 'unknown') return `${r.criterion}:${value} = ${r.unreadable ? 'unreadable' : 'unknown'}`;
        return `${r.criterion}:${value} = ${r.match} ${fmt(r.points)}/${fmt(r.possible)}`;
      })
      .join('; ');
    cells.push(score === null ? '' : score.toFixed(2), tier ?? '', (Math.round(coverage * 1000) / 10).toFixed(1), reasons);
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

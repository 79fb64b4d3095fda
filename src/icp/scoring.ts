/**
 * The thread-agnostic part of prospect scoring, shared by the score worker and
 * the main-thread runner (`score-prospects.ts`): rows in, `ProspectScores` (typed arrays, one entry
 * per row, transferable between threads) out, plus reading results back (score, tier, top
 * reasons, unreadable cells) and the scored CSV export. A row's full explanation is
 * `icpFit(icp, accountOf(input, scores, i))` when the UI needs it. No DOM, no workers here.
 */
import {
  ICP_MATCH_CODES,
  icpBatchScorer,
  type Icp,
  type IcpAccount,
  type IcpCriterionType,
  type IcpMatch,
  type IcpTier,
  ICP_FIELD_ALIASES,
} from '../core/icp.js';
import { normalizeHeader } from '../import/mapping.js';
import { cellText, csvCell } from '../core/csv.js';
import {
  detectNumberFormat,
  readFileAmount,
  twoWaySample,
  type DetectedNumberFormat,
  type NumberFormat,
} from '../core/number-format.js';

/** One row of a table: its cells in header order, or a record of cells keyed by header. */
export type ProspectRow = readonly string[] | Readonly<Record<string, string>>;

/**
 * Rows under a header line, as the CSV readers give them; `lines` = line of each row in the file.
 * `parseCsvRecords`' result (src/import/records.ts: headers, rows keyed by header, lines) is one.
 */
export interface ProspectTable<R extends ProspectRow = readonly string[]> {
  headers: readonly string[];
  rows: readonly R[];
  lines?: readonly number[];
}

/** Cell `col` (index into the headers) of `row`, whichever form the row has. */
function cellOf(row: ProspectRow | undefined, col: number, headers: readonly (string | null)[], c: number): string | undefined {
  if (!row || col < 0) return undefined;
  return Array.isArray(row) ? (row as readonly string[])[col] : (row as Readonly<Record<string, string>>)[headers[c] ?? ''];
}

/** A table, or plain objects of field → value. */
export type ProspectInput = ProspectTable<ProspectRow> | readonly IcpAccount[];

/** Criterion field → header of the column that feeds it (null: none). */
export type ProspectMapping = Readonly<Record<string, string | null>>;

/** Tier of each code in `ProspectScores.tiers`: 0 none, 1 A, 2 B, 3 C, 4 D. */
export const TIER_CODES: readonly (IcpTier | null)[] = [null, 'A', 'B', 'C', 'D'];
/** Match of each code in `ProspectScores.matches`; code 5 is 'unknown' because unreadable. */
export const MATCH_CODES: readonly IcpMatch[] = ICP_MATCH_CODES;
export const UNREADABLE_CODE = 5;

/** Scores of every row, as typed arrays (transferable). */
export interface ProspectScores {
  count: number;
  /** Criterion ids, fields and weights, in ICP order. */
  criteria: string[];
  /** What each criterion is called in the scored CSV: its `label`, else its field (never its id). */
  labels: string[];
  fields: string[];
  weights: number[];
  types: IcpCriterionType[];
  /** Column index feeding each criterion in a table input (−1: none, or object rows). */
  columns: number[];
  /** Header of that column (null: none), to read rows keyed by header. */
  columnNames: (string | null)[];
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
  /**
   * How the table's number cells were read (the imports' one reader, `readFileAmount`): `dot`
   * (`1,200.5`), `comma` (`1.200,5`), or undefined: only what both read alike (`1.200` unreadable).
   */
  numberFormat?: NumberFormat;
}

export const isTable = (input: ProspectInput): input is ProspectTable<ProspectRow> => !Array.isArray(input);
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
    let i = normalized.findIndex((h) => names.includes(squash(h)));
    // Else a common name of the field (`google_reviews` → reviewCount), the first in the list's order.
    const aliases = Object.prototype.hasOwnProperty.call(ICP_FIELD_ALIASES, c.field) ? ICP_FIELD_ALIASES[c.field]! : [];
    for (const alias of aliases) {
      if (i >= 0) break;
      i = normalized.findIndex((h, k) => squash(h) === squash(alias) && !Object.values(out).includes(headers[k] ?? null));
    }
    out[c.field] = headers[i] ?? null;
  }
  return out;
}

/**
 * How the columns feeding `icp`'s number criteria write numbers, from their first cells (at most
 * `limit`), as the subscription import detects it: `dot` or `comma` when a cell settles it
 * (`1.234,5`, `12,5`), `ambiguous` when cells read two ways (`600.000`: shown as `sample`) and none
 * settles it (ask the user), `unknown` when no cell needs a format (whole numbers).
 */
export function prospectNumberFormat(
  icp: Icp,
  input: ProspectTable<ProspectRow>,
  mapping: ProspectMapping = {},
  limit = 2000,
): { format: DetectedNumberFormat; sample?: string } {
  const resolved = guessProspectMapping(icp, input.headers, mapping);
  const numberFields = new Set(
    (Array.isArray(icp?.criteria) ? icp.criteria : []).filter((c) => c?.type === 'number').map((c) => c.field),
  );
  const columns = [...new Set([...numberFields].map((f) => resolved[f]).filter((h): h is string => !!h))];
  const samples: string[] = [];
  const perColumn = Math.max(1, Math.ceil(limit / Math.max(1, columns.length)));
  for (const header of columns) {
    const col = input.headers.indexOf(header);
    let taken = 0;
    for (let i = 0; i < input.rows.length && taken < perColumn; i++) {
      const cell = cellOf(input.rows[i], col, [header], 0);
      if (cell === undefined || cell.trim() === '') continue;
      samples.push(cell);
      taken += 1;
    }
  }
  const format = detectNumberFormat(samples);
  const sample = format === 'ambiguous' ? twoWaySample(samples) : undefined;
  return sample === undefined ? { format } : { format, sample };
}

/**
 * The number format to read `input`'s number cells in: `chosen` (the user's answer), else the one
 * the cells settle, else undefined (cells that read two ways are then unreadable, never guessed).
 */
export function prospectCellsFormat(
  icp: Icp,
  input: ProspectInput,
  mapping: ProspectMapping = {},
  chosen?: NumberFormat,
): NumberFormat | undefined {
  if (chosen || !isTable(input)) return chosen;
  const { format } = prospectNumberFormat(icp, input, mapping);
  return format === 'dot' || format === 'comma' ? format : undefined;
}

/** What a number criterion's cell that does not read is handed to the scorer as: text it flags `unreadable`. */
const UNREADABLE_NUMBER = 'unreadable';

/**
 * A table's cell for a number criterion, read by the imports' one number reader in `format`: the
 * number, the cell itself when empty (unknown), else text the scorer flags as unreadable (a cell
 * that reads two ways without a format is never read as either).
 */
function numberCell(cell: string | undefined, format: NumberFormat | undefined): string | number | undefined {
  if (cell === undefined || cell === '') return cell;
  const r = readFileAmount(cell, format);
  if (r.ok) return r.value;
  return cell.trim() === '' ? cell : UNREADABLE_NUMBER;
}

/** Empty results for `count` rows of `input`, with the columns each criterion reads and the number format of its cells. */
export function emptyScores(
  icp: Icp,
  input: ProspectInput | { headers: readonly string[]; count: number },
  mapping: ProspectMapping = {},
  numberFormat?: NumberFormat,
): ProspectScores {
  const count = 'count' in input ? input.count : rowCount(input);
  const headers = 'headers' in input ? input.headers : undefined;
  const resolved = headers ? guessProspectMapping(icp, headers, mapping) : {};
  // The criteria icpBatchScorer scores, in its order (it skips entries that are not objects).
  const criteria = (Array.isArray(icp?.criteria) ? icp.criteria : []).filter((c) => c && typeof c === 'object');
  return {
    count,
    criteria: criteria.map((c) => c.id),
    labels: criteria.map((c) => (typeof c.label === 'string' && c.label.trim() ? c.label.trim() : String(c.field))),
    fields: criteria.map((c) => c.field),
    weights: criteria.map((c) => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0)),
    types: criteria.map((c) => c.type),
    columns: criteria.map((c) => (headers && resolved[c.field] ? headers.indexOf(resolved[c.field] as string) : -1)),
    columnNames: criteria.map((c) => (headers ? (resolved[c.field] ?? null) : null)),
    scores: new Float64Array(count),
    tiers: new Uint8Array(count),
    coverage: new Float64Array(count),
    matches: new Uint8Array(count * criteria.length),
    unreadableRows: 0,
    ...(numberFormat ? { numberFormat } : {}),
  };
}

const TIER_INDEX: Record<IcpTier, number> = { A: 1, B: 2, C: 3, D: 4 };

/**
 * Row `i` of `input` as the account `icpFit` reads (table cells keyed by criterion field; the
 * cells of number criteria read in `scores.numberFormat`, as {@link scoreInto} reads them).
 */
export function accountOf(
  input: ProspectInput,
  scores: Pick<ProspectScores, 'fields' | 'columns' | 'columnNames' | 'types' | 'numberFormat'>,
  i: number,
): IcpAccount {
  if (!isTable(input)) return input[i] ?? {};
  const account = cellsOf(input, scores, i);
  scores.fields.forEach((field, c) => {
    if (scores.types[c] === 'number' && field in account)
      account[field] = numberCell(account[field] as string | undefined, scores.numberFormat);
  });
  return account;
}

/** Row `i` of a table as its cells keyed by criterion field, as written in the file. */
function cellsOf(
  input: ProspectTable<ProspectRow>,
  scores: Pick<ProspectScores, 'fields' | 'columns' | 'columnNames'>,
  i: number,
): Record<string, unknown> {
  const row = input.rows[i];
  const account: Record<string, unknown> = {};
  scores.fields.forEach((field, c) => {
    const col = scores.columns[c] ?? -1;
    if (col >= 0) account[field] = cellOf(row, col, scores.columnNames, c);
  });
  return account;
}

/** Prepares `icp` for {@link scoreInto}. */
export const prospectScorer = icpBatchScorer;

/**
 * Scores rows `from`–`to` (exclusive) of `input` into `scores`, rows numbered `offset + k` in the
 * results (a worker receiving rows in batches passes the batch's first row number).
 */
export function scoreInto(
  score: ReturnType<typeof icpBatchScorer>,
  input: ProspectInput,
  scores: ProspectScores,
  from = 0,
  to = rowCount(input),
  offset = 0,
): void {
  const n = scores.criteria.length;
  const table = isTable(input) ? input : undefined;
  // One reused account object: the scorer keeps nothing of it.
  const account: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    let acc: IcpAccount;
    if (table) {
      const row = table.rows[i];
      // c < n: every per-criterion array of `scores` has n entries.
      for (let c = 0; c < n; c++) {
        const cell = cellOf(row, scores.columns[c]!, scores.columnNames, c);
        account[scores.fields[c]!] = scores.types[c] === 'number' ? numberCell(cell, scores.numberFormat) : cell;
      }
      acc = account;
    } else acc = (input as readonly IcpAccount[])[i] ?? {};
    const r = offset + i;
    const fit = score(acc, scores.matches, r * n);
    scores.scores[r] = fit.score;
    scores.tiers[r] = fit.tier ? TIER_INDEX[fit.tier] : 0;
    scores.coverage[r] = fit.coverage;
    if (fit.unreadable) scores.unreadableRows += 1;
  }
}

/**
 * Scores every row at once, on this thread (Node, tests, small inputs); number cells in
 * `numberFormat`, else in the format they settle ({@link prospectCellsFormat}).
 */
export function scoreAll(
  icp: Icp,
  input: ProspectInput,
  mapping: ProspectMapping = {},
  numberFormat?: NumberFormat,
): ProspectScores {
  const scores = emptyScores(icp, input, mapping, prospectCellsFormat(icp, input, mapping, numberFormat));
  scoreInto(icpBatchScorer(icp), input, scores);
  return scores;
}

/** Score, tier and coverage of row `i`. */
export function scoreOf(scores: ProspectScores, i: number): { score: number | null; tier: IcpTier | null; coverage: number } {
  const s = scores.scores[i] ?? -1;
  return { score: s < 0 ? null : s, tier: TIER_CODES[scores.tiers[i] ?? 0] ?? null, coverage: scores.coverage[i] ?? 0 };
}

export interface TopReason {
  criterion: string;
  /** The criterion's name for people (ProspectScores `labels`). */
  label: string;
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
  const order = weightOrder(scores);
  const base = i * n;
  const out: TopReason[] = [];
  // c comes from weightOrder: an index of the criteria.
  const push = (c: number): void => {
    const code = scores.matches[base + c] ?? 0;
    const known = code >= 1 && code <= 4;
    const w = scores.weights[c] ?? 0;
    out.push({
      criterion: scores.criteria[c]!,
      label: scores.labels?.[c] ?? scores.fields[c]!,
      field: scores.fields[c]!,
      match: MATCH_CODES[code] ?? 'unknown',
      unreadable: code === UNREADABLE_CODE,
      points: known ? w * (SCALE[code] ?? 0) : 0,
      possible: known ? w : 0,
    });
  };
  // Three passes over the criteria by weight: disqualifiers (any weight), known, unknown.
  for (const c of order.all) if (out.length < limit && scores.matches[base + c] === 4) push(c);
  for (const c of order.weighted) {
    const code = scores.matches[base + c] ?? 0;
    if (out.length < limit && code >= 1 && code <= 3) push(c);
  }
  for (const c of order.weighted) {
    const code = scores.matches[base + c] ?? 0;
    if (out.length < limit && (code === 0 || code === UNREADABLE_CODE)) push(c);
  }
  return out;
}

const orders = new WeakMap<ProspectScores, { all: number[]; weighted: number[] }>();

/** Criterion indexes by weight, heaviest first (ICP order on ties); `weighted` leaves out weight 0. */
function weightOrder(scores: ProspectScores): { all: number[]; weighted: number[] } {
  let order = orders.get(scores);
  if (!order) {
    const { weights } = scores;
    const all = weights.map((_, c) => c).sort((a, b) => weights[b]! - weights[a]! || a - b);
    order = { all, weighted: all.filter((c) => weights[c]! > 0) };
    orders.set(scores, order);
  }
  return order;
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

/** The unreadable cells, in row order, at most `limit` (default 100); `scores.unreadableRows` counts the rows. (`_icp` is unused: each criterion type is in `scores.types`.) */
export function unreadableCells(_icp: Icp, input: ProspectInput, scores: ProspectScores, limit = 100): UnreadableCell[] {
  const out: UnreadableCell[] = [];
  const n = scores.criteria.length;
  for (let i = 0; i < scores.count && out.length < limit; i++) {
    for (let c = 0; c < n && out.length < limit; c++) {
      if (scores.matches[i * n + c] !== UNREADABLE_CODE) continue;
      const table = isTable(input) ? input : undefined;
      // c < n: every per-criterion array of `scores` has n entries.
      const col = scores.columns[c]!;
      const field = scores.fields[c]!;
      const raw = table ? cellOf(table.rows[i], col, scores.columnNames, c) : (input as readonly IcpAccount[])[i]?.[field];
      out.push({
        line: table?.lines?.[i] ?? i + 2,
        row: i,
        criterion: scores.criteria[c]!,
        column: table?.headers[col] ?? field,
        value: String(raw).slice(0, 200),
        expected: scores.types[c] ?? 'category',
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Export

/** One CSV cell as the product writes every CSV (src/core/csv.ts: quoted, formulas neutralised). */
export { csvCell };

/** Column names added by {@link toScoredCsv} (prefixed so a prospect's own `score` column survives). */
export const SCORED_COLUMNS = ['icp_score', 'icp_tier', 'icp_coverage_pct', 'icp_reasons'] as const;

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** Header line and the lines of rows `from`–`to` (exclusive) of the scored CSV, each ending with CRLF. */
export function scoredCsvLines(
  input: ProspectInput,
  scores: ProspectScores,
  from: number,
  to: number,
  options: { reasons?: number; header?: boolean } = {},
): string {
  const table = isTable(input) ? input : undefined;
  const objects = table ? undefined : (input as readonly IcpAccount[]);
  const headers = table ? [...table.headers] : objectHeaders(objects!);
  let out = options.header ? `${[...headers, ...SCORED_COLUMNS].map(csvCell).join(',')}\r\n` : '';
  const limit = options.reasons ?? 3;
  for (let i = from; i < Math.min(to, scores.count); i++) {
    let line = '';
    if (table) {
      const row = table.rows[i] ?? [];
      if (Array.isArray(row)) for (let c = 0; c < headers.length; c++) line += `${csvCell(row[c] ?? '')},`;
      else for (const h of headers) line += `${csvCell((row as Readonly<Record<string, string>>)[h] ?? '')},`;
    } else for (const h of headers) line += `${csvCell(objects![i]?.[h])},`;
    // The reasons show each value as the file writes it.
    const account = table ? cellsOf(table, scores, i) : accountOf(input, scores, i);
    const { score, tier, coverage } = scoreOf(scores, i);
    let reasons = '';
    for (const r of topReasons(scores, i, limit)) {
      const raw = account[r.field];
      const text = cellText(raw).trim();
      const value = text === '' ? '' : ` ${text}`;
      if (reasons) reasons += '; ';
      reasons +=
        r.match === 'unknown'
          ? `${r.label}:${value} = ${r.unreadable ? 'unreadable' : 'unknown'}`
          : `${r.label}:${value} = ${r.match} ${fmt(r.points)}/${fmt(r.possible)}`;
    }
    line += `${score === null ? '' : score.toFixed(2)},${tier ?? ''},${(Math.round(coverage * 1000) / 10).toFixed(1)},${csvCell(reasons)}\r\n`;
    out += line;
  }
  return out;
}

const headerCache = new WeakMap<readonly IcpAccount[], string[]>();

/** Every key of the object rows, in first-seen order. */
function objectHeaders(objects: readonly IcpAccount[]): string[] {
  let headers = headerCache.get(objects);
  if (!headers) {
    const seen = new Set<string>();
    for (const row of objects) for (const key of Object.keys(row ?? {})) seen.add(key);
    headers = [...seen];
    headerCache.set(objects, headers);
  }
  return headers;
}

/**
 * The prospects as CSV with their score (0–100, 2 decimals, empty when none), tier (empty when
 * none), coverage (percent, 1 decimal) and top reasons (`industry: Dental = ideal 5/5; employees: 7
 * = acceptable 1.5/3; …`, English data words). Every cell is neutralised against formulas. Lines
 * end with CRLF; no byte order mark (add one for Excel when downloading). For large inputs in a
 * page, {@link scoredCsvParts} builds the same text without blocking.
 */
export function toScoredCsv(input: ProspectInput, scores: ProspectScores, options: { reasons?: number } = {}): string {
  return scoredCsvLines(input, scores, 0, scores.count, { ...options, header: true });
}

/**
 * The same text as {@link toScoredCsv}, as parts built in slices of about `sliceMs` (default 8 ms)
 * with `yieldNow` awaited between them: `new Blob(await scoredCsvParts(...), { type: 'text/csv' })`.
 */
export async function scoredCsvParts(
  input: ProspectInput,
  scores: ProspectScores,
  yieldNow: () => Promise<void>,
  options: { reasons?: number; sliceMs?: number } = {},
): Promise<string[]> {
  const parts = [scoredCsvLines(input, scores, 0, 0, { ...options, header: true })];
  const sliceMs = options.sliceMs ?? 8;
  let step = 256;
  for (let i = 0; i < scores.count;) {
    const t0 = Date.now();
    const to = Math.min(scores.count, i + step);
    parts.push(scoredCsvLines(input, scores, i, to, options));
    i = to;
    const took = Date.now() - t0;
    step = Math.max(64, Math.min(20000, took > 0 ? Math.round((step * sliceMs) / took / 2) : step * 2));
    if (i < scores.count) await yieldNow();
  }
  return parts;
}

/**
 * The scored CSV ({@link toScoredCsv}'s text) as one Blob, built at once: for a worker, where no
 * page waits (`scoreProspects(…, { keep: true }).exportBlob()` builds it there). `bom` puts a UTF-8
 * byte order mark first so spreadsheet programs read the file as UTF-8.
 */
export function scoredCsvBlob(
  input: ProspectInput,
  scores: ProspectScores,
  options: { reasons?: number; bom?: boolean } = {},
): Blob {
  const parts: string[] = options.bom ? ['\uFEFF'] : [];
  parts.push(scoredCsvLines(input, scores, 0, 0, { ...options, header: true }));
  for (let i = 0; i < scores.count; i += 5000) parts.push(scoredCsvLines(input, scores, i, i + 5000, options));
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

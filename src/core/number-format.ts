/**
 * The one number reader of every imported file (subscription data, prospects, clients, catalogues):
 * how a file writes its amounts is read from its content, never guessed from the page's language:
 * `dot` (`1,234.56`) or `comma` (`1.234,56`, `1 234,56`). An amount that reads two ways (`12.000`:
 * twelve, or twelve thousand) is never read silently: the detection reports the file `ambiguous`
 * and the user chooses; a cell read without a chosen format that still reads two ways is refused
 * (`ambiguousAmount`). Each reading is {@link parseAmount}'s, so the grouping rule holds here too
 * (a group character is followed by exactly three digits: `1,50` is not 1.5 in a `dot` file).
 */
import { MAX_AMOUNT, parseAmount, type ParseResult } from './money.js';
import { codeAt, type TextSource } from './text-source.js';

/** How a file writes decimals: `dot` (`1,234.56`) or `comma` (`1.234,56`, `1 234,56`). */
export type NumberFormat = 'dot' | 'comma';

/** What {@link NumberFormat} the sample amounts show: `ambiguous` when they read two ways
 * (`12.000`) or contradict each other (the user chooses); `unknown` when none needs a format. */
export type DetectedNumberFormat = NumberFormat | 'ambiguous' | 'unknown';

/** A locale whose parsing is each format: English for `dot`, German for `comma`. */
const LOCALE_OF: Record<NumberFormat, string> = { dot: 'en', comma: 'de' };

/** The number format a locale writes (`fr`, `de`: `comma`; `en`, `ar` with Latin digits: `dot`). */
export function numberFormatOfLocale(locale: string): NumberFormat {
  const r = parseAmount('1,5', locale);
  // A locale whose decimal mark is the comma reads `1,5` as 1.5; a `dot` locale refuses it.
  return r.ok && r.value === 1.5 ? 'comma' : 'dot';
}

/** The readings of `text` in both formats (null where it does not read). */
function readings(text: string): { dot: ParseResult; comma: ParseResult } {
  return { dot: parseAmount(text, LOCALE_OF.dot), comma: parseAmount(text, LOCALE_OF.comma) };
}

/** True when `text` reads as two different amounts, one per format (`12.000`, `1,500`). */
export function readsTwoWays(text: string): boolean {
  const r = readings(text);
  return r.dot.ok && r.comma.ok && r.dot.value !== r.comma.value;
}

/**
 * The number format of sample amount cells: `dot` or `comma` when some cell reads in only one of
 * them (`1.234,56` or `12,5` settles `comma`, `1,234.56` or `12.5` settles `dot`); `ambiguous` when
 * cells read two ways and none settles it, or when cells contradict each other; `unknown` when no
 * cell needs a format (whole numbers).
 */
export function detectNumberFormat(samples: readonly string[]): DetectedNumberFormat {
  let dot = false;
  let comma = false;
  let twoWays = false;
  for (const raw of samples) {
    const text = raw.trim();
    if (text === '' || INTEGER.test(text)) continue;
    const r = readings(text);
    if (r.dot.ok && r.comma.ok) twoWays ||= r.dot.value !== r.comma.value;
    else if (r.dot.ok) dot = true;
    else if (r.comma.ok) comma = true;
  }
  if (dot && comma) return 'ambiguous';
  if (dot) return 'dot';
  if (comma) return 'comma';
  return twoWays ? 'ambiguous' : 'unknown';
}

/** The first sample cell that reads two ways, to show in the question. */
export function twoWaySample(samples: readonly string[]): string | undefined {
  return samples.map((s) => s.trim()).find((s) => s !== '' && readsTwoWays(s));
}

/**
 * Up to `limit` non-empty cells of `columns` in `rows` (records keyed by header), for
 * {@link detectNumberFormat}: the first rows of each column, so one long column cannot hide another.
 */
export function sampleCells(
  rows: readonly Readonly<Record<string, string | undefined>>[],
  columns: readonly string[],
  limit = 2000,
): string[] {
  const out: string[] = [];
  const perColumn = Math.max(1, Math.ceil(limit / Math.max(1, columns.length)));
  for (const column of columns) {
    let taken = 0;
    for (let i = 0; i < rows.length && taken < perColumn; i++) {
      const cell = rows[i]?.[column];
      if (cell === undefined || cell.trim() === '') continue;
      out.push(cell);
      taken += 1;
    }
  }
  return out;
}

/** The result of {@link readFileAmount}. */
export type FileAmount = { ok: true; value: number } | { ok: false; code: 'badAmount' | 'tooLarge' | 'ambiguousAmount' };

const INTEGER = /^-?\d{1,15}$/;
const DOT_DECIMAL = /^-?\d+\.\d+$/;
const COMMA_DECIMAL = /^-?\d+,\d+$/;
/** One or two decimals after a dot: a comma file refuses it (a group is three digits), so it is a `dot` amount. */
const SHORT_DOT_DECIMAL = /^-?\d+\.\d{1,2}$/;

/** The cell as a number when it is plain (`1200`, `-3.5` in a `dot` file): no full parse per cell of a large file. */
function fastPath(text: string, format: NumberFormat | undefined): number | undefined {
  let value: number | undefined;
  if (INTEGER.test(text)) value = Number(text);
  else if (format === 'dot' ? DOT_DECIMAL.test(text) : format === undefined && SHORT_DOT_DECIMAL.test(text)) value = Number(text);
  else if (format === 'comma' && COMMA_DECIMAL.test(text)) value = Number(text.replace(',', '.'));
  return value !== undefined && Math.abs(value) <= MAX_AMOUNT ? (Object.is(value, -0) ? 0 : value) : undefined;
}

const DIGIT_0 = 48;

/**
 * The plain amount written in `text` from `start` to `end` (no spaces around it), read in place
 * from the character codes: what {@link fastPath} reads, for cells of at most 15 digits (then the
 * value is exact: `(whole × 10^k + fraction) ÷ 10^k` is one correctly rounded division, the double
 * `Number()` gives). Undefined for anything else, which the caller reads the slow way.
 */
export function plainAmountAt(
  text: TextSource,
  start: number,
  end: number,
  format: NumberFormat | undefined,
): number | undefined {
  let i = start;
  const negative = i < end && codeAt(text, i) === 45; // -
  if (negative) i += 1;
  let whole = 0;
  const wholeStart = i;
  for (; i < end; i++) {
    const d = codeAt(text, i) - DIGIT_0;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > 15) return undefined;
  let value = whole;
  if (i < end) {
    const mark = codeAt(text, i);
    // `.` in a dot file, or (no format chosen) before one or two decimals; `,` in a comma file.
    if (mark === 46 ? format === 'comma' : mark !== 44 || format !== 'comma') return undefined;
    const fractionStart = ++i;
    let fraction = 0;
    for (; i < end; i++) {
      const d = codeAt(text, i) - DIGIT_0;
      if (d < 0 || d > 9) return undefined;
      fraction = fraction * 10 + d;
    }
    const digits = i - fractionStart;
    if (digits === 0 || wholeDigits + digits > 15 || (format === undefined && digits > 2)) return undefined;
    const scale = 10 ** digits;
    value = (whole * scale + fraction) / scale;
  }
  if (value > MAX_AMOUNT) return undefined;
  return negative && value !== 0 ? -value : value;
}

/**
 * An amount cell of a file (spaces around it are ignored): read in `format` when chosen, else only
 * when both formats agree (`12.000` is `ambiguousAmount` then). Every import reads its numbers here.
 */
export function readFileAmount(text: string, format: NumberFormat | undefined): FileAmount {
  const trimmed = text.trim();
  const fast = plainAmountAt(trimmed, 0, trimmed.length, format) ?? fastPath(trimmed, format);
  if (fast !== undefined) return { ok: true, value: fast };
  if (format) {
    const r = parseAmount(trimmed, LOCALE_OF[format]);
    return r.ok ? r : { ok: false, code: r.code === 'tooLarge' ? 'tooLarge' : 'badAmount' };
  }
  const { dot, comma } = readings(trimmed);
  if (dot.ok && comma.ok) return dot.value === comma.value ? dot : { ok: false, code: 'ambiguousAmount' };
  if (dot.ok) return dot;
  if (comma.ok) return comma;
  return { ok: false, code: dot.code === 'tooLarge' || comma.code === 'tooLarge' ? 'tooLarge' : 'badAmount' };
}

/**
 * `readFileAmount`'s value, or undefined when the cell is empty or does not read (in `format`, or
 * two ways without one): for importers that only need the number.
 */
export function readFileNumber(text: string, format: NumberFormat | undefined): number | undefined {
  const r = readFileAmount(text, format);
  return r.ok ? r.value : undefined;
}

/**
 * A cell rewritten as plain decimal text when it reads in `format` and plain reading would get it
 * wrong (`1.200` in a `comma` file → `1200`, `1.234,5` → `1234.5`); anything else unchanged (`01234`,
 * words, a cell that does not read). For readers of plain numbers downstream (learning from clients).
 */
export function plainNumberText(cell: string, format: NumberFormat | undefined): string {
  const r = readFileAmount(cell, format);
  if (!r.ok) return cell;
  return Number(cell.trim()) === r.value ? cell : String(r.value);
}

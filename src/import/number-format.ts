/**
 * How a file writes its amounts, read from its content instead of guessed from the page's language:
 * `dot` (`1,234.56`) or `comma` (`1.234,56`, `1 234,56`). An amount that reads two ways (`12.000`:
 * twelve, or twelve thousand) is never read silently: the sniff reports the file `ambiguous` and
 * the user chooses; a row read without a chosen format that still reads two ways is reported.
 */
import { parseAmount } from '../core/money.js';
import type { DetectedNumberFormat, NumberFormat } from './types.js';

/** A locale whose parsing is each format: English for `dot`, German for `comma`. */
const LOCALE_OF: Record<NumberFormat, string> = { dot: 'en', comma: 'de' };

/** The readings of `text` in both formats (null where it does not read). */
function readings(text: string): { dot: number | null; comma: number | null } {
  const dot = parseAmount(text, LOCALE_OF.dot);
  const comma = parseAmount(text, LOCALE_OF.comma);
  return { dot: dot.ok ? dot.value : null, comma: comma.ok ? comma.value : null };
}

/** True when `text` reads as two different amounts, one per format (`12.000`, `1,500`). */
export function readsTwoWays(text: string): boolean {
  const r = readings(text);
  return r.dot !== null && r.comma !== null && r.dot !== r.comma;
}

/**
 * The number format of sample amount cells: `dot` or `comma` when some cell reads in only one of
 * them (`1.234,56` settles `comma`, `1,234.56` settles `dot`); `ambiguous` when cells read two ways
 * and none settles it, or when cells contradict each other; `unknown` when no cell needs a format
 * (whole numbers, `12.5`).
 */
export function detectNumberFormat(samples: readonly string[]): DetectedNumberFormat {
  let dot = false;
  let comma = false;
  let twoWays = false;
  for (const raw of samples) {
    const text = raw.trim();
    if (text === '') continue;
    const r = readings(text);
    if (r.dot !== null && r.comma !== null) twoWays ||= r.dot !== r.comma;
    else if (r.dot !== null) dot = true;
    else if (r.comma !== null) comma = true;
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

/** An amount cell of the file: read in `format` when chosen, else only when both formats agree. */
export function readFileAmount(
  text: string,
  format: NumberFormat | undefined,
): { ok: true; value: number } | { ok: false; code: 'badAmount' | 'tooLarge' | 'ambiguousAmount' } {
  if (format) {
    const r = parseAmount(text, LOCALE_OF[format]);
    return r.ok ? r : { ok: false, code: r.code === 'tooLarge' ? 'tooLarge' : 'badAmount' };
  }
  const dot = parseAmount(text, LOCALE_OF.dot);
  const comma = parseAmount(text, LOCALE_OF.comma);
  if (dot.ok && comma.ok) return dot.value === comma.value ? dot : { ok: false, code: 'ambiguousAmount' };
  if (dot.ok) return dot;
  if (comma.ok) return comma;
  return { ok: false, code: dot.code === 'tooLarge' || comma.code === 'tooLarge' ? 'tooLarge' : 'badAmount' };
}

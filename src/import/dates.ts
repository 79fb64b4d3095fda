/**
 * Date cells of subscription exports, read into `YYYY-MM-DD` (UTC). Pure functions, no `Date`
 * on the fast path: an import reads two dates a row and a million rows is ordinary.
 *
 * Accepted: ISO `2024-03-04`, `2024/03/04`, ISO date-times (`2024-03-04T10:00:00Z`,
 * `2024-03-04 10:00`, with an offset converted to UTC), day/month/year or month/day/year with `/`,
 * `.` or `-` (which one is never guessed from a single value: see {@link detectDateFormat}), and
 * Unix timestamps in seconds (or milliseconds when 13 digits).
 */
import type { DateFormat, DetectedDateFormat } from './types.js';

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month] || (month === 2 && day === 29 && isLeapYear(year));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function format(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** UTC day of an instant in milliseconds, or null outside years 1000–9999. */
function dayOfEpochMs(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return null;
  return format(y, d.getUTCMonth() + 1, d.getUTCDate());
}

/** Value of `count` decimal digits at `from`, or −1 when one is not a digit. */
function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[T ]|, ?)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?\s*(?:Z|UTC|GMT)?)?$/;
const UNIX = /^\d{9,10}$|^\d{12,13}$/;

function readIso(m: RegExpExecArray): string | null {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!validDay(year, month, day)) return null;
  const zone = m[7];
  if (!zone || /^(z|utc|gmt)$/i.test(zone) || m[4] === undefined) return format(year, month, day);
  // An offset: the UTC day may be the day before or after.
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  const ms = Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offsetMin * 60000;
  return dayOfEpochMs(ms);
}

function twoDigitYear(y: string): number {
  // Two-digit years in subscription data are this century's.
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * Reads a date cell into `YYYY-MM-DD` (UTC), or null when it is not a date in `dateFormat`.
 * ISO dates and Unix timestamps are read whatever the format (they cannot be mistaken);
 * `03/04/2024` needs `dmy` or `mdy` and is null under `iso`.
 */
export function parseDateCell(text: string, dateFormat: DateFormat = 'iso'): string | null {
  // Fast path, the common case: exactly `YYYY-MM-DD`, read from character codes.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) return validDay(year, month, day) ? text : null;
  }
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) return readIso(iso);
  if (UNIX.test(s)) return dayOfEpochMs(s.length >= 12 ? Number(s) : Number(s) * 1000);
  if (dateFormat !== 'dmy' && dateFormat !== 'mdy') return null;
  const m = SLASHED.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = twoDigitYear(m[4]);
  const [day, month] = dateFormat === 'dmy' ? [a, b] : [b, a];
  return validDay(year, month, day) ? format(year, month, day) : null;
}

/**
 * Which format the sample cells are written in. A first part above 12 (`25/03/2024`) settles
 * `dmy`, a second part above 12 settles `mdy`; when every sample has both parts ≤ 12 the answer is
 * `ambiguous` and the user chooses. Contradicting samples, or none that read as a date, give
 * `unknown`. Empty cells are ignored.
 */
export function detectDateFormat(samples: readonly string[]): DetectedDateFormat {
  let iso = 0;
  let unix = 0;
  let slashed = 0;
  let dmy = false;
  let mdy = false;
  for (const raw of samples) {
    const s = raw.trim();
    if (s === '') continue;
    if (ISO.test(s)) {
      iso += 1;
      continue;
    }
    if (UNIX.test(s)) {
      unix += 1;
      continue;
    }
    const m = SLASHED.exec(s);
    if (!m) return 'unknown';
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b > 12) return 'unknown';
    if (a > 12) dmy = true;
    if (b > 12) mdy = true;
    slashed += 1;
  }
  if (slashed > 0) {
    if (dmy && mdy) return 'unknown';
    if (dmy) return 'dmy';
    if (mdy) return 'mdy';
    return 'ambiguous';
  }
  if (iso > 0) return 'iso';
  if (unix > 0) return 'unix';
  return 'unknown';
}

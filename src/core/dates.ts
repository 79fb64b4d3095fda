/**
 * Calendar helpers for subscription data: ISO dates (`YYYY-MM-DD`, UTC) and months (`YYYY-MM`).
 *
 * A month is handled as a *month index*: `year × 12 + (month − 1)`, so consecutive months are
 * consecutive integers and ranges of months are plain integer ranges. Parsing reads character codes
 * directly (no `Date`, no `split`), because the movement engine parses two dates per period and a
 * million periods is an ordinary input.
 *
 * This module is the one date reader of the kit: the movement engine (period objects) and the CSV
 * import read dates with the same code and the same time-zone rule (see {@link readDay}).
 */

import { codeAt, textOf, type TextSource } from './text-source.js';

const CHAR_0 = 48;
const CHAR_DASH = 45;

/** Days in each month of a non-leap year, index 1–12. */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Value of the decimal digit at `i`, or −1 when it is not a digit. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - CHAR_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Reads an ISO date `YYYY-MM-DD` into a *day key*, `monthIndex × 32 + day`: dates compare as
 * numbers and `dayKey >> 5` is the month index, without a division (it is not a count of days).
 * Returns −1 when it is not a real calendar date (`2021-02-30`, `2021-13-01`, `21-1-5`, a number).
 * ISO date-times are read with the kit's one time-zone rule (see {@link readDay}):
 * `2021-03-01T23:00:00-05:00` is 2021-03-02, the UTC day. Years run from 1000 to 9999.
 */
export function parseIsoDay(s: unknown): number {
  if (typeof s !== 'string' || s.length < 10) return -1;
  if (s.length > 10) return readDay(s, 'iso');
  return parseIsoDayAt(s, 0);
}

/**
 * {@link parseIsoDay} of the ten characters of `s` from `at` (`YYYY-MM-DD`, no more), read in place
 * (from a string or its UTF-8 bytes): a CSV reader reads a date cell of a line without cutting it
 * out. −1 when they are not a date.
 */
export function parseIsoDayAt(s: TextSource, at: number): number {
  if (codeAt(s, at + 4) !== CHAR_DASH || codeAt(s, at + 7) !== CHAR_DASH) return -1;
  const y0 = codeAt(s, at) - CHAR_0;
  const y1 = codeAt(s, at + 1) - CHAR_0;
  const y2 = codeAt(s, at + 2) - CHAR_0;
  const y3 = codeAt(s, at + 3) - CHAR_0;
  const m0 = codeAt(s, at + 5) - CHAR_0;
  const m1 = codeAt(s, at + 6) - CHAR_0;
  const d0 = codeAt(s, at + 8) - CHAR_0;
  const d1 = codeAt(s, at + 9) - CHAR_0;
  // All eight are digits iff every d and 9 − d is ≥ 0 (NaN past the end is 0 here, but the caller
  // gives ten characters): one test instead of eight branches.
  const signs =
    y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1) | d0 | (9 - d0) | d1 | (9 - d1);
  if (signs < 0 || y0 === 0) return -1;
  return dayKey(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
}

/** Day key of a calendar date, or −1 when it is not one (years 1000–9999). */
function dayKey(year: number, month: number, day: number): number {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return -1;
  if (day > (DAYS_IN_MONTH[month] ?? 31) && !(month === 2 && day === 29 && isLeapYear(year))) return -1;
  return (year * 12 + month - 1) * 32 + day;
}

/** Month index (`year × 12 + month − 1`) of a day key from {@link parseIsoDay}. */
export function dayToMonthIndex(dayKey: number): number {
  return dayKey >> 5;
}

/**
 * Reads a month `YYYY-MM` (or a full ISO date, whose month is taken) into a month index, or −1 when
 * it is not one.
 */
export function parseMonth(s: unknown): number {
  if (typeof s !== 'string') return -1;
  if (s.length >= 10) {
    const dayKey = parseIsoDay(s);
    return dayKey < 0 ? -1 : dayToMonthIndex(dayKey);
  }
  if (s.length !== 7 || s.charCodeAt(4) !== CHAR_DASH) return -1;
  const y0 = digitAt(s, 0);
  const y1 = digitAt(s, 1);
  const y2 = digitAt(s, 2);
  const y3 = digitAt(s, 3);
  const m0 = digitAt(s, 5);
  const m1 = digitAt(s, 6);
  if ((y0 | y1 | y2 | y3 | m0 | m1) < 0 || y0 === 0) return -1;
  const month = m0 * 10 + m1;
  if (month < 1 || month > 12) return -1;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + month - 1;
}

/** `YYYY-MM` label of a month index: `monthLabel(2020 * 12 + 2)` is `'2020-03'`. */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** The month `count` months after `month` (`YYYY-MM`; negative counts go back). */
export function addMonths(month: string, count: number): string {
  const index = parseMonth(month);
  if (index < 0) throw new RangeError(`Not a month (YYYY-MM): ${String(month)}`);
  return monthLabel(index + count);
}

/** `YYYY-MM-DD` of a day key from {@link parseIsoDay}: `isoDay(parseIsoDay('2024-02-29'))` is `'2024-02-29'`. */
export function isoDay(dayKey: number): string {
  const day = dayKey & 31;
  return `${monthLabel(dayKey >> 5)}-${day < 10 ? '0' : ''}${day}`;
}

// ---------------------------------------------------------------------------------------------
// Date cells as exports write them

/** How date cells are written. `iso` covers `YYYY-MM-DD`, `YYYY/MM/DD` and ISO date-times. */
export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'unix';

/**
 * What {@link detectDateFormat} concludes from sample cells: `ambiguous` when every sample could be
 * day/month or month/day (`03/04/2024`): the UI asks; `unknown` when the samples are not dates.
 */
export type DetectedDateFormat = DateFormat | 'ambiguous' | 'unknown';

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[T ]|, ?)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?\s*(?:Z|UTC|GMT)?)?$/;
const UNIX = /^\d{9,10}$|^\d{12,13}$/;

/** Day key of the UTC day of an instant in milliseconds, or −1 outside years 1000–9999. */
function dayOfEpochMs(ms: number): number {
  if (!Number.isFinite(ms)) return -1;
  const d = new Date(ms);
  return dayKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function readIso(m: RegExpExecArray): number {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const key = dayKey(year, month, day);
  const zone = m[7];
  if (key < 0 || !zone || /^(z|utc|gmt)$/i.test(zone) || m[4] === undefined) return key;
  // An offset: the UTC day may be the day before or after.
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  return dayOfEpochMs(Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offsetMin * 60000);
}

/** Two-digit years in subscription data are this century's. */
function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * The kit's one date reader, for period objects and CSV cells alike. Returns a day key (see
 * {@link parseIsoDay}) or −1 when `text` is not a date written in `dateFormat`.
 *
 * **Time-zone rule**: every date is a calendar day in UTC. A date alone (`2024-03-04`) is that day;
 * a date-time with `Z`, `UTC`, `GMT` or no zone is the day written; a date-time with an offset
 * (`2024-03-04T23:30:00-02:00`) is converted to the UTC day (2024-03-05); a Unix timestamp (seconds,
 * or milliseconds when 12–13 digits) is its UTC day. The browser's own time zone is never used.
 *
 * ISO dates (`-`, `/` or `.` between the parts) and Unix timestamps are read whatever the format
 * (they cannot be mistaken); `03/04/2024` needs `dmy` or `mdy` and is −1 under `iso`.
 */
export function readDay(text: string, dateFormat: DateFormat = 'iso'): number {
  if (text.length === 10) {
    const key = parseIsoDayAt(text, 0);
    if (key >= 0) return key;
  }
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) return readIso(iso);
  if (UNIX.test(s)) return dayOfEpochMs(s.length >= 12 ? Number(s) : Number(s) * 1000);
  if (dateFormat !== 'dmy' && dateFormat !== 'mdy') return -1;
  const m = SLASHED.exec(s);
  if (!m) return -1;
  const [, first = '', , second = '', year = ''] = m;
  const a = Number(first);
  const b = Number(second);
  return dateFormat === 'dmy' ? dayKey(fullYear(year), b, a) : dayKey(fullYear(year), a, b);
}

/** {@link readDay} of `text.slice(start, end)` (a cell of a line), an ISO date read in place. */
export function readDayAt(text: TextSource, start: number, end: number, dateFormat: DateFormat = 'iso'): number {
  if (end - start === 10) {
    const key = parseIsoDayAt(text, start);
    if (key >= 0) return key;
  }
  return readDay(textOf(text, start, end), dateFormat);
}

/** {@link readDay} as `YYYY-MM-DD`, or null when `text` is not a date in `dateFormat`. */
export function parseDateCell(text: string, dateFormat: DateFormat = 'iso'): string | null {
  const key = readDay(text, dateFormat);
  return key < 0 ? null : isoDay(key);
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

/**
 * Calendar helpers for subscription data: ISO dates (`YYYY-MM-DD`, UTC) and months (`YYYY-MM`).
 *
 * A month is handled as a *month index*: `year × 12 + (month − 1)`, so consecutive months are
 * consecutive integers and ranges of months are plain integer ranges. Parsing reads character codes
 * directly (no `Date`, no `split`), because the movement engine parses two dates per period and a
 * million periods is an ordinary input.
 */

const CHAR_0 = 48;
const CHAR_DASH = 45;
const CHAR_T = 84;
const CHAR_SPACE = 32;

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
 * A time part after the date (`2021-03-01T00:00:00Z`, `2021-03-01 12:00`) is accepted and ignored,
 * since exports from billing systems often carry one. Years run from 1000 to 9999.
 */
export function parseIsoDay(s: unknown): number {
  if (typeof s !== 'string' || s.length < 10) return -1;
  if (s.length > 10) {
    const sep = s.charCodeAt(10);
    if (sep !== CHAR_T && sep !== CHAR_SPACE) return -1;
  }
  if (s.charCodeAt(4) !== CHAR_DASH || s.charCodeAt(7) !== CHAR_DASH) return -1;
  const y0 = s.charCodeAt(0) - CHAR_0;
  const y1 = s.charCodeAt(1) - CHAR_0;
  const y2 = s.charCodeAt(2) - CHAR_0;
  const y3 = s.charCodeAt(3) - CHAR_0;
  const m0 = s.charCodeAt(5) - CHAR_0;
  const m1 = s.charCodeAt(6) - CHAR_0;
  const d0 = s.charCodeAt(8) - CHAR_0;
  const d1 = s.charCodeAt(9) - CHAR_0;
  // All eight are digits iff every d and 9 − d is ≥ 0: one test instead of eight branches.
  const signs =
    y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1) | d0 | (9 - d0) | d1 | (9 - d1);
  if (signs < 0 || y0 === 0) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return -1;
  if (day > DAYS_IN_MONTH[month] && !(month === 2 && day === 29 && isLeapYear(year))) return -1;
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

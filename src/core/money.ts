/**
 * Money: amounts are integers in the currency's minor unit (cents, fils, yen) wherever a total is
 * computed; major units (plain numbers like 12.5) appear only at the edges (user input, display).
 */

import { currencyCodes, isIsoCurrency } from './currencies.js';

export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * The one interval table: how many of each interval fit in a month, as an exact fraction
 * [numerator, denominator]. A `Map`, so `constructor`, `__proto__` or `toString` are not intervals
 * (an object literal would answer them from `Object.prototype`).
 */
const MONTHS_PER_INTERVAL: ReadonlyMap<BillingInterval, readonly [number, number]> = new Map([
  ['day', [12, 365]], // a day is 12/365 of a month, so a daily price × 365/12 is monthly
  ['week', [12, 52]],
  ['month', [1, 1]],
  ['quarter', [3, 1]],
  ['year', [12, 1]],
] as const);

export const BILLING_INTERVALS: readonly BillingInterval[] = [...MONTHS_PER_INTERVAL.keys()];

/** True when `value` is one of {@link BILLING_INTERVALS} (an own entry of the table, nothing inherited). */
export function isBillingInterval(value: unknown): value is BillingInterval {
  return typeof value === 'string' && MONTHS_PER_INTERVAL.has(value as BillingInterval);
}

/** How exports write an interval (Stripe's `month`, `monthly`, `annual`, …), and one-time charges. */
let intervalWords: ReadonlyMap<string, BillingInterval | 'oneTime'> | undefined;
/** Built on first use: a page that reads no export (the calculator's) does not carry it. */
const INTERVAL_WORDS = () =>
  (intervalWords ??= new Map<string, BillingInterval | 'oneTime'>([
    ...BILLING_INTERVALS.map((b) => [b, b] as const),
    ...(
      [
        ['daily', 'day'],
        ['days', 'day'],
        ['weekly', 'week'],
        ['weeks', 'week'],
        ['monthly', 'month'],
        ['months', 'month'],
        ['mo', 'month'],
        ['quarterly', 'quarter'],
        ['quarters', 'quarter'],
        ['yearly', 'year'],
        ['years', 'year'],
        ['annual', 'year'],
        ['annually', 'year'],
        ['yr', 'year'],
      ] as const
    ).map(([word, interval]) => [word, interval] as const),
    ...['', 'one_time', 'one-time', 'one time', 'onetime', 'once', 'none', 'lifetime'].map((w) => [w, 'oneTime'] as const),
  ]));

/**
 * Reads an interval as exports write it (any case, spaces around): a {@link BillingInterval},
 * `'oneTime'` for a one-time charge (or an empty cell), or undefined when it is not an interval
 * (`fortnight`, `constructor`, `__proto__`).
 */
export function readInterval(text: string): BillingInterval | 'oneTime' | undefined {
  return INTERVAL_WORDS().get(text.trim().toLowerCase());
}

const digitsCache = new Map<string, number>();

/**
 * Tells {@link currencyDigits} the digits of currencies (code → digits, each as Intl gives them) so
 * that it answers them without asking Intl: its first currency format in a fresh worker takes
 * 11–14 ms (locale data loaded). The import worker tells it the common ones (`currency-digits.ts`).
 */
export function knowCurrencyDigits(known: Readonly<Record<string, number>>): void {
  for (const [code, digits] of Object.entries(known)) if (!digitsCache.has(code)) digitsCache.set(code, digits);
}

/** Number of minor-unit digits of an ISO 4217 currency, from Intl (JPY 0, EUR 2, KWD 3). */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}

/** True when `currency` is a currency code Intl accepts. */
export function isCurrency(currency: string): boolean {
  try {
    currencyDigits(currency);
    return /^[A-Za-z]{3}$/.test(currency);
  } catch {
    return false;
  }
}

/** Major units (12.34) to integer minor units (1234) of `currency`, rounded half away from zero. */
export function toMinor(amount: number, currency = 'USD'): number {
  const factor = 10 ** currencyDigits(currency);
  return roundHalfAway(amount * factor);
}

/** Integer minor units to major units. */
export function fromMinor(minor: number, currency = 'USD'): number {
  const digits = currencyDigits(currency);
  // toFixed-free division: exact for every integer below 2^53 divided by a power of ten that
  // is then printed; Number(x.toFixed) removes binary noise such as 0.30000000000000004.
  return Number((minor / 10 ** digits).toFixed(digits));
}

/**
 * Rounds half away from zero; rounds numbers like 1.005 * 100 = 100.49999999999999 correctly.
 * Never −0: −0.3 rounds to 0 (a −0 would print as "-0" and sum as a sign).
 */
export function roundHalfAway(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // Every double from 2^52 up is a whole number: nothing to round (and the nudge below would move it,
  // or overflow to Infinity next to Number.MAX_VALUE).
  if (abs >= 2 ** 52) return x;
  // A half written in decimal may arrive a few units of the last place below .5 (1.005 × 100 is
  // 100.49999999999999): within a relative 4ε of .5 it counts as a half. The tolerance is capped at
  // a quarter so that near 2^49 it cannot lift a whole number or a .3 to the next one (multiplying
  // by 1 + 4ε did: 528117672134664 became …665). `+ 0` turns −0 into 0.
  const floor = Math.floor(abs);
  // Up when the fraction (exact below 2^52) and the tolerance reach .5.
  return sign * (abs - floor + Math.min(abs * Number.EPSILON * 4, 0.25) < 0.5 ? floor : floor + 1) + 0;
}

/**
 * Monthly equivalent, in minor units, of a price charged every `intervalCount` `interval`s.
 * `toMonthlyMinor(200000, 'year')` is 16667 (2,000.00 a year is 166.67 a month). Throws a
 * `RangeError` for anything not in {@link BILLING_INTERVALS}.
 */
export function toMonthlyMinor(minor: number, interval: BillingInterval = 'month', intervalCount = 1): number {
  const fraction = MONTHS_PER_INTERVAL.get(interval);
  // An unknown interval is refused, never read as another one (a month, or a day).
  if (!fraction) throw new RangeError(`Not a billing interval: ${String(interval)}`);
  const [num, den] = fraction;
  const count = intervalCount > 0 && Number.isFinite(intervalCount) ? intervalCount : 1;
  return roundHalfAway((minor * den) / (num * count));
}

/**
 * Monthly equivalent of `amount` (major units) billed every `intervalCount` `interval`s, rounded to
 * the currency's minor unit: `toMonthly(2000, 'year')` is 166.67, `toMonthly(2400, 'year', 2)` is 100.
 */
export function toMonthly(amount: number, interval: BillingInterval = 'month', intervalCount = 1, currency = 'USD'): number {
  return fromMinor(toMonthlyMinor(toMinor(amount, currency), interval, intervalCount), currency);
}

const formatCache = new Map<string, Intl.NumberFormat>();

const canonical = new Map<string, string | undefined>();

/** `tag` as Intl accepts it (`en_US` → `en-US`), or undefined when it is not a locale at all. */
export function canonicalLocale(tag: string): string | undefined {
  if (!canonical.has(tag)) {
    let value: string | undefined;
    try {
      value = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
    } catch {
      value = undefined;
    }
    canonical.set(tag, value);
  }
  return canonical.get(tag);
}

/** A locale Intl accepts: formatting and parsing never throw on a malformed tag (English then). */
const safeLocale = (locale: string): string => canonicalLocale(locale) ?? 'en';

function cachedFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = formatCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), options);
    formatCache.set(key, f);
  }
  return f;
}

/**
 * `value` as `f` writes it, with no sign on a zero: −0, or −0.001 rounded to 0, prints "0" rather
 * than "-0" or "-$0.00", on every engine and in every numbering system (what `signDisplay:
 * 'negative'` does where it exists).
 */
const show = (f: Intl.NumberFormat, value: number): string =>
  f.format(value < 0 && f.format(-value) === f.format(0) ? 0 : value + 0);

export interface FormatMoneyOptions {
  /** Show no minor digits (for chart axes and large tiles). */
  compact?: boolean;
  /** Drop the minor digits when they are zero. */
  whole?: boolean;
  /** Round to whole units (headline figures); the value is rounded only for display. */
  round?: boolean;
}

/** Formats integer minor units as money in `locale` with Intl.NumberFormat. */
export function formatMoney(minor: number, currency = 'USD', locale = 'en', options: FormatMoneyOptions = {}): string {
  const digits = currencyDigits(currency);
  const value = Number.isFinite(minor) ? minor / 10 ** digits : 0;
  const opts: Intl.NumberFormatOptions = { style: 'currency', currency };
  if (options.compact) {
    opts.notation = 'compact';
    opts.maximumFractionDigits = 1;
  } else if (options.round || (options.whole && Number.isInteger(value))) {
    opts.minimumFractionDigits = 0;
    opts.maximumFractionDigits = 0;
  }
  return show(cachedFormat(locale, opts), value);
}

/** Formats a plain number (counts, months) in `locale`, with at least `minimumFractionDigits` decimals. */
export function formatNumber(value: number, locale = 'en', maximumFractionDigits = 0, minimumFractionDigits = 0): string {
  const options: Intl.NumberFormatOptions = minimumFractionDigits
    ? { minimumFractionDigits, maximumFractionDigits: Math.max(minimumFractionDigits, maximumFractionDigits) }
    : { maximumFractionDigits };
  return show(cachedFormat(locale, options), Number.isFinite(value) ? value : 0);
}

/** Formats a percent given as 0–100. */
export function formatPercent(pct: number, locale = 'en', maximumFractionDigits = 1): string {
  return show(cachedFormat(locale, { style: 'percent', maximumFractionDigits }), Number.isFinite(pct) ? pct / 100 : 0);
}

// ---------------------------------------------------------------------------------------------
// Parsing what people type

/**
 * Why a typed amount was refused. `strayLetters`: letters that are not a currency symbol or ISO
 * code (`12abc`); `straySign`: a doubled, trailing or misplaced sign (`--1`, `5-`); `badSeparator`:
 * a doubled or trailing separator (`1,,234`, `12.`); `badGrouping`: digit groups the locale cannot
 * write (`1,50`, `12,5`, `1,2345` or `12,34,567` in English: a group character is followed by
 * exactly three digits, in every locale); `notation`: an exponent or a hexadecimal number
 * (`1e5`, `0x1F`); `ambiguous`: it reads two ways (`1.234` in French); `mixedSeparators`: the
 * separators contradict each other (`1.234,56` in English).
 */
export type ParseErrorCode =
  | 'empty'
  | 'invalid'
  | 'ambiguous'
  | 'mixedSeparators'
  | 'tooManyDecimals'
  | 'negative'
  | 'tooLarge'
  | 'strayLetters'
  | 'straySign'
  | 'badSeparator'
  | 'badGrouping'
  | 'notation';

/**
 * The two ways a refused grouping could have been meant: the last group character as the decimal
 * mark (`1,50` → 1.5, written with `digits` = 2 decimals: "1.50"), or every group character as
 * grouping (`1,50` → 150).
 */
export interface GroupingReadings {
  decimal: number;
  grouped: number;
  digits: number;
}

export type ParseResult =
  | { ok: true; value: number }
  | { ok: false; code: ParseErrorCode; /** With `badGrouping`: the two readings to offer. */ readings?: GroupingReadings };

const ARABIC_INDIC = /[\u0660-\u0669]/g; // ٠١٢٣٤٥٦٧٨٩
const EXTENDED_ARABIC_INDIC = /[\u06F0-\u06F9]/g; // ۰۱۲۳۴۵۶۷۸۹
/** LRM, RLM, ALM and the embedding/isolate controls Intl and editors insert around numbers. */
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
/** Spaces, NBSP, NNBSP, figure and thin spaces, apostrophes (Swiss grouping): always a group mark. */
const SPACE_GROUP = /[\s\u00A0\u202F\u2007\u2009\u200A'\u2019]/;
const WHITESPACE = /[\s\u00A0\u202F\u2007\u2009\u200A]+/g;
const MINUS = /[-\u2212\u2012\u2013\uFE63\uFF0D]/;
const MINUS_ALL = /[-\u2212\u2012\u2013\uFE63\uFF0D]/g;
const SEPARATOR = /[.,\u066B\u066C'\u2019]/;
const PERCENT = /^[%\u066A]$/;
/** Largest amount accepted: keeps minor units of every currency far inside 2^53. */
export const MAX_AMOUNT = 1e12;

interface LocaleSeparators {
  /** Decimal marks: the number's and the currency's, which differ in some locales (fr-CH `,` and `.`). */
  decimal: ReadonlySet<string>;
  group: ReadonlySet<string>;
  /** Digits in the last group and in the groups before it: 3 and 3; 3 and 2 in `en-IN`. */
  primary: number;
  secondary: number;
}

const separatorCache = new Map<string, LocaleSeparators>();

/** The locale's decimal and group characters (of plain numbers and of money) and its group sizes. */
function localeSeparators(locale: string): LocaleSeparators {
  let s = separatorCache.get(locale);
  if (!s) {
    const options: Intl.NumberFormatOptions[] = [{}, { style: 'currency', currency: 'EUR' }];
    const parts = options.map((o) =>
      new Intl.NumberFormat(safeLocale(locale), { ...o, useGrouping: true, numberingSystem: 'latn' }).formatToParts(1234567890.5),
    );
    const groups = (parts[0] ?? []).filter((p) => p.type === 'integer').map((p) => p.value.length);
    const of = (type: string) => new Set(parts.flatMap((list) => list.filter((p) => p.type === type).map((p) => p.value)));
    s = {
      decimal: of('decimal'),
      group: of('group'),
      primary: groups.length > 1 ? (groups.at(-1) ?? 3) : 3,
      secondary: groups.length > 2 ? (groups.at(-2) ?? 3) : 3,
    };
    separatorCache.set(locale, s);
  }
  return s;
}

const symbolCache = new Map<string, Set<string>>();
const squash = (s: string): string => s.replace(WHITESPACE, '');

/** Every currency symbol Intl prints in `locale` (`$US`, `US$`, `ر.س.`, `CA$`, `zł`), spaces removed. */
function localeSymbols(locale: string): Set<string> {
  const key = safeLocale(locale);
  let set = symbolCache.get(key);
  if (!set) {
    set = new Set();
    for (const code of currencyCodes()) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        try {
          const part = new Intl.NumberFormat(key, { style: 'currency', currency: code, currencyDisplay })
            .formatToParts(1)
            .find((p) => p.type === 'currency');
          if (part) set.add(squash(part.value.replace(BIDI_MARKS, '')));
        } catch {
          // a code this engine cannot format: not a symbol here
        }
      }
    }
    symbolCache.set(key, set);
  }
  return set;
}

/**
 * True when `affix` (what stands beside the number, signs removed) may stand there: nothing, a
 * currency sign (`$`, `€`), an ISO code (`EUR`, `usd`), a symbol Intl prints in `locale` or in
 * English (`US$`, `$CA`, `ر.س.`), or a percent sign.
 */
function isAllowedAffix(affix: string, locale: string): boolean {
  const s = squash(affix);
  if (s === '' || PERCENT.test(s) || /^\p{Sc}+$/u.test(s) || isIsoCurrency(s)) return true;
  return localeSymbols(locale).has(s) || localeSymbols('en').has(s);
}

/** The refusal for an affix that is not allowed: letters, a separator left over, or other. */
function affixError(affix: string): ParseErrorCode {
  if (/\p{L}/u.test(affix)) return 'strayLetters';
  if (MINUS.test(affix) || affix.includes('+')) return 'straySign';
  if (SEPARATOR.test(affix)) return 'badSeparator';
  return 'invalid';
}

type Sep = 'decimal' | 'group' | 'foreign';
type Token = { kind: 'digits'; text: string } | { kind: Sep; ch: string };
const fail = (code: ParseErrorCode): ParseResult => ({ ok: false, code });

/**
 * Reads what stands around the number: at most one sign (before the number, on either side of a
 * currency symbol: `-$5`, `$-5`, `-5 €`) or accounting parentheses, a currency symbol or code, a
 * percent sign. Returns whether the amount is negative, or the refusal.
 */
function readAffixes(prefix: string, suffix: string, locale: string): { negative: boolean } | { code: ParseErrorCode } {
  let pre = prefix;
  let suf = suffix;
  // A sign after the number (`5-`) or two signs (`--1`, `-+1`, `-(5)`) is refused, never guessed.
  if (MINUS.test(suf) || suf.includes('+')) return { code: 'straySign' };
  const signs = (pre.match(MINUS_ALL)?.length ?? 0) + (pre.match(/\+/g)?.length ?? 0);
  const parens = pre.includes('(') || suf.includes(')');
  if (signs > 1 || (signs === 1 && parens)) return { code: 'straySign' };
  const open = pre.trimStart().startsWith('(');
  const close = suf.trimEnd().endsWith(')');
  if (open !== close) return { code: 'invalid' };
  if (open) {
    pre = pre.trimStart().slice(1);
    suf = suf.trimEnd().slice(0, -1);
  }
  let negative = open;
  if (signs === 1) {
    const at = pre.search(/[-+\u2212\u2012\u2013\uFE63\uFF0D]/);
    negative = pre[at] !== '+';
    const before = pre.slice(0, at);
    const after = pre.slice(at + 1);
    // One side of the sign may hold a symbol (`-$5`, `$-5`), not both (`$-€5`).
    if (squash(before) !== '' && squash(after) !== '')
      return { code: isAllowedAffix(before, locale) ? 'straySign' : affixError(before) };
    pre = before + after;
  }
  if (!isAllowedAffix(pre, locale)) return { code: affixError(pre) };
  if (!isAllowedAffix(suf, locale)) return { code: affixError(suf) };
  if (squash(pre) !== '' && squash(suf) !== '' && !PERCENT.test(squash(suf))) return { code: 'invalid' }; // `$5 €`
  return { negative };
}

/** True when the integer digit groups are ones `locale` (or the common 3-3 grouping) writes. */
function groupingFits(groups: readonly string[], primary: number, secondary: number): boolean {
  const first = groups[0] ?? '';
  const last = groups.at(-1) ?? '';
  const fits = (p: number, s: number): boolean =>
    last.length === p &&
    groups.slice(1, -1).every((g) => g.length === s) &&
    first.length >= 1 &&
    first.length <= (groups.length > 2 ? s : Math.max(p, s));
  return fits(3, 3) || fits(primary, secondary);
}

/**
 * Reads an amount typed in `locale` (en `1,234.56`, fr `1 234,56`, ar `١٬٢٣٤٫٥٦`), with a
 * currency symbol or ISO code before or after it, spaces around and the bidi marks Intl inserts.
 * Refuses with a reason instead of guessing (see {@link ParseErrorCode}): `1.234` typed in French
 * could be 1234 or 1.234 (`ambiguous`), `12abc` is not 12 (`strayLetters`), `--1` is not −1
 * (`straySign`), `1,2345` is not a number an English writer groups so (`badGrouping`). One rule for
 * grouping in every locale: the locale's group character is followed by exactly three digits (the
 * locale's own sizes too, `12,34,567` in `en-IN`), so `1,50` or `12,5` in English is refused, never
 * read as 1.5 or 12.5; the refusal carries both readings (`readings`: 1.50 or 150) for the message.
 * Whatever {@link formatMoney} prints in a locale reads back in that locale.
 */
export function parseAmount(text: string, locale = 'en'): ParseResult {
  if (typeof text !== 'string') return fail('invalid');
  const s = text
    .replace(BIDI_MARKS, '')
    .replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(EXTENDED_ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x06f0))
    .trim();
  if (s === '') return fail('empty');
  if (/\d[eE][-+\u2212]?\d/.test(s) || /(^|[^\d.,])0[xXbBoO][\dA-Fa-f]/.test(s)) return fail('notation');

  const first = s.search(/[0-9]/);
  if (first < 0) return fail('invalid');
  let last = s.length - 1;
  while (!/[0-9]/.test(s.charAt(last))) last -= 1;
  let prefix = s.slice(0, first);
  const suffix = s.slice(last + 1);
  let body = s.slice(first, last + 1);
  // A decimal mark directly before the first digit (".5") belongs to the number.
  const lead = prefix.slice(-1);
  if (lead === '.' || lead === ',' || lead === '\u066B') {
    prefix = prefix.slice(0, -1);
    body = lead + body;
  }
  // A separator left at either end: `12.`, `1,234,`, `,,5`.
  if (SEPARATOR.test(prefix.trimEnd().slice(-1)) || SEPARATOR.test(suffix.trimStart().charAt(0))) return fail('badSeparator');
  const affixes = readAffixes(prefix, suffix, locale);
  if ('code' in affixes) return fail(affixes.code);

  const { decimal: localeDecimal, group: localeGroup, primary, secondary } = localeSeparators(locale);
  const classify = (ch: string): Sep | null => {
    if (ch === '\u066B') return 'decimal'; // Arabic decimal separator
    if (ch === '\u066C') return 'group'; // Arabic thousands separator
    if (SPACE_GROUP.test(ch)) return 'group';
    if (ch === '.' || ch === ',') {
      if (localeDecimal.has(ch)) return 'decimal';
      if (localeGroup.has(ch)) return 'group';
      // The locale uses neither (Arabic digits, or `.` in French): resolved below.
      return 'foreign';
    }
    return null;
  };

  const tokens: Token[] = [];
  for (const ch of body) {
    if (ch >= '0' && ch <= '9') {
      const prev = tokens[tokens.length - 1];
      if (prev && prev.kind === 'digits') prev.text += ch;
      else tokens.push({ kind: 'digits', text: ch });
      continue;
    }
    const kind = classify(ch);
    if (!kind) {
      if (/\p{L}/u.test(ch)) return fail('strayLetters');
      if (MINUS.test(ch) || ch === '+') return fail('straySign');
      return fail('invalid');
    }
    const prev = tokens[tokens.length - 1];
    if (prev && prev.kind !== 'digits') {
      // Two separators in a row: spaces alone collapse ("1  234"); anything else is refused.
      if (/\s/.test(ch) && /\s/.test(prev.ch)) continue;
      return fail('badSeparator');
    }
    tokens.push({ kind, ch });
  }

  const seps = tokens.filter((t): t is { kind: Sep; ch: string } => t.kind !== 'digits');
  // Resolve 'foreign' separators (neither the locale's decimal nor its group character).
  if (seps.some((t) => t.kind === 'foreign')) {
    const foreignChars = new Set(seps.filter((t) => t.kind === 'foreign').map((t) => t.ch));
    if (foreignChars.size > 1) {
      // Both '.' and ',' and the locale uses neither: the last is the decimal mark.
      const lastSep = seps.at(-1)?.ch;
      for (const t of seps) if (t.kind === 'foreign') t.kind = t.ch === lastSep ? 'decimal' : 'group';
    } else {
      const ch = [...foreignChars][0];
      const count = seps.filter((t) => t.ch === ch).length;
      if (seps.some((t) => t.kind === 'decimal') || count > 1) {
        for (const t of seps) if (t.ch === ch) t.kind = 'group';
      } else {
        const idx = tokens.findIndex((t) => t.kind === 'foreign');
        const after = tokens[idx + 1];
        const afterLen = after && after.kind === 'digits' ? after.text.length : 0;
        if (afterLen === 3 && idx > 0) return fail('ambiguous');
        (tokens[idx] as { kind: Sep }).kind = 'decimal';
      }
    }
  }

  // Shape: digits (group digits)* [decimal digits]
  const groups: string[] = [];
  let fracPart = '';
  let seenDecimal = false;
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'digits') {
      if (seenDecimal) fracPart += t.text;
      else if (tokens[i - 1]?.kind === 'group') groups.push(t.text);
      else groups.push(t.text);
      continue;
    }
    if (t.kind === 'decimal') {
      if (seenDecimal) return fail('mixedSeparators');
      seenDecimal = true;
      continue;
    }
    if (seenDecimal) return fail('mixedSeparators');
    if (i === 0) return fail('badSeparator');
  }
  const grouped = tokens.some((t) => t.kind === 'group');
  if (grouped && !groupingFits(groups, primary, secondary)) {
    if (seps.some((x) => x.ch === '.') && seps.some((x) => x.ch === ',')) return fail('mixedSeparators');
    // One group character and no decimal mark (`1,50`, `12,5`, `1,2345` in English): either the
    // character was meant as the decimal mark or the digits were grouped wrongly. Say both readings.
    const chars = new Set(seps.map((x) => x.ch));
    if (seenDecimal || chars.size !== 1) return fail('badGrouping');
    const sign = affixes.negative ? -1 : 1;
    const last = groups.at(-1) ?? '';
    return {
      ok: false,
      code: 'badGrouping',
      readings: {
        // `+ 0`: `-0,00` offers 0 and 0, never −0.
        decimal: sign * Number(`${groups.slice(0, -1).join('')}.${last}`) + 0,
        grouped: sign * Number(groups.join('')) + 0,
        digits: last.length,
      },
    };
  }
  const intPart = groups.join('') || '0';
  const value = Number(`${intPart}.${fracPart || '0'}`);
  if (!Number.isFinite(value)) return fail('invalid');
  if (value > MAX_AMOUNT) return fail('tooLarge');
  return { ok: true, value: affixes.negative && value !== 0 ? -value : value };
}

/**
 * Reads money typed in `locale` into integer minor units of `currency`; more decimals than the
 * currency has (`12.345` in EUR) is an error rather than a silent rounding.
 */
export function parseMoney(
  text: string,
  currency = 'USD',
  locale = 'en',
  { allowNegative = false }: { allowNegative?: boolean } = {},
): ParseResult {
  const r = parseAmount(text, locale);
  if (!r.ok) return r;
  if (r.value < 0 && !allowNegative) return { ok: false, code: 'negative' };
  const digits = currencyDigits(currency);
  const minor = toMinor(r.value, currency);
  if (Math.abs(minor / 10 ** digits - r.value) > 1e-9 * Math.max(1, Math.abs(r.value))) {
    return { ok: false, code: 'tooManyDecimals' };
  }
  return { ok: true, value: minor };
}

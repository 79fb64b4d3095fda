/**
 * Money: amounts are integers in the currency's minor unit (cents, fils, yen) wherever a total is
 * computed; major units (plain numbers like 12.5) appear only at the edges (user input, display).
 */

export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const BILLING_INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'quarter', 'year'];

/** How many of each interval fit in a month, as an exact fraction [numerator, denominator]. */
const MONTHS_PER_INTERVAL: Record<BillingInterval, readonly [number, number]> = {
  day: [12, 365], // a day is 12/365 of a month, so a daily price × 365/12 is monthly
  week: [12, 52],
  month: [1, 1],
  quarter: [3, 1],
  year: [12, 1],
};

const digitsCache = new Map<string, number>();

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

/** Rounds half away from zero; rounds numbers like 1.005 * 100 = 100.49999999999999 correctly. */
export function roundHalfAway(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // Nudge by a relative epsilon so that representation error does not flip a half.
  return sign * Math.round(abs * (1 + Number.EPSILON * 4));
}

/**
 * Monthly equivalent, in minor units, of a price charged every `intervalCount` `interval`s.
 * `toMonthlyMinor(200000, 'year')` is 16667 (2,000.00 a year is 166.67 a month).
 */
export function toMonthlyMinor(minor: number, interval: BillingInterval = 'month', intervalCount = 1): number {
  const [num, den] = MONTHS_PER_INTERVAL[interval] ?? MONTHS_PER_INTERVAL.month;
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
  return cachedFormat(locale, opts).format(value);
}

/** Formats a plain number (counts, months) in `locale`. */
export function formatNumber(value: number, locale = 'en', maximumFractionDigits = 0): string {
  return cachedFormat(locale, { maximumFractionDigits }).format(Number.isFinite(value) ? value : 0);
}

/** Formats a percent given as 0–100. */
export function formatPercent(pct: number, locale = 'en', maximumFractionDigits = 1): string {
  return cachedFormat(locale, { style: 'percent', maximumFractionDigits }).format(Number.isFinite(pct) ? pct / 100 : 0);
}

// ---------------------------------------------------------------------------------------------
// Parsing what people type

export type ParseErrorCode = 'empty' | 'invalid' | 'ambiguous' | 'mixedSeparators' | 'tooManyDecimals' | 'negative' | 'tooLarge';

export type ParseResult = { ok: true; value: number } | { ok: false; code: ParseErrorCode };

const ARABIC_INDIC = /[\u0660-\u0669]/g; // ٠١٢٣٤٥٦٧٨٩
const EXTENDED_ARABIC_INDIC = /[\u06F0-\u06F9]/g; // ۰۱۲۳۴۵۶۷۸۹
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const SPACES = /[\s\u00A0\u202F\u2007\u2009\u200A']/; // spaces, NBSP, NNBSP, thin spaces, apostrophe
const MINUS = /[-\u2212\u2012\u2013\uFE63\uFF0D]/;
/** Largest amount accepted: keeps minor units of every currency far inside 2^53. */
export const MAX_AMOUNT = 1e12;

const separatorCache = new Map<string, { decimal: string; group: string }>();

function localeSeparators(locale: string): { decimal: string; group: string } {
  let s = separatorCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(safeLocale(locale), { useGrouping: true }).formatToParts(1234567.5);
    s = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorCache.set(locale, s);
  }
  return s;
}

type Sep = 'decimal' | 'group' | 'foreign';

/**
 * Reads an amount typed in `locale` (en `1,234.56`, fr `1 234,56`, ar `١٬٢٣٤٫٥٦`), ignoring a
 * currency symbol or code before or after it. Returns a reasoned error instead of guessing:
 * `1.234` typed in French could be 1234 or 1.234, so it is `ambiguous`; `1.234,56` typed in English
 * is `mixedSeparators`. Separators that cannot be a thousands separator (a `,` followed by other than
 * three digits in English) are read as the decimal mark.
 */
export function parseAmount(text: string, locale = 'en'): ParseResult {
  if (typeof text !== 'string') return { ok: false, code: 'invalid' };
  let s = text
    .replace(BIDI_MARKS, '')
    .replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(EXTENDED_ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x06f0))
    .trim();
  if (s === '') return { ok: false, code: 'empty' };

  // Keep the span from the first to the last digit; what is outside is a currency symbol or sign.
  const first = s.search(/[0-9]/);
  if (first < 0) return { ok: false, code: 'invalid' };
  let last = s.length - 1;
  while (last >= 0 && !/[0-9]/.test(s[last])) last -= 1;
  const prefix = s.slice(0, first);
  const suffix = s.slice(last + 1);
  let negative = false;
  // A decimal mark directly before the first digit (".5") belongs to the number.
  let body = s.slice(first, last + 1);
  const lead = prefix.slice(-1);
  if (lead === '.' || lead === ',' || lead === '\u066B') body = lead + body;
  const outside = (lead === '.' || lead === ',' || lead === '\u066B' ? prefix.slice(0, -1) : prefix) + suffix;
  if (MINUS.test(outside) || (prefix.includes('(') && suffix.includes(')'))) negative = true;
  // Anything left outside must look like a currency symbol/code, not digits' neighbours like 'e'.
  if (/[0-9]/.test(outside) || /[eE][+-]?$/.test(prefix) || /^[eE]/.test(suffix)) return { ok: false, code: 'invalid' };
  s = body;

  const { decimal: localeDecimal, group: localeGroup } = localeSeparators(locale);
  // Classify every separator character.
  const classify = (ch: string): Sep | null => {
    if (ch === '\u066B') return 'decimal'; // Arabic decimal separator
    if (ch === '\u066C') return 'group'; // Arabic thousands separator
    if (SPACES.test(ch)) return 'group';
    if (ch === '.' || ch === ',') {
      if (ch === localeDecimal) return 'decimal';
      if (ch === localeGroup) return 'group';
      // The locale uses neither (Arabic digits): '.' as decimal, ',' as group is how the
      // Latin-digit Arabic format writes them, but neither is the locale's own character.
      return 'foreign';
    }
    return null;
  };

  const tokens: Array<{ kind: 'digits'; text: string } | { kind: Sep; ch: string }> = [];
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') {
      const prev = tokens[tokens.length - 1];
      if (prev && prev.kind === 'digits') prev.text += ch;
      else tokens.push({ kind: 'digits', text: ch });
      continue;
    }
    const kind = classify(ch);
    if (!kind) return { ok: false, code: 'invalid' };
    const prev = tokens[tokens.length - 1];
    if (kind === 'group' && SPACES.test(ch) && prev && prev.kind === 'group') continue; // "1  234"
    tokens.push({ kind, ch });
  }

  const seps = tokens.filter((t) => t.kind !== 'digits') as Array<{ kind: Sep; ch: string }>;
  // Resolve 'foreign' separators (neither the locale's decimal nor its group character).
  if (seps.some((t) => t.kind === 'foreign')) {
    const foreignChars = new Set(seps.filter((t) => t.kind === 'foreign').map((t) => t.ch));
    if (foreignChars.size > 1) {
      // Both '.' and ',' and the locale uses neither: read the last as decimal if the shape fits.
      const lastSep = seps[seps.length - 1];
      for (const t of seps) if (t.kind === 'foreign') t.kind = t.ch === lastSep.ch ? 'decimal' : 'group';
    } else {
      const ch = [...foreignChars][0];
      const count = seps.filter((t) => t.ch === ch).length;
      const hasDecimal = seps.some((t) => t.kind === 'decimal');
      if (hasDecimal) {
        for (const t of seps) if (t.ch === ch) t.kind = 'group';
      } else if (count > 1) {
        for (const t of seps) if (t.ch === ch) t.kind = 'group';
      } else {
        const idx = tokens.findIndex((t) => t.kind === 'foreign');
        const after = tokens[idx + 1];
        const afterLen = after && after.kind === 'digits' ? after.text.length : 0;
        if (afterLen === 3 && idx > 0) return { ok: false, code: 'ambiguous' };
        (tokens[idx] as { kind: Sep }).kind = 'decimal';
      }
    }
  }

  // A group separator followed by other than three digits, with no decimal mark anywhere, is a
  // decimal mark typed the other way ("12,5" in English): unambiguous, so read it so.
  const decimals = tokens.filter((t) => t.kind === 'decimal').length;
  const groupChars = tokens.filter((t) => t.kind === 'group' && (t.ch === '.' || t.ch === ','));
  if (decimals === 0 && groupChars.length === 1) {
    const idx = tokens.indexOf(groupChars[0]);
    const after = tokens[idx + 1];
    if (after && after.kind === 'digits' && after.text.length !== 3 && tokens.length === 3) {
      (tokens[idx] as { kind: Sep }).kind = 'decimal';
    }
  }

  // Validate shape: [digits (group digits{3})*] [decimal digits]
  let intPart = '';
  let fracPart = '';
  let seenDecimal = false;
  let seenGroup = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'digits') {
      if (seenDecimal) fracPart += t.text;
      else {
        const prev = tokens[i - 1];
        if (prev && prev.kind === 'group' && t.text.length !== 3) {
          return {
            ok: false,
            code: seps.some((x) => x.ch === '.') && seps.some((x) => x.ch === ',') ? 'mixedSeparators' : 'invalid',
          };
        }
        intPart += t.text;
      }
      continue;
    }
    if (t.kind === 'decimal') {
      if (seenDecimal) return { ok: false, code: 'mixedSeparators' };
      seenDecimal = true;
      const next = tokens[i + 1];
      if (!next || next.kind !== 'digits') return { ok: false, code: 'invalid' };
      continue;
    }
    // group
    if (seenDecimal) return { ok: false, code: 'mixedSeparators' };
    const prev = tokens[i - 1];
    if (!prev || prev.kind !== 'digits') return { ok: false, code: 'invalid' };
    if (!seenGroup && prev.text.length > 3) return { ok: false, code: 'invalid' };
    seenGroup = true;
  }
  if (intPart === '') intPart = '0';
  const value = Number(`${intPart}.${fracPart || '0'}`);
  if (!Number.isFinite(value)) return { ok: false, code: 'invalid' };
  if (value > MAX_AMOUNT) return { ok: false, code: 'tooLarge' };
  return { ok: true, value: negative && value !== 0 ? -value : value };
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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BILLING_INTERVALS,
  type BillingInterval,
  isBillingInterval,
  readInterval,
  currencyDigits,
  knowCurrencyDigits,
  formatMoney,
  fromMinor,
  parseAmount,
  parseMoney,
  toMinor,
  toMonthly,
  toMonthlyMinor,
  formatNumber,
  roundHalfAway,
} from '../../src/core/money.js';
import { COMMON_CURRENCY_DIGITS } from '../../src/core/currency-digits.js';

describe('currencyDigits', () => {
  it('reads minor digits from Intl', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('usd')).toBe(2);
  });

  it('knows the digits of common currencies as Intl gives them', () => {
    const intl = (code: string) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
    knowCurrencyDigits(COMMON_CURRENCY_DIGITS);
    const known = Object.entries(COMMON_CURRENCY_DIGITS);
    expect(known.length).toBeGreaterThan(20);
    for (const [code, digits] of known) {
      expect(digits, code).toBe(intl(code));
      expect(currencyDigits(code.toLowerCase()), code).toBe(digits);
    }
    // Others still come from Intl; a code Intl refuses still throws.
    expect(currencyDigits('ISK')).toBe(intl('ISK'));
    expect(() => currencyDigits('US$')).toThrow(RangeError);
  });
});

describe('roundHalfAway', () => {
  it('rounds decimal halves up despite binary noise, and never lifts a whole number', () => {
    expect(roundHalfAway(1.005 * 100)).toBe(101); // 100.49999999999999
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(2.4999)).toBe(2);
    // A KWD mix of 528,117,672,134.664 round-tripped to minor units became …665.
    expect(roundHalfAway(528117672134664)).toBe(528117672134664);
    expect(toMinor(fromMinor(528117672134664, 'KWD'), 'KWD')).toBe(528117672134664);
  });

  it('gives back every whole number of minor units below 2^53 through major units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.constantFrom('USD', 'KWD', 'JPY'), (minor, currency) => {
        expect(toMinor(fromMinor(minor, currency), currency)).toBe(minor + 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toMonthly', () => {
  it('normalises billing intervals to a month, rounded to the minor unit', () => {
    expect(toMonthly(2000, 'year')).toBe(166.67);
    expect(toMonthly(300, 'quarter')).toBe(100);
    expect(toMonthly(2400, 'year', 2)).toBe(100);
    expect(toMonthly(100, 'month')).toBe(100);
    expect(toMonthly(10, 'day')).toBe(304.17); // 10 × 365 / 12
    expect(toMonthly(10, 'week')).toBe(43.33); // 10 × 52 / 12
    expect(toMonthly(1000, 'year', 1, 'JPY')).toBe(83);
    expect(toMonthly(1, 'year', 1, 'KWD')).toBe(0.083);
  });
  it('works in minor units', () => {
    expect(toMonthlyMinor(200000, 'year')).toBe(16667);
    expect(toMonthlyMinor(60000, 'year')).toBe(5000);
  });
});

describe('minor units', () => {
  it('converts without float drift', () => {
    expect(toMinor(1.005)).toBe(101);
    expect(toMinor(0.1 + 0.2)).toBe(30);
    expect(fromMinor(30)).toBe(0.3);
    expect(toMinor(12.5, 'JPY')).toBe(13);
    expect(toMinor(1.2345, 'KWD')).toBe(1235);
  });
});

describe('parseAmount', () => {
  const ok = (text: string, locale: string, value: number) =>
    expect(parseAmount(text, locale), `${text} in ${locale}`).toEqual({ ok: true, value });
  const err = (text: string, locale: string, code: string) =>
    expect(parseAmount(text, locale), `${text} in ${locale}`).toEqual({ ok: false, code });

  it('reads English, French and Arabic ways of writing numbers', () => {
    ok('1,234.56', 'en', 1234.56);
    ok('1234.56', 'en', 1234.56);
    ok('1 234,56', 'fr', 1234.56);
    ok('1\u202f234,56', 'fr', 1234.56);
    ok('1234,56', 'fr', 1234.56);
    ok('١٬٢٣٤٫٥٦', 'ar', 1234.56);
    ok('١٢٣٤', 'ar', 1234);
    ok('1,234.56', 'ar', 1234.56);
    ok('$1,234.56', 'en', 1234.56);
    ok('1 234,56 €', 'fr', 1234.56);
    ok('-12.5', 'en', -12.5);
    ok('.5', 'en', 0.5);
    ok('12.5', 'fr', 12.5);
    ok('1,234,567', 'en', 1234567);
  });

  it('refuses to guess', () => {
    expect(parseAmount('1.234,56', 'en').ok).toBe(false);
    expect((parseAmount('1.234,56', 'en') as { code: string }).code).toBe('mixedSeparators');
    err('1.234', 'fr', 'ambiguous');
    err('', 'en', 'empty');
    err('   ', 'en', 'empty');
    err('abc', 'en', 'invalid');
    err('1e5', 'en', 'notation');
    err('12abc34', 'en', 'strayLetters');
    expect(parseAmount('1,23,4', 'en')).toMatchObject({ ok: false, code: 'badGrouping' });
    err('1.2.3', 'en', 'mixedSeparators');
    err('99999999999999', 'en', 'tooLarge');
  });

  it('refuses, with a reason, what it would have to guess', () => {
    // letters that are not a currency symbol or code
    err('12abc', 'en', 'strayLetters');
    err('12 abc', 'en', 'strayLetters');
    err('abc 12', 'en', 'strayLetters');
    err('١٢abc', 'ar', 'strayLetters');
    err('١٢ دولار', 'ar', 'strayLetters');
    err('12 k', 'en', 'strayLetters');
    err('1 2 3 x', 'fr', 'strayLetters');
    err('$12abc', 'en', 'strayLetters');
    // stray or doubled signs
    err('--1', 'en', 'straySign');
    err('-+1', 'en', 'straySign');
    err('5-', 'en', 'straySign');
    err('5 -', 'fr', 'straySign');
    err('-(5)', 'en', 'straySign');
    err('1-2', 'en', 'straySign');
    // doubled or trailing separators
    err('1,,234', 'en', 'badSeparator');
    err('1..5', 'en', 'badSeparator');
    err('12.', 'en', 'badSeparator');
    err('1,234,', 'en', 'badSeparator');
    err('12,', 'fr', 'badSeparator');
    err('1 ,234', 'en', 'badSeparator');
    err(',,5', 'en', 'badSeparator');
    // grouping impossible in the locale
    const grouping = (text: string, locale: string) => expect(parseAmount(text, locale)).toMatchObject({ code: 'badGrouping' });
    grouping('1,2345', 'en');
    grouping('12,34,567', 'en');
    grouping('1234,567', 'en');
    grouping('1 2345', 'fr');
    // exponents and hex
    err('1e5', 'en', 'notation');
    err('1E-3', 'en', 'notation');
    err('2.5e3', 'en', 'notation');
    err('0x1F', 'en', 'notation');
    err('0xff', 'en', 'notation');
    err('Infinity', 'en', 'invalid');
  });

  it('keeps reading what people really type', () => {
    ok('$1,234', 'en', 1234);
    ok('12 €', 'fr', 12);
    ok('12 €', 'en', 12);
    ok('12€', 'en', 12);
    ok('EUR 12', 'en', 12);
    ok('12 usd', 'en', 12);
    ok('١٬٢٣٤٫٥٦', 'ar', 1234.56);
    ok('١٬٢٣٤٫٥٦', 'ar-EG', 1234.56);
    ok('-5', 'en', -5);
    ok('−5', 'en', -5);
    ok('+5', 'en', 5);
    ok('  42  ', 'en', 42);
    ok('\u00a0 42 \u202f', 'fr', 42);
    ok('1 234,56', 'fr', 1234.56);
    ok('1\u202f234,56', 'fr', 1234.56);
    ok('1\u00a0234,56', 'fr-CA', 1234.56);
    ok('1  234', 'fr', 1234);
    ok('-$5', 'en', -5);
    ok('$-5', 'en', -5);
    ok('($5)', 'en', -5);
    ok('3%', 'en', 3);
    ok('12,34,567.50', 'en-IN', 1234567.5);
    ok('1,234,567', 'en-IN', 1234567);
    ok("1'234.50", 'de-CH', 1234.5);
    ok('1.234,50 €', 'de', 1234.5);
    ok('1 234,56 $US', 'fr', 1234.56);
    ok('1 234,56 $ US', 'fr-CA', 1234.56);
    ok('١٢٣ ر.س.', 'ar', 123);
    ok('US$ 12', 'ar', 12);
    ok('0.5', 'en', 0.5);
    ok('12.50', 'fr', 12.5);
  });

  it('one grouping rule in every locale: a group character is followed by exactly three digits', () => {
    const readings = (text: string, locale: string, decimal: number, grouped: number, digits: number) =>
      expect(parseAmount(text, locale), `${text} in ${locale}`).toEqual({
        ok: false,
        code: 'badGrouping',
        readings: { decimal, grouped, digits },
      });
    // English: `1,50` was read as 1.5 and `12,5` as 12.5; `1,500` is still 1500.
    readings('1,50', 'en', 1.5, 150, 2);
    readings('12,5', 'en', 12.5, 125, 1);
    readings('-1,50', 'en', -1.5, -150, 2);
    readings('$1,50', 'en', 1.5, 150, 2);
    readings('1,2345', 'en', 1.2345, 12345, 4);
    readings('12,34,567', 'en', 1234.567, 1234567, 3);
    ok('1,500', 'en', 1500);
    ok('1,234,567', 'en', 1234567);
    // French groups with spaces, German with dots, Arabic with its own mark (and `,` in Latin digits).
    readings('1 50', 'fr', 1.5, 150, 2);
    readings('1\u202f5', 'fr', 1.5, 15, 1);
    readings('1.50', 'de', 1.5, 150, 2);
    readings('١٬٥٠', 'ar', 1.5, 150, 2);
    readings('1,50', 'ar', 1.5, 150, 2);
    ok('1 500', 'fr', 1500);
    ok('1.500', 'de', 1500);
    ok('١٬٥٠٠', 'ar', 1500);
    // The decimal mark of the locale is not concerned, nor a dot in French (not its group character).
    ok('1,50', 'fr', 1.5);
    ok('12.5', 'fr', 12.5);
    ok('1,50', 'de', 1.5);
    // A decimal mark already there: no second reading to offer.
    expect(parseAmount('1 50.5', 'en')).toEqual({ ok: false, code: 'badGrouping' });
  });

  it('reads back what Intl prints, bidi marks included (en, fr, ar, ar-EG, fa digits)', () => {
    ok('\u200f\u200e-1,234.56\u00a0US$', 'ar', -1234.56);
    ok('\u061c-\u200f١٬٢٣٤٫٥٦\u00a0ر.س.\u200f', 'ar-EG', -1234.56);
    ok('\u200e\u2212\u200e$۱٬۲۳۴٫۵۶', 'fa', -1234.56);
    ok('-1\u202f234,56\u00a0€', 'fr', -1234.56);
    ok("$-1'234.56", 'de-CH', -1234.56);
  });

  it('never reads 1.234,56 as 1.234', () => {
    for (const locale of ['en', 'fr', 'ar']) {
      const r = parseAmount('1.234,56', locale);
      if (r.ok) expect(r.value).toBe(1234.56);
    }
  });

  it('parseMoney refuses more decimals than the currency has', () => {
    expect(parseMoney('12.345', 'EUR', 'en')).toEqual({ ok: false, code: 'tooManyDecimals' });
    expect(parseMoney('12.345', 'KWD', 'en')).toEqual({ ok: true, value: 12345 });
    expect(parseMoney('-1', 'EUR', 'en')).toEqual({ ok: false, code: 'negative' });
    expect(parseMoney('1 234,5', 'EUR', 'fr')).toEqual({ ok: true, value: 123450 });
  });

  it('round-trips formatMoney in en, fr and ar for every currency digit count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom('en', 'fr', 'ar', 'en-US', 'fr-FR', 'ar-EG', 'ar-SA'),
        fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'SAR'),
        (minor, locale, currency) => {
          const text = formatMoney(minor, currency, locale);
          const r = parseMoney(text, currency, locale, { allowNegative: true });
          expect(r, text).toEqual({ ok: true, value: minor });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('locales Intl cannot read', () => {
  it('format and parse without throwing (en_US is en-US; nonsense falls back to English)', () => {
    expect(formatMoney(123456, 'USD', 'en_US')).toBe('$1,234.56');
    expect(formatMoney(123456, 'USD', 'not a locale!')).toBe('$1,234.56');
    expect(parseAmount('1,234.56', 'not a locale!')).toEqual({ ok: true, value: 1234.56 });
  });
});

/** Locales whose number format the kit can be given (`locale` attribute): the three languages and
 * their regional forms, plus the grouping and digit styles Intl has (Indian, Swiss, Arabic digits). */
const LOCALES = [
  'en',
  'en-US',
  'en-GB',
  'en-IN',
  'fr',
  'fr-FR',
  'fr-CA',
  'fr-CH',
  'ar',
  'ar-EG',
  'ar-SA',
  'ar-MA',
  'ar-AE',
  'de',
  'de-CH',
  'es',
];
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'SAR', 'EGP', 'CAD', 'GBP', 'CHF', 'INR'];

describe('parseAmount properties', () => {
  it('formatMoney → parseAmount round-trips in every supported locale, every display option', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom({}, { whole: true }, { round: true }),
        (minor, locale, currency, options) => {
          const text = formatMoney(minor, currency, locale, options);
          const digits = currencyDigits(currency);
          const shown = options.round ? roundHalfAway(minor / 10 ** digits) * 10 ** digits : minor;
          const r = parseMoney(text, currency, locale, { allowNegative: true });
          expect(r, JSON.stringify(text)).toEqual({ ok: true, value: Math.abs(shown) === 0 ? 0 : shown });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('any string with a stray letter is refused', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzXQZbأبتثجحخ'.split(''));
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        letter,
        fc.nat(),
        (minor, locale, currency, ch, at) => {
          const text = formatMoney(minor, currency, locale);
          // Insert the letter next to a digit: beside a currency code it could spell another code.
          const digitsAt = [...text].flatMap((c, i) => (/[0-9\u0660-\u0669\u06f0-\u06f9]/.test(c) ? [i, i + 1] : []));
          const chars = [...text];
          const i = digitsAt[at % digitsAt.length];
          const typed = [...chars.slice(0, i), ch, ...chars.slice(i)].join('');
          const r = parseAmount(typed, locale);
          expect(r.ok, JSON.stringify(typed)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('any input is refused or read as the number formatMoney would print', () => {
    const piece = fc.constantFrom(
      '1',
      '2',
      '0',
      '9',
      '٣',
      ',',
      '.',
      ' ',
      '\u202f',
      '-',
      '$',
      '€',
      'e',
      'x',
      'EUR',
      "'",
      '٫',
      '٬',
      '(',
      ')',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...LOCALES), (parts, locale) => {
        const text = parts.join('');
        const r = parseAmount(text, locale);
        if (!r.ok) return;
        expect(Number.isFinite(r.value), text).toBe(true);
        // What it read prints and reads back to the same value.
        const again = parseAmount(formatNumber(r.value, locale, 10), locale);
        expect(again, `${JSON.stringify(text)} → ${r.value}`).toEqual({ ok: true, value: r.value });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the one interval table', () => {
  const PROTO = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];
  it('refuses Object.prototype names with an error, never a price of another interval', () => {
    for (const name of PROTO) {
      expect(isBillingInterval(name), name).toBe(false);
      expect(readInterval(name), name).toBeUndefined();
      expect(() => toMonthlyMinor(10000, name as BillingInterval), name).toThrow(RangeError);
    }
    expect(() => toMonthlyMinor(10000, 'fortnight' as BillingInterval)).toThrow(RangeError);
  });
  it('reads the words exports use', () => {
    expect(readInterval(' Monthly ')).toBe('month');
    expect(readInterval('annual')).toBe('year');
    expect(readInterval('')).toBe('oneTime');
    expect(readInterval('one_time')).toBe('oneTime');
    expect(BILLING_INTERVALS.every((b) => isBillingInterval(b) && readInterval(b) === b)).toBe(true);
  });
});

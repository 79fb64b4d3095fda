import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  currencyDigits,
  formatMoney,
  fromMinor,
  parseAmount,
  parseMoney,
  toMinor,
  toMonthly,
  toMonthlyMinor,
} from '../../src/core/money.js';

describe('currencyDigits', () => {
  it('reads minor digits from Intl', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('usd')).toBe(2);
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
    ok('12,5', 'en', 12.5); // a comma that cannot group is the decimal mark
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
    err('1e5', 'en', 'invalid');
    err('12abc34', 'en', 'invalid');
    err('1,23,4', 'en', 'invalid');
    err('1.2.3', 'en', 'mixedSeparators');
    err('99999999999999', 'en', 'tooLarge');
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

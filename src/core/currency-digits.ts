/**
 * Minor-unit digits of common currencies, as Intl gives them (a unit test checks each against
 * Intl): what the import worker tells `knowCurrencyDigits` (money.ts), so that reading a file
 * never waits for Intl's locale data. Kept apart from money.ts: a page that
 * formats money asks Intl anyway and need not carry the table.
 */
export const COMMON_CURRENCY_DIGITS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CNY: 2,
  HKD: 2,
  SGD: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  MAD: 2,
  DZD: 2,
  EGP: 2,
  JPY: 0,
  KRW: 0,
  XOF: 0,
  XAF: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

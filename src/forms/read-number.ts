/**
 * The one number reader of MRR Kit forms (a module of its own: the CSV import's exchange rates use
 * it without the form code).
 */
import { currencyDigits, MAX_AMOUNT, parseAmount, type ParseResult, toMinor } from '../core/money.js';
import type { FieldError, NumberKind } from './fields.js';

/** Where a text is read: its locale, and the currency whose decimals money may have. */
export interface ReadContext {
  locale: string;
  currency: string;
}

/**
 * The one number reader: a typed number in `ctx.locale` (`1,500.5` in English, `1 500,5` in
 * French; a group separator not followed by three digits is refused with its two readings). Money
 * refuses more decimals than the currency has, an integer any decimal; past the amount limit it is
 * refused with that limit. Range limits are the core's (its issues become the field's error).
 */
export function readNumber(
  raw: string,
  ctx: ReadContext,
  kind: NumberKind = 'amount',
): { value: number } | { error: FieldError } {
  const r = parseAmount(raw, ctx.locale);
  if (!r.ok) {
    if (r.code === 'tooLarge') return { error: { code: 'tooLarge', params: { max: MAX_AMOUNT } } };
    return { error: parseError(r) };
  }
  // More decimals than the currency has (`12.345` in EUR): parseMoney's rule, without reading the text again.
  const v = r.value;
  if (
    kind === 'money' &&
    Math.abs(toMinor(v, ctx.currency) / 10 ** currencyDigits(ctx.currency) - v) > 1e-9 * Math.max(1, Math.abs(v))
  )
    return { error: { code: 'tooManyDecimals' } };
  if (kind === 'integer' && !Number.isInteger(r.value)) return { error: { code: 'notInteger' } };
  return { value: r.value === 0 ? 0 : r.value };
}

/**
 * A refused parse as a field error; a refused grouping carries its two readings (`1,50`: 1.50 or
 * 150) as `params`, formatted in the element's language when the message is shown.
 */
function parseError(r: Extract<ParseResult, { ok: false }>): FieldError {
  return r.readings ? { code: r.code, params: { ...r.readings } } : { code: r.code };
}

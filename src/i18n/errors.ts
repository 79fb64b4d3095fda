/**
 * Field errors' words, shared by every element (`LocaleController.c('error.…')`). Not part of a
 * first render: a form loads them with its on-demand part (FormController), and an edit or a
 * change from code waits for them; an element that may show one on its first render (the pricing
 * table's configuration problems) imports this module. Importing it makes the words available.
 */
import { type LocaleController, useErrorWords } from '../controllers/locale-controller.js';
import { type FieldError, useErrorFormat } from '../ui/fields.js';
import { defineCatalog, type Messages } from './locale.js';

const errorsEn = {
  'error.empty': 'Enter a number.',
  'error.required': 'This field is required.',
  'error.invalid': 'This is not a number.',
  'error.notANumber': 'This is not a number.',
  'error.ambiguous': 'Ambiguous: write {example} for a thousand, or use a comma for decimals.',
  'error.mixedSeparators': 'The separators are mixed up. Write it like {example}.',
  'error.tooManyDecimals': 'Too many decimals for this currency.',
  'error.negative': 'Must be zero or more.',
  'error.outOfRange': 'Must be between {min} and {max}.',
  'error.notInteger': 'Must be a whole number.',
  'error.tooLarge': 'This number is too large.',
  'error.strayLetters': 'Remove the letters: only a currency symbol or code (such as $ or EUR) may stand beside the number.',
  'error.straySign': 'Use one minus sign, before the number.',
  'error.badSeparator': 'A separator is doubled or left at the end. Remove it.',
  'error.badGrouping': 'These digit groups are not thousands: group digits by three, as in 1,234,567.',
  'error.groupingReadings': 'Did you mean {decimal} or {grouped}? After a group separator come exactly three digits.',
  'error.notation': 'Write the number in full, without an exponent or hexadecimal (such as 1e5 or 0x1F).',
  'error.atLeast': 'Must be {min} or more.',
  'error.atMost': 'Must be {max} or less.',
  'error.sumTooLarge': 'Together with {other} ({otherValue}), this can’t be more than {max}.',
  'error.productTooLarge': '{a} × {b} is too large: it can be at most {max}.',
  'error.form': 'These figures can’t be computed. Check the fields and try smaller numbers.',
};

/** The English table: defines the keys every translation must have. */
export type ErrorsEnglish = typeof errorsEn;

export const errors = defineCatalog({
  en: errorsEn,
  fr: () => import('./errors.fr.js'),
  ar: () => import('./errors.ar.js'),
});

/** The localized sentence for a field error (what `errorMessage`, src/ui/fields.ts, shows). */
export function formatError(i18n: LocaleController<Messages>, error: FieldError): string {
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  for (const k of ['min', 'max'] as const) if (typeof params[k] === 'number') params[k] = i18n.number(params[k], 2);
  if (error.code === 'ambiguous' || error.code === 'mixedSeparators') params.example = i18n.number(1234.5, 2);
  let code: string = error.code;
  // "1.50 or 150?": the two readings of a refused grouping, the decimal one with the digits typed.
  if (code === 'badGrouping' && typeof params.decimal === 'number' && typeof params.grouped === 'number') {
    const digits = typeof params.digits === 'number' ? Math.min(20, Math.max(0, params.digits)) : 0;
    // Intl here, not core/money's formatNumber: importing it from this chunk splits the money module off every element's file.
    params.decimal = new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      params.decimal,
    );
    params.grouped = i18n.number(params.grouped);
    code = 'groupingReadings';
  }
  // A range with one side only says that side ("Must be 120 or less"), never "between 0 and 0".
  if (code === 'outOfRange' || code === 'tooLarge') {
    const hasMin = params.min !== undefined;
    const hasMax = params.max !== undefined;
    if (hasMax && !hasMin) code = 'atMost';
    else if (hasMin && !hasMax) code = 'atLeast';
  }
  return i18n.c(`error.${code}` as Parameters<typeof i18n.c>[0], params);
}

useErrorWords(errors);
useErrorFormat(formatError);

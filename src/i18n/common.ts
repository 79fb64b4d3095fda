/** Messages shared by every element: field errors, storage notices, common words. */
import { defineCatalog } from './locale.js';

const commonEn = {
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
  'config.currency': 'Unknown currency “{code}”: amounts are shown in {fallback}.',
  'storage.unsaved': 'Not saved: your browser storage is unavailable. Your work stays on this page until you close it.',
  'storage.quota': 'Not saved: your browser storage is full. Your work stays on this page until you close it.',
  'storage.saved': 'Saved on this device.',
  'common.month': 'Month',
  'common.months': '{n} months',
  'common.total': 'Total',
  'common.remove': 'Remove',
  'common.add': 'Add',
  'common.undo': 'Undo',
  'common.showTable': 'Show the numbers as a table',
  'common.stale': 'Showing the last valid result until the highlighted fields are fixed.',
  'common.na': 'n/a',
};

/** The English table: defines the keys every translation must have. */
export type CommonEnglish = typeof commonEn;

export const common = defineCatalog({
  en: commonEn,
  fr: () => import('./common.fr.js'),
  ar: () => import('./common.ar.js'),
});
export type CommonKey = keyof typeof common.en;

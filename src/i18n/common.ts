/** Messages shared by every element: storage notices, common words (field errors: errors.ts, on demand). */
import { defineCatalog } from './locale.js';

const commonEn = {
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

import { defineCatalog, loadTable, type Lang, type Translation } from '../../src/i18n/locale.js';
import { importMessages } from './import-messages.js';
import { viewMessages } from './view-messages.js';

type All = typeof viewMessages.en & typeof importMessages.en;

/** Both halves of a translation, loaded together. */
const both = (lang: Exclude<Lang, 'en'>) => async () =>
  ({ ...(await loadTable(viewMessages, lang)), ...(await loadTable(importMessages, lang)) }) as Translation<All>;

/** Every message of `<mrr-movements>` in one catalogue (one LocaleController per element). */
export const messages = defineCatalog({
  en: { ...viewMessages.en, ...importMessages.en },
  fr: both('fr'),
  ar: both('ar'),
});

export type MovementsMessages = typeof messages.en;

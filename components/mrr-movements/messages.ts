import { defineCatalog } from '../../src/i18n/locale.js';
import { importMessages } from './import-messages.js';
import { viewMessages } from './view-messages.js';

/** Every message of `<mrr-movements>` in one catalogue (one LocaleController per element). */
export const messages = defineCatalog({
  en: { ...viewMessages.en, ...importMessages.en },
  fr: { ...viewMessages.fr, ...importMessages.fr },
  ar: { ...viewMessages.ar, ...importMessages.ar },
});

export type MovementsMessages = typeof messages.en;

import { defineCatalog } from '../../src/i18n/locale.js';

const messagesEn = {
  plans: 'Plans',
  billing: 'Billing',
  monthly: 'Monthly',
  yearly: 'Yearly',
  yearlySave: 'Yearly, save {pct}',
  perMonth: 'per month',
  perYear: 'per year',
  yearlyNote: '{monthly} a month, billed yearly',
  savings: 'You save {amount} a year',
  separately: 'Worth {amount} a month bought separately',
  setup: 'Plus a one-time setup fee of {amount}',
  recommended: 'Recommended',
  outcomes: 'What you get with {name}',
  includes: 'Included in {name}',
  includedQuantity: '{name} × {n}',
  cta: 'Get started',
  shownMonthly: 'Monthly prices shown.',
  shownYearly: 'Yearly prices shown.',
  noPlans: 'No plans to show yet.',
  loading: 'Loading plans…',
  'config.invalidJson': 'The pricing configuration is not valid JSON, so no plan is shown.',
  'config.invalid': 'The pricing configuration has errors, so no plan is shown:',
  'config.field': '{field}: {message}',
  'error.invalid': 'This value is not valid here.',
  'error.unknownProduct': 'This product is not in the catalog.',
  'error.duplicate': 'Two plans use this id.',
  'error.duplicateProduct': 'Two products use this id: prices are shown once it is fixed.',
  'error.currency': 'This is not a currency code (ISO 4217, such as USD or EUR).',
  moreOutcomes: 'Show {n} more',
};

/** The English table: defines the keys every translation must have. */
export type MessagesEnglish = typeof messagesEn;

export const messages = defineCatalog({
  en: messagesEn,
  fr: () => import('./messages.fr.js'),
  ar: () => import('./messages.ar.js'),
});

export type PricingMessages = typeof messages.en;

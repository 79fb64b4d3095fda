import { defineCatalog } from '../../src/i18n/locale.js';

/** The plan list's words: a catalogue of its own, loaded with the plan list when it is first shown. */
const plansEnglish = {
  planPrice: 'Price',
  planInterval: 'Billed every',
  planCount: 'Number of periods',
  planClients: 'Clients',
  planRow: 'Plan {n}',
  addPlan: 'Add a plan',
  removePlan: 'Remove plan {n}',
  planRemoved: 'Plan {n} removed.',
  planRestored: 'Plan restored.',
  'interval.day': 'day',
  'interval.week': 'week',
  'interval.month': 'month',
  'interval.quarter': 'quarter',
  'interval.year': 'year',
  newClientPrice: 'Monthly price of a new client',
};

/** The English table: defines the keys every translation must have. */
export type PlansEnglish = typeof plansEnglish;

export const planMessages = defineCatalog({
  en: plansEnglish,
  fr: () => import('./plans.messages.fr.js'),
  ar: () => import('./plans.messages.ar.js'),
});

import { defineCatalog } from '../../src/i18n/locale.js';

/** The "Reach a target" part's words: a catalogue of its own, loaded with the part when it opens. */
const goalEnglish = {
  target: 'Target MRR',
  targetHint: 'MRR to reach in {months}.',
  lever: 'Solve for',
  'lever.clients': 'New clients a month',
  'lever.price': 'Average price',
  'lever.newPrice': 'New clients’ price',
  'lever.expansion': 'Expansion',
  'lever.churn': 'Churn',
  'need.clients.one': 'You need {n} new client a month instead of {current}.',
  'need.clients.other': 'You need {n} new clients a month instead of {current}.',
  'enough.clients.one': 'Already within reach: {n} new client a month would do (today {current}).',
  'enough.clients.other': 'Already within reach: {n} new clients a month would do (today {current}).',
  'need.price': 'You need an average price of {value} a month instead of {current}.',
  'enough.price': 'Already within reach: an average price of {value} a month would do (today {current}).',
  'need.newPrice': 'New clients need to pay {value} a month instead of {current}.',
  'enough.newPrice': 'Already within reach: new clients paying {value} a month would do (today {current}).',
  'need.expansion': 'You need monthly expansion of {value} instead of {current}.',
  'enough.expansion': 'Already within reach: monthly expansion of {value} would do (today {current}).',
  'need.churn': 'You need monthly churn of at most {value} instead of {current}.',
  'enough.churn': 'Already within reach: monthly churn could rise to {value} (today {current}).',
  'unreachable.clients': 'No number of new clients a month reaches {target} within {months}.',
  'unreachable.price': 'No price reaches {target} within {months}.',
  'unreachable.newPrice': 'No price for new clients reaches {target} within {months}.',
  'unreachable.expansion': 'No monthly expansion reaches {target} within {months}.',
  'unreachable.churn': 'No churn rate, not even {zero}, reaches {target} within {months}.',
  apply: 'Set “{field}” to {value}',
};

export type GoalMessagesEnglish = typeof goalEnglish;

export const goalMessages = defineCatalog({
  en: goalEnglish,
  fr: () => import('./goal.messages.fr.js'),
  ar: () => import('./goal.messages.ar.js'),
});

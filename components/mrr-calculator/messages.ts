import { defineCatalog } from '../../src/i18n/locale.js';

const messagesEn = {
  title: 'MRR calculator',
  clients: 'Current clients',
  price: 'Average monthly price per client',
  mode: 'Starting revenue from',
  modeAverage: 'Clients × average price',
  modePlans: 'A plan list',
  newClients: 'New clients per month',
  churn: 'Monthly revenue churn',
  churnHint: 'Share of MRR lost each month to clients who leave.',
  expansion: 'Monthly expansion',
  expansionHint: 'Upsells and upgrades, as a share of MRR.',
  contraction: 'Monthly contraction',
  contractionHint: 'Downgrades, as a share of MRR.',
  horizon: 'Horizon',
  'months.one': '{n} month',
  'months.few': '{n} months',
  'months.many': '{n} months',
  'months.other': '{n} months',
  'monthsUnit.one': 'month',
  'monthsUnit.few': 'months',
  'monthsUnit.many': 'months',
  'monthsUnit.other': 'months',
  goalTitle: 'Reach a target',
  announce: 'MRR in {months}: {end}. ARR: {arr}. Net new MRR: {net}.',
};

/** The English table: defines the keys every translation must have. */
export type MessagesEnglish = typeof messagesEn;

export const messages = defineCatalog({
  en: messagesEn,
  fr: () => import('./messages.fr.js'),
  ar: () => import('./messages.ar.js'),
});

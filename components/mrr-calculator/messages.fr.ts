import type { Translation } from '../../src/i18n/locale.js';
import type { MessagesEnglish } from './messages.js';

/** French messages, loaded only by elements shown in French. */
const fr: Translation<MessagesEnglish> = {
  title: 'Calculateur de MRR',
  clients: 'Clients actuels',
  price: 'Prix mensuel moyen par client',
  mode: 'Revenu de départ à partir de',
  modeAverage: 'Clients × prix moyen',
  modePlans: 'Une liste de formules',
  newClients: 'Nouveaux clients par mois',
  churn: 'Attrition mensuelle du revenu',
  churnHint: 'Part du MRR perdue chaque mois avec les clients qui partent.',
  expansion: 'Expansion mensuelle',
  expansionHint: 'Ventes additionnelles et montées en gamme, en part du MRR.',
  contraction: 'Contraction mensuelle',
  contractionHint: 'Baisses de formule, en part du MRR.',
  horizon: 'Horizon',
  'months.one': '{n} mois',
  'months.few': '{n} mois',
  'months.many': '{n} mois',
  'months.other': '{n} mois',
  'monthsUnit.one': 'mois',
  'monthsUnit.few': 'mois',
  'monthsUnit.many': 'mois',
  'monthsUnit.other': 'mois',
  goalTitle: 'Atteindre un objectif',
  announce: 'MRR dans {months} : {end}. ARR : {arr}. MRR net gagné : {net}.',
};

export default fr;

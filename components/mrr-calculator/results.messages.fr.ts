import type { Translation } from '../../src/i18n/locale.js';
import type { ResultsEnglish } from './results.messages.js';

/** The figures' words in French. */
const fr: Translation<ResultsEnglish> = {
  results: 'Résultats du calculateur de MRR',
  churnLeverAll: 'Supprimer toute attrition ajouterait {mrr} de MRR ({arr} par an) au mois {n}.',
  mrrNow: 'MRR actuel',
  mrrAtHorizon: 'MRR dans {months}',
  arr: 'ARR dans {months}',
  netNew: 'MRR net gagné',
  nrr: 'NRR sur {months}',
  grr: 'GRR sur {months}',
  nrrHint:
    'Rétention nette du revenu : part du MRR actuel encore payée après {months}, expansion comprise. Les repères annuels portent sur {year}.',
  grrHint:
    'Rétention brute du revenu : part du MRR actuel encore payée après {months}, sans l’expansion. Les repères annuels portent sur {year}.',
  staleTile: 'Dernier résultat valide',
  churnLever: "Un point d'attrition en moins ajouterait {mrr} de MRR ({arr} par an) au mois {n}.",
  retentionClaim: "Garder un client coûte 5 à 25 fois moins cher qu'en gagner un nouveau ({source}).",
  retentionSource: 'Amy Gallo, « The Value of Keeping the Right Customers », Harvard Business Review, 2014',
  churnLeverZero: "Aucune attrition : chaque client reste. Le garder, c'est un revenu qu'il n'est pas nécessaire de regagner.",
  chartTitle: 'Le MRR et ses mouvements mensuels sur {months}',
  chartDesc:
    'Le MRR passe de {start} à {end}. Les barres montrent le MRR nouveau, en expansion, en contraction et perdu chaque mois.',
  'series.mrr': 'MRR',
  'series.new': 'Nouveau',
  'series.expansion': 'Expansion',
  'series.contraction': 'Contraction',
  'series.churn': 'Attrition',
  'col.start': 'MRR de début',
  'col.end': 'MRR de fin',
  'col.customers': 'Clients (moyenne)',
  customersNote:
    "Les clients sont des moyennes : l'attrition retire chaque mois une part de client, les nombres sont donc rarement entiers.",
  capped: 'Cette projection atteint la limite du calculateur ; baissez les taux de croissance.',
};

export default fr;

import type { Translation } from '../../src/i18n/locale.js';
import type { GoalMessagesEnglish } from './goal.messages.js';

/** French words of "Reach a target", loaded only in French. */
const fr: Translation<GoalMessagesEnglish> = {
  target: 'MRR visé',
  targetHint: 'MRR à atteindre dans {months}.',
  lever: 'Levier à calculer',
  'lever.clients': 'Nouveaux clients par mois',
  'lever.price': 'Prix moyen',
  'lever.newPrice': 'Prix des nouveaux clients',
  'lever.expansion': 'Expansion',
  'lever.churn': 'Attrition',
  'need.clients.one': 'Il vous faut {n} nouveau client par mois au lieu de {current}.',
  'need.clients.other': 'Il vous faut {n} nouveaux clients par mois au lieu de {current}.',
  'enough.clients.one': 'Déjà à portée : {n} nouveau client par mois suffirait (aujourd’hui {current}).',
  'enough.clients.other': 'Déjà à portée : {n} nouveaux clients par mois suffiraient (aujourd’hui {current}).',
  'need.price': 'Il vous faut un prix moyen de {value} par mois au lieu de {current}.',
  'enough.price': 'Déjà à portée : un prix moyen de {value} par mois suffirait (aujourd’hui {current}).',
  'need.newPrice': 'Les nouveaux clients doivent payer {value} par mois au lieu de {current}.',
  'enough.newPrice': 'Déjà à portée : des nouveaux clients à {value} par mois suffiraient (aujourd’hui {current}).',
  'need.expansion': 'Il vous faut une expansion mensuelle de {value} au lieu de {current}.',
  'enough.expansion': 'Déjà à portée : une expansion mensuelle de {value} suffirait (aujourd’hui {current}).',
  'need.churn': 'Il vous faut une attrition mensuelle d’au plus {value} au lieu de {current}.',
  'enough.churn': 'Déjà à portée : l’attrition mensuelle pourrait monter à {value} (aujourd’hui {current}).',
  'unreachable.clients': 'Aucun nombre de nouveaux clients par mois n’atteint {target} en {months}.',
  'unreachable.price': 'Aucun prix n’atteint {target} en {months}.',
  'unreachable.newPrice': 'Aucun prix des nouveaux clients n’atteint {target} en {months}.',
  'unreachable.expansion': 'Aucune expansion mensuelle n’atteint {target} en {months}.',
  'unreachable.churn': 'Aucun taux d’attrition, pas même {zero}, n’atteint {target} en {months}.',
  apply: 'Mettre «\u00a0{field}\u00a0» à {value}',
};

export default fr;

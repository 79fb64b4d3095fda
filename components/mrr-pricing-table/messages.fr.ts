import type { Translation } from '../../src/i18n/locale.js';
import type { MessagesEnglish } from './messages.js';

/** French messages, loaded only by tables shown in French. */
const fr: Translation<MessagesEnglish> = {
  plans: 'Formules',
  billing: 'Facturation',
  monthly: 'Mensuelle',
  yearly: 'Annuelle',
  yearlySave: 'Annuelle, {pct} d’économie',
  perMonth: 'par mois',
  perYear: 'par an',
  yearlyNote: '{monthly} par mois, facturé annuellement',
  savings: 'Vous économisez {amount} par an',
  separately: 'Une valeur de {amount} par mois à l’unité',
  setup: 'Plus des frais de mise en place uniques de {amount}',
  recommended: 'Recommandée',
  outcomes: 'Ce que vous obtenez avec {name}',
  includes: 'Inclus dans {name}',
  includedQuantity: '{name} × {n}',
  cta: 'Commencer',
  shownMonthly: 'Prix mensuels affichés.',
  shownYearly: 'Prix annuels affichés.',
  noPlans: 'Aucune formule à afficher pour le moment.',
  loading: 'Chargement des formules…',
  'config.invalidJson': 'La configuration des tarifs n’est pas du JSON valide : aucune formule n’est affichée.',
  'config.invalid': 'La configuration des tarifs contient des erreurs, aucune formule n’est donc affichée :',
  'config.field': '{field} : {message}',
  'error.invalid': 'Cette valeur n’est pas valable ici.',
  'error.unknownProduct': 'Ce produit n’est pas dans le catalogue.',
  'error.duplicate': 'Deux formules utilisent cet identifiant.',
  'error.duplicateProduct': 'Deux produits utilisent cet identifiant : les prix s’afficheront une fois corrigé.',
  'error.currency': 'Ce n’est pas un code de devise (ISO 4217, comme USD ou EUR).',
  moreOutcomes: 'Afficher {n} de plus',
};

export default fr;

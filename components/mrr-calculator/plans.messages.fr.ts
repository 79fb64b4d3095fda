import type { Translation } from '../../src/i18n/locale.js';
import type { PlansEnglish } from './plans.messages.js';

/** The plan list's words in French. */
const fr: Translation<PlansEnglish> = {
  planPrice: 'Prix',
  planInterval: 'Facturé chaque',
  planCount: 'Nombre de périodes',
  planClients: 'Clients',
  planRow: 'Formule {n}',
  addPlan: 'Ajouter une formule',
  removePlan: 'Supprimer la formule {n}',
  planRemoved: 'Formule {n} supprimée.',
  planRestored: 'Formule rétablie.',
  'interval.day': 'jour',
  'interval.week': 'semaine',
  'interval.month': 'mois',
  'interval.quarter': 'trimestre',
  'interval.year': 'année',
  newClientPrice: "Prix mensuel d'un nouveau client",
};

export default fr;

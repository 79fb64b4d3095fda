import type { Translation } from './locale.js';
import type { CommonEnglish } from './common.js';

/** French messages, loaded only by elements shown in French. */
const fr: Translation<CommonEnglish> = {
  'config.currency': 'Devise inconnue « {code} » : les montants sont affichés en {fallback}.',
  'storage.unsaved':
    "Non enregistré : le stockage du navigateur n'est pas disponible. Votre travail reste sur cette page jusqu'à sa fermeture.",
  'storage.quota':
    "Non enregistré : le stockage du navigateur est plein. Votre travail reste sur cette page jusqu'à sa fermeture.",
  'storage.saved': 'Enregistré sur cet appareil.',
  'common.month': 'Mois',
  'common.months': '{n} mois',
  'common.total': 'Total',
  'common.remove': 'Supprimer',
  'common.add': 'Ajouter',
  'common.undo': 'Annuler',
  'common.showTable': 'Afficher les chiffres sous forme de tableau',
  'common.stale': "Dernier résultat valide affiché jusqu'à la correction des champs signalés.",
  'common.na': 'n.d.',
};

export default fr;

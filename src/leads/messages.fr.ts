import type { Translation } from '../i18n/locale.js';
import type { LeadMessagesEnglish } from './messages.js';

const fr: Translation<LeadMessagesEnglish> = {
  'open.projection': 'Recevoir cette projection par e-mail',
  'open.plan': 'Recevoir ce plan par e-mail',
  'open.prices': 'Recevoir ces prix par e-mail',
  'open.figures': 'Recevoir ces chiffres par e-mail',
  name: 'Nom',
  email: 'E-mail',
  company: 'Entreprise',
  consent: 'J’accepte d’être contacté à ce sujet.',
  send: 'Envoyer',
  'status.sending': 'Envoi…',
  'status.sent': 'Envoyé',
  'status.offline': 'Enregistré hors ligne — il sera envoyé dès votre retour en ligne',
  'status.failed': 'Échec de l’envoi',
  'status.handed': 'Transmis à cette page seulement (non envoyé)',
  noEndpoint: 'Aucune adresse d’envoi n’est définie : vos informations sont seulement transmises à cette page.',
  retry: 'Réessayer',
  'error.emailEmpty': 'Saisissez votre adresse e-mail.',
  'error.email': 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  'error.consent': 'Cochez la case pour envoyer.',
  'error.required': 'Ce champ est obligatoire.',
  'error.tooFast': 'Vérifiez vos informations, puis appuyez de nouveau sur Envoyer.',
  trap: 'Laissez ce champ vide',
};
export default fr;

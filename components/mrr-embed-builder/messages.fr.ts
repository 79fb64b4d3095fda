import type { Translation } from '../../src/i18n/locale.js';
import type { MessagesEnglish } from './messages.js';

/** French messages, loaded only when the builder is shown in French. */
const fr: Translation<MessagesEnglish> = {
  title: 'Mettre un élément sur votre site',
  lead: 'Choisissez un élément et ses réglages, vérifiez l’aperçu, puis copiez les deux lignes dans votre page.',
  element: 'Élément',
  'element.mrr-calculator': 'Calculateur de MRR',
  'element.mrr-unit-economics': 'Économie unitaire',
  'element.mrr-revenue-motions': 'Actions de revenu',
  'element.mrr-movements': 'Données d’abonnement',
  'element.mrr-package-designer': 'Concepteur d’offres',
  'element.mrr-pricing-table': 'Grille tarifaire',
  'element.mrr-icp-builder': 'Profil de client idéal',
  settings: 'Réglages',
  lang: 'Langue',
  'lang.en': 'Anglais',
  'lang.fr': 'Français',
  'lang.ar': 'Arabe',
  currency: 'Devise (code ISO, p. ex. EUR)',
  currencyError: 'Utilisez un code de devise à trois lettres, comme USD ou EUR.',
  theme: 'Thème',
  'theme.light': 'Clair',
  'theme.dark': 'Sombre',
  'theme.auto': 'Suivre le réglage du visiteur',
  brandName: 'Le nom de votre marque',
  headingLevel: 'Niveau de titre',
  headingHint: '2 sous le titre principal de votre page (h1) ; 3 dans une section.',
  leadEndpoint: 'Adresse des contacts (votre point de réception, https://…)',
  leadEndpointError: 'Donnez une adresse qui commence par https:// (ou http://localhost pour vos essais).',
  consentText: 'Texte de consentement affiché près de la case',
  dataLayer: 'Envoyer les événements à Google Tag Manager (dataLayer, sans donnée personnelle)',
  scriptBase: 'Adresse des fichiers MRR Kit',
  preview: 'Aperçu',
  snippet: 'Votre extrait',
  snippetHint: 'Collez-le là où l’élément doit apparaître, p. ex. dans un bloc HTML de votre créateur de site.',
  copy: 'Copier l’extrait',
  copied: 'Copié. Collez-le dans votre page.',
  copyFailed: 'Votre navigateur n’a pas permis la copie : l’extrait est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac).',
  loading: 'Chargement de l’aperçu…',
};

export default fr;

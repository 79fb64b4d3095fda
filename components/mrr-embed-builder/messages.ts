import { defineCatalog } from '../../src/i18n/locale.js';

const messagesEn = {
  title: 'Put an element on your site',
  lead: 'Choose an element and its settings, check the preview, then copy the two lines into your page.',
  element: 'Element',
  'element.mrr-calculator': 'MRR calculator',
  'element.mrr-unit-economics': 'Unit economics',
  'element.mrr-revenue-motions': 'Revenue motions',
  'element.mrr-movements': 'Subscription data',
  'element.mrr-package-designer': 'Package designer',
  'element.mrr-pricing-table': 'Pricing table',
  'element.mrr-icp-builder': 'Ideal client profile',
  settings: 'Settings',
  lang: 'Language',
  'lang.en': 'English',
  'lang.fr': 'French',
  'lang.ar': 'Arabic',
  currency: 'Currency (ISO code, e.g. EUR)',
  currencyError: 'Use a three-letter currency code such as USD or EUR.',
  theme: 'Theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.auto': 'Follow the visitor’s setting',
  brandName: 'Your brand name',
  headingLevel: 'Heading level of its title',
  headingHint: '2 under your page’s main title (h1); 3 inside a section.',
  leadEndpoint: 'Lead address (your form endpoint, https://…)',
  leadEndpointError: 'Give an address that starts with https:// (or http://localhost while testing).',
  consentText: 'Consent text shown next to the checkbox',
  dataLayer: 'Send events to Google Tag Manager (dataLayer, no personal data)',
  scriptBase: 'Address of the MRR Kit files',
  preview: 'Preview',
  snippet: 'Your snippet',
  snippetHint: 'Paste it where the element should appear, e.g. in an HTML block of your site builder.',
  copy: 'Copy the snippet',
  copied: 'Copied. Paste it in your page.',
  copyFailed: 'Your browser did not let us copy: the snippet is selected, press Ctrl+C (⌘C on a Mac).',
  loading: 'Loading the preview…',
};

/** The English table: defines the keys every translation must have. */
export type MessagesEnglish = typeof messagesEn;

export const messages = defineCatalog({
  en: messagesEn,
  fr: () => import('./messages.fr.js'),
  ar: () => import('./messages.ar.js'),
});

/** Words of lead capture (src/leads): the button, the form, where a lead is. */
import type { Catalog } from '../i18n/locale.js';

const leadMessagesEn = {
  'open.projection': 'Email me this projection',
  'open.plan': 'Email me this plan',
  'open.prices': 'Email me these prices',
  'open.figures': 'Email me these figures',
  name: 'Name',
  email: 'Email',
  company: 'Company',
  consent: 'I agree to be contacted about this.',
  send: 'Send',
  'status.sending': 'Sending…',
  'status.sent': 'Sent',
  'status.offline': 'Saved offline — it will be sent when you are back online',
  'status.failed': 'Sending failed',
  'status.handed': 'Given to this page only (not sent)',
  noEndpoint: 'No address is set to send this to: your details are only given to this page.',
  retry: 'Try again',
  'error.emailEmpty': 'Enter your email address.',
  'error.email': 'Enter an email address such as name@example.com.',
  'error.consent': 'Tick the box to send.',
  'error.required': 'This field is required.',
  'error.tooFast': 'Please check your details, then press Send again.',
  trap: 'Leave this field empty',
};

/** The English table: defines the keys every translation must have. */
export type LeadMessagesEnglish = typeof leadMessagesEn;

/**
 * The catalogue (the shape `defineCatalog` gives, written out: a value import of src/i18n here would
 * make the lead chunk share modules with the elements' first load and reshape their chunks).
 */
export const leadMessages: Catalog<LeadMessagesEnglish> = {
  en: leadMessagesEn,
  fr: () => import('./messages.fr.js'),
  ar: () => import('./messages.ar.js'),
};

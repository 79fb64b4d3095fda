import type { Translation } from '../i18n/locale.js';
import type { LeadMessagesEnglish } from './messages.js';

const ar: Translation<LeadMessagesEnglish> = {
  'open.projection': 'أرسل لي هذا التوقع بالبريد الإلكتروني',
  'open.plan': 'أرسل لي هذه الخطة بالبريد الإلكتروني',
  'open.prices': 'أرسل لي هذه الأسعار بالبريد الإلكتروني',
  'open.figures': 'أرسل لي هذه الأرقام بالبريد الإلكتروني',
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  company: 'الشركة',
  consent: 'أوافق على أن يتم التواصل معي بشأن هذا.',
  send: 'إرسال',
  'status.sending': 'جارٍ الإرسال…',
  'status.sent': 'تم الإرسال',
  'status.offline': 'حُفظ دون اتصال — سيُرسَل عند عودتك إلى الاتصال',
  'status.failed': 'تعذّر الإرسال',
  'status.handed': 'سُلِّم إلى هذه الصفحة فقط (لم يُرسَل)',
  noEndpoint: 'لم يُحدَّد عنوان للإرسال: تُسلَّم بياناتك إلى هذه الصفحة فقط.',
  retry: 'حاول مرة أخرى',
  'error.emailEmpty': 'أدخل بريدك الإلكتروني.',
  'error.email': 'أدخل بريدًا إلكترونيًا مثل \u2068name@example.com\u2069.',
  'error.consent': 'ضع علامة في المربع للإرسال.',
  'error.required': 'هذا الحقل مطلوب.',
  'error.tooFast': 'تحقّق من بياناتك، ثم اضغط «إرسال» مرة أخرى.',
  trap: 'اترك هذا الحقل فارغًا',
};
export default ar;

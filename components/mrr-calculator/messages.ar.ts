import type { Translation } from '../../src/i18n/locale.js';
import type { MessagesEnglish } from './messages.js';

/** Arabic messages, loaded only by elements shown in Arabic. */
const ar: Translation<MessagesEnglish> = {
  title: 'حاسبة الإيرادات الشهرية المتكررة',
  clients: 'العملاء الحاليون',
  price: 'متوسط السعر الشهري لكل عميل',
  mode: 'الإيراد الابتدائي من',
  modeAverage: 'العملاء × متوسط السعر',
  modePlans: 'قائمة الباقات',
  newClients: 'العملاء الجدد شهريًا',
  churn: 'فقد الإيراد الشهري',
  churnHint: 'نسبة الإيراد الشهري المفقودة كل شهر بسبب مغادرة العملاء.',
  expansion: 'التوسع الشهري',
  expansionHint: 'البيع الإضافي والترقيات، كنسبة من الإيراد الشهري.',
  contraction: 'الانكماش الشهري',
  contractionHint: 'تخفيض الباقات، كنسبة من الإيراد الشهري.',
  horizon: 'المدة',
  'months.one': '{n} شهر',
  'months.few': '{n} أشهر',
  'months.many': '{n} شهرًا',
  'months.other': '{n} شهر',
  'monthsUnit.one': 'شهر',
  'monthsUnit.few': 'أشهر',
  'monthsUnit.many': 'شهرًا',
  'monthsUnit.other': 'شهر',
  goalTitle: 'بلوغ هدف',
  announce: 'الإيراد الشهري بعد {months}: {end}. الإيراد السنوي: {arr}. صافي الإيراد الجديد: {net}.',
};

export default ar;

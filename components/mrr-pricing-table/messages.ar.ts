import type { Translation } from '../../src/i18n/locale.js';
import type { MessagesEnglish } from './messages.js';

/** Arabic messages, loaded only by tables shown in Arabic. */
const ar: Translation<MessagesEnglish> = {
  plans: 'الباقات',
  billing: 'الفوترة',
  monthly: 'شهريًا',
  yearly: 'سنويًا',
  yearlySave: 'سنويًا، وفّر {pct}',
  perMonth: 'شهريًا',
  perYear: 'سنويًا',
  yearlyNote: '{monthly} شهريًا، تُدفع سنويًا',
  savings: 'توفّر {amount} في السنة',
  separately: 'قيمتها {amount} شهريًا إذا اشتُريت منفردة',
  setup: 'بالإضافة إلى رسوم إعداد لمرة واحدة قدرها {amount}',
  recommended: 'موصى بها',
  outcomes: 'ما تحصل عليه مع {name}',
  includes: 'مشمول في {name}',
  includedQuantity: '{name} × {n}',
  cta: 'ابدأ الآن',
  shownMonthly: 'تُعرض الأسعار الشهرية.',
  shownYearly: 'تُعرض الأسعار السنوية.',
  noPlans: 'لا توجد باقات لعرضها بعد.',
  loading: 'جارٍ تحميل الباقات…',
  'config.invalidJson': 'إعدادات الأسعار ليست بصيغة JSON صحيحة، لذلك لا تُعرض أي باقة.',
  'config.invalid': 'في إعدادات الأسعار أخطاء، لذلك لا تُعرض أي باقة:',
  'config.field': '{field}: {message}',
  'error.invalid': 'هذه القيمة غير صالحة هنا.',
  'error.unknownProduct': 'هذا المنتج غير موجود في الكتالوج.',
  'error.duplicate': 'باقتان تستخدمان هذا المعرّف.',
  'error.duplicateProduct': 'منتجان يستخدمان هذا المعرّف: تظهر الأسعار بعد تصحيحه.',
  'error.currency': 'هذا ليس رمز عملة (ISO 4217، مثل USD أو EUR).',
  moreOutcomes: 'عرض {n} أخرى',
};

export default ar;

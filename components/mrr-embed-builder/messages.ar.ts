import type { Translation } from '../../src/i18n/locale.js';
import type { MessagesEnglish } from './messages.js';

/** Arabic messages, loaded only when the builder is shown in Arabic. */
const ar: Translation<MessagesEnglish> = {
  title: 'ضع عنصرًا على موقعك',
  lead: 'اختر عنصرًا وإعداداته، وتحقق من المعاينة، ثم انسخ السطرين إلى صفحتك.',
  element: 'العنصر',
  'element.mrr-calculator': 'حاسبة الإيراد الشهري المتكرر',
  'element.mrr-unit-economics': 'اقتصاديات الوحدة',
  'element.mrr-revenue-motions': 'حركات الإيراد',
  'element.mrr-movements': 'بيانات الاشتراكات',
  'element.mrr-package-designer': 'مصمم الباقات',
  'element.mrr-pricing-table': 'جدول الأسعار',
  'element.mrr-icp-builder': 'ملف العميل المثالي',
  settings: 'الإعدادات',
  lang: 'اللغة',
  'lang.en': 'الإنجليزية',
  'lang.fr': 'الفرنسية',
  'lang.ar': 'العربية',
  currency: 'العملة (رمز ISO، مثل EUR)',
  currencyError: 'استخدم رمز عملة من ثلاثة أحرف مثل USD أو EUR.',
  theme: 'المظهر',
  'theme.light': 'فاتح',
  'theme.dark': 'داكن',
  'theme.auto': 'اتباع إعداد الزائر',
  brandName: 'اسم علامتك التجارية',
  headingLevel: 'مستوى العنوان',
  headingHint: '2 تحت العنوان الرئيسي لصفحتك (h1)؛ 3 داخل قسم.',
  leadEndpoint: 'عنوان استقبال العملاء المحتملين (https://…)',
  leadEndpointError: 'أدخل عنوانًا يبدأ بـ https:// (أو http://localhost أثناء التجربة).',
  consentText: 'نص الموافقة المعروض بجانب خانة الاختيار',
  dataLayer: 'إرسال الأحداث إلى Google Tag Manager (dataLayer، دون بيانات شخصية)',
  scriptBase: 'عنوان ملفات MRR Kit',
  preview: 'معاينة',
  snippet: 'المقتطف الخاص بك',
  snippetHint: 'الصقه حيث يجب أن يظهر العنصر، مثلًا في كتلة HTML في أداة إنشاء موقعك.',
  copy: 'نسخ المقتطف',
  copied: 'تم النسخ. الصقه في صفحتك.',
  copyFailed: 'لم يسمح متصفحك بالنسخ: المقتطف محدد، اضغط Ctrl+C (⌘C على ماك).',
  loading: 'جارٍ تحميل المعاينة…',
};

export default ar;

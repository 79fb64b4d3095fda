import type { Translation } from '../../src/i18n/locale.js';
import type { ResultsEnglish } from './results.messages.js';

/** The figures' words in Arabic. */
const ar: Translation<ResultsEnglish> = {
  results: 'نتائج حاسبة الإيرادات الشهرية',
  churnLeverAll: 'انعدام الفقد تمامًا يضيف {mrr} إلى الإيراد الشهري ({arr} سنويًا) بحلول الشهر {n}.',
  mrrNow: 'الإيراد الشهري الحالي',
  mrrAtHorizon: 'الإيراد الشهري بعد {months}',
  arr: 'الإيراد السنوي بعد {months}',
  netNew: 'صافي الإيراد الشهري الجديد',
  nrr: 'صافي الاحتفاظ بالإيراد خلال {months}',
  grr: 'إجمالي الاحتفاظ بالإيراد خلال {months}',
  nrrHint: 'نسبة الإيراد الشهري الحالي التي ما زالت تُدفع بعد {months}، مع التوسع. المعايير السنوية تقيس {year}.',
  grrHint: 'نسبة الإيراد الشهري الحالي التي ما زالت تُدفع بعد {months}، من دون التوسع. المعايير السنوية تقيس {year}.',
  staleTile: 'آخر نتيجة صالحة',
  churnLever: 'خفض معدل الفقد نقطة واحدة يضيف {mrr} إلى الإيراد الشهري ({arr} سنويًا) بحلول الشهر {n}.',
  retentionClaim: 'الاحتفاظ بعميل أقل كلفة بخمس إلى خمس وعشرين مرة من كسب عميل جديد ({source}).',
  retentionSource: 'Amy Gallo، «The Value of Keeping the Right Customers»، Harvard Business Review، 2014',
  churnLeverZero: 'لا فقد: يبقى كل عميل. الحفاظ على ذلك إيراد لا تحتاج إلى كسبه من جديد.',
  chartTitle: 'الإيراد الشهري وحركاته الشهرية على مدى {months}',
  chartDesc: 'ينتقل الإيراد الشهري من {start} إلى {end}. تعرض الأعمدة الإيراد الجديد والتوسع والانكماش والفقد كل شهر.',
  'series.mrr': 'الإيراد الشهري',
  'series.new': 'جديد',
  'series.expansion': 'توسع',
  'series.contraction': 'انكماش',
  'series.churn': 'فقد',
  'col.start': 'الإيراد في بداية الشهر',
  'col.end': 'الإيراد في نهاية الشهر',
  'col.customers': 'العملاء (متوسط)',
  customersNote: 'أعداد العملاء متوسطات: يأخذ الفقد كل شهر جزءًا من عميل، لذا نادرًا ما تكون أعدادًا صحيحة.',
  capped: 'يبلغ هذا التوقع حد الحاسبة؛ خفّض معدلات النمو.',
};

export default ar;

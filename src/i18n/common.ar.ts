import type { Translation } from './locale.js';
import type { CommonEnglish } from './common.js';

/** Arabic messages, loaded only by elements shown in Arabic. */
const ar: Translation<CommonEnglish> = {
  'config.currency': 'عملة غير معروفة «{code}»: تُعرض المبالغ بـ {fallback}.',
  'storage.unsaved': 'لم يتم الحفظ: تخزين المتصفح غير متاح. يبقى عملك في هذه الصفحة حتى تغلقها.',
  'storage.quota': 'لم يتم الحفظ: تخزين المتصفح ممتلئ. يبقى عملك في هذه الصفحة حتى تغلقها.',
  'storage.saved': 'تم الحفظ على هذا الجهاز.',
  'common.month': 'الشهر',
  'common.months': '{n} شهرًا',
  'common.total': 'الإجمالي',
  'common.remove': 'إزالة',
  'common.add': 'إضافة',
  'common.undo': 'تراجع',
  'common.showTable': 'عرض الأرقام في جدول',
  'common.stale': 'تُعرض آخر نتيجة صحيحة حتى تصحيح الحقول المحددة.',
  'common.na': 'غير متاح',
};

export default ar;

import type { Translation } from '../../src/i18n/locale.js';
import type { PlansEnglish } from './plans.messages.js';

/** The plan list's words in Arabic. */
const ar: Translation<PlansEnglish> = {
  planPrice: 'السعر',
  planInterval: 'الفوترة كل',
  planCount: 'عدد الفترات',
  planClients: 'العملاء',
  planRow: 'الباقة {n}',
  addPlan: 'إضافة باقة',
  removePlan: 'إزالة الباقة {n}',
  planRemoved: 'تمت إزالة الباقة {n}.',
  planRestored: 'تمت استعادة الباقة.',
  'interval.day': 'يوم',
  'interval.week': 'أسبوع',
  'interval.month': 'شهر',
  'interval.quarter': 'ربع سنة',
  'interval.year': 'سنة',
  newClientPrice: 'السعر الشهري لعميل جديد',
};

export default ar;

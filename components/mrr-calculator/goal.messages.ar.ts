import type { Translation } from '../../src/i18n/locale.js';
import type { GoalMessagesEnglish } from './goal.messages.js';

/** Arabic words of "Reach a target", loaded only in Arabic. */
const ar: Translation<GoalMessagesEnglish> = {
  target: 'الإيراد الشهري المستهدف',
  targetHint: 'الإيراد الشهري المطلوب بلوغه بعد {months}.',
  lever: 'المتغيّر المطلوب حسابه',
  'lever.clients': 'العملاء الجدد شهريًا',
  'lever.price': 'متوسط السعر',
  'lever.newPrice': 'سعر العملاء الجدد',
  'lever.expansion': 'التوسع',
  'lever.churn': 'الفقد',
  'need.clients.one': 'تحتاج إلى عميل جديد واحد شهريًا بدلًا من {current}.',
  'need.clients.other': 'تحتاج إلى {n} من العملاء الجدد شهريًا بدلًا من {current}.',
  'enough.clients.one': 'الهدف في المتناول: يكفي عميل جديد واحد شهريًا (حاليًا {current}).',
  'enough.clients.other': 'الهدف في المتناول: يكفي {n} من العملاء الجدد شهريًا (حاليًا {current}).',
  'need.price': 'تحتاج إلى متوسط سعر {value} شهريًا بدلًا من {current}.',
  'enough.price': 'الهدف في المتناول: يكفي متوسط سعر {value} شهريًا (حاليًا {current}).',
  'need.newPrice': 'يجب أن يدفع العملاء الجدد {value} شهريًا بدلًا من {current}.',
  'enough.newPrice': 'الهدف في المتناول: يكفي أن يدفع العملاء الجدد {value} شهريًا (حاليًا {current}).',
  'need.expansion': 'تحتاج إلى توسع شهري بنسبة {value} بدلًا من {current}.',
  'enough.expansion': 'الهدف في المتناول: يكفي توسع شهري بنسبة {value} (حاليًا {current}).',
  'need.churn': 'يجب ألا يتجاوز الفقد الشهري {value} بدلًا من {current}.',
  'enough.churn': 'الهدف في المتناول: يمكن أن يرتفع الفقد الشهري إلى {value} (حاليًا {current}).',
  'unreachable.clients': 'لا يوجد عدد من العملاء الجدد شهريًا يبلغ {target} خلال {months}.',
  'unreachable.price': 'لا يوجد سعر يبلغ {target} خلال {months}.',
  'unreachable.newPrice': 'لا يوجد سعر للعملاء الجدد يبلغ {target} خلال {months}.',
  'unreachable.expansion': 'لا توجد نسبة توسع شهري تبلغ {target} خلال {months}.',
  'unreachable.churn': 'لا يوجد معدل فقد، ولا حتى {zero}، يبلغ {target} خلال {months}.',
  apply: 'اجعل «{field}» {value}',
};

export default ar;

import type { Translation } from './locale.js';
import type { ErrorsEnglish } from './errors.js';

/** Arabic field errors, loaded only by elements shown in Arabic. */
const ar: Translation<ErrorsEnglish> = {
  'error.empty': 'أدخل رقمًا.',
  'error.required': 'هذا الحقل مطلوب.',
  'error.invalid': 'هذا ليس رقمًا.',
  'error.notANumber': 'هذا ليس رقمًا.',
  'error.ambiguous': 'القيمة غامضة: اكتب {example} للألف، أو استخدم الفاصلة العشرية.',
  'error.mixedSeparators': 'الفواصل مختلطة. اكتبها مثل {example}.',
  'error.tooManyDecimals': 'عدد المنازل العشرية أكبر مما تسمح به هذه العملة.',
  'error.negative': 'يجب أن تكون القيمة صفرًا أو أكثر.',
  'error.outOfRange': 'يجب أن تكون القيمة بين {min} و{max}.',
  'error.notInteger': 'يجب أن يكون عددًا صحيحًا.',
  'error.tooLarge': 'هذا الرقم كبير جدًا.',
  'error.strayLetters': 'احذف الحروف: لا يجوز بجانب الرقم إلا رمز العملة أو رمزها الدولي (مثل $ أو EUR).',
  'error.straySign': 'استخدم علامة سالب واحدة قبل الرقم.',
  'error.badSeparator': 'يوجد فاصل مكرر أو في النهاية. احذفه.',
  'error.badGrouping': 'مجموعات الأرقام هذه ليست آلافًا: جمّع الأرقام ثلاثة ثلاثة، مثل ١٬٢٣٤٬٥٦٧.',
  'error.groupingReadings': 'هل تقصد {decimal} أم {grouped}؟ يأتي بعد فاصل الآلاف ثلاثة أرقام بالضبط.',
  'error.notation': 'اكتب الرقم كاملًا، دون أس أو نظام ست عشري (مثل 1e5 أو 0x1F).',
  'error.atLeast': 'يجب أن يكون {min} أو أكثر.',
  'error.atMost': 'يجب أن يكون {max} أو أقل.',
  'error.sumTooLarge': 'مع {other} ({otherValue})، لا يمكن أن يتجاوز هذا {max}.',
  'error.productTooLarge': '{a} × {b} كبير جدًا: الحد الأقصى {max}.',
  'error.form': 'لا يمكن حساب هذه الأرقام. تحقق من الحقول وجرّب أرقامًا أصغر.',
};

export default ar;

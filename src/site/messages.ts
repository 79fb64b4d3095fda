import { defineCatalog } from '../i18n/locale.js';

/** Strings of the demo site's own chrome (header, hero, footer). */
export const siteMessages = defineCatalog({
  en: {
    brand: 'MRR Kit',
    sections: 'Sections',
    'nav.calculator': 'Calculator',
    'nav.unitEconomics': 'Unit economics',
    'nav.motions': 'Revenue motions',
    'nav.movements': 'Your data',
    'nav.packages': 'Packages',
    'nav.icp': 'Ideal clients',
    language: 'Language',
    'hero.title': 'Grow the revenue you can count on every month',
    'hero.lead':
      'Project your monthly recurring revenue, see what churn costs you, and plan the clients, packages and service that grow it.',
    footer: 'MRR Kit — open source (MIT). Works offline once visited.',
    'sent.movements':
      'These figures now fill the calculator (revenue churn) and unit economics (client churn), each marked where it is.',
    'sent.goCalculator': 'Go to the calculator',
    'sent.goEconomics': 'Go to unit economics',
    title: 'MRR Kit',
  },
  fr: {
    brand: 'MRR Kit',
    sections: 'Sections',
    'nav.calculator': 'Calculateur',
    'nav.unitEconomics': 'Économie unitaire',
    'nav.motions': 'Actions commerciales',
    'nav.movements': 'Vos données',
    'nav.packages': 'Offres',
    'nav.icp': 'Clients idéaux',
    language: 'Langue',
    'hero.title': 'Développez le revenu sur lequel compter chaque mois',
    'hero.lead':
      'Projetez votre revenu mensuel récurrent, mesurez ce que vous coûte l’attrition, et planifiez les clients, les offres et le service qui le font croître.',
    footer: 'MRR Kit — open source (MIT). Fonctionne hors ligne après une première visite.',
    'sent.movements':
      'Ces chiffres remplissent maintenant le calculateur (attrition du revenu) et l’économie unitaire (attrition des clients), signalés à chaque endroit.',
    'sent.goCalculator': 'Aller au calculateur',
    'sent.goEconomics': 'Aller à l’économie unitaire',
    title: 'MRR Kit',
  },
  ar: {
    brand: 'MRR Kit',
    sections: 'الأقسام',
    'nav.calculator': 'الحاسبة',
    'nav.unitEconomics': 'اقتصاديات العميل',
    'nav.motions': 'خطط التواصل',
    'nav.movements': 'بياناتك',
    'nav.packages': 'الباقات',
    'nav.icp': 'العملاء المثاليون',
    language: 'اللغة',
    'hero.title': 'نمِّ الإيراد الذي يمكنك الاعتماد عليه كل شهر',
    'hero.lead': 'توقّع إيرادك الشهري المتكرر، واعرف كلفة فقد العملاء، وخطط للعملاء والباقات والخدمة التي تنميه.',
    footer: 'MRR Kit — مفتوح المصدر (MIT). يعمل دون اتصال بعد الزيارة الأولى.',
    'sent.movements': 'تملأ هذه الأرقام الآن الحاسبة (فقد الإيراد) واقتصاديات العميل (فقد العملاء)، مع إشارة في كل منهما.',
    'sent.goCalculator': 'الانتقال إلى الحاسبة',
    'sent.goEconomics': 'الانتقال إلى اقتصاديات العميل',
    title: 'MRR Kit',
  },
});

/** The embed builder page (embed.html): the builder, in the language of the page or `?lang=`. */
import '../../components/mrr-embed-builder/define.js';
import { resolveLang } from '../i18n/locale.js';

const lang = resolveLang(new URLSearchParams(location.search).get('lang') ?? navigator.language);
document.documentElement.lang = lang;
document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';

/**
 * The static site: every element on built-in example data, a language switcher, and the service
 * worker that makes it work offline after one visit. The calculator (top of the page) is defined
 * at once; the other elements once the page is idle, so their first render does not lengthen the
 * calculator's (each is its own chunk, precached by the service worker).
 */
import '../../components/mrr-calculator/define.js';
import { LANGS, type Lang, resolveLang, isRtl } from '../i18n/locale.js';
import { siteMessages } from './messages.js';
import { ELEMENTS } from '../elements.js';

const select = document.querySelector<HTMLSelectElement>('#lang')!;

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
  const table = siteMessages[lang] as Record<string, string>;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = table[el.dataset.i18n!] ?? el.textContent;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria]'))
    el.setAttribute('aria-label', table[el.dataset.i18nAria!] ?? el.getAttribute('aria-label') ?? '');
  document.title = table.title ?? document.title;
  select.value = lang;
}

const saved = localStorage.getItem('mrr-kit-lang');
const initial = resolveLang(new URLSearchParams(location.search).get('lang') ?? saved ?? navigator.language);
applyLang(LANGS.includes(initial) ? initial : 'en');
select.addEventListener('change', () => {
  const lang = resolveLang(select.value);
  localStorage.setItem('mrr-kit-lang', lang);
  applyLang(lang);
});

const whenIdle = (fn: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 200);
// Every other element of src/elements.json that the page uses, each its own chunk.
const defines = import.meta.glob('../../components/*/define.ts');
whenIdle(() => {
  for (const { tag } of ELEMENTS)
    if (tag !== 'mrr-calculator' && document.querySelector(tag)) void defines[`../../components/${tag}/define.ts`]?.();
});

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}

// The pillars feed each other on the site: the calculator's price and churn fill the unit
// economics; the revenue motions' expected expansion fills the calculator. applyFigures() fires no
// event, so this cannot loop. Elements are defined lazily, so each call waits for its definition.
const calculator = document.querySelector('mrr-calculator');
const unitEconomics = document.querySelector('mrr-unit-economics');
const motions = document.querySelector('mrr-revenue-motions');
const defined = (tag: string) => customElements.whenDefined(tag);
calculator?.addEventListener('mrr-change', (e) => {
  const { summary, assumptions } = e.detail;
  const arpa = summary.startingCustomers > 0 ? summary.startingMrr / summary.startingCustomers : undefined;
  void defined('mrr-unit-economics').then(() => unitEconomics?.applyFigures({ arpa, churnPct: assumptions.churnPct }));
});
motions?.addEventListener('mrr-expansion', (e) => {
  const { expansionPct } = e.detail;
  if (expansionPct !== null) void defined('mrr-calculator').then(() => calculator?.applyFigures({ expansionPct }));
});
// The package designer's what-if mix (clients on each tier) sets the calculator's clients and average price.
document.querySelector('mrr-package-designer')?.addEventListener('mrr-package-mix', (e) => {
  const { clients, mrr, currency } = e.detail;
  if (clients > 0 && currency === calculator?.currency)
    void defined('mrr-calculator').then(() => calculator?.applyFigures({ startingCustomers: clients, arpa: mrr / clients }));
});

// Imported data's figures ("use these figures") fill the calculator and the unit economics: events
// are the one way elements feed each other (docs/architecture.md).
document.querySelector('mrr-movements')?.addEventListener('mrr-use-figures', (e) => {
  const figures = (e as CustomEvent<Parameters<NonNullable<typeof calculator>['applyFigures']>[0]>).detail;
  void defined('mrr-calculator').then(() => calculator?.applyFigures(figures));
  const { arpa, churnPct } = figures;
  void defined('mrr-unit-economics').then(() => unitEconomics?.applyFigures({ arpa, churnPct }));
});

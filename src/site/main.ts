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
import { calculatorAttributes, unitEconomicsDefaults } from './example-agency.js';
import type { FiguresOrigin } from '../channel/figures.js';

// One example agency for every section (src/site/example-agency.ts): the calculator's example
// attributes are set before its first render (the define above only queues it); unit economics
// takes its starting inputs from its configuration's defaults. Saved work wins over both.
const calculatorEl = document.querySelector('mrr-calculator');
for (const [name, value] of Object.entries(calculatorAttributes())) calculatorEl?.setAttribute(name, value);
const unitEconomicsEl = document.querySelector('mrr-unit-economics');
if (unitEconomicsEl) (unitEconomicsEl as HTMLElement & { config?: unknown }).config = { defaults: unitEconomicsDefaults() };

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
// The calculator's churn is revenue churn (share of MRR); unit economics takes client churn (share of
// clients). The calculator's projection counts the clients who leave with its own client churn
// (core projectMrr: `logoChurnPct`, the revenue churn when not given, as leaving clients pay the
// average), so that is the figure converted and passed, never the revenue churn as is.
const fromCalculator: FiguresOrigin = { source: 'calculator' };
calculator?.addEventListener('mrr-change', (e) => {
  const { summary, assumptions } = e.detail;
  const arpa = summary.startingCustomers > 0 ? summary.startingMrr / summary.startingCustomers : undefined;
  const clientChurnPct = assumptions.logoChurnPct ?? assumptions.churnPct;
  void defined('mrr-unit-economics').then(() => unitEconomics?.applyFigures({ arpa, clientChurnPct }, fromCalculator));
});
motions?.addEventListener('mrr-expansion', (e) => {
  const { expansionPct } = e.detail;
  if (expansionPct !== null)
    void defined('mrr-calculator').then(() => calculator?.applyFigures({ expansionPct }, { source: 'motions' }));
});
// The package designer's what-if mix (clients on each tier) sets the calculator's clients and average price.
document.querySelector('mrr-package-designer')?.addEventListener('mrr-package-mix', (e) => {
  const { clients, mrr, currency } = e.detail;
  if (clients > 0 && currency === calculator?.currency)
    void defined('mrr-calculator').then(() =>
      calculator?.applyFigures({ startingCustomers: clients, arpa: mrr / clients }, { source: 'packages' }),
    );
});

// Imported data's figures ("use these figures") fill the calculator (revenue churn, expansion,
// contraction) and unit economics (client churn): each is named by its meaning in the event
// (components/mrr-movements/use-figures.ts). Each receiver says where it is that the figures came
// from, with Undo; below the button, the site says where they went, with links there.
const movements = document.querySelector('mrr-movements');
movements?.addEventListener('mrr-use-figures', (e) => {
  const figures = e.detail;
  const origin: FiguresOrigin = { source: 'movements', from: figures.from, to: figures.to };
  void defined('mrr-calculator').then(() => calculator?.applyFigures(figures, origin));
  const { arpa, clientChurnPct } = figures;
  if (clientChurnPct !== null)
    void defined('mrr-unit-economics').then(() => unitEconomics?.applyFigures({ arpa, clientChurnPct }, origin));
  showSent(movements);
});

/** The site's line under the element that sent figures: where they went, with a link to each. */
function showSent(sender: Element): void {
  let note = document.querySelector<HTMLElement>('#figures-sent');
  if (!note) {
    // In the element's `figures-sent` slot: shown beside its "Use these figures" button.
    note = document.createElement('p');
    note.id = 'figures-sent';
    note.className = 'figures-sent';
    note.slot = 'figures-sent';
    note.innerHTML = `<span data-i18n="sent.movements"></span>
      <a href="#calculator" data-i18n="sent.goCalculator"></a> <a href="#unit-economics" data-i18n="sent.goEconomics"></a>`;
    sender.append(note);
  }
  applyLang(resolveLang(document.documentElement.lang));
}

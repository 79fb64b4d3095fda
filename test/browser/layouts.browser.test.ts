import { expect, fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import '../../components/mrr-revenue-motions/define.js';
import '../../components/mrr-movements/define.js';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-icp-builder/define.js';
import { q, shadow, uniqueKey, until } from './helpers.js';

type Shown = HTMLElement & { updateComplete: Promise<unknown> };
const LANGS = ['en', 'fr', 'ar'];
const WIDTHS = [360, 1280];

/** The element in `lang` (inside the page's 8 px margins and 8 px more, as the site's sections are), once drawn. */
async function shown(tag: string, lang: string, ready: string, attrs = ''): Promise<Shown> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="padding: 0 8px"><${tag} lang="${lang}" storage-key="${uniqueKey()}" ${attrs}></${tag}></div>`,
  );
  const el = wrapper.firstElementChild as Shown;
  await until(() => !!el.shadowRoot?.querySelector(`[part="base"][lang="${lang}"] ${ready}`));
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return el;
}

/** How many tiles the first row of key figures holds. */
function tilesPerRow(el: HTMLElement): number {
  const tiles = [...shadow(el).querySelectorAll('.kpis')[0]!.children].map((t) => t.getBoundingClientRect());
  return tiles.filter((t) => Math.abs(t.top - tiles[0]!.top) < 1).length;
}

/** Selects whose chosen option is wider than the select shows (its arrow takes ~20 px). */
function cutSelects(el: HTMLElement): string[] {
  const canvas = document.createElement('canvas').getContext('2d')!;
  return [...shadow(el).querySelectorAll('select')]
    .filter((s) => s.getClientRects().length > 0)
    .flatMap((select) => {
      const style = getComputedStyle(select);
      canvas.font = style.font;
      const option = select.selectedOptions[0]?.text ?? '';
      const room = select.clientWidth - parseFloat(style.paddingInlineStart) - Math.max(20, parseFloat(style.paddingInlineEnd));
      return canvas.measureText(option).width > room ? [`${select.id}: “${option}”`] : [];
    });
}

const ELEMENTS_WITH_TILES: [string, string][] = [
  ['mrr-calculator', ''],
  ['mrr-unit-economics', ''],
  ['mrr-revenue-motions', ''],
  ['mrr-movements', 'example'],
];

describe('layouts that fit at 360 and 1280 px', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('key figures: two tiles a row on a phone, three or more on a desktop, none cut', async () => {
    for (const width of WIDTHS) {
      await setViewport({ width, height: 900 });
      for (const lang of LANGS) {
        for (const [tag, attrs] of ELEMENTS_WITH_TILES) {
          const el = await shown(tag, lang, '.kpis .kpi', attrs);
          const perRow = tilesPerRow(el);
          if (width === 360) expect(perRow, `${tag} ${lang}`).to.equal(2);
          else expect(perRow, `${tag} ${lang}`).to.be.at.least(3);
          for (const dd of shadow(el).querySelectorAll<HTMLElement>('.kpis dd')) {
            expect(dd.scrollWidth, `${tag} ${lang}: ${dd.textContent}`).to.be.at.most(dd.clientWidth + 1);
          }
          expect(document.documentElement.scrollWidth, `${tag} ${lang}`).to.be.at.most(width);
          el.parentElement!.remove();
        }
      }
    }
  });

  it('selects show their whole value ("December 2024")', async () => {
    for (const width of WIDTHS) {
      await setViewport({ width, height: 900 });
      for (const lang of LANGS) {
        for (const [tag, attrs, ready] of [
          ['mrr-movements', 'example', '.kpis'],
          ['mrr-revenue-motions', '', '.kpis'],
          ['mrr-package-designer', '', '.catalog-table'],
          ['mrr-calculator', '', '.kpis'],
        ] as const) {
          const el = await shown(tag, lang, ready, attrs);
          if (tag === 'mrr-calculator') {
            // Its one select is a plan's billing interval: in the plan list.
            q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
            await until(() => shadow(el).querySelector('select'));
          }
          expect(cutSelects(el), `${tag} ${lang} ${width}`).to.deep.equal([]);
          el.parentElement!.remove();
        }
      }
    }
  });

  it('the cohort heatmap scrolls in its own labelled box, with a hint when it is wider than it', async () => {
    for (const width of WIDTHS) {
      await setViewport({ width, height: 900 });
      for (const lang of LANGS) {
        const el = await shown('mrr-movements', lang, '.cohorts .table-scroll', 'example');
        const region = q(el, '.cohorts .table-scroll');
        expect(region.getAttribute('role')).to.equal('region');
        expect(region.getAttribute('tabindex')).to.equal('0');
        expect(region.getAttribute('aria-label')).to.contain(lang === 'en' ? 'Cohort retention' : '');
        const hint = q(el, '.cohorts .scroll-hint');
        const overflows = region.scrollWidth > region.clientWidth + 1;
        expect(overflows, `${lang} ${width}`).to.equal(width === 360);
        await until(() => hint.hidden === !overflows);
        if (overflows) expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
        // An update that changes nothing sets no attribute (the same value set again restyles and
        // repaints the page: it did at each progress update of an import).
        const changes: MutationRecord[] = [];
        const watch = new MutationObserver((records) => changes.push(...records));
        watch.observe(hint, { attributes: true });
        (el as unknown as { requestUpdate(): void }).requestUpdate();
        for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
        watch.disconnect();
        expect(changes.length, `${lang} ${width}`).to.equal(0);
        expect(document.documentElement.scrollWidth, lang).to.be.at.most(width);
        el.parentElement!.remove();
      }
    }
  });

  it('the designer catalogue shows every id, name, unit and description whole at 1280 px', async () => {
    await setViewport({ width: 1280, height: 900 });
    for (const lang of LANGS) {
      const el = await shown('mrr-package-designer', lang, '.catalog-table tbody');
      for (const field of ['id', 'name', 'unit', 'description']) {
        for (const box of shadow(el).querySelectorAll<HTMLTextAreaElement>(`.catalog-table [id$="--${field}"]`)) {
          expect(box.scrollHeight, `${lang} ${box.id}: “${box.value}”`).to.be.at.most(box.clientHeight + 1);
          expect(box.scrollWidth, `${lang} ${box.id}`).to.be.at.most(box.clientWidth + 1);
        }
      }
      const name = q<HTMLTextAreaElement>(el, '[id="p-business-app--name"]');
      expect(name.getBoundingClientRect().height, 'a long name wraps onto two lines').to.be.greaterThan(40);
      expect(document.documentElement.scrollWidth, lang).to.be.at.most(1280);
      el.parentElement!.remove();
    }
  });

  it('a text counter ("21/80") shows only while its field is typed in or from 80 % of the limit', async () => {
    for (const width of WIDTHS) {
      await setViewport({ width, height: 900 });
      for (const [tag, id, ready] of [
        ['mrr-package-designer', 'p-reputation--name', '.catalog-table'],
        ['mrr-revenue-motions', 'standard--name', '.kpis'],
        ['mrr-icp-builder', 'starter--name', '[id="starter--name"]'],
      ] as const) {
        const el = await shown(tag, 'en', ready);
        const counters = [...shadow(el).querySelectorAll<HTMLElement>('.counter')];
        expect(counters.length, tag).to.be.greaterThan(0);
        for (const c of counters)
          expect(c.getClientRects().length, `${tag} ${c.id}`).to.equal(c.hasAttribute('data-near') ? 1 : 0);
        const input = q<HTMLInputElement>(el, `[id="${id}"]`);
        const counter = q(el, `[id="${id}-count"]`);
        input.focus();
        expect(counter.getClientRects().length, `${tag}: shown while typing`).to.equal(1);
        input.value = 'x'.repeat(64);
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        input.blur();
        expect(counter.hasAttribute('data-near'), tag).to.equal(true);
        expect(counter.getClientRects().length, `${tag}: shown near the limit`).to.equal(1);
        el.parentElement!.remove();
      }
    }
  });
});

import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import '../../components/mrr-revenue-motions/define.js';
import '../../components/mrr-movements/define.js';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-pricing-table/define.js';
import type { MrrPricingTable } from '../../components/mrr-pricing-table/mrr-pricing-table.js';
import type { PackageDesign } from '../../src/core/packages.js';
import { uniqueKey, until } from './helpers.js';

type Element_ = HTMLElement & { updateComplete: Promise<unknown> };

/** Every text node under `root`, through nested shadow roots, with the element that holds it. */
function textNodes(root: Node, found: Text[] = []): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    if (n instanceof Text) found.push(n);
    else if (n instanceof Element && n.shadowRoot) textNodes(n.shadowRoot, found);
  }
  return found;
}

/** The left and right edges on screen of character `i` of a text node (HTML or SVG text). */
function edges(node: Text, i: number): [number, number] {
  const parent = node.parentNode;
  if (parent instanceof SVGTextElement) {
    const box = parent.getExtentOfChar(i);
    return [box.x, box.x + box.width];
  }
  const range = document.createRange();
  range.setStart(node, i);
  range.setEnd(node, i + 1);
  const box = range.getBoundingClientRect();
  return [box.left, box.right];
}

interface Amount {
  text: string;
  where: 'kpi' | 'table' | 'axis' | 'text';
  /** Shown on screen (not inside a closed <details>), so its layout can be measured. */
  shown: boolean;
  /** "US" then "$" from left to right, touching, and every digit of the amount to their right. */
  attached: boolean;
}

/** Every amount in US dollars the element shows, with where it is and how it is laid out. */
function amounts(el: HTMLElement): Amount[] {
  const list: Amount[] = [];
  for (const node of textNodes(el.shadowRoot!)) {
    const data = node.data;
    for (let i = data.indexOf('US$'); i >= 0; i = data.indexOf('US$', i + 3)) {
      const start = data.lastIndexOf('\u2067', i);
      const end = data.indexOf('\u2069\u2069', i);
      const holder = node.parentElement!;
      const where = holder.closest('[data-kpi]')
        ? 'kpi'
        : holder.closest('td, th')
          ? 'table'
          : holder.closest('svg')
            ? 'axis'
            : 'text';
      const shown = edges(node, i)[1] > edges(node, i)[0];
      let attached = false;
      if (shown && start >= 0 && end > i) {
        const [u, s, dollar] = [edges(node, i), edges(node, i + 1), edges(node, i + 2)];
        const digits = [...data.slice(start, end)].flatMap((c, k) => (/\d/.test(c) ? [edges(node, start + k)] : []));
        attached =
          u[0] < s[0] &&
          s[0] < dollar[0] &&
          Math.abs(dollar[0] - s[1]) < 1.5 &&
          digits.length > 0 &&
          digits.every(([left]) => left >= dollar[1]);
      }
      list.push({ text: data, where, shown, attached });
    }
  }
  return list;
}

/** Each amount is an isolate (right to left) with its currency isolated inside it: "⁧‏20,000 ⁨US$⁩⁩", "⁧‏20 ⁨ألف⁩ ⁨US$⁩⁩". */
const isolated = (a: Amount) => /\u2067[^\u2067]*\u2068US\$\u2069\u2069/.test(a.text);

async function shownInArabic(tag: string, attrs = ''): Promise<Element_> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="width: 900px"><${tag} lang="ar" storage-key="${uniqueKey()}" ${attrs}></${tag}></div>`,
  );
  const el = wrapper.firstElementChild as Element_;
  await until(() => el.shadowRoot?.querySelector('[dir="rtl"]') && amounts(el).length > 0);
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 50));
  // Tables behind a "show as a table" disclosure are laid out too.
  for (const d of textNodes(el.shadowRoot!).map((n) => n.parentElement?.closest('details'))) d?.setAttribute('open', '');
  await el.updateComplete;
  return el;
}

function expectAttached(el: HTMLElement, places: Amount['where'][]): void {
  const found = amounts(el);
  for (const a of found) expect(isolated(a), JSON.stringify(a.text)).to.equal(true);
  for (const a of found.filter((x) => x.shown))
    expect(a.attached, `"US$" apart from its amount in ${JSON.stringify(a.text)}`).to.equal(true);
  for (const where of places) expect(found.filter((a) => a.where === where && a.shown).length, where).to.be.greaterThan(0);
}

const design: PackageDesign = {
  currency: 'USD',
  catalog: [
    { id: 'rep', name: 'Reputation management', wholesale: 50, retail: 150, interval: 'month' },
    { id: 'app', name: 'Business app', wholesale: 240, retail: 600, interval: 'year', setupFee: 200 },
  ],
  tiers: [
    { id: 'good', name: 'Good', items: [{ productId: 'rep', quantity: 1 }] },
    {
      id: 'best',
      name: 'Best',
      items: [
        { productId: 'rep', quantity: 1 },
        { productId: 'app', quantity: 1 },
      ],
    },
  ],
  targetMarginPct: 50,
  annualDiscountPct: 15,
};

describe('Arabic amounts keep their currency attached ("US$ 20,000", never "$US 20,000")', () => {
  it('calculator: tiles, table and chart axis', async () => {
    const el = await shownInArabic('mrr-calculator');
    await until(() => amounts(el).some((a) => a.where === 'table' && a.shown));
    expectAttached(el, ['kpi', 'table', 'axis']);
  });

  it('unit economics: tiles, curve table and chart axis', async () => {
    const el = await shownInArabic('mrr-unit-economics');
    expectAttached(el, ['kpi', 'table', 'axis']);
  });

  it('revenue motions: tiles and table', async () => {
    const el = await shownInArabic('mrr-revenue-motions');
    expectAttached(el, ['kpi', 'table']);
  });

  it('movements: tiles, table and chart axis', async () => {
    const el = await shownInArabic('mrr-movements', 'example');
    await until(() => amounts(el).some((a) => a.where === 'axis'));
    expectAttached(el, ['kpi', 'table', 'axis']);
  });

  it('package designer: tiles and tables', async () => {
    const el = await shownInArabic('mrr-package-designer');
    expectAttached(el, ['table']);
  });

  it('pricing table: prices and notes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      '<div style="width: 900px"><mrr-pricing-table lang="ar"></mrr-pricing-table></div>',
    );
    const el = wrapper.firstElementChild as MrrPricingTable;
    el.config = design;
    await until(() => amounts(el).length > 0);
    expectAttached(el, ['text']);
  });

  it('leaves English amounts as Intl writes them (no control characters)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      `<div><mrr-unit-economics lang="en" storage-key="${uniqueKey()}"></mrr-unit-economics></div>`,
    );
    const el = wrapper.firstElementChild as Element_;
    await until(() => el.shadowRoot?.querySelector('[data-kpi="ltv"]')?.textContent?.includes('$'));
    expect(el.shadowRoot!.querySelector('[data-kpi="ltv"]')!.textContent.trim()).to.equal('$18,750');
  });
});

/**
 * The pricing table's cards (issue 16, item 5): the "Recommended" badge moves nothing, the services
 * a tier includes are listed when the design says so, and prices follow one rounding rule a table.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-pricing-table/define.js';
import type { MrrPricingTable } from '../../components/mrr-pricing-table/mrr-pricing-table.js';
import type { PackageDesign } from '../../src/core/packages.js';
import { q, shadow, text, until } from './helpers.js';

const design = (extra: Partial<PackageDesign> = {}): PackageDesign => ({
  currency: 'USD',
  catalog: [
    { id: 'rep', name: 'Reputation management', wholesale: 50, retail: 150, interval: 'month' },
    { id: 'auto', name: 'Marketing automation', wholesale: 100, retail: 300, interval: 'month' },
    { id: 'ads', name: 'Social ads', wholesale: 100, retail: 177.45, interval: 'month' },
  ],
  tiers: [
    { id: 'good', name: 'Good', items: [{ productId: 'rep', quantity: 1 }], outcomes: ['Every review answered'] },
    {
      id: 'better',
      name: 'Better',
      items: [
        { productId: 'rep', quantity: 1 },
        { productId: 'auto', quantity: 1 },
      ],
      discountPct: 10,
      highlighted: true,
      outcomes: ['Every review answered'],
    },
    {
      id: 'best',
      name: 'Best',
      items: [
        { productId: 'auto', quantity: 2 },
        { productId: 'ads', quantity: 3 },
      ],
      outcomes: ['Every review answered'],
    },
  ],
  annualDiscountPct: 15,
  ...extra,
});

async function table(config: PackageDesign, attrs = '', width = 1280): Promise<MrrPricingTable> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="width:${width}px"><mrr-pricing-table ${attrs}></mrr-pricing-table></div>`,
  );
  const el = wrapper.querySelector('mrr-pricing-table')!;
  el.config = config;
  await el.updateComplete;
  return el;
}

const tops = (el: HTMLElement, selector: string) =>
  [...shadow(el).querySelectorAll<HTMLElement>(`[data-tier] ${selector}`)].map((n) => n.getBoundingClientRect().top);
/** An aria-label without the isolation marks around the user's text. */
const label = (el: HTMLElement, selector: string) =>
  shadow(el)
    .querySelector(selector)
    ?.getAttribute('aria-label')
    ?.replace(/[\u2066-\u2069]/g, '');
const yearly = async (el: MrrPricingTable) => {
  q<HTMLInputElement>(el, 'input[value="year"]').click();
  await el.updateComplete;
};

describe('<mrr-pricing-table> cards', () => {
  it('the "Recommended" badge pushes neither the name nor the price of its card below the others', async () => {
    const el = await table(design());
    expect(text(el, '[data-tier="better"] .badge')).to.equal('Recommended');
    const names = tops(el, '.name');
    const prices = tops(el, '[part="price"]');
    expect(names.length).to.equal(3);
    // Three cards side by side at 1280 px: one row.
    for (const y of names) expect(Math.abs(y - names[0]!)).to.be.below(0.5);
    for (const y of prices) expect(Math.abs(y - prices[0]!)).to.be.below(0.5);
    // The badge stays inside the table's box (not cut off above it) and above its card's name.
    const badge = q(el, '.badge').getBoundingClientRect();
    expect(badge.top).to.be.at.least(el.getBoundingClientRect().top + q(el, '.toggle').getBoundingClientRect().height - 1);
    expect(badge.bottom).to.be.at.most(names[1]!);
  });

  it('lists the services a tier includes, with their quantity, when the design lists them', async () => {
    const off = await table(design());
    expect(shadow(off).querySelector('[part="includes"]')).to.equal(null);
    const el = await table(design({ listIncludes: true }));
    const items = (id: string) =>
      [...shadow(el).querySelectorAll(`[data-tier="${id}"] [part="includes"] li`)].map((li) => li.textContent?.trim());
    expect(items('good')).to.deep.equal(['Reputation management']);
    expect(items('best')).to.deep.equal(['Marketing automation × 2', 'Social ads × 3']);
    expect(label(el, '[data-tier="best"] [part="includes"]')).to.equal('Included in Best');
    const fr = await table(design({ listIncludes: true }), 'lang="fr"');
    await until(() => label(fr, '[data-tier="best"] [part="includes"]') === 'Inclus dans Best');
    const ar = await table(design({ listIncludes: true }), 'lang="ar"');
    await until(() => label(ar, '[data-tier="best"] [part="includes"]') === 'مشمول في Best');
  });

  it('yearly prices follow one rounding rule: with cents everywhere when one has cents', async () => {
    const el = await table(design());
    await yearly(el);
    // Best: 1,132.35 a month → 11,549.97 a year; Good 1,530 is written $1,530.00, not $1,530.
    expect(text(el, '[data-tier="best"] .amount')).to.equal('$11,549.97');
    expect(text(el, '[data-tier="good"] .amount')).to.equal('$1,530.00');
    expect(text(el, '[data-tier="better"] .amount')).to.equal('$4,131.00');
  });

  it('"round prices to whole units": every price whole, written without cents', async () => {
    const el = await table(design({ wholeUnitPrices: true }));
    expect(text(el, '[data-tier="best"] .amount')).to.equal('$1,132');
    await yearly(el);
    // 12 × 1,132 × 0.85 = 11,546.40 → $11,546.
    expect(text(el, '[data-tier="best"] .amount')).to.equal('$11,546');
    expect(text(el, '[data-tier="good"] .amount')).to.equal('$1,530');
  });
});

/**
 * The designer's side of the pricing table (issue 16, item 5): a tier's card (recommended, what the
 * client gets, its button) is edited with the tier; "Publish on your site" says it in the agency's
 * words and holds the table's settings (services listed, prices in whole units).
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-pricing-table/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import type { MrrPricingTable } from '../../components/mrr-pricing-table/mrr-pricing-table.js';
import { q, shadow, text, type, uniqueKey, until } from './helpers.js';

/** A designer and, below it, the pricing table of the agency's site following the same design. */
async function pair(lang = 'en'): Promise<{ el: MrrPackageDesigner; table: MrrPricingTable }> {
  const key = uniqueKey();
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="width:1280px"><mrr-package-designer lang="${lang}" storage-key="${key}"></mrr-package-designer>
      <mrr-pricing-table lang="${lang}" storage-key="${key}"></mrr-pricing-table></div>`,
  );
  const el = wrapper.querySelector('mrr-package-designer')!;
  const table = wrapper.querySelector('mrr-pricing-table')!;
  await el.persist.restored;
  await until(() => shadow(el).querySelector('[part="base"]')?.getAttribute('lang') === lang);
  await until(() => shadow(table).querySelector('[data-tier="better"]'));
  // The designer draws its first render in steps (the export last): wait for all of them.
  await el.updateComplete;
  return { el, table };
}

const card = (table: HTMLElement, tier: string) => (q(table, `[data-tier="${tier}"]`).textContent ?? '').replace(/\s+/g, ' ');
const check = async (el: MrrPackageDesigner, selector: string) => {
  q<HTMLInputElement>(el, selector).click();
  await el.updateComplete;
};

describe('<mrr-package-designer> and the pricing table', () => {
  it('edits each tier’s card with the tier: recommended, what the client gets, button label and link', async () => {
    const { el, table } = await pair();
    const cell = (field: string, tier: string) => `.tier-table td[data-tier="${tier}"] [id="${tier}--${field}"]`;
    // In the tiers table, in the tier's own column (not only inside the canvas of one tier).
    for (const tier of ['good', 'better', 'best'])
      for (const field of ['highlighted', 'ctaLabel', 'ctaHref', 'outcomes--add'])
        expect(shadow(el).querySelector(cell(field, tier))).to.not.equal(null);
    expect(shadow(el).querySelector('.canvas [id$="--ctaLabel"], .canvas [id$="--highlighted"]')).to.equal(null);
    await type(el, cell('ctaLabel', 'good'), 'Book a call');
    await type(el, cell('ctaHref', 'good'), '/book');
    await check(el, cell('highlighted', 'good'));
    await check(el, cell('highlighted', 'better'));
    q<HTMLButtonElement>(el, cell('outcomes--add', 'good')).click();
    await el.updateComplete;
    const added = el.inputs.tiers[0]!.outcomes.at(-1)!.id;
    await type(el, `[id="good--outcomes--${added}"]`, 'A monthly review report');
    await until(() => card(table, 'good').includes('A monthly review report'));
    expect(q(table, '[data-tier="good"] [part="cta"]').getAttribute('href')).to.equal('/book');
    expect(text(table, '[data-tier="good"] [part="cta"]')).to.equal('Book a call');
    expect(q(table, '[data-tier="good"]').hasAttribute('data-highlighted')).to.equal(true);
    expect(q(table, '[data-tier="better"]').hasAttribute('data-highlighted')).to.equal(false);
  });

  it('"Publish on your site" speaks the agency’s words, in English, French and Arabic', async () => {
    for (const [lang, title] of [
      ['en', 'Publish on your site'],
      ['fr', 'Publier sur votre site'],
      ['ar', 'انشر على موقعك'],
    ] as const) {
      const { el } = await pair(lang);
      expect(text(el, '#export-title')).to.equal(title);
      const box = text(el, '[part="export"]');
      expect(box).not.to.match(/JSON|mrr-pricing-table|storage-key/);
    }
    const { el } = await pair();
    expect(text(el, '[part="export"] .hint')).to.contain('never your costs, margins or targets');
    expect(text(el, '#export-design')).to.equal('Download for your site');
  });

  it('"List the services each tier includes" puts them on the cards', async () => {
    const { el, table } = await pair();
    expect(shadow(table).querySelector('[part="includes"]')).to.equal(null);
    expect(text(el, 'label:has(#listIncludes)')).to.equal('List the services each tier includes');
    await check(el, '#listIncludes');
    await until(() => shadow(table).querySelector('[data-tier="best"] [part="includes"]'));
    const items = [...shadow(table).querySelectorAll('[data-tier="best"] [part="includes"] li')].map((li) =>
      li.textContent?.trim(),
    );
    expect(items).to.deep.equal(['Reputation management', 'Marketing automation', 'Business app with executive reports']);
  });

  it('"Round prices to whole units" writes every price of the table without cents', async () => {
    const { el, table } = await pair();
    // Better at 7.5 % off: 450 × 0.925 = 416.25 a month; a price with cents, so every amount has them.
    await type(el, '[id="better--discountPct"]', '7.5');
    await until(() => text(table, '[data-tier="better"] .amount') === '$416.25');
    expect(text(table, '[data-tier="good"] .amount')).to.equal('$150.00');
    expect(text(el, 'label:has(#wholeUnitPrices)')).to.contain('Round prices to whole units ($2,142, not $2,141.70)');
    await check(el, '#wholeUnitPrices');
    await until(() => text(table, '[data-tier="better"] .amount') === '$416');
    expect(text(table, '[data-tier="good"] .amount')).to.equal('$150');
    // Yearly: 12 × 416 × 0.85 = 4,243.20 → $4,243.
    q<HTMLInputElement>(table, 'input[value="year"]').click();
    await table.updateComplete;
    expect(text(table, '[data-tier="better"] .amount')).to.equal('$4,243');
  });
});

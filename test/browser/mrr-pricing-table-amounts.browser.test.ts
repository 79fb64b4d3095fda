import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-pricing-table/define.js';
import type { MrrPricingTable } from '../../components/mrr-pricing-table/mrr-pricing-table.js';
import type { PackageDesign } from '../../src/core/packages.js';
import { shadow, text, until } from './helpers.js';

const design = (currency: string, retail: number, price?: number): PackageDesign => ({
  currency,
  catalog: [{ id: 'p', name: 'Product', wholesale: 0, retail, interval: 'month' }],
  tiers: [{ id: 't', name: 'Plan', items: [{ productId: 'p', quantity: 1 }], ...(price !== undefined ? { price } : {}) }],
});

async function table(config: PackageDesign, attrs = ''): Promise<MrrPricingTable> {
  const el = await fixture<MrrPricingTable>(`<mrr-pricing-table ${attrs}></mrr-pricing-table>`);
  el.config = config;
  await el.updateComplete;
  return el;
}

describe('<mrr-pricing-table>: amounts have the currency’s decimals', () => {
  for (const [currency, retail, field] of [
    ['USD', 49.999, 'catalog.0.retail'],
    ['JPY', 999.5, 'catalog.0.retail'],
    ['BHD', 10.1255, 'catalog.0.retail'],
  ] as const) {
    it(`refuses ${currency} ${retail} with the designer’s message, shows no plan and fires no mrr-cta`, async () => {
      const el = await table(design(currency, retail));
      expect(text(el, '[role="alert"]')).to.contain(`${field} Too many decimals for this currency.`);
      expect(shadow(el).querySelector('[data-tier]')).to.equal(null);
      expect(shadow(el).querySelector('[part="cta"]')).to.equal(null);
    });
  }

  it('refuses a fixed price of 49.999 USD (was shown as $50 and sent as 50 in mrr-cta)', async () => {
    const el = await table(design('USD', 10, 49.999));
    expect(text(el, '[role="alert"]')).to.contain('tiers.0.price Too many decimals for this currency.');
    expect(shadow(el).querySelector('[part="cta"]')).to.equal(null);
  });

  it('says it in French and Arabic too', async () => {
    const fr = await table(design('USD', 49.999), 'lang="fr"');
    await until(() => text(fr, '[role="alert"]').includes('Trop de décimales pour cette devise.'));
    const ar = await table(design('USD', 49.999), 'lang="ar"');
    await until(() => text(ar, '[role="alert"]').includes('عدد المنازل العشرية أكبر مما تسمح به هذه العملة.'));
  });

  it('refuses a public pricing record (the designer’s export) with 49.999 USD, and fires no mrr-cta', async () => {
    const el = await fixture<MrrPricingTable>('<mrr-pricing-table></mrr-pricing-table>');
    el.config = {
      v: 1,
      currency: 'USD',
      annualDiscountPct: 0,
      tiers: [
        {
          id: 't',
          name: 'Plan',
          highlighted: false,
          outcomes: [],
          month: { price: 49.999, listValue: 0, setupFee: 0 },
          year: { price: 599.99, perMonth: 50, savings: 0 },
        },
      ],
    };
    await el.updateComplete;
    expect(text(el, '[role="alert"]')).to.contain('tiers.0.month.price Too many decimals for this currency.');
    expect(shadow(el).querySelector('[part="cta"]')).to.equal(null);
  });

  it('shows amounts that have the currency’s decimals: BHD 10.125', async () => {
    const el = await table(design('BHD', 10.125));
    expect(shadow(el).querySelector('[data-tier="t"]')).to.not.equal(null);
  });
});

describe('<mrr-pricing-table>: the billing toggle says what the cards show', () => {
  const yearlyLabel = (el: MrrPricingTable) => text(el, 'fieldset label:last-of-type');
  const chooseYearly = async (el: MrrPricingTable) => {
    shadow(el).querySelector<HTMLInputElement>('input[value="year"]')!.click();
    await el.updateComplete;
  };

  it('99.999 % off while a card asks $0.01 a year: the toggle says 99.9 %, not 100 %', async () => {
    // 100 a month × 12 × 0.00001 = 0.012 → $0.01 a year.
    const el = await table({ ...design('USD', 100), annualDiscountPct: 99.999 });
    expect(yearlyLabel(el)).to.equal('Yearly, save 99.9%');
    await chooseYearly(el);
    expect(text(el, '[data-tier="t"] [part="price"]')).to.equal('$0.01 per year');
  });

  it('0.004 % off while a card saves $480 a year: the toggle offers the saving', async () => {
    // 1,000,000 a month × 12 × 0.00004 = 480.
    const el = await table({ ...design('USD', 1_000_000), annualDiscountPct: 0.004 });
    expect(yearlyLabel(el)).to.equal('Yearly, save 0.004%');
    await chooseYearly(el);
    expect(text(el, '[data-tier="t"]')).to.contain('You save $480 a year');
  });

  it('no card saves anything (prices 0): "Yearly" alone, whatever the discount', async () => {
    const el = await table({ ...design('USD', 0), annualDiscountPct: 15 });
    expect(yearlyLabel(el)).to.equal('Yearly');
  });
});

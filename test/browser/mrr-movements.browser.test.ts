import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import '../../components/mrr-calculator/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { q, shadow, text, uniqueKey, nextEvent } from './helpers.js';

async function movements(attrs = 'example', key = uniqueKey()): Promise<MrrMovements> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-movements storage-key="${key}" ${attrs}></mrr-movements></div>`);
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

/*
 * Expected figures of the example data (src/import/example-data.ts: 581 periods, January 2022 to
 * December 2024), worked out without the core: each period's monthly amount in cents (a yearly
 * price ÷ 12, rounded half away from zero), a customer's MRR in a month is the sum of the periods
 * active on its last day, then per month the movements and their sums (cents):
 *
 *   month    starting MRR  expansion  contraction    churn  customers at start  churned
 *   2024-01     2,506,981     57,000      −30,000   −53,500        199             4
 *   2024-02     2,615,881    124,000      −12,000   −66,000        211            10
 *   2024-03     2,914,965      5,000      −12,000   −33,600        214             4
 *   2024-04     3,074,916     25,000            0  −226,150        226             7
 *   2024-05     3,055,866     35,000      −10,000   −24,017        235             5
 *   2024-06     3,182,983     61,166      −41,000   −55,200        249             8
 *   2024-07     3,317,883     20,000      −30,000  −202,400        258            11
 *   2024-08     3,309,366    130,332      −39,000   −45,033        263             5
 *   2024-09     3,577,565    144,000      −35,000  −113,200        275             5
 *   2024-10     3,938,032     57,000      −10,000  −211,600        284            11
 *   2024-11     3,875,949     39,000            0   −68,100        291             9
 *   2024-12     4,009,616     20,000      −12,000   −80,100        298             8
 *
 * December 2024 also has new 181,949 (18 customers) and reactivation 14,983 (3 customers), so it
 * ends at 4,009,616 + 181,949 + 20,000 − 12,000 − 80,100 + 14,983 = 4,134,448 (311 customers:
 * 298 + 18 + 3 − 8). Sums over the 12 months: starting MRR 39,380,003; churn + contraction
 * −1,409,900 (contraction −231,000); expansion 717,498; customers at start 3,003; churned 87.
 */

function select(el: MrrMovements, selector: string, value: string): Promise<unknown> {
  const s = q<HTMLSelectElement>(el, selector);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  return el.updateComplete;
}

describe('<mrr-movements>', () => {
  it('shows the example data: the KPIs of the last 12 months, one table row per month', async () => {
    const el = await movements();
    // MRR: 4,134,448 cents = $41,344.48, shown in whole dollars.
    expect(text(el, '[data-kpi="mrr"] dd')).to.equal('$41,344');
    // ARR: 12 × 41,344.48 = 496,133.76 → $496,134.
    expect(text(el, '[data-kpi="arr"] dd')).to.equal('$496,134');
    expect(text(el, '[data-kpi="customers"] dd')).to.equal('311');
    // Logo churn, pooled: 87 churned ÷ 3,003 customers at start = 2.897 % → 2.9 %.
    expect(text(el, '[data-kpi="logo-churn"] dd')).to.equal('2.9%');
    // Gross MRR churn, pooled: 1,409,900 ÷ 39,380,003 = 3.580 % → 3.6 %.
    expect(text(el, '[data-kpi="gross-churn"] dd')).to.equal('3.6%');
    // NRR: the product of the 12 monthly (start + expansion + contraction + churn) ÷ start, e.g.
    // January (2,506,981 + 57,000 − 30,000 − 53,500) ÷ 2,506,981 = 0.98947, … = 0.81266 → 81.3 %.
    expect(text(el, '[data-kpi="nrr"] dd')).to.equal('81.3%');
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(12);
    expect(shadow(el).querySelector('svg path.bar.reactivation')?.getAttribute('d')).to.match(/^M/);
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity/);
    expect(text(el, '#source')).to.contain('Example agency');
  });

  it('"All months" shows every month, a custom period changes the figures', async () => {
    const el = await movements();
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="all"]').click();
    await el.updateComplete;
    // January 2022 to December 2024: 36 months.
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(36);
    const before = text(el, '[data-kpi="mrr"] dd');
    await select(el, '#period-to', '2024-06');
    await select(el, '#period-from', '2024-01');
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(6);
    // MRR at the end of June 2024: 3,317,883 cents (July's starting MRR above) → $33,179.
    expect(text(el, '[data-kpi="mrr"] dd')).to.equal('$33,179').and.not.to.equal(before);
    // January–June: (53,500 + 30,000 + 66,000 + 12,000 + 33,600 + 12,000 + 226,150 + 24,017 + 10,000
    // + 55,200 + 41,000) = 563,467 lost ÷ 17,351,592 starting = 3.247 % → 3.2 %.
    expect(text(el, '[data-kpi="gross-churn"] dd')).to.equal('3.2%');
  });

  it('says "Not enough data" for figures without a denominator, never 0, NaN or Infinity', async () => {
    const el = await movements('');
    el.periods = [
      { customerId: 'a', start: '2024-01-01', amount: 100 },
      { customerId: 'b', start: '2024-02-01', amount: 50 },
    ];
    el.currency = 'EUR';
    await el.updateComplete;
    expect(text(el, '[data-kpi="ltv"] dd')).to.contain('Not enough data');
    expect(text(el, '[data-kpi="quick-ratio"] dd')).to.contain('Not enough data');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|∞/);
  });

  it('"use these figures" fires mrr-use-figures, which a page passes to a calculator (events are the one way)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      `<div><mrr-calculator id="calc" storage-key="${uniqueKey()}"></mrr-calculator><mrr-movements example storage-key="${uniqueKey()}"></mrr-movements></div>`,
    );
    const el = wrapper.querySelector('mrr-movements')!;
    const calc = wrapper.querySelector<MrrCalculator>('mrr-calculator')!;
    wrapper.addEventListener('mrr-use-figures', (e) => calc.applyFigures(e.detail));
    await el.ready;
    await calc.persist.restored;
    setTimeout(() => q(el, '#use-figures').click());
    const event = await nextEvent(wrapper, 'mrr-use-figures');
    expect(event.composed).to.equal(true);
    // ARPA: 41,344.48 ÷ 311 customers = 132.9404501…
    expect(event.detail.arpa).to.be.closeTo(132.94045016, 1e-8);
    expect(event.detail.startingCustomers).to.equal(311);
    // Expansion: 717,498 ÷ 39,380,003 = 1.8219856 %; contraction: 231,000 ÷ 39,380,003 = 0.5865921 %.
    expect(event.detail.expansionPct).to.be.closeTo(1.82198564, 1e-8);
    expect(event.detail.contractionPct).to.be.closeTo(0.58659213, 1e-8);
    // Churn without contraction: (1,409,900 − 231,000) ÷ 39,380,003 = 2.9936514 %.
    expect(event.detail.churnPct).to.be.closeTo(2.99365137, 1e-8);
    await calc.updateComplete;
    expect(calc.inputs.mode).to.equal('average');
    expect(calc.inputs.clients).to.equal('311');
    expect(calc.inputs.price).to.equal('132.94');
    expect(calc.assumptions!.startingCustomers).to.equal(311);
    expect(text(el, '.figures-note')).to.equal('Figures sent to the calculator.');
  });

  it('exports the movements as CSV with plain numbers', async () => {
    const el = await movements();
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return 'blob:test';
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {};
    try {
      q(el, '#download-csv').click();
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
    const csv = await created[0]!.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.match(/^month,starting_mrr,new,expansion,reactivation,contraction,churn,ending_mrr,customers/);
    expect(lines).to.have.length(13);
    // December 2024 (see the table above): starting 40,096.16, new 1,819.49, expansion 200, reactivation
    // 149.83, contraction −120, churn −801, ending 41,344.48; 311 customers, 18 new, 8 churned, 3 back.
    expect(lines[12]).to.equal('2024-12,40096.16,1819.49,200.00,149.83,-120.00,-801.00,41344.48,311,18,8,3');
  });

  it('switches the cohort heatmap between revenue and logos, with values as text', async () => {
    const el = await movements();
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="all"]').click();
    await el.updateComplete;
    const table = q(el, '#cohort-table');
    expect(table.dataset.metric).to.equal('revenue');
    const firstCell = q(el, '#cohort-table tbody tr td.cell');
    expect(firstCell.textContent.trim()).to.equal('100%');
    q<HTMLInputElement>(el, 'input[name="cohort-metric"][value="logos"]').click();
    await el.updateComplete;
    expect(q(el, '#cohort-table').dataset.metric).to.equal('logos');
    expect(shadow(el).querySelectorAll('#cohort-table tbody tr').length).to.be.greaterThan(5);
  });

  it('shows an empty state with "load example data" when there is no data', async () => {
    const el = await movements('');
    expect(text(el, '#empty-title')).to.equal('No data yet');
    expect(shadow(el).querySelector('#file')).to.not.equal(null);
    q(el, '#load-example').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(12);
  });

  it('is right-to-left and translated under lang="ar"', async () => {
    const el = await movements('example lang="ar"');
    expect(q(el, '[part="base"]').getAttribute('dir')).to.equal('rtl');
    expect(text(el, '#title')).to.equal('بيانات اشتراكاتك');
    expect(text(el, '#import-title')).to.equal('استيراد ملف CSV');
  });

  it('is accessible in English (example data)', async () => {
    await expect(await movements()).to.be.accessible();
  });

  it('is accessible in Arabic (example data)', async () => {
    await expect(await movements('example lang="ar"')).to.be.accessible();
  });

  it('is accessible when empty, in French', async () => {
    await expect(await movements('lang="fr"')).to.be.accessible();
  });
});

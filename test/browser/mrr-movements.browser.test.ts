import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import '../../components/mrr-calculator/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { analyzeSubscriptions } from '../../src/core/movements.js';
import { formatMoney, formatNumber, formatPercent, toMinor } from '../../src/core/money.js';
import { summaryMetrics } from '../../src/core/metrics.js';
import { examplePeriods } from '../../src/import/example-data.js';
import { q, shadow, text, uniqueKey } from './helpers.js';

async function movements(attrs = 'example', key = uniqueKey()): Promise<MrrMovements> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-movements storage-key="${key}" ${attrs}></mrr-movements></div>`);
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const usd = (major: number) => formatMoney(toMinor(major, 'USD'), 'USD', 'en', { round: true });
const example = analyzeSubscriptions(examplePeriods(), { currency: 'USD' }).movements;

function select(el: MrrMovements, selector: string, value: string): Promise<unknown> {
  const s = q<HTMLSelectElement>(el, selector);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  return el.updateComplete;
}

describe('<mrr-movements>', () => {
  it('shows the example data: KPIs equal summaryMetrics of the last 12 months, one table row per month', async () => {
    const el = await movements();
    const s = summaryMetrics(example, { window: 12 });
    expect(text(el, '[data-kpi="mrr"] dd')).to.equal(usd(s.endingMrr));
    expect(text(el, '[data-kpi="arr"] dd')).to.equal(usd(s.endingMrr * 12));
    expect(text(el, '[data-kpi="customers"] dd')).to.equal(formatNumber(s.customers, 'en'));
    expect(text(el, '[data-kpi="logo-churn"] dd')).to.equal(formatPercent(s.churnPct!, 'en', 1));
    expect(text(el, '[data-kpi="gross-churn"] dd')).to.equal(formatPercent(s.grossMrrChurnPct!, 'en', 1));
    expect(text(el, '[data-kpi="nrr"] dd')).to.equal(formatPercent(s.nrrPct!, 'en', 1));
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(12);
    expect(shadow(el).querySelector('svg path.bar.reactivation')?.getAttribute('d')).to.match(/^M/);
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity/);
    expect(text(el, '#source')).to.contain('Example data');
  });

  it('"All months" shows every month, a custom period changes the figures', async () => {
    const el = await movements();
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="all"]').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(example.length);
    const before = text(el, '[data-kpi="mrr"] dd');
    await select(el, '#period-to', '2024-06');
    await select(el, '#period-from', '2024-01');
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(6);
    const s = summaryMetrics(example, { month: '2024-06', window: 6 });
    expect(text(el, '[data-kpi="mrr"] dd')).to.equal(usd(s.endingMrr)).and.not.to.equal(before);
    expect(text(el, '[data-kpi="gross-churn"] dd')).to.equal(formatPercent(s.grossMrrChurnPct!, 'en', 1));
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
    const event = await oneEvent(wrapper, 'mrr-use-figures');
    expect(event.composed).to.equal(true);
    const s = summaryMetrics(example, { window: 12 });
    expect(event.detail.arpa).to.equal(s.arpa);
    expect(event.detail.startingCustomers).to.equal(s.customers);
    expect(event.detail.expansionPct).to.equal(s.expansionPct);
    expect(event.detail.contractionPct).to.equal(s.contractionPct);
    expect(event.detail.churnPct).to.be.closeTo(s.grossMrrChurnPct! - s.contractionPct!, 1e-9);
    await calc.updateComplete;
    expect(calc.inputs!.mode).to.equal('average');
    expect(calc.inputs!.clients).to.equal(String(s.customers));
    expect(calc.inputs!.price).to.equal(formatNumber(s.arpa!, 'en', 2));
    expect(calc.assumptions!.startingCustomers).to.equal(s.customers);
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
    const csv = await created[0].text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.match(/^month,starting_mrr,new,expansion,reactivation,contraction,churn,ending_mrr,customers/);
    expect(lines).to.have.length(13);
    const last = example.at(-1)!;
    expect(lines[12]).to.equal(
      `${last.month},${last.startingMrr.toFixed(2)},${last.new.toFixed(2)},${last.expansion.toFixed(2)},${last.reactivation.toFixed(2)},${last.contraction.toFixed(2)},${last.churn.toFixed(2)},${last.endingMrr.toFixed(2)},${last.customers},${last.newCustomers},${last.churnedCustomers},${last.reactivatedCustomers}`,
    );
  });

  it('switches the cohort heatmap between revenue and logos, with values as text', async () => {
    const el = await movements();
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="all"]').click();
    await el.updateComplete;
    const table = q(el, '#cohort-table');
    expect(table.dataset.metric).to.equal('revenue');
    const firstCell = q(el, '#cohort-table tbody tr td.cell');
    expect(firstCell.textContent!.trim()).to.equal('100%');
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

import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../components/mrr-unit-economics/define.js';
import type { MrrUnitEconomics } from '../../components/mrr-unit-economics/mrr-unit-economics.js';
import { breakIndexedDb, q, shadow, text, type, uniqueKey } from './helpers.js';

async function economics(attrs = '', key = uniqueKey()): Promise<MrrUnitEconomics> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-unit-economics storage-key="${key}" ${attrs}></mrr-unit-economics></div>`,
  );
  const el = wrapper.querySelector('mrr-unit-economics')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

describe('<mrr-unit-economics>', () => {
  it('renders the example figures, targets, win vs keep, the curve and its table', async () => {
    const el = await economics();
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,750');
    expect(text(el, '[data-kpi="cac"]')).to.equal('$5,000');
    expect(text(el, '[data-kpi="ltv-to-cac"]')).to.equal('3.8 to 1');
    expect(text(el, '[data-kpi="payback"]')).to.equal('6.7 months');
    expect(text(el, '[data-kpi="lifetime"]')).to.equal('25 months');
    expect(text(el, '[data-kpi="annual-churn"]')).to.equal('38.7%');
    expect(text(el, '[data-kpi="keep-month"]')).to.equal('$100');
    expect(text(el, '[data-kpi="keep-lifetime"]')).to.equal('$2,500');
    expect(text(el, '[data-kpi="win-keep-ratio"]')).to.contain('2 times');
    expect(text(el, '[data-kpi="lever"]')).to.equal('One point less churn adds $6,250 of LTV per client.');
    expect(shadow(el).querySelectorAll('table tbody tr').length).to.equal(10);
    expect(shadow(el).querySelector('svg circle')).not.to.equal(null);
    expect(q(el, 'path.ltv-line').getAttribute('d')).to.match(/^M/);
  });

  it('shows target verdicts with words and an icon, and follows edited targets', async () => {
    const el = await economics();
    expect(text(el, '[data-target="ltv-to-cac"] .verdict')).to.equal('Target met');
    expect(text(el, '[data-target="payback"] .verdict')).to.equal('Target met');
    expect(q(el, '[data-target="payback"] .verdict svg').getAttribute('aria-hidden')).to.equal('true');
    await type(el, '#maxPaybackMonths', '6');
    expect(text(el, '[data-target="payback"] .verdict')).to.equal('Below target');
    expect(text(el, '[data-target="payback"]')).to.contain('within 6 months');
    await type(el, '#minLtvToCac', '4');
    expect(text(el, '[data-target="ltv-to-cac"] .verdict')).to.equal('Below target');
  });

  it('updates on every input and derives CAC from spend', async () => {
    const el = await economics();
    const path = q(el, 'path.ltv-line').getAttribute('d');
    await type(el, '#arpa', '3000');
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$37,500');
    expect(q(el, 'path.ltv-line').getAttribute('d')).not.to.equal(path);
    q<HTMLInputElement>(el, 'input[name="cac-mode"][value="spend"]').click();
    await el.updateComplete;
    await type(el, '#salesSpend', '30000');
    await type(el, '#marketingSpend', '10000');
    await type(el, '#newCustomers', '10');
    expect(text(el, '[data-kpi="cac"]')).to.equal('$4,000');
  });

  it('explains invalid input next to the field and keeps the last valid result', async () => {
    const el = await economics();
    await type(el, '#churnPct', '130');
    const input = q<HTMLInputElement>(el, '#churnPct');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('churnPct-error');
    expect(text(el, '#churnPct-error')).to.contain('between 0 and 100');
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$18,750');
    q<HTMLInputElement>(el, 'input[name="cac-mode"][value="spend"]').click();
    await el.updateComplete;
    await type(el, '#newCustomers', '2.5');
    expect(text(el, '#newCustomers-error')).to.contain('whole number');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|∞/);
  });

  it('shows a reason, not 0, NaN or Infinity, when churn is 0', async () => {
    const el = await economics();
    await type(el, '#churnPct', '0');
    for (const kpi of ['ltv', 'ltv-to-cac', 'lifetime']) {
      const value = text(el, `[data-kpi="${kpi}"]`);
      expect(value).to.equal('Unbounded: no churn');
    }
    expect(text(el, '[data-kpi="keep-lifetime"]')).to.equal('Unbounded: no churn');
    expect(text(el, '[data-target="ltv-to-cac"] .verdict')).to.equal('Cannot tell');
    expect(text(el, '[data-kpi="outside"]')).to.contain('outside');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|∞/);
    expect(text(el, '[part="kpis"]')).not.to.match(/\$0\b/);
  });

  it('takes figures from elsewhere with applyFigures, without firing an event', async () => {
    const el = await economics();
    let fired = 0;
    el.addEventListener('mrr-unit-economics-change', () => fired++);
    el.applyFigures({ arpa: 2000, churnPct: 5, grossMarginPct: 60 });
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#arpa').value).to.equal('2,000');
    expect(text(el, '[data-kpi="ltv"]')).to.equal('$24,000');
    el.applyFigures({ salesSpend: 1000, marketingSpend: 1000, newCustomers: 4 });
    await el.updateComplete;
    expect(text(el, '[data-kpi="cac"]')).to.equal('$500');
    expect(fired).to.equal(0);
    setTimeout(() => void type(el, '#arpa', '1000'));
    const event = await oneEvent(el, 'mrr-unit-economics-change');
    expect(event.composed).to.equal(true);
    expect(event.detail.result.ltv.value).to.equal(12000);
  });

  it('restores what was typed after a reload', async () => {
    const key = uniqueKey();
    const el = await economics('', key);
    await type(el, '#arpa', '1234');
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await economics('', key);
    expect(q<HTMLInputElement>(again, '#arpa').value).to.equal('1234');
  });

  it('lays out right-to-left in Arabic and speaks French under lang="fr"', async () => {
    const ar = await economics('lang="ar"');
    const base = q(ar, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(text(ar, 'h2')).to.equal('اقتصاديات العميل الواحد');
    const fr = await economics('lang="fr"');
    await type(fr, '#arpa', '1 500,5');
    expect(text(fr, 'h2')).to.equal('Économie unitaire');
    expect(text(fr, '[data-kpi="ltv"]').replace(/\s/g, ' ')).to.equal('18 756 $US');
  });

  it('is accessible (axe-core) in English and Arabic', async () => {
    await expect(await economics()).to.be.accessible();
    await expect(await economics('lang="ar"')).to.be.accessible();
  });

  for (const mode of ['missing', 'quota'] as const) {
    it(`keeps working in memory and says "not saved" when storage ${mode}`, async () => {
      const restore = await breakIndexedDb(mode);
      try {
        const el = await economics();
        await type(el, '#arpa', '3000');
        await el.persist.flush();
        await el.updateComplete;
        expect(text(el, '[part="notice"]')).to.contain('Not saved');
        expect(text(el, '[data-kpi="ltv"]')).to.equal('$37,500');
      } finally {
        restore();
      }
    });
  }
});

import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { q, shadow, text, type, uniqueKey } from './helpers.js';

async function calculator(attrs = ''): Promise<MrrCalculator> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-calculator storage-key="${uniqueKey()}" ${attrs}></mrr-calculator></div>`,
  );
  const el = wrapper.querySelector('mrr-calculator')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

/** The text of a tile's parts: its label, its figure, its hint and its "last valid" mark. */
function tile(el: HTMLElement, id: string) {
  const kpi = q(el, `[data-kpi="${id}"]`).closest('.kpi')!;
  const part = (selector: string) => (kpi.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { label: part('dt'), value: part(`[data-kpi="${id}"]`), hint: part('.kpi-hint'), stale: part('.kpi-stale'), kpi };
}

const FLAT = 'clients="100" price="100" churn="5" new-clients="0" expansion="0" contraction="0"';

describe('<mrr-calculator> tells the truth about time and people', () => {
  it('labels NRR and GRR with their period, and says in the hint that yearly benchmarks use 12 months', async () => {
    const el = await calculator(`${FLAT} horizon="12"`);
    // 0.95^12 = 54.04 %: with no expansion, NRR and GRR are the same.
    expect(tile(el, 'nrr')).to.include({ label: 'NRR over 12 months', value: '54%' });
    expect(tile(el, 'grr')).to.include({ label: 'GRR over 12 months', value: '54%' });
    await type(el, '#horizon', '36');
    // 0.95^36 = 15.78 %.
    const nrr = tile(el, 'nrr');
    expect(nrr).to.include({ label: 'NRR over 36 months', value: '15.8%' });
    expect(nrr.hint).to.contain('after 36 months').and.to.contain('expansion included').and.to.contain('12 months');
    expect(tile(el, 'grr').hint).to.contain('after 36 months').and.to.contain('without expansion');
    await type(el, '#horizon', '1');
    expect(tile(el, 'nrr').label).to.equal('NRR over 1 month');
  });

  it('says the period in French and Arabic', async () => {
    const fr = await calculator(`${FLAT} horizon="36" lang="fr"`);
    expect(tile(fr, 'nrr').label).to.equal('NRR sur 36 mois');
    expect(tile(fr, 'grr').hint).to.contain('après 36 mois');
    const ar = await calculator(`${FLAT} horizon="36" lang="ar"`);
    expect(tile(ar, 'nrr').label).to.match(/^صافي الاحتفاظ بالإيراد خلال .+/);
    expect(tile(ar, 'nrr').hint).to.contain('بعد');
  });

  it('marks every tile as the last valid result while a field is refused, and only then', async () => {
    const el = await calculator(`${FLAT} horizon="12"`);
    const ids = ['mrr-now', 'mrr-end', 'arr', 'net-new', 'nrr', 'grr'];
    for (const id of ids) expect(tile(el, id).stale, id).to.equal('');
    const before = tile(el, 'mrr-end').value;
    await type(el, '#churnPct', '12a');
    for (const id of ids) {
      const t = tile(el, id);
      expect(t.stale, id).to.equal('Last valid result');
      expect(t.kpi.hasAttribute('data-stale'), id).to.equal(true);
      // Read with the figure: the mark is a <dd> of the same term, after the figure.
      expect(t.kpi.textContent.replace(/\s+/g, ' ')).to.match(/\$?[\d,.%]+.*Last valid result/);
    }
    expect(tile(el, 'mrr-end').value).to.equal(before);
    // The figures are dimmed, the mark is not (it keeps its contrast).
    const mark = q(el, '[data-kpi="mrr-end"]').closest('.kpi')!.querySelector('.kpi-stale')!;
    const figure = q(el, '[data-kpi="mrr-end"]');
    expect(getComputedStyle(figure).opacity).to.equal('0.6');
    expect(getComputedStyle(mark).opacity).to.equal('1');
    expect(getComputedStyle(q(el, '.kpis')).opacity).to.equal('1');
    await type(el, '#churnPct', '6');
    for (const id of ids) expect(tile(el, id).stale, id).to.equal('');
    expect(tile(el, 'mrr-end').value).not.to.equal(before);
  });

  it('marks the tiles in French and Arabic', async () => {
    const fr = await calculator(`${FLAT} lang="fr"`);
    await type(fr, '#churnPct', 'x');
    expect(tile(fr, 'mrr-end').stale).to.equal('Dernier résultat valide');
    const ar = await calculator(`${FLAT} lang="ar"`);
    await type(ar, '#churnPct', 'x');
    expect(tile(ar, 'mrr-end').stale).to.equal('آخر نتيجة صالحة');
  });

  it('cites the source of "5 to 25 times" with a link to the article', async () => {
    const el = await calculator(`${FLAT} horizon="12"`);
    expect(text(el, '.lever')).to.contain('5 to 25 times');
    const link = q<HTMLAnchorElement>(el, '.lever a');
    expect(link.href).to.equal('https://hbr.org/2014/10/the-value-of-keeping-the-right-customers');
    expect(link.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      'Amy Gallo, “The Value of Keeping the Right Customers”, Harvard Business Review, 2014',
    );
    expect(link.rel).to.contain('noopener');
    const fr = await calculator(`${FLAT} lang="fr"`);
    expect(text(fr, '.lever')).to.contain('5 à 25 fois');
    expect(q<HTMLAnchorElement>(fr, '.lever a').textContent).to.contain('Harvard Business Review');
    await expect(el).to.be.accessible();
  });

  it('says the clients in the table are averages', async () => {
    // 10 clients, 5 % logo churn, 1 new a month: 10 − 0.5 + 1 = 10.5 after month 1.
    const el = await calculator('clients="10" price="100" churn="5" new-clients="1" expansion="0" contraction="0" horizon="12"');
    q<HTMLElement>(el, 'details.table-details > summary').click();
    await waitUntil(() => shadow(el).querySelectorAll('table tbody tr').length > 0, 'the table opens');
    expect(text(el, 'table thead th:last-child')).to.equal('Clients (average)');
    expect(text(el, 'table tbody tr:first-child td:last-child')).to.equal('10.5');
    expect(text(el, '.customers-note')).to.contain('averages');
  });
});

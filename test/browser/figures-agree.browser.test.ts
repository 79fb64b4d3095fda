/**
 * Issue 16, item 2: elements agree with each other, and what one passes to another is what the
 * user saw. The example data's last 12 months (test/browser/mrr-movements.browser.test.ts works
 * them out by hand): client churn 87 ÷ 3,003 = 2.897 %, gross MRR churn 1,409,900 ÷ 39,380,003 =
 * 3.580 %, of which contraction 0.587 % and revenue churn (clients who left) 2.994 %.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import type { MrrUnitEconomics } from '../../components/mrr-unit-economics/mrr-unit-economics.js';
import { q, shadow, text, type, uniqueKey, nextEvent } from './helpers.js';
import { until } from '../until.js';

async function page(lang = 'en') {
  const wrapper = await fixture<HTMLDivElement>(
    `<div lang="${lang}"><mrr-calculator storage-key="${uniqueKey()}"></mrr-calculator>
      <mrr-unit-economics storage-key="${uniqueKey()}"></mrr-unit-economics>
      <mrr-movements example storage-key="${uniqueKey()}"></mrr-movements></div>`,
  );
  const movements = wrapper.querySelector<MrrMovements>('mrr-movements')!;
  const calc = wrapper.querySelector<MrrCalculator>('mrr-calculator')!;
  const ue = wrapper.querySelector<MrrUnitEconomics>('mrr-unit-economics')!;
  await movements.ready;
  await calc.persist.restored;
  await ue.persist.restored;
  await calc.updateComplete;
  await ue.updateComplete;
  return { wrapper, movements, calc, ue };
}

const value = (el: HTMLElement, id: string) => q<HTMLInputElement>(el, `#${id}`).value;
const sent = (el: HTMLElement, id: string) => text(el, `[data-sent="${id}"] dd`);

describe('figures passed between elements', () => {
  it('movements lists, beside the button, exactly what it sends, each figure with its meaning', async () => {
    const { wrapper, movements } = await page();
    expect(sent(movements, 'clients')).to.equal('311 at the end of December 2024');
    expect(sent(movements, 'arpa')).to.match(/^\$132\.94 a month/);
    expect(sent(movements, 'revenue-churn')).to.equal('2.99% of MRR a month, lost to clients who left');
    expect(sent(movements, 'expansion')).to.equal('1.82% of MRR a month');
    expect(sent(movements, 'contraction')).to.equal('0.59% of MRR a month');
    // Client churn is the figure of the tile of that name, not another churn.
    expect(text(movements, '[data-kpi="logo-churn"] dt')).to.equal('Client churn, monthly');
    expect(text(movements, '[data-kpi="logo-churn"] dd')).to.equal('2.9%');
    expect(sent(movements, 'client-churn')).to.match(/^2\.9% of clients a month/);
    // Revenue churn + contraction add up to the gross MRR churn tile, and the list says so.
    expect(text(movements, '[data-kpi="gross-churn"] dd')).to.equal('3.6%');
    expect(text(movements, '#gross-note')).to.contain('= 3.6%, the gross MRR churn tile');
    expect(q(movements, '#use-figures').getAttribute('aria-describedby')).to.equal('use-figures-hint');

    setTimeout(() => q(movements, '#use-figures').click());
    const event = await nextEvent(wrapper, 'mrr-use-figures');
    // What is sent is what is listed.
    expect(event.detail.churnPct.toFixed(2)).to.equal('2.99');
    expect(event.detail.clientChurnPct!.toFixed(3)).to.equal('2.897');
    expect([event.detail.from, event.detail.to]).to.deep.equal(['2024-01', '2024-12']);
  });

  it('names churn by its meaning in the calculator (revenue) and in unit economics (clients)', async () => {
    const { calc, ue } = await page();
    expect(text(calc, 'label[for="churnPct"]')).to.equal('Monthly revenue churn');
    expect(text(ue, 'label[for="churnPct"]')).to.equal('Monthly client churn');
    ue.applyFigures({ clientChurnPct: 2.9 });
    await ue.updateComplete;
    expect(ue.inputs.churnPct).to.equal('2.9');
  });

  it('the receiving elements say where the figures came from, where they are, with Undo', async () => {
    const { wrapper, movements, calc, ue } = await page();
    wrapper.addEventListener('mrr-use-figures', (e) => {
      const origin = { source: 'movements' as const, from: e.detail.from, to: e.detail.to };
      calc.applyFigures(e.detail, origin);
      ue.applyFigures({ arpa: e.detail.arpa, clientChurnPct: e.detail.clientChurnPct ?? undefined }, origin);
    });
    const before = calc.inputs.clients;
    q(movements, '#use-figures').click();
    await until(() => shadow(calc).querySelector('#figures-notice'));
    await until(() => shadow(ue).querySelector('#figures-notice'));
    expect(text(calc, '#figures-notice')).to.equal('Figures from your data, January 2024 to December 2024. Undo');
    expect(text(ue, '#figures-notice')).to.contain('Figures from your data, January 2024 to December 2024.');
    // The notice sits above the calculator's fields, not in a status line elsewhere.
    const notice = q(calc, '#figures-notice').getBoundingClientRect();
    expect(notice.top).to.be.below(q(calc, '#clients').getBoundingClientRect().top);
    expect(calc.inputs.clients).to.equal('311');
    expect(ue.inputs.churnPct).to.equal('2.9');

    q(calc, '#figures-undo').click();
    await calc.updateComplete;
    expect(calc.inputs.clients).to.equal(before);
    expect(text(calc, '#figures-notice')).to.equal('Figures put back as they were.');
    expect(shadow(calc).activeElement?.id).to.equal('figures-notice');
  });

  it('figures that arrive before the configuration is read: Undo goes back to the configured defaults', async () => {
    // The demo site sets unit economics' starting inputs as `config.defaults`, read in the element's
    // reading step; the calculator's figures can come first, on a slow machine.
    const ue = document.createElement('mrr-unit-economics');
    ue.setAttribute('storage-key', uniqueKey());
    (ue as MrrUnitEconomics & { config: unknown }).config = { defaults: { churnPct: 2.9, arpa: 132.94 } };
    ue.applyFigures({ clientChurnPct: 4.5, arpa: 120 }, { source: 'calculator' });
    await fixture(ue);
    await ue.persist.restored;
    await until(() => shadow(ue).querySelector('#figures-undo'));
    expect(value(ue, 'churnPct')).to.equal('4.5');
    q(ue, '#figures-undo').click();
    await ue.updateComplete;
    expect(value(ue, 'churnPct')).to.equal('2.9');
    expect(value(ue, 'arpa')).to.equal('132.94');
  });

  it('an edit withdraws Undo (it would throw the edit away) and the notice follows the language', async () => {
    const { calc } = await page();
    calc.applyFigures({ startingCustomers: 12 }, { source: 'movements', from: '2025-05', to: '2025-05' });
    await until(() => shadow(calc).querySelector('#figures-undo'));
    expect(text(calc, '#figures-notice')).to.equal('Figures from your data, May 2025. Undo');
    await type(calc, '#clients', '13');
    expect(shadow(calc).querySelector('#figures-undo')).to.equal(null);
    calc.setAttribute('lang', 'fr');
    await until(() => text(calc, '#figures-notice').startsWith('Chiffres'));
    expect(text(calc, '#figures-notice')).to.equal('Chiffres de vos données, mai 2025. Vous en avez modifié depuis.');
  });

  it('a page can put where the figures went next to the button (the figures-sent slot)', async () => {
    const { movements } = await page();
    const link = document.createElement('a');
    link.slot = 'figures-sent';
    link.href = '#calculator';
    link.textContent = 'Go to the calculator';
    movements.append(link);
    expect(link.assignedSlot).to.equal(null);
    q(movements, '#use-figures').click();
    await movements.updateComplete;
    expect(link.assignedSlot?.closest('.use-figures')).to.equal(q(movements, '.use-figures'));
    expect(link.getBoundingClientRect().height).to.be.above(0);
  });
});
